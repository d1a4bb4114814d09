from decimal import Decimal

import pytest

from loyalty_desktop.domain.errors import InvalidRequest, RefundTooLarge
from loyalty_desktop.domain.money import Currency
from loyalty_desktop.domain.pricing import SaleLine
from loyalty_desktop.domain.refunds import (
    LineState,
    plan_by_amount,
    plan_by_lines,
    points_to_reverse,
    share_back,
)

CNY = Currency.of("CNY")


def state(sku: str, qty: int, net: int, refunded_qty: int = 0, refunded_net: int = 0) -> LineState:
    return LineState(
        SaleLine(sku, Decimal(qty), Decimal(0), None, net, net), Decimal(refunded_qty), refunded_net
    )


def test_returning_units_takes_their_share_of_the_line() -> None:
    plan = plan_by_lines([state("A", 3, 1000), state("B", 1, 500)], [("A", Decimal(1))])
    assert plan.returned_net == (333, 0)
    assert [line.net for line in plan.kept] == [667, 500]


def test_returning_the_last_unit_takes_exactly_what_is_left() -> None:
    plan = plan_by_lines(
        [state("A", 3, 1000, refunded_qty=2, refunded_net=667)], [("A", Decimal(1))]
    )
    assert plan.returned_net == (333,)
    assert plan.kept[0].net == 0


def test_more_units_than_bought_are_refused() -> None:
    with pytest.raises(RefundTooLarge):
        plan_by_lines([state("A", 2, 1000, refunded_qty=1, refunded_net=500)], [("A", Decimal(2))])
    with pytest.raises(InvalidRequest, match="not on this sale"):
        plan_by_lines([state("A", 2, 1000)], [("Z", Decimal(1))])


def test_an_amount_is_spread_over_what_is_left() -> None:
    plan = plan_by_amount([state("A", 1, 3000), state("B", 1, 1000)], 2000, CNY, 4000)
    assert plan.returned_net == (1500, 500)
    with pytest.raises(RefundTooLarge):
        plan_by_amount([state("A", 1, 3000, refunded_net=2500)], 501, CNY, 500)


def test_a_refund_never_returns_more_than_is_left_of_the_sales_net() -> None:
    # Bought A for 10.00 and returned B for 5.00 in the same sale: 5.00 was paid.
    lines = [state("A", 1, 1000), state("B", -1, -500)]
    with pytest.raises(RefundTooLarge, match=r"5\.00"):
        plan_by_amount(lines, 1000, CNY, 500)
    assert plan_by_amount(lines, 500, CNY, 500).amount == 500


def test_expired_points_of_a_sale_are_never_taken_back_again() -> None:
    assert points_to_reverse(50, 0, 0, expired=50) == 0
    assert points_to_reverse(50, 0, 0, expired=20) == 30  # the 30 spent or still held
    assert points_to_reverse(50, 25, 25, expired=25) == 0  # half refunded, then the rest lapsed
    assert points_to_reverse(50, 25, 0, expired=10) == 25


def test_reversal_is_cumulative_and_never_more_than_earned() -> None:
    assert points_to_reverse(100, 60, 0) == 40
    assert points_to_reverse(100, 0, 40) == 60
    assert points_to_reverse(100, 80, 40) == 0  # kept earns more than before: nothing comes back
    assert points_to_reverse(100, -5, 0) == 100


def test_points_paid_come_back_in_proportion_and_in_full_at_the_end() -> None:
    assert share_back(100, 3000, 1000, 0) == 33
    assert share_back(100, 3000, 2000, 33) == 33
    assert share_back(100, 3000, 3000, 66) == 34
