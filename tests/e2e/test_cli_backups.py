"""``loyalty backup``, ``backup list|auto|keep``, ``restore`` and ``audit`` from the command line."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.e2e.conftest import Loyalty, db_fingerprint


@pytest.fixture(autouse=True)
def _own_key_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOYALTY_CONFIG_DIR", str(tmp_path / "config"))


@pytest.fixture
def member(shop_cli: Loyalty) -> str:
    code, added = shop_cli("member", "add", "--name", "王五", "--member-no", "W1")
    assert code == 0
    code, _ = shop_cli("adjust", "W1", "30", "--reason", "goodwill", "--request-id", "Q-1")
    assert code == 0
    return str(added["member_no"])


def test_backup_list_and_auto(shop_cli: Loyalty, member: str) -> None:
    code, made = shop_cli("backup")
    assert code == 0
    assert made["label"] == "manual"
    assert Path(made["file"]).is_file()
    code, auto = shop_cli("backup", "auto")
    assert (code, auto["made"]) == (0, None)  # a backup a moment old is recent enough
    code, shelf = shop_cli("backup", "list")
    assert code == 0
    assert [b["file"] for b in shelf["backups"]] == [made["file"]]
    assert (shelf["keep"], shelf["due"]) == (14, False)
    assert shop_cli("backup", "keep", "3") == (0, {"keep": 3})


def test_backup_out_never_overwrites_a_file(shop_cli: Loyalty, member: str, tmp_path: Path) -> None:
    target = tmp_path / "copy.db"
    assert shop_cli("backup", "--out", str(target))[0] == 0
    code, refused = shop_cli("backup", "--out", str(target))
    assert code == 1
    assert refused["reason"] in {"out_is_database", "file_exists"}


def test_restore_asks_for_force_then_brings_the_backup_back(
    shop_cli: Loyalty, member: str, db_path: Path
) -> None:
    _, made = shop_cli("backup")
    shop_cli("member", "add", "--name", "后来")
    code, asked = shop_cli("restore", made["file"])
    assert (code, asked["error"], asked["reason"]) == (
        1,
        "confirm_required",
        "restore_needs_confirm",
    )
    code, done = shop_cli("restore", made["file"], "--force")
    assert code == 0
    assert Path(done["safety_copy"]).is_file()
    code, found = shop_cli("member", "search", "后来")
    assert found["members"] == []
    code, checked = shop_cli("check")
    assert (code, checked["ok"]) == (0, True)


def test_restore_of_a_broken_file_is_refused_and_changes_nothing(
    shop_cli: Loyalty, member: str, db_path: Path, tmp_path: Path
) -> None:
    _, made = shop_cli("backup")
    broken = tmp_path / "broken.db"
    broken.write_bytes(Path(made["file"]).read_bytes()[:5000])
    before = db_fingerprint(db_path)
    code, refused = shop_cli("restore", str(broken), "--force")
    assert code == 1
    assert refused["reason"] in {"backup_damaged", "backup_not_loyalty"}
    assert db_fingerprint(db_path) == before


def test_audit_filters_and_writes_csv(shop_cli: Loyalty, member: str, tmp_path: Path) -> None:
    code, found = shop_cli("audit", "--member", member, "--action", "points.")
    assert code == 0
    assert [(e["action"], e["member_no"], e["reason"]) for e in found["entries"]] == [
        ("points.adjust", "W1", "goodwill")
    ]
    assert found["entries"][0]["details"]["points"] == 30
    code, none = shop_cli("audit", "--by", "nobody-like-this")
    assert (code, none["entries"]) == (0, [])
    out = tmp_path / "audit.csv"
    code, written = shop_cli("audit", "--since", "2000-01-01", "--out", str(out))
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert written["entries"] == len(rows) >= 2
    assert {"points.adjust", "program.load"} <= {r["action"] for r in rows}
