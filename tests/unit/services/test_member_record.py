"""A member's record for the back office: lots with expiry, tier changes, and the merge preview."""

from __future__ import annotations

import pytest

from loyalty_desktop.domain.errors import InvalidRequest, MemberClosed, PermissionDenied
from loyalty_desktop.domain.tier_changes import TierCause
from loyalty_desktop.services import member_record, merge, merge_preview, points, privacy, refunds
from loyalty_desktop.services.auth import LOCAL_ADMIN, Actor, Role
from tests.unit.services.conftest import ShopDriver

MANAGER = Actor("Mei", Role.MANAGER)
CASHIER = Actor("Cai", Role.CASHIER)


def test_lots_show_what_is_left_and_when_it_expires_soonest_first(driver: ShopDriver) -> None:
    m = driver.enrol()
    driver.sell("S1", m.member_no, "80.00")
    driver.clock.advance(days=100)
    driver.sell("S2", m.member_no, "20.00")
    driver.sell(
        "S3", m.member_no, "10.00", redeem=50
    )  # 9.50 paid earns 9; the 50 come from S1's lot
    lots = member_record.member_lots(driver.shop, MANAGER, m.member_no)
    assert [(lot.points, lot.remaining) for lot in lots] == [(80, 30), (20, 20), (9, 9)]
    assert lots[0].expires_at is not None
    assert lots[1].expires_at is not None
    assert lots[0].expires_at < lots[1].expires_at
    assert not any(lot.expired for lot in lots)
    driver.clock.advance(days=266)  # S1's lot lapsed; the nightly job has not run
    first = member_record.member_lots(driver.shop, MANAGER, m.member_no)[0]
    assert (first.remaining, first.expired) == (30, True)


def test_lots_carried_over_by_a_merge_say_so(driver: ShopDriver) -> None:
    keep, other = driver.enrol(), driver.enrol()
    driver.sell("S1", other.member_no, "40.00")
    merge.merge_members(driver.shop, LOCAL_ADMIN, keep.member_no, other.member_no)
    lots = member_record.member_lots(driver.shop, MANAGER, keep.member_no)
    assert [(lot.remaining, lot.carried) for lot in lots] == [(40, True)]


def test_tier_history_lists_every_change_newest_first(
    driver: ShopDriver,
) -> None:
    m = driver.enrol()
    driver.sell("S1", m.member_no, "10.00")  # no tier yet, to Bronze
    driver.clock.advance(days=1)
    driver.sell("S2", m.member_no, "500.00")
    driver.clock.advance(days=1)
    driver.sell("S3", m.member_no, "600.00")  # crosses 1000: Gold
    driver.clock.advance(days=1)
    driver.sell("S4", m.member_no, "5.00")
    history = member_record.tier_history(driver.shop, MANAGER, m.member_no)
    assert [(c.cause, c.ref, c.before, c.after) for c in history] == [
        (TierCause.SALE, "S3", "Bronze", "Gold"),
        (TierCause.SALE, "S1", None, "Bronze"),  # a new member has no tier until a first sale
    ]


def test_the_merge_preview_is_what_the_merge_then_does_and_changes_nothing(
    driver: ShopDriver,
) -> None:
    keep = driver.enrol("张三", phone="13800138000")
    other = driver.enrol("张三", email="zs@example.com", birthday=None)
    driver.sell("S1", other.member_no, "700.00")
    driver.sell("S2", keep.member_no, "400.00")
    points.adjust(driver.shop, LOCAL_ADMIN, other.member_no, 15, "goodwill", "Q1")
    outbox, audit = len(driver.database.store.outbox), len(driver.database.store.audit)
    seen = merge_preview.preview_merge(driver.shop, MANAGER, keep.member_no, other.member_no)
    assert (len(driver.database.store.outbox), len(driver.database.store.audit)) == (outbox, audit)
    assert driver.show(other.member_no).id == other.id  # still its own member
    assert (seen.keep.points, seen.other.points, seen.points) == (400, 715, 1115)
    assert (seen.keep.tier, seen.tier) == ("Bronze", "Gold")
    assert (seen.phone, seen.email) == ("13800138000", "zs@example.com")
    assert (seen.sales_moved, seen.lots_moved) == (1, 2)
    done = merge.merge_members(driver.shop, MANAGER, keep.member_no, other.member_no)
    after = driver.show(keep.member_no)
    assert done.points == seen.points
    assert done.sales_moved == seen.sales_moved
    assert (after.tier, after.spend, after.email) == (seen.tier, seen.lifetime_spend, seen.email)


def test_the_merge_preview_refuses_what_the_merge_refuses(driver: ShopDriver) -> None:
    keep, gone = driver.enrol(phone="13800138000"), driver.enrol()
    with pytest.raises(InvalidRequest) as same:
        merge_preview.preview_merge(driver.shop, MANAGER, keep.member_no, "13800138000")
    assert same.value.reason == "merge_same_member"
    privacy.erase_member(driver.shop, LOCAL_ADMIN, gone.member_no)
    with pytest.raises(MemberClosed):
        merge_preview.preview_merge(driver.shop, MANAGER, keep.member_no, gone.member_no)


@pytest.mark.parametrize(
    "call",
    [
        lambda shop, ref, other: member_record.member_lots(shop, CASHIER, ref),
        lambda shop, ref, other: member_record.tier_history(shop, CASHIER, ref),
        lambda shop, ref, other: merge_preview.preview_merge(shop, CASHIER, ref, other),
    ],
    ids=["lots", "tier history", "merge preview"],
)
def test_a_cashier_is_refused_the_back_office_reads(driver: ShopDriver, call: object) -> None:
    a, b = driver.enrol(), driver.enrol()
    with pytest.raises(PermissionDenied):
        call(driver.shop, a.member_no, b.member_no)  # type: ignore[operator]


def test_tier_history_keeps_the_change_a_refund_made(driver: ShopDriver) -> None:
    m = driver.enrol()
    driver.sell("S1", m.member_no, "1200.00")  # Gold
    driver.clock.advance(days=1)
    refunds.refund(driver.shop, LOCAL_ADMIN, refunds.RefundRequest("R1", "S1", amount="1200.00"))
    history = member_record.tier_history(driver.shop, MANAGER, m.member_no)
    assert [(c.cause, c.ref, c.before, c.after) for c in history][:1] == [
        (TierCause.REFUND, "R1", "Gold", "Bronze")
    ]
    assert driver.show(m.member_no).tier == history[0].after
