"""Once a shop has staff accounts, the command knows who is asking: sign-in, roles, the audit's names."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from tests.e2e.conftest import SHOP_ZONE, Loyalty, days_ago, db_fingerprint


@pytest.fixture
def staffed(shop_cli: Loyalty) -> Loyalty:
    """A shop with an admin (PIN 9999), a manager (5555) and a cashier (1234), and one member."""
    assert shop_cli("staff", "add", "Boss", "--role", "admin", stdin="9999\n")[0] == 0
    for name, role, pin in (("Mia", "manager", "5555"), ("Cai", "cashier", "1234")):
        code, added = shop_cli(
            "--staff", "Boss", "staff", "add", name, "--role", role, stdin=f"9999\n{pin}\n"
        )
        assert code == 0, added
    code, member = shop_cli(
        "--staff",
        "Mia",
        "member",
        "add",
        "--name",
        "张三",
        "--member-no",
        "M1",
        "--at",
        "2025-01-01",
        stdin="5555\n",
    )
    assert code == 0, member
    return shop_cli


def test_without_sign_in_nothing_changes_and_no_member_is_shown(
    staffed: Loyalty, db_path: Path
) -> None:
    before = db_fingerprint(db_path)
    for args in (
        ["sale", "S1", "--member", "M1", "--total", "10.00"],
        ["adjust", "M1", "5", "--reason", "x", "--request-id", "Q1"],
        ["member", "add", "--name", "李四"],
        ["member", "show", "M1"],
        ["staff", "add", "Eve", "--role", "admin"],
        ["card-key", "rotate"],
    ):
        code, refused = staffed(*args, stdin="")
        assert (code, refused["error"]) == (1, "sign_in_required"), args
    assert db_fingerprint(db_path) == before
    assert staffed("check")[0] == 0  # checking changes nothing and shows no member
    assert staffed("program", "show")[0] == 0


def test_a_signed_in_cashier_sells_and_the_audit_names_who_did_what(
    staffed: Loyalty, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOYALTY_PIN", "1234")
    code, sale = staffed("--staff", "Cai", "sale", "S1", "--member", "M1", "--total", "10.00")
    weekend = datetime.now(SHOP_ZONE).weekday() >= 5  # the test programme doubles weekends
    assert (code, sale["earned"]) == (0, 20 if weekend else 10)
    code, refused = staffed(
        "--staff", "Cai", "adjust", "M1", "50", "--reason", "x", "--request-id", "Q1"
    )
    assert (code, refused["error"]) == (1, "permission_denied")
    code, refused = staffed(
        "--staff", "Cai", "sale", "S2", "--member", "M1", "--total", "10.00", "--at", days_ago(3)
    )
    assert (code, refused["error"]) == (1, "permission_denied"), "backdating is a manager's right"
    monkeypatch.setenv("LOYALTY_PIN", "5555")
    assert (
        staffed(
            "--staff", "Mia", "adjust", "M1", "5", "--reason", "goodwill", "--request-id", "Q2"
        )[0]
        == 0
    )
    with sqlite3.connect(db_path) as conn:
        actors = dict(conn.execute("select action, actor from audit where action like 'points.%'"))
    assert actors == {"points.adjust": "Mia"}


def test_a_wrong_pin_is_refused_and_five_lock_the_account(staffed: Loyalty) -> None:
    for _ in range(4):
        code, refused = staffed("--staff", "Cai", "member", "show", "M1", stdin="0000\n")
        assert (code, refused["error"]) == (1, "sign_in_failed")
    code, refused = staffed("--staff", "Cai", "member", "show", "M1", stdin="0000\n")
    assert "locked" in refused["message"]
    code, refused = staffed("--staff", "Cai", "member", "show", "M1", stdin="1234\n")
    assert (code, refused["error"]) == (1, "sign_in_failed"), "locked even with the right PIN"


def test_awards_have_limits_from_the_command_too(staffed: Loyalty) -> None:
    first = staffed("--staff", "Cai", "award", "M1", "review", stdin="1234\n")
    assert first[0] == 0, first
    code, refused = staffed("--staff", "Cai", "award", "M1", "review", stdin="1234\n")
    assert (code, refused["error"]) == (1, "already_awarded")


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_new_database_and_its_journals_are_readable_by_this_user_only(
    staffed: Loyalty, db_path: Path
) -> None:
    # It holds the staff's PIN hashes: anyone who copies it could guess short PINs offline.
    for name in (db_path.name, db_path.name + "-wal"):
        path = db_path.with_name(name)
        if path.exists():
            assert path.stat().st_mode & 0o777 == 0o600, name
