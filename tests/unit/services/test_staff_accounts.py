"""Looking after staff accounts: who may do what to whom, and what a disabled or changed account may still do."""

import pytest
from argon2 import PasswordHasher

from loyalty_desktop.domain.errors import InvalidRequest, PermissionDenied, SignInFailed
from loyalty_desktop.services import staff, staff_accounts
from loyalty_desktop.services.auth import LOCAL_ADMIN, Actor, Role
from tests.unit.services.conftest import ShopDriver

FAST = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


@pytest.fixture
def people(driver: ShopDriver) -> dict[str, Actor]:
    """An admin (Boss), a manager (Mia) and a cashier (Cai), each signed in."""
    shop = driver.shop
    staff.add_staff(shop, LOCAL_ADMIN, "Boss", "admin", "9999", FAST)
    boss = staff.sign_in(shop, "Boss", "9999", FAST)
    staff.add_staff(shop, boss, "Mia", "manager", "1111", FAST)
    staff.add_staff(shop, boss, "Cai", "cashier", "2222", FAST)
    return {
        "Boss": boss,
        "Mia": staff.sign_in(shop, "Mia", "1111", FAST),
        "Cai": staff.sign_in(shop, "Cai", "2222", FAST),
    }


def _actions(driver: ShopDriver) -> list[str]:
    return [e.action for e in driver.database.store.audit]


def test_a_disabled_account_cannot_sign_in_and_can_again_once_enabled(
    driver: ShopDriver, people: dict[str, Actor]
) -> None:
    staff_accounts.disable_staff(driver.shop, people["Mia"], "Cai")
    with pytest.raises(SignInFailed):
        staff.sign_in(driver.shop, "Cai", "2222", FAST)
    listed = {a.name: a for a in staff.list_staff(driver.shop, people["Mia"])}
    assert listed["Cai"].active is False
    staff_accounts.enable_staff(driver.shop, people["Mia"], "Cai")
    assert staff.sign_in(driver.shop, "Cai", "2222", FAST).role is Role.CASHIER
    assert _actions(driver)[-2:] == ["staff.disable", "staff.enable"]


def test_a_new_pin_works_the_old_one_stops_and_the_pin_is_never_audited(
    driver: ShopDriver, people: dict[str, Actor]
) -> None:
    staff_accounts.reset_pin(driver.shop, people["Boss"], "Cai", "55667788", FAST)
    with pytest.raises(SignInFailed):
        staff.sign_in(driver.shop, "Cai", "2222", FAST)
    assert staff.sign_in(driver.shop, "Cai", "55667788", FAST).name == "Cai"
    last = driver.database.store.audit[-1]  # sign-ins are not audited; the reset is
    assert last.action == "staff.pin_reset"
    assert "55667788" not in repr(last)


def test_a_new_pin_lifts_a_lockout(driver: ShopDriver, people: dict[str, Actor]) -> None:
    for _ in range(5):
        with pytest.raises(SignInFailed):
            staff.sign_in(driver.shop, "Cai", "0000", FAST)
    staff_accounts.reset_pin(driver.shop, people["Mia"], "Cai", "3333", FAST)
    assert staff.sign_in(driver.shop, "Cai", "3333", FAST).name == "Cai"


def test_a_manager_looks_after_cashiers_only_and_never_makes_anyone_a_manager_or_admin(
    driver: ShopDriver, people: dict[str, Actor]
) -> None:
    mia = people["Mia"]
    staff.add_staff(driver.shop, mia, "Dan", "cashier", "4444", FAST)
    for attempt in (
        lambda: staff.add_staff(driver.shop, mia, "Eve", "manager", "4444", FAST),
        lambda: staff.add_staff(driver.shop, mia, "Eve", "admin", "4444", FAST),
        lambda: staff_accounts.change_role(driver.shop, mia, "Cai", "manager"),
        lambda: staff_accounts.change_role(driver.shop, mia, "Mia", "admin"),
        lambda: staff_accounts.disable_staff(driver.shop, mia, "Boss"),
        lambda: staff_accounts.reset_pin(driver.shop, mia, "Boss", "1234", FAST),
    ):
        with pytest.raises(PermissionDenied) as refused:
            attempt()
        assert refused.value.reason == "manager_manages_cashiers"
    roles = {a.name: a.role for a in staff.list_staff(driver.shop, mia)}
    assert roles == {
        "Boss": Role.ADMIN,
        "Cai": Role.CASHIER,
        "Dan": Role.CASHIER,
        "Mia": Role.MANAGER,
    }


def test_a_manager_may_change_their_own_pin(driver: ShopDriver, people: dict[str, Actor]) -> None:
    staff_accounts.reset_pin(driver.shop, people["Mia"], "Mia", "7777", FAST)
    assert staff.sign_in(driver.shop, "Mia", "7777", FAST).role is Role.MANAGER


def test_an_admin_looks_after_everyone(driver: ShopDriver, people: dict[str, Actor]) -> None:
    boss = people["Boss"]
    staff_accounts.change_role(driver.shop, boss, "Mia", "admin")
    staff_accounts.change_role(driver.shop, boss, "Cai", "manager")
    staff_accounts.disable_staff(driver.shop, boss, "Mia")
    roles = {a.name: (a.role, a.active) for a in staff.list_staff(driver.shop, boss)}
    assert roles["Mia"] == (Role.ADMIN, False)
    assert roles["Cai"] == (Role.MANAGER, True)
    assert _actions(driver)[-3:] == ["staff.role", "staff.role", "staff.disable"]


def test_nobody_disables_themself_or_changes_their_own_role(
    driver: ShopDriver, people: dict[str, Actor]
) -> None:
    with pytest.raises(InvalidRequest) as refused:
        staff_accounts.disable_staff(driver.shop, people["Mia"], "Mia")
    assert refused.value.reason == "disable_self"
    with pytest.raises(InvalidRequest) as refused:
        staff_accounts.disable_staff(driver.shop, people["Boss"], "Boss")
    assert refused.value.reason == "disable_self"
    with pytest.raises(InvalidRequest) as refused:
        staff_accounts.change_role(driver.shop, people["Boss"], "Boss", "manager")
    assert refused.value.reason == "own_role"


def test_the_last_active_admin_is_never_disabled_or_demoted(
    driver: ShopDriver, people: dict[str, Actor]
) -> None:
    # The local administrator is nobody's account, so only the last-admin rule stops it.
    for attempt in (
        lambda: staff_accounts.disable_staff(driver.shop, LOCAL_ADMIN, "Boss"),
        lambda: staff_accounts.change_role(driver.shop, LOCAL_ADMIN, "Boss", "manager"),
    ):
        with pytest.raises(InvalidRequest) as refused:
            attempt()
        assert refused.value.reason == "last_admin"
    staff_accounts.change_role(driver.shop, people["Boss"], "Mia", "admin")
    staff_accounts.change_role(driver.shop, LOCAL_ADMIN, "Boss", "manager")  # Mia is left
    with pytest.raises(InvalidRequest) as refused:
        staff_accounts.disable_staff(driver.shop, LOCAL_ADMIN, "Mia")
    assert refused.value.reason == "last_admin"


def test_a_cashier_is_refused_every_staff_action(
    driver: ShopDriver, people: dict[str, Actor]
) -> None:
    cai = people["Cai"]
    for attempt in (
        lambda: staff.list_staff(driver.shop, cai),
        lambda: staff.add_staff(driver.shop, cai, "Eve", "cashier", "4444", FAST),
        lambda: staff_accounts.disable_staff(driver.shop, cai, "Mia"),
        lambda: staff_accounts.enable_staff(driver.shop, cai, "Cai"),
        lambda: staff_accounts.reset_pin(driver.shop, cai, "Cai", "4444", FAST),
        lambda: staff_accounts.change_role(driver.shop, cai, "Cai", "admin"),
    ):
        with pytest.raises(PermissionDenied):
            attempt()
    assert staff.sign_in(driver.shop, "Cai", "2222", FAST).role is Role.CASHIER


def test_an_unknown_name_is_said_so(driver: ShopDriver, people: dict[str, Actor]) -> None:
    with pytest.raises(InvalidRequest) as refused:
        staff_accounts.disable_staff(driver.shop, people["Boss"], "Nobody")
    assert refused.value.reason == "staff_unknown"


def test_a_signed_in_account_is_stopped_once_disabled_or_given_another_role(
    driver: ShopDriver, people: dict[str, Actor]
) -> None:
    cai, mia = people["Cai"], people["Mia"]
    staff_accounts.check_standing(driver.shop, cai)  # still fine
    staff_accounts.disable_staff(driver.shop, people["Boss"], "Cai")
    with pytest.raises(PermissionDenied) as refused:
        staff_accounts.check_standing(driver.shop, cai)
    assert refused.value.reason == "account_disabled"
    staff_accounts.change_role(driver.shop, people["Boss"], "Mia", "cashier")
    with pytest.raises(PermissionDenied) as refused:
        staff_accounts.check_standing(driver.shop, mia)
    assert refused.value.reason == "role_changed"
    staff_accounts.check_standing(driver.shop, LOCAL_ADMIN)  # not an account: nothing to check


def test_signing_in_is_remembered_for_the_staff_list(
    driver: ShopDriver, people: dict[str, Actor]
) -> None:
    listed = {a.name: a for a in staff.list_staff(driver.shop, people["Boss"])}
    assert listed["Cai"].last_sign_in == driver.clock.now()
