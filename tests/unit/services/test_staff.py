import pytest
from argon2 import PasswordHasher

from loyalty_desktop.domain.errors import InvalidRequest, PermissionDenied, SignInFailed
from loyalty_desktop.services import member_view, points, programs, staff
from loyalty_desktop.services.auth import LOCAL_ADMIN, Role
from tests.conftest import FixedClock
from tests.fakes import fake_shop
from tests.unit.services.conftest import ShopDriver

FAST = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


@pytest.fixture(autouse=True)
def _an_admin_first(driver: ShopDriver) -> None:
    """A shop's first account is an admin, who then adds the others."""
    staff.add_staff(driver.shop, LOCAL_ADMIN, "Boss", "admin", "9999", FAST)


def test_the_first_account_must_be_an_admin(clock: FixedClock) -> None:
    shop, _ = fake_shop(clock)
    with pytest.raises(InvalidRequest) as refused:
        staff.add_staff(shop, LOCAL_ADMIN, "Ann", "cashier", "4321", FAST)
    assert refused.value.code == "first_staff_admin"
    assert staff.unsigned_actor(shop) is LOCAL_ADMIN
    staff.add_staff(shop, LOCAL_ADMIN, "Boss", "admin", "9999", FAST)
    assert staff.unsigned_actor(shop).signed_in is False


def test_nobody_unsigned_may_change_data_or_see_members_once_staff_exist(
    driver: ShopDriver,
) -> None:
    m = driver.enrol()
    nobody = staff.unsigned_actor(driver.shop)
    for attempt in (
        lambda: points.adjust(driver.shop, nobody, m.member_no, 5, "x", "Q1"),
        lambda: member_view.show_member(driver.shop, nobody, m.member_no),
        lambda: staff.add_staff(driver.shop, nobody, "Eve", "admin", "1234", FAST),
    ):
        with pytest.raises(PermissionDenied) as refused:
            attempt()
        assert refused.value.code == "sign_in_required"
    assert programs.show_program(driver.shop, nobody).program.currency.code == "CNY"


def test_pins_are_stored_as_argon2id_hashes(driver: ShopDriver) -> None:
    staff.add_staff(driver.shop, LOCAL_ADMIN, "Ann", "cashier", "4321", FAST)
    record = driver.database.store.staff["Ann"]
    assert record.pin_hash.startswith("$argon2id$")
    assert "4321" not in record.pin_hash


def test_five_wrong_pins_lock_the_account_for_five_minutes(driver: ShopDriver) -> None:
    staff.add_staff(driver.shop, LOCAL_ADMIN, "Ann", "cashier", "4321", FAST)
    for _ in range(4):
        with pytest.raises(SignInFailed, match="wrong name or PIN"):
            staff.sign_in(driver.shop, "Ann", "0000", FAST)
    with pytest.raises(SignInFailed, match="locked"):
        staff.sign_in(driver.shop, "Ann", "0000", FAST)
    with pytest.raises(SignInFailed, match="locked"):
        staff.sign_in(driver.shop, "Ann", "4321", FAST)  # even the right PIN
    driver.clock.advance(minutes=5)
    actor = staff.sign_in(driver.shop, "Ann", "4321", FAST)
    assert actor.role is Role.CASHIER


def test_an_unknown_name_gets_the_same_answer_as_a_wrong_pin(driver: ShopDriver) -> None:
    with pytest.raises(SignInFailed, match="wrong name or PIN"):
        staff.sign_in(driver.shop, "Nobody", "1234", FAST)


def test_roles_are_checked_by_the_services(driver: ShopDriver) -> None:
    staff.add_staff(driver.shop, LOCAL_ADMIN, "Ann", "cashier", "4321", FAST)
    cashier = staff.sign_in(driver.shop, "Ann", "4321", FAST)
    m = driver.enrol()
    with pytest.raises(PermissionDenied):
        points.adjust(driver.shop, cashier, m.member_no, 10, "please", "Q1")
    with pytest.raises(PermissionDenied):
        staff.add_staff(driver.shop, cashier, "Bob", "admin", "1111", FAST)
    assert driver.balance(m.member_no) == 0


@pytest.mark.parametrize("pin", ["12", "abcd", "1234567890123", "１２３４"])
def test_a_pin_is_four_to_twelve_ascii_digits(driver: ShopDriver, pin: str) -> None:
    with pytest.raises(InvalidRequest):
        staff.add_staff(driver.shop, LOCAL_ADMIN, "Ann", "cashier", pin, FAST)


@pytest.mark.parametrize(
    "name", ["\u200b", "\u2060\ufeff", "\u3000", "\x1b\x07", "\u0301", "\u3164", " \u200d ", "..."]
)
def test_a_staff_name_that_would_show_nothing_readable_is_refused(
    driver: ShopDriver, name: str
) -> None:
    with pytest.raises(InvalidRequest, match="a staff name"):
        staff.add_staff(driver.shop, LOCAL_ADMIN, name, "cashier", "4321", FAST)
    assert list(driver.database.store.staff) == ["Boss"]


def test_a_staff_name_is_kept_as_it_shows_and_signs_in_however_it_was_typed(
    driver: ShopDriver,
) -> None:
    added = staff.add_staff(
        driver.shop, LOCAL_ADMIN, "\u200bＡnn\u3000Lee ", "cashier", "4321", FAST
    )
    assert added.name == "Ann Lee"
    assert sorted(driver.database.store.staff) == ["Ann Lee", "Boss"]
    for typed in ("Ann Lee", "Ａnn\u3000Lee", "Ann\u200b Lee"):
        assert staff.sign_in(driver.shop, typed, "4321", FAST).name == "Ann Lee"
