from decimal import Decimal

import pytest

from loyalty_desktop.domain.errors import InsufficientPoints, InvalidRequest, RedemptionNotAllowed
from loyalty_desktop.domain.money import Currency
from loyalty_desktop.domain.pricing import (
    SaleLine,
    allocate,
    check_redemption,
    max_redeemable,
    points_value,
    price_basket,
    redemption_step,
)
from loyalty_desktop.domain.program import RedeemRule

CNY = Currency.of("CNY")


def test_allocation_is_exact_and_proportional() -> None:
    assert allocate(100, [1, 1, 1]) == [34, 33, 33]
    assert sum(allocate(997, [333, 1000, 7, 0, -50])) == 997
    assert allocate(0, [5, 5]) == [0, 0]


def test_order_then_tier_discount_spread_over_lines() -> None:
    lines = [
        SaleLine("A", Decimal(1), Decimal(60), None, 6000),
        SaleLine("B", Decimal(1), Decimal(40), None, 4000),
    ]
    priced = price_basket(lines, order_discount=1000, tier_discount_pct=Decimal(10), currency=CNY)
    assert (priced.order_discount, priced.tier_discount, priced.net) == (1000, 900, 8100)
    assert [line.net for line in priced.lines] == [4860, 3240]


def test_a_discount_larger_than_the_basket_is_refused() -> None:
    lines = [SaleLine("A", Decimal(1), Decimal(1), None, 100)]
    with pytest.raises(InvalidRequest):
        price_basket(lines, order_discount=101, tier_discount_pct=Decimal(0), currency=CNY)


def test_points_value_never_pays_a_fraction_of_a_fen() -> None:
    rule = RedeemRule(point_value=Decimal("0.005"))
    assert points_value(3, rule, CNY) == 1  # 1.5 fen → 1 fen


def test_redemption_rules() -> None:
    rule = RedeemRule(point_value=Decimal("0.01"), min_points=100, max_share=Decimal("0.5"))
    assert max_redeemable(10000, 99999, rule, CNY) == 5000
    assert check_redemption(200, net=10000, spendable=300, rule=rule, currency=CNY) == 200
    with pytest.raises(InsufficientPoints):
        check_redemption(400, net=10000, spendable=300, rule=rule, currency=CNY)
    with pytest.raises(RedemptionNotAllowed, match="at least 100"):
        check_redemption(50, net=10000, spendable=300, rule=rule, currency=CNY)
    with pytest.raises(RedemptionNotAllowed, match="at most 5000"):
        check_redemption(6000, net=10000, spendable=9000, rule=rule, currency=CNY)


@pytest.mark.parametrize(
    ("point_value", "step"), [("0.01", 1), ("0.005", 2), ("0.003", 10), ("0.1", 1), ("0.0125", 4)]
)
def test_points_are_redeemed_only_in_steps_that_pay_whole_fen(point_value: str, step: int) -> None:
    rule = RedeemRule(point_value=Decimal(point_value))
    assert redemption_step(rule, CNY) == step
    most = max_redeemable(10_000, 999, rule, CNY)
    assert most % step == 0
    assert points_value(most, rule, CNY) == most * Decimal(point_value) * 100
    if step > 1:
        with pytest.raises(RedemptionNotAllowed, match="steps of"):
            check_redemption(1, net=10_000, spendable=999, rule=rule, currency=CNY)
    for points in range(step, 5 * step + 1, step):
        paid = check_redemption(points, net=10_000, spendable=999, rule=rule, currency=CNY)
        assert paid == points * Decimal(point_value) * 100 > 0


def test_no_point_is_ever_taken_for_nothing() -> None:
    half_fen = RedeemRule(point_value=Decimal("0.005"))
    for points in range(0, 50):
        try:
            paid = check_redemption(points, net=10_000, spendable=99, rule=half_fen, currency=CNY)
        except RedemptionNotAllowed:
            continue
        assert paid * 2 == points
