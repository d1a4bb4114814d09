"""No result depends on when the nightly expiry job last ran; expired points are never spent or taken twice."""

from __future__ import annotations

import copy
from datetime import timedelta

import pytest

from loyalty_desktop.domain.errors import InsufficientPoints
from loyalty_desktop.domain.ledger import MovementKind
from loyalty_desktop.services import merge, points
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.context import Shop
from tests.conftest import FixedClock
from tests.fakes import FakeDatabase, FakeReadModels, FakeReports
from tests.unit.services.conftest import ShopDriver
from tests.unit.services.test_refunds import refund


def _twin(driver: ShopDriver) -> ShopDriver:
    """The same shop, same history, on a copy of its database: one runs the job, the other not."""
    database = FakeDatabase()
    database.store = copy.deepcopy(driver.database.store)
    clock = FixedClock(driver.clock.now())
    shop = Shop(
        uow=database,
        clock=clock,
        card_keys=driver.shop.card_keys,
        device_id="twin",
        audit_seal=driver.shop.audit_seal,
        reports=FakeReports(database),
        reads=FakeReadModels(database),
    )
    return ShopDriver(shop, database, clock)


def test_a_refund_after_the_points_lapsed_is_the_same_whether_or_not_the_job_ran(
    driver: ShopDriver,
) -> None:
    m = driver.enrol()
    driver.sell("S1", m.member_no, "50.00")  # 50 points, expiring in 365 days
    driver.clock.advance(days=400)
    twin = _twin(driver)
    points.expire(driver.shop, LOCAL_ADMIN)  # the job ran here, not in the twin
    with_job = refund(driver, "R1", "S1", amount="50.00")
    without_job = refund(twin, "R1", "S1", amount="50.00")
    assert with_job.reversed == without_job.reversed == 0, "lapsed points are gone already"
    assert with_job.points == without_job.points == 0
    assert driver.balance(m.member_no) == twin.balance(m.member_no) == 0


def test_a_refund_takes_back_only_what_did_not_lapse(driver: ShopDriver) -> None:
    m = driver.enrol()
    driver.sell("S1", m.member_no, "50.00")
    driver.sell("S2", m.member_no, "100.00", redeem=30)  # 30 of S1's points spent at once
    driver.clock.advance(days=400)  # S1's other 20 lapse; S2's 70 too
    done = refund(driver, "R1", "S1", amount="50.00")
    assert done.reversed == 30, "the 30 spent points were real; the 20 lapsed were not"
    assert driver.balance(m.member_no) == -30


def test_the_expiry_job_finds_nothing_left_to_do_after_a_sale_wrote_points_off(
    driver: ShopDriver,
) -> None:
    m = driver.enrol()
    driver.sell("S1", m.member_no, "50.00")
    driver.clock.advance(days=400)
    driver.sell("S2", m.member_no, "10.00")
    expiries = [mv for mv in driver.database.store.movements if mv.kind is MovementKind.EXPIRE]
    assert [(mv.points, mv.at) for mv in expiries] == [
        (-50, driver.clock.now() - timedelta(days=400 - 365))
    ]
    assert points.expire(driver.shop, LOCAL_ADMIN).expired_points == 0
    kinds = [event.kind for _, _, event in driver.database.store.outbox]
    assert kinds.count("expiry") == 1
    assert driver.show(m.member_no).points == 10


def test_points_redeemed_then_merged_come_back_with_their_own_expiry(driver: ShopDriver) -> None:
    keep, other = driver.enrol(), driver.enrol()
    driver.sell("S1", other.member_no, "100.00")  # other's lot: 100 points
    expiry = driver.clock.now() + timedelta(days=365)
    driver.clock.advance(days=10)
    driver.sell("S2", other.member_no, "100.00", redeem=40)
    driver.clock.advance(days=10)
    merge.merge_members(driver.shop, LOCAL_ADMIN, keep.member_no, other.member_no)
    driver.clock.advance(days=10)
    done = refund(driver, "R1", "S2", amount="100.00")
    assert done.restored == 40
    restored_lots = [
        lot
        for mv in driver.database.store.movements
        if mv.kind is MovementKind.REFUND_RESTORE
        for lot in mv.lots
    ]
    assert [(lot.points, lot.expires_at) for lot in restored_lots] == [(40, expiry)]
    assert restored_lots[0].source is not None


def test_a_partial_restore_after_a_merge_never_gives_back_more_than_was_taken(
    driver: ShopDriver,
) -> None:
    keep, other = driver.enrol(), driver.enrol()
    driver.sell("S1", other.member_no, "100.00")
    driver.sell("S2", other.member_no, "100.00", redeem=40)
    merge.merge_members(driver.shop, LOCAL_ADMIN, keep.member_no, other.member_no)
    refund(driver, "R1", "S2", amount="50.00")
    refund(driver, "R2", "S2", amount="50.00")
    restored = sum(
        lot.points
        for mv in driver.database.store.movements
        if mv.kind is MovementKind.REFUND_RESTORE
        for lot in mv.lots
    )
    assert restored == 40


def test_a_backdated_redemption_spends_only_points_still_valid_now(driver: ShopDriver) -> None:
    m = driver.enrol()
    driver.sell("S1", m.member_no, "100.00")
    driver.clock.advance(days=370)  # S1's points lapsed five days ago
    shown = driver.show(m.member_no, at=driver.clock.now() - timedelta(days=6))
    assert shown.spendable == 100, "six days ago they could still be spent"
    with pytest.raises(InsufficientPoints):
        driver.sell(
            "S2", m.member_no, "100.00", redeem=50, at=driver.clock.now() - timedelta(days=6)
        )
