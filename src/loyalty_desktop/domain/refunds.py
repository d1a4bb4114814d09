"""Refund arithmetic: what goods come back, and what points follow them.

A refund leaves the member where they would be had they bought only what
they kept: points reversed = earned(original) − earned(kept), cumulative over
partial refunds and never more than was earned; points that paid come back
in proportion to the refunded share of the sale.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from loyalty_desktop.domain.errors import InvalidRequest, RefundTooLarge
from loyalty_desktop.domain.money import Currency, format_money
from loyalty_desktop.domain.pricing import SaleLine, allocate


@dataclass(frozen=True)
class LineState:
    """A sale line with what earlier refunds took back from it."""

    line: SaleLine
    refunded_qty: Decimal = Decimal(0)
    refunded_net: int = 0

    @property
    def kept_net(self) -> int:
        """Net value of the line the member still has."""
        return self.line.net - self.refunded_net


@dataclass(frozen=True)
class RefundPlan:
    """What one refund takes back from each line, and the lines as kept afterwards."""

    returned_qty: tuple[Decimal, ...]
    returned_net: tuple[int, ...]
    kept: tuple[SaleLine, ...]

    @property
    def amount(self) -> int:
        """Value of the goods this refund returns (after their discounts)."""
        return sum(self.returned_net)


def _round(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _plan(states: Sequence[LineState], qty: list[Decimal], net: list[int]) -> RefundPlan:
    kept = tuple(replace(s.line, net=s.kept_net - n) for s, n in zip(states, net, strict=True))
    return RefundPlan(tuple(qty), tuple(net), kept)


def plan_by_lines(
    states: Sequence[LineState], returns: Sequence[tuple[str, Decimal]]
) -> RefundPlan:
    """Refund quantities of SKUs; each SKU is taken from the sale's lines in order."""
    qty = [Decimal(0)] * len(states)
    for sku, wanted in returns:
        if wanted <= 0:
            raise InvalidRequest(
                f"the quantity returned of {sku} must be more than 0",
                reason="refund_quantity_not_positive",
                field="quantity",
                sku=sku,
            )
        candidates = [i for i, s in enumerate(states) if s.line.sku == sku and s.line.quantity > 0]
        if not candidates:
            raise InvalidRequest(
                f"{sku} is not on this sale", reason="refund_sku_not_on_sale", field="sku", sku=sku
            )
        left = wanted
        for i in candidates:
            s = states[i]
            open_qty = s.line.quantity - s.refunded_qty - qty[i]
            part = min(open_qty, left)
            if part > 0:
                qty[i] += part
                left -= part
        if left > 0:
            bought = sum(states[i].line.quantity for i in candidates)
            raise RefundTooLarge(
                f"more {sku} returned than is left of the {bought} bought",
                reason="refund_exceeds_quantity_left",
                field="quantity",
                sku=sku,
                bought=f"{Decimal(bought).normalize():f}",
            )
    return plan_by_quantities(states, qty)


def plan_by_quantities(states: Sequence[LineState], qty: Sequence[Decimal]) -> RefundPlan:
    """Refund these quantities of each line: each line's share of its net, exactly.

    The quantities must be open (bought, not yet returned); the net returned is the
    line's net in proportion to what has come back so far, so partial returns add up
    to the whole line's net. The server checks a refund a till sent with it.
    """
    net = [0] * len(states)
    for i, s in enumerate(states):
        if qty[i] == 0:
            continue
        before, after = s.refunded_qty, s.refunded_qty + qty[i]
        if qty[i] < 0 or after > s.line.quantity:
            raise RefundTooLarge(
                f"line {i + 1}: {qty[i]} returned of {s.line.quantity - s.refunded_qty} open",
                reason="refund_exceeds_quantity_left",
                field="quantity",
                sku=s.line.sku,
                bought=f"{Decimal(s.line.quantity).normalize():f}",
            )
        if after == s.line.quantity:
            net[i] = s.kept_net
        else:
            share = _round(s.line.net * after / s.line.quantity) - _round(
                s.line.net * before / s.line.quantity
            )
            net[i] = min(share, s.kept_net)
    return _plan(states, list(qty), net)


def left_to_refund(states: Sequence[LineState], sale_left: int) -> int:
    """What a refund may still return: the goods kept, never more than is left of the sale's net.

    A sale that mixes purchases with returned goods nets them off; its refunds
    stop at the money actually left on the sale.
    """
    return max(min(sum(max(s.kept_net, 0) for s in states), sale_left), 0)


def plan_by_amount(
    states: Sequence[LineState], amount: int, currency: Currency, sale_left: int
) -> RefundPlan:
    """Refund a value of goods, spread over what is left of the lines in proportion."""
    if amount <= 0:
        raise InvalidRequest(
            "a refund amount must be more than 0",
            reason="refund_amount_not_positive",
            field="amount",
        )
    left = left_to_refund(states, sale_left)
    if amount > left:
        asked, open_ = format_money(amount, currency), format_money(left, currency)
        raise RefundTooLarge(
            f"the refund {asked} is more than is left of the sale ({open_})",
            reason="refund_exceeds_sale_left",
            field="amount",
            amount=asked,
            left=open_,
        )
    net = allocate(amount, [s.kept_net for s in states])
    return _plan(states, [Decimal(0)] * len(states), net)


def points_to_reverse(earned: int, earned_kept: int, reversed_before: int, expired: int = 0) -> int:
    """Points this refund takes back: earned(original) − earned(kept) − what earlier refunds took.

    Points the sale earned that already expired are gone: taking them back again
    would leave the member below where buying only the kept goods would have,
    so at most ``earned − expired`` is ever reversed, however the refunds fall.
    """
    owed = min(earned - max(expired, 0), max(earned - earned_kept, 0))
    return max(owed - reversed_before, 0)


def expirable(lots: Iterable[tuple[datetime | None, int]], at: datetime) -> int:
    """The most of a sale's earned points that can have expired by ``at``: its lots then due.

    ``lots``: each earned lot's ``expires_at`` and points. Write-offs of those lots can add
    up to more (a till's own write-off that the server undid comes back refilled by pull and
    is written off again); the till caps its figure by this, and the server checks it so.
    """
    return sum(points for ends, points in lots if ends is not None and ends <= at)


def share_back(total: int, sale_net: int, returned_total: int, back_before: int) -> int:
    """The refunded share of ``total`` (points or money) not yet given back, cumulative and exact."""
    if sale_net <= 0 or total <= 0:
        return 0
    due = total if returned_total >= sale_net else total * returned_total // sale_net
    return max(due - back_before, 0)
