"""``--out`` never destroys the shop's data: no overwriting without --force, never the database or keys."""

from __future__ import annotations

import os
import sqlite3
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
    return str(added["member_no"])


def _config_dir() -> Path:
    return Path(os.environ["LOYALTY_CONFIG_DIR"])


def _exports(member: str) -> list[list[str]]:
    return [
        ["member", "export", member],
        ["member", "card", member],
        ["report", "kpis"],
        ["report", "liability", "--format", "csv"],
    ]


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_the_database_its_journals_backups_and_keys_are_never_overwritten(
    shop_cli: Loyalty, member: str, db_path: Path, force: list[str]
) -> None:
    backup = db_path.with_name(f"{db_path.stem}.backup-0002-20260101T000000.db")
    backup.write_bytes(db_path.read_bytes())
    wal = db_path.with_name(db_path.name + "-wal")
    wal.touch()
    link = db_path.with_name("innocent-looking.png")
    link.symlink_to(db_path)
    protected = [db_path, wal, backup, link, _config_dir() / "card-keys.json"]
    kept = [p for p in protected if p != wal]  # SQLite itself removes the log when it closes
    before = {p: p.read_bytes() for p in kept}
    shop_before = db_fingerprint(db_path)
    for target in protected:
        for args in _exports(member):
            # A card to a non-.png name is refused for its name; everything else for what it is.
            code, refused = shop_cli(*args, "--out", str(target), *force)
            assert code == 1, (target, args, refused)
            assert refused["error"] in ("protected_file", "invalid_request"), refused
    assert {p: p.read_bytes() for p in kept} == before
    assert not wal.exists() or not wal.read_bytes().startswith((b"{", b"\x89PNG", b"key"))
    assert db_fingerprint(db_path) == shop_before


def test_any_sqlite_database_is_safe_even_with_force(
    shop_cli: Loyalty, member: str, tmp_path: Path
) -> None:
    other = tmp_path / "another-shop.json"
    with sqlite3.connect(other) as conn:
        conn.execute("create table t (x)")
    before = other.read_bytes()
    code, refused = shop_cli("member", "export", member, "--out", str(other), "--force")
    assert (code, refused["error"]) == (1, "protected_file")
    assert other.read_bytes() == before


@pytest.mark.parametrize(
    "name",
    ["card-keys.json.replaced-20261204T100000", "audit-heads.json.bak", "card-keys.json.old"],
)
def test_the_old_key_files_kept_beside_are_safe_even_with_force(
    shop_cli: Loyalty, member: str, tmp_path: Path, name: str
) -> None:
    kept = tmp_path / name
    kept.write_text('{"keys": "the only copy"}', encoding="utf-8")
    code, refused = shop_cli("member", "export", member, "--out", str(kept), "--force")
    assert (code, refused["error"]) == (1, "protected_file")
    assert kept.read_text(encoding="utf-8") == '{"keys": "the only copy"}'


def test_an_existing_file_is_replaced_only_with_force(
    shop_cli: Loyalty, member: str, tmp_path: Path
) -> None:
    out = tmp_path / "export.json"
    out.write_text("keep me", encoding="utf-8")
    code, refused = shop_cli("member", "export", member, "--out", str(out))
    assert (code, refused["error"]) == (1, "file_exists")
    assert out.read_text(encoding="utf-8") == "keep me"
    code, _done = shop_cli("member", "export", member, "--out", str(out), "--force")
    assert code == 0
    assert '"member_no": "W1"' in out.read_text(encoding="utf-8")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".export.json")], (
        "no temporary file is left behind"
    )


def test_a_refused_card_export_does_not_revoke_the_old_card(
    shop_cli: Loyalty, member: str, tmp_path: Path
) -> None:
    code, shown = shop_cli("member", "show", member)
    taken = tmp_path / "card.png"
    taken.write_bytes(b"someone's photo")
    code, refused = shop_cli("member", "card", member, "--out", str(taken), "--reissue")
    assert (code, refused["error"]) == (1, "file_exists")
    assert shop_cli("member", "show", shown["card"])[1]["member_no"] == member
