"""``loyalty staff disable|enable|reset-pin|role`` and ``loyalty till-rules``."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import Loyalty


@pytest.fixture
def staffed(shop_cli: Loyalty) -> Loyalty:
    """An admin (PIN 9999), a manager (5555), a cashier (1234), and member M1 with a recent sale."""
    assert shop_cli("staff", "add", "Boss", "--role", "admin", stdin="9999\n")[0] == 0
    for name, role, pin in (("Mia", "manager", "5555"), ("Cai", "cashier", "1234")):
        code, added = shop_cli(
            "--staff", "Boss", "staff", "add", name, "--role", role, stdin=f"9999\n{pin}\n"
        )
        assert code == 0, added
    code, done = shop_cli(
        "--staff", "Boss", "member", "add", "--name", "张三", "--member-no", "M1", stdin="9999\n"
    )
    assert code == 0, done
    code, done = shop_cli(
        "--staff",
        "Boss",
        "sale",
        "S1",
        "--member",
        "M1",
        "--total",
        "100.00",
        stdin="9999\n",
    )
    assert code == 0, done
    return shop_cli


def test_a_disabled_account_cannot_sign_in_until_enabled(staffed: Loyalty) -> None:
    code, done = staffed("--staff", "Mia", "staff", "disable", "Cai", stdin="5555\n")
    assert (code, done) == (0, {"staff": "Cai", "role": "cashier", "active": False})
    code, refused = staffed("--staff", "Cai", "till-rules", stdin="1234\n")
    assert refused["error"] == "sign_in_failed"
    assert staffed("--staff", "Mia", "staff", "enable", "Cai", stdin="5555\n")[0] == 0
    assert staffed("--staff", "Cai", "till-rules", stdin="1234\n")[0] == 0


def test_a_new_pin_is_read_from_standard_input_and_the_old_one_stops(staffed: Loyalty) -> None:
    code, done = staffed("--staff", "Boss", "staff", "reset-pin", "Cai", stdin="9999\n24681357\n")
    assert code == 0
    assert done["pin_reset"] is True
    assert "24681357" not in str(done)
    assert staffed("--staff", "Cai", "till-rules", stdin="1234\n")[1]["error"] == "sign_in_failed"
    assert staffed("--staff", "Cai", "till-rules", stdin="24681357\n")[0] == 0
    code, refused = staffed("--staff", "Boss", "staff", "reset-pin", "Cai", stdin="9999\n")
    assert refused["reason"] == "pin_missing"


def test_roles_change_under_the_rules(staffed: Loyalty) -> None:
    code, refused = staffed("--staff", "Mia", "staff", "role", "Cai", "manager", stdin="5555\n")
    assert refused["reason"] == "manager_manages_cashiers"
    code, refused = staffed("--staff", "Boss", "staff", "role", "Boss", "cashier", stdin="9999\n")
    assert refused["reason"] == "own_role"
    code, done = staffed("--staff", "Boss", "staff", "role", "Cai", "manager", stdin="9999\n")
    assert (code, done["role"]) == (0, "manager")
    code, listed = staffed("--staff", "Boss", "staff", "list", stdin="9999\n")
    rows = {row["name"]: row for row in listed["staff"]}
    assert rows["Cai"]["role"] == "manager"


def test_a_cashier_is_refused_the_staff_commands(staffed: Loyalty) -> None:
    for args in (
        ["staff", "list"],
        ["staff", "disable", "Mia"],
        ["staff", "enable", "Cai"],
        ["staff", "role", "Cai", "admin"],
        ["staff", "reset-pin", "Cai"],
        ["till-rules", "--refund-limit", "500"],
    ):
        _, refused = staffed("--staff", "Cai", *args, stdin="1234\n4444\n")
        assert refused["error"] == "permission_denied", args


def test_till_rules_are_shown_set_by_an_admin_and_let_a_cashier_refund_alone(
    staffed: Loyalty,
) -> None:
    code, rules = staffed("--staff", "Cai", "till-rules", stdin="1234\n")
    assert rules == {"refund_limit": "0.00", "currency": "CNY", "discount_limit": 100}
    refund = ["refund", "R1", "--sale", "S1", "--amount", "20.00"]
    assert staffed("--staff", "Cai", *refund, stdin="1234\n")[1]["error"] == "permission_denied"
    code, refused = staffed("--staff", "Mia", "till-rules", "--refund-limit", "30", stdin="5555\n")
    assert refused["error"] == "permission_denied"
    code, rules = staffed(
        "--staff",
        "Boss",
        "till-rules",
        "--refund-limit",
        "30",
        "--discount-limit",
        "10",
        stdin="9999\n",
    )
    assert rules == {"refund_limit": "30.00", "currency": "CNY", "discount_limit": 10}
    code, done = staffed("--staff", "Cai", *refund, stdin="1234\n")
    assert code == 0, done
    code, refused = staffed(
        "--staff", "Cai", "refund", "R2", "--sale", "S1", "--amount", "30.01", stdin="1234\n"
    )
    assert refused["reason"] == "refund_above_cashier_limit"
    code, refused = staffed(
        "--staff",
        "Cai",
        "sale",
        "S2",
        "--member",
        "M1",
        "--total",
        "10.00",
        "--discount",
        "2.00",
        stdin="1234\n",
    )
    assert refused["reason"] == "discount_above_cashier_limit"
