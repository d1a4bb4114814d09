"""No free points: awards have daily limits, birthdays need a birthday, backdating is bounded."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from loyalty_desktop.domain.errors import InvalidRequest, LoyaltyError, PermissionDenied
from loyalty_desktop.services import points, programs
from loyalty_desktop.services.auth import LOCAL_ADMIN, Actor, Role
from loyalty_desktop.services.awards import nearest_birthday
from tests.unit.services.conftest import PROGRAM, ShopDriver

CASHIER = Actor(name="Ann", role=Role.CASHIER)
MANAGER = Actor(name="Bo", role=Role.MANAGER)


def award(driver: ShopDriver, ref: str, activity: str, **kw: object) -> dict[str, object]:
    return points.award(driver.shop, kw.pop("actor", LOCAL_ADMIN), ref, activity, **kw)  # type: ignore[arg-type]


def test_a_review_is_rewarded_once_a_shop_day(driver: ShopDriver) -> None:
    m = driver.enrol()
    award(driver, m.member_no, "review")
    with pytest.raises(LoyaltyError, match="once") as refused:
        award(driver, m.member_no, "review")
    assert refused.value.code == "already_awarded"
    driver.clock.advance(days=1)
    assert award(driver, m.member_no, "review").earned == 10
    assert driver.balance(m.member_no) == 20


def test_the_programme_sets_the_daily_limits(driver: ShopDriver) -> None:
    programs.load_program(
        driver.shop,
        LOCAL_ADMIN,
        PROGRAM.replace("birthday = 100", "birthday = 100\nreferral = 50")
        + "[activity_limits]\nreferral = 2\n",
        "limits.toml",
    )
    m = driver.enrol()
    award(driver, m.member_no, "referral")
    award(driver, m.member_no, "referral")
    with pytest.raises(LoyaltyError, match="2 times"):
        award(driver, m.member_no, "referral")


def test_birthday_points_need_a_birthday_on_file(driver: ShopDriver) -> None:
    m = driver.enrol()
    with pytest.raises(InvalidRequest) as refused:
        award(driver, m.member_no, "birthday")
    assert refused.value.code == "no_birthday"


def test_birthday_points_come_only_around_the_birthday_and_once(driver: ShopDriver) -> None:
    today = driver.clock.now().date()
    far = driver.enrol("远", birthday=date(1990, (today.month + 5) % 12 + 1, 15))
    with pytest.raises(InvalidRequest) as refused:
        award(driver, far.member_no, "birthday")
    assert refused.value.code == "outside_birthday_window"
    near = driver.enrol("近", birthday=(today - timedelta(days=3)).replace(year=1990))
    assert award(driver, near.member_no, "birthday").earned == 100
    driver.clock.advance(days=2)
    with pytest.raises(LoyaltyError, match="already"):
        award(driver, near.member_no, "birthday")
    driver.clock.advance(days=363)  # next year's birthday
    assert award(driver, near.member_no, "birthday").earned == 100


def test_the_nearest_birthday_crosses_the_new_year_and_leap_days() -> None:
    assert nearest_birthday(date(2026, 1, 2), date(1990, 12, 30)) == date(2025, 12, 30)
    assert nearest_birthday(date(2027, 2, 27), date(2000, 2, 29)) == date(2027, 2, 28)


def test_only_a_manager_backdates_and_never_into_the_future_or_before_joining(
    driver: ShopDriver,
) -> None:
    driver.clock.advance(days=-30)
    m = driver.enrol()
    driver.clock.advance(days=30)
    now = driver.clock.now()
    with pytest.raises(PermissionDenied):
        award(driver, m.member_no, "review", actor=CASHIER, at=now - timedelta(days=2))
    assert award(driver, m.member_no, "review", actor=MANAGER, at=now - timedelta(days=2))
    with pytest.raises(InvalidRequest) as future:
        award(driver, m.member_no, "review", at=now + timedelta(hours=1))
    assert future.value.code == "future_date"
    with pytest.raises(InvalidRequest) as early:
        award(driver, m.member_no, "review", at=now - timedelta(days=31))
    assert early.value.code == "before_enrolment"
    # A cashier's own clock a minute off is still "now".
    assert award(driver, m.member_no, "review", actor=CASHIER, at=now - timedelta(minutes=1))
