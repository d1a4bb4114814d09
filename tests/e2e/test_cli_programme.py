"""``loyalty program export|versions|preview``: the file out and back in, its history, what a sale earns."""

from __future__ import annotations

from pathlib import Path

import pytest

from loyalty_desktop.domain.program_file import parse_program
from tests.e2e.conftest import PROGRAM, Loyalty, days_ago, db_fingerprint, run_script


@pytest.fixture(autouse=True)
def _own_key_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOYALTY_CONFIG_DIR", str(tmp_path / "config"))


def test_export_writes_the_file_in_force_and_loading_it_back_makes_the_same_programme(
    shop_cli: Loyalty, tmp_path: Path
) -> None:
    out = tmp_path / "exported.toml"
    code, written = shop_cli("program", "export", "--out", str(out))
    assert code == 0
    assert written == {"file": str(out.resolve()), "version": 1}
    assert parse_program(out.read_text(encoding="utf-8")) == parse_program(PROGRAM)
    code, shown = shop_cli("program", "show")
    code, loaded = shop_cli("program", "load", str(out))
    assert code == 0
    assert loaded["version"] == 2
    assert {**loaded, "version": 1} == shown


def test_export_never_overwrites_without_force_and_never_the_database(
    shop_cli: Loyalty, tmp_path: Path, db_path: Path
) -> None:
    out = tmp_path / "exported.toml"
    out.write_text("mine", encoding="utf-8")
    code, refused = shop_cli("program", "export", "--out", str(out))
    assert (code, refused["error"]) == (1, "file_exists")
    assert out.read_text(encoding="utf-8") == "mine"
    before = db_fingerprint(db_path)
    code, refused = shop_cli("program", "export", "--out", str(db_path), "--force")
    assert (code, refused["error"]) == (1, "protected_file")
    assert db_fingerprint(db_path) == before
    code, _ = shop_cli("program", "export", "--out", str(out), "--force")
    assert code == 0
    assert "[earn]" in out.read_text(encoding="utf-8")


def test_export_without_out_prints_the_toml_itself(program_file: Path, db_path: Path) -> None:
    assert run_script("--db", str(db_path), "init", "--program", str(program_file)).returncode == 0
    shown = run_script("--db", str(db_path), "program", "export")
    assert shown.returncode == 0
    assert parse_program(shown.stdout) == parse_program(PROGRAM)


def test_versions_name_who_loaded_each_and_which_is_in_force(
    shop_cli: Loyalty, program_file: Path
) -> None:
    shop_cli("program", "load", str(program_file))
    code, listed = shop_cli("program", "versions")
    assert code == 0
    assert [(v["version"], v["in_force"]) for v in listed["versions"]] == [(2, True), (1, False)]
    assert listed["versions"][0]["source"] == str(program_file)


def test_preview_gives_what_a_real_sale_then_earns(shop_cli: Loyalty) -> None:
    saturday = days_ago(3, weekday=5, time="12:00:00")
    code, _ = shop_cli("member", "add", "--name", "Li", "--member-no", "P1", "--at", days_ago(30))
    shop_cli("sale", "S-1", "--member", "P1", "--total", "1200.00", "--at", days_ago(20))
    code, preview = shop_cli(
        "program", "preview", "--amount", "100.00", "--tier", "Gold", "--at", saturday
    )
    assert code == 0
    code, sale = shop_cli("sale", "S-2", "--member", "P1", "--total", "100.00", "--at", saturday)
    assert code == 0, sale
    assert sale["tier"] == "Gold"
    assert (preview["earned"], preview["paid"]) == (sale["earned"], sale["paid"])
    assert preview["earned"] == 285  # 95.00 paid, × 1.5 Gold, × 2 weekend
    assert preview["campaigns"] == ["Double weekend"]


def test_preview_of_a_programme_file_refuses_its_mistakes_with_the_key(
    shop_cli: Loyalty, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[earn]\nper = "0"\n', encoding="utf-8")
    code, refused = shop_cli("program", "preview", "--amount", "10", "--file", str(bad))
    assert code == 1
    assert refused["key"] == "earn.per"
