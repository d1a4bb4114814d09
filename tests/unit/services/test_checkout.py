from dataclasses import replace
from datetime import timedelta

import pytest

from loyalty_desktop.domain.errors import (
    InsufficientPoints,
    InvalidAmount,
    InvalidCard,
    PaymentCode,
    RedemptionNotAllowed,
    UnknownMember,
)
from loyalty_desktop.services.changes import NOTHING
from loyalty_desktop.services.checkout import LineRequest
from tests.unit.services.conftest import ShopDriver


def test_a_sale_earns_points_and_reports_balance_and_tier(driver: ShopDriver) -> None:
    m = driver.enrol()
    result = driver.sell("S1", m.member_no, "105.50")
    assert (result.earned, result.points, result.tier, result.paid) == (105, 105, "Bronze", 10550)
    assert driver.balance(m.member_no) == 105


def test_posting_the_same_sale_no_again_changes_nothing(driver: ShopDriver) -> None:
    m = driver.enrol()
    first = driver.sell("S1", m.member_no, "100.00")
    commits = driver.database.commits
    driver.clock.advance(minutes=1)  # the till retries a minute later
    again = driver.sell("S1", m.member_no, "100.0")
    assert again.replayed is True
    assert replace(again, replayed=False, changes=first.changes) == first
    assert again.changes == NOTHING, "a replay changes nothing"
    assert driver.balance(m.member_no) == 100
    assert driver.database.commits == commits
    assert len(driver.database.store.outbox) == 3  # enrol, the member's profile, one sale


def test_a_retry_with_the_sale_no_typed_full_width_replays_the_sale(driver: ShopDriver) -> None:
    m = driver.enrol()
    first = driver.sell("S1", m.member_no, "100.00")
    again = driver.sell(" Ｓ１ ", m.member_no, "100.00")  # the input method was in full width
    assert again.replayed is True
    assert replace(again, replayed=False, changes=first.changes) == first
    assert driver.balance(m.member_no) == 100, "the points are earned once"
    assert set(driver.database.store.sales) == {"S1"}


def test_the_tier_discount_uses_the_tier_before_the_sale(driver: ShopDriver) -> None:
    m = driver.enrol()
    crossing = driver.sell("S1", m.member_no, "1200.00")
    assert crossing.tier_discount == 0
    assert crossing.tier == "Gold"
    after = driver.sell("S2", m.member_no, "100.00")
    assert after.tier_discount == 1000
    assert after.paid == 9000
    assert after.earned == 180  # 90 × Gold's 2


def test_points_pay_part_of_a_sale_and_that_part_earns_nothing(driver: ShopDriver) -> None:
    m = driver.enrol()
    driver.sell("S1", m.member_no, "500.00")
    result = driver.sell("S2", m.member_no, "100.00", redeem=200)
    assert (result.points_value, result.paid, result.earned) == (200, 9800, 98)
    assert result.points == 500 - 200 + 98


def test_redeeming_more_than_the_balance_is_refused_and_changes_nothing(driver: ShopDriver) -> None:
    m = driver.enrol()
    driver.sell("S1", m.member_no, "50.00")
    with pytest.raises(InsufficientPoints):
        driver.sell("S2", m.member_no, "100.00", redeem=51)
    assert driver.balance(m.member_no) == 50
    assert "S2" not in driver.database.store.sales


def test_points_may_pay_at_most_the_programmes_share(driver: ShopDriver) -> None:
    m = driver.enrol()
    driver.sell("S1", m.member_no, "10000.00")
    # Gold's 10% off leaves 90.00; points may pay half of it.
    with pytest.raises(RedemptionNotAllowed, match="at most 4500"):
        driver.sell("S2", m.member_no, "100.00", redeem=4501)
    assert driver.sell("S2", m.member_no, "100.00", redeem=4500).paid == 4500


def test_expired_points_cannot_pay(driver: ShopDriver) -> None:
    m = driver.enrol()
    driver.sell("S1", m.member_no, "500.00")
    driver.clock.advance(days=366)
    with pytest.raises(InsufficientPoints):
        driver.sell("S2", m.member_no, "100.00", redeem=10)
    assert driver.show(m.member_no).points == 0


def test_lines_with_categories_discount_and_half_up_amounts(driver: ShopDriver) -> None:
    m = driver.enrol()
    lines = (LineRequest("TEA", "3", "0.335", "drinks"), LineRequest("BUN", "2", "4.50", "bakery"))
    result = driver.sell("S1", m.member_no, lines=lines, discount="1.01")
    assert (result.subtotal, result.discount, result.net, result.earned) == (1001, 101, 900, 9)


@pytest.mark.parametrize("bad", ["12.345", "abc", "-5.00"])
def test_malformed_money_is_refused(driver: ShopDriver, bad: str) -> None:
    m = driver.enrol()
    with pytest.raises(InvalidAmount):
        driver.sell("S1", m.member_no, bad)
    assert driver.database.store.sales == {}


def test_members_are_found_by_card_phone_and_number(driver: ShopDriver) -> None:
    m = driver.enrol(phone="138-0013-8000")
    for ref in (m.card, "+86 138 0013 8000", m.member_no, m.id):
        assert driver.show(ref).member_no == m.member_no


def test_bad_references_get_clear_refusals(driver: ShopDriver) -> None:
    m = driver.enrol()
    card = m.card
    with pytest.raises(InvalidCard):
        driver.sell("S1", card[:-3], "10.00")
    with pytest.raises(InvalidCard):
        driver.sell("S1", card[:-1] + str((int(card[-1]) + 1) % 10), "10.00")
    with pytest.raises(PaymentCode):
        driver.sell("S1", "134567890123456789", "10.00")
    with pytest.raises(UnknownMember):
        driver.sell("S1", "99999", "10.00")


def test_a_backdated_show_sees_the_balance_of_that_moment(driver: ShopDriver) -> None:
    m = driver.enrol()
    start = driver.clock.now()
    driver.sell("S1", m.member_no, "100.00", at=start)
    driver.clock.advance(days=10)
    driver.sell("S2", m.member_no, "50.00", at=start + timedelta(days=10))
    assert driver.show(m.member_no, at=start + timedelta(days=5)).points == 100
    assert driver.show(m.member_no, at=start + timedelta(days=11)).points == 150


def test_a_backdated_sale_answers_as_of_its_moment_and_keeps_todays_tier(
    driver: ShopDriver,
) -> None:
    driver.clock.advance(days=-5)
    m = driver.enrol()
    driver.clock.advance(days=5)
    now = driver.clock.now()
    driver.sell("S1", m.member_no, "1100.00", at=now - timedelta(days=2))
    late = driver.sell("S0", m.member_no, "10.00", at=now - timedelta(days=3))
    assert (late.points, late.tier) == (10, "Bronze")  # right after S0, before S1
    assert driver.database.store.members[m.id].tier == "Gold"
    assert driver.show(m.member_no).points == 1110


def test_a_sale_posted_again_after_restoring_a_backup_is_the_same_fact(driver: ShopDriver) -> None:
    import copy

    m = driver.enrol()
    driver.sell("S0", m.member_no, "50.00")
    backup = copy.deepcopy(driver.database.store)
    driver.sell("S1", m.member_no, "100.00", redeem=20)
    first = driver.database.store.outbox[-1][2]
    driver.database.store = backup  # the till carries on from the backup, same device
    driver.sell("S1", m.member_no, "100.00", redeem=20)
    again = driver.database.store.outbox[-1][2]
    assert again.key == first.key
    assert again.payload == first.payload  # same sale id, movement ids and lot ids


def test_a_sale_that_would_carry_a_members_totals_past_any_real_shop_is_refused(
    driver: ShopDriver,
) -> None:
    from loyalty_desktop.domain.errors import InvalidAmount
    from loyalty_desktop.services.postings import MAX_MEMBER_TOTAL

    m = driver.enrol()
    stored = driver.database.store.members[m.id]
    stored.lifetime_spend = MAX_MEMBER_TOTAL - 100
    with pytest.raises(InvalidAmount) as refused:
        driver.sell("S1", m.member_no, "9999.00")
    assert refused.value.code == "too_large"
    assert driver.database.store.sales == {}
