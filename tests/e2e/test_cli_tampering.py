"""``loyalty check`` catches tampering and lost keys, and says so with exit 1."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path

import pytest

from loyalty_desktop.domain.audit import canonical
from tests.e2e.conftest import Loyalty


@pytest.fixture(autouse=True)
def _own_key_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests damage and remove the key file: each gets a configuration directory of its own."""
    monkeypatch.setenv("LOYALTY_CONFIG_DIR", str(tmp_path / "config"))


def _keys() -> Path:
    return Path(os.environ["LOYALTY_CONFIG_DIR"]) / "card-keys.json"


@pytest.fixture
def busy_shop(shop_cli: Loyalty) -> Loyalty:
    """A shop whose audit log has a few entries."""
    code, _m = shop_cli("member", "add", "--name", "张三", "--member-no", "M1")
    assert code == 0
    shop_cli("sale", "S1", "--member", "M1", "--total", "100.00")
    for i in range(3):
        assert shop_cli("adjust", "M1", "5", "--reason", f"r{i}", "--request-id", f"Q{i}")[0] == 0
    assert shop_cli("check") == (0, {"ok": True, "problems": []})
    return shop_cli


def _rehash_everything_after_editing(db: Path, seq: int, reason: str) -> None:
    """What an attacker with the database but not the key does: edit, then re-hash the chain."""
    with sqlite3.connect(db) as conn:
        conn.execute("update audit set reason = ? where seq = ?", (reason, seq))
        rows = conn.execute(
            "select seq, at, actor, action, subject, reason, details from audit order by seq"
        ).fetchall()
        prev = "0" * 64
        for s, at, actor, action, subject, why, details in rows:
            body = {
                "seq": s,
                "at": at.replace(" ", "T") + "+00:00",
                "actor": actor,
                "action": action,
                "subject": subject,
                "reason": why,
                "details": json.loads(details),
            }
            sealed = hashlib.sha256((prev + canonical(body)).encode()).hexdigest()
            conn.execute("update audit set prev_hash=?, hash=? where seq=?", (prev, sealed, s))
            prev = sealed


def test_an_edited_and_rehashed_audit_entry_is_caught(busy_shop: Loyalty, db_path: Path) -> None:
    _rehash_everything_after_editing(db_path, 2, "nothing happened here")
    code, found = busy_shop("check")
    assert code == 1
    assert found["ok"] is False
    assert any("audit entry 2" in p for p in found["problems"]), found


def test_audit_entries_cut_off_the_end_are_caught(busy_shop: Loyalty, db_path: Path) -> None:
    with sqlite3.connect(db_path) as conn:
        top = conn.execute("select max(seq) from audit").fetchone()[0]
        conn.execute("delete from audit where seq >= ?", (top - 1,))
    code, found = busy_shop("check")
    assert code == 1
    assert any("removed" in p for p in found["problems"]), found


def test_cutting_the_end_and_changing_the_device_id_is_not_healed_by_the_next_entry(
    busy_shop: Loyalty, db_path: Path
) -> None:
    with sqlite3.connect(db_path) as conn:
        top = conn.execute("select max(seq) from audit").fetchone()[0]
        conn.execute("delete from audit where seq >= ?", (top - 1,))
        conn.execute(
            "update settings set value = '11111111-2222-3333-4444-555555555555'"
            " where key = 'device_id'"
        )
    assert busy_shop("check")[0] == 1
    assert busy_shop("adjust", "M1", "1", "--reason", "cover", "--request-id", "Q9")[0] == 0
    code, found = busy_shop("check")
    assert code == 1
    assert any("newest entry" in p for p in found["problems"]), found


def test_a_rehashed_log_with_its_key_fingerprint_blanked_is_not_sealed_again(
    busy_shop: Loyalty, db_path: Path
) -> None:
    _rehash_everything_after_editing(db_path, 2, "innocent")
    with sqlite3.connect(db_path) as conn:
        (text,) = conn.execute("select value from settings where key='key_fingerprints'").fetchone()
        prints = json.loads(text)
        prints["audit"] = ""
        conn.execute(
            "update settings set value = ? where key = 'key_fingerprints'", (json.dumps(prints),)
        )
        conn.execute("delete from settings where key = 'device_id'")
    for _ in range(2):  # opening the database twice must not launder the rewrite
        code, found = busy_shop("check")
        assert code == 1
        assert any("audit entry" in p for p in found["problems"]), found


def test_a_damaged_head_file_is_reported_until_repaired_not_overwritten(
    busy_shop: Loyalty,
) -> None:
    heads = _keys().with_name("audit-heads.json")
    heads.write_text("garbage", encoding="utf-8")
    assert busy_shop("adjust", "M1", "1", "--reason", "more", "--request-id", "Q9")[0] == 0
    assert heads.read_text(encoding="utf-8") == "garbage"
    assert busy_shop("check")[0] == 1


def test_a_lost_key_file_is_a_loud_refusal_never_a_silent_new_key(
    busy_shop: Loyalty, db_path: Path
) -> None:
    code, shown = busy_shop("member", "show", "M1")
    card = shown["card"]
    _keys().rename(_keys().with_name("card-keys.json.lost"))
    code, refused = busy_shop("member", "show", card)
    assert (code, refused["error"]) == (1, "card_keys_missing")
    assert "restore card-keys.json" in refused["message"]
    assert not _keys().exists(), "no new key was made behind the shop's back"
    code, found = busy_shop("check")
    assert (code, found["ok"]) == (1, False)
    assert any("missing" in p for p in found["problems"])
    # Restoring the file from the backup brings everything back.
    _keys().with_name("card-keys.json.lost").rename(_keys())
    assert busy_shop("member", "show", card)[1]["member_no"] == "M1"
    assert busy_shop("check")[0] == 0


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b'{"active": 1, "keys": {}}',
        b"\xff\xfe",
        b'{"active": 1e400, "keys": {"1": "' + b"ab" * 32 + b'"}}',
        b'{"active": NaN, "keys": {"1": "' + b"ab" * 32 + b'"}}',
    ],
)
def test_an_empty_or_damaged_key_file_is_refused_clearly(
    busy_shop: Loyalty, content: bytes
) -> None:
    _keys().write_bytes(content)
    code, refused = busy_shop("member", "show", "M1")
    assert (code, refused["error"]) == (1, "card_keys_damaged")
    assert busy_shop("check")[0] == 1


def test_a_key_file_lost_for_good_is_replaced_by_an_admin_and_the_check_is_clean_again(
    busy_shop: Loyalty, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert busy_shop("staff", "add", "Boss", "--role", "admin", stdin="9999\n")[0] == 0
    old_card = busy_shop("--staff", "Boss", "member", "show", "M1", stdin="9999\n")[1]["card"]
    _keys().unlink()
    monkeypatch.setenv("LOYALTY_PIN", "9999")
    code, refused = busy_shop("--staff", "Boss", "card-key", "replace")
    assert (code, refused["error"]) == (1, "invalid_request"), "--confirm is required"
    code, done = busy_shop("--staff", "Boss", "card-key", "replace", "--confirm")
    assert code == 0, done
    assert busy_shop("check") == (0, {"ok": True, "problems": []})
    code, refused = busy_shop("--staff", "Boss", "member", "show", old_card)
    assert (code, refused["error"]) == (1, "invalid_card"), "old cards must be reprinted"
