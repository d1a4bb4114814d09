from datetime import timedelta

import pytest

from loyalty_desktop.domain.errors import InsufficientPoints, InvalidRequest, LoyaltyError
from loyalty_desktop.services import points
from loyalty_desktop.services.auth import LOCAL_ADMIN
from tests.unit.services.conftest import ShopDriver


def test_an_adjustment_needs_a_reason_and_happens_once_per_request_id(driver: ShopDriver) -> None:
    m = driver.enrol()
    with pytest.raises(InvalidRequest, match="reason"):
        points.adjust(driver.shop, LOCAL_ADMIN, m.member_no, 50, "  ", "Q1")
    first = points.adjust(driver.shop, LOCAL_ADMIN, m.member_no, 50, "goodwill", "Q1")
    again = points.adjust(driver.shop, LOCAL_ADMIN, m.member_no, 50, "goodwill", "Q1")
    assert (first.points, again.points, again.replayed) == (50, 50, True)
    assert driver.balance(m.member_no) == 50
    entry = driver.database.store.audit[-1]
    assert (entry.action, entry.reason, entry.details["points"]) == (
        "points.adjust",
        "goodwill",
        50,
    )


def test_taking_more_points_than_the_member_has_is_refused(driver: ShopDriver) -> None:
    m = driver.enrol()
    driver.sell("S1", m.member_no, "30.00")
    with pytest.raises(InsufficientPoints):
        points.adjust(driver.shop, LOCAL_ADMIN, m.member_no, -31, "typo", "Q1")
    assert points.adjust(driver.shop, LOCAL_ADMIN, m.member_no, -30, "typo", "Q2").points == 0


def test_activity_points_follow_the_programme_and_check_in_once_a_day(driver: ShopDriver) -> None:
    m = driver.enrol()
    assert points.award(driver.shop, LOCAL_ADMIN, m.member_no, "review").earned == 10
    assert points.award(driver.shop, LOCAL_ADMIN, m.member_no, "check_in").points == 11
    with pytest.raises(LoyaltyError, match="already had check_in"):
        points.award(driver.shop, LOCAL_ADMIN, m.member_no, "check_in")
    driver.clock.advance(days=1)
    assert points.award(driver.shop, LOCAL_ADMIN, m.member_no, "check_in").points == 12
    with pytest.raises(LoyaltyError) as refused:
        points.award(driver.shop, LOCAL_ADMIN, m.member_no, "dancing")
    assert refused.value.code == "unknown_activity"


def test_the_expiry_job_writes_off_lapsed_lots_once(driver: ShopDriver) -> None:
    m = driver.enrol()
    driver.sell("S1", m.member_no, "100.00")
    driver.clock.advance(days=200)
    driver.sell("S2", m.member_no, "50.00")
    driver.clock.advance(days=200)
    result = points.expire(driver.shop, LOCAL_ADMIN)
    assert (result.expired_points, result.members) == (100, 1)
    assert driver.balance(m.member_no) == 50
    assert points.expire(driver.shop, LOCAL_ADMIN).expired_points == 0
    expire_moves = [mv for mv in driver.database.store.movements if mv.kind.value == "expire"]
    assert len(expire_moves) == 1
    assert expire_moves[0].at == driver.clock.now() - timedelta(days=400 - 365)


def test_an_expiry_run_in_the_future_is_refused(driver: ShopDriver) -> None:
    with pytest.raises(InvalidRequest, match="future"):
        points.expire(driver.shop, LOCAL_ADMIN, driver.clock.now() + timedelta(days=1))


def test_an_award_with_a_request_id_happens_once_and_every_award_is_audited(
    driver: ShopDriver,
) -> None:
    m = driver.enrol()
    first = points.award(driver.shop, LOCAL_ADMIN, m.member_no, "review", request_id="RV-1")
    again = points.award(driver.shop, LOCAL_ADMIN, m.member_no, "review", request_id="RV-1")
    assert (first.points, again.points, again.replayed) == (10, 10, True)
    driver.clock.advance(days=1)  # one review a day
    points.award(driver.shop, LOCAL_ADMIN, m.member_no, "review")
    assert driver.balance(m.member_no) == 20
    awards = [e for e in driver.database.store.audit if e.action == "points.award"]
    assert len(awards) == 2


def test_a_request_id_typed_full_width_is_the_same_request(driver: ShopDriver) -> None:
    m = driver.enrol()
    points.adjust(driver.shop, LOCAL_ADMIN, m.member_no, 50, "goodwill", "Q1")
    again = points.adjust(driver.shop, LOCAL_ADMIN, m.member_no, 50, "goodwill", "Ｑ１")
    assert (again.points, again.replayed, again.request_id) == (50, True, "Q1")
    points.award(driver.shop, LOCAL_ADMIN, m.member_no, "review", request_id="RV-1")
    awarded = points.award(driver.shop, LOCAL_ADMIN, m.member_no, "review", request_id="ＲＶ－１")
    assert awarded.replayed is True
    assert driver.balance(m.member_no) == 60


def test_the_currency_cannot_change_once_sales_exist(driver: ShopDriver) -> None:
    from loyalty_desktop.domain.errors import BadProgram
    from loyalty_desktop.services import programs
    from tests.unit.services.conftest import PROGRAM

    usd = PROGRAM.replace('currency = "CNY"', 'currency = "USD"')
    programs.load_program(driver.shop, LOCAL_ADMIN, usd, "usd.toml")  # no sales yet: fine
    programs.load_program(driver.shop, LOCAL_ADMIN, PROGRAM, "cny.toml")
    m = driver.enrol()
    driver.sell("S1", m.member_no, "10.00")
    with pytest.raises(BadProgram) as refused:
        programs.load_program(driver.shop, LOCAL_ADMIN, usd, "usd.toml")
    assert refused.value.code == "currency_change"
    programs.load_program(driver.shop, LOCAL_ADMIN, PROGRAM + "\n", "cny-again.toml")
