"""An id posted again replays the first result only for the same request; another request is refused."""

from __future__ import annotations

from datetime import timedelta

import pytest

from loyalty_desktop.domain.errors import IdConflict
from loyalty_desktop.services import checkout, points
from loyalty_desktop.services.auth import LOCAL_ADMIN
from tests.unit.services.conftest import ShopDriver
from tests.unit.services.test_refunds import refund


def test_a_sale_no_reused_for_another_member_or_basket_is_refused(driver: ShopDriver) -> None:
    a, b = driver.enrol("甲"), driver.enrol("乙")
    driver.sell("0001", a.member_no, "10.00")
    outbox = len(driver.database.store.outbox)
    with pytest.raises(IdConflict):
        driver.sell("0001", b.member_no, "500.00")
    with pytest.raises(IdConflict):
        driver.sell("0001", b.member_no, "10.00")  # same basket, other member
    with pytest.raises(IdConflict):
        driver.sell("0001", a.member_no, "10.00", redeem=5)
    with pytest.raises(IdConflict):
        driver.sell("0001", a.member_no, "10.00", at=driver.clock.now() - timedelta(days=1))
    assert (driver.balance(a.member_no), driver.balance(b.member_no)) == (10, 0)
    assert len(driver.database.store.outbox) == outbox


def test_the_same_sale_through_another_reference_of_the_same_member_replays(
    driver: ShopDriver,
) -> None:
    a = driver.enrol("甲", phone="13800138000")
    lines = (checkout.LineRequest("TEA", "2", "3.50"),)
    first = driver.sell("0001", a.member_no, lines=lines)
    again = driver.sell("0001", a.card, lines=(checkout.LineRequest("TEA", "2.0", "3.5"),))
    assert again.replayed is True
    assert again.earned == first.earned


def test_a_refund_no_reused_for_another_refund_is_refused(driver: ShopDriver) -> None:
    m = driver.enrol()
    driver.sell("S1", m.member_no, "100.00")
    driver.sell("S2", m.member_no, "100.00")
    refund(driver, "R1", "S1", amount="10.00")
    assert refund(driver, "R1", "S1", amount="10.0").replayed is True
    with pytest.raises(IdConflict):
        refund(driver, "R1", "S1", amount="20.00")
    with pytest.raises(IdConflict):
        refund(driver, "R1", "S2", amount="10.00")
    assert driver.balance(m.member_no) == 190


def test_an_adjustment_request_id_reused_for_another_correction_is_refused(
    driver: ShopDriver,
) -> None:
    a, b = driver.enrol("甲"), driver.enrol("乙")
    points.adjust(driver.shop, LOCAL_ADMIN, a.member_no, 50, "goodwill", "Q1")
    assert points.adjust(driver.shop, LOCAL_ADMIN, a.member_no, 50, "goodwill", "Q1").replayed
    for ref, pts, reason in (
        (a.member_no, 500, "goodwill"),
        (a.member_no, 50, "other reason"),
        (b.member_no, 50, "goodwill"),
    ):
        with pytest.raises(IdConflict):
            points.adjust(driver.shop, LOCAL_ADMIN, ref, pts, reason, "Q1")
    assert (driver.balance(a.member_no), driver.balance(b.member_no)) == (50, 0)


def test_an_award_request_id_reused_for_another_member_is_refused(driver: ShopDriver) -> None:
    a, b = driver.enrol("甲"), driver.enrol("乙")
    points.award(driver.shop, LOCAL_ADMIN, a.member_no, "review", request_id="RV-1")
    with pytest.raises(IdConflict):
        points.award(driver.shop, LOCAL_ADMIN, b.member_no, "review", request_id="RV-1")
    with pytest.raises(IdConflict):
        points.award(driver.shop, LOCAL_ADMIN, a.member_no, "check_in", request_id="RV-1")
    assert driver.balance(b.member_no) == 0
