"""What a basket costs: line amounts, order and tier discounts spread over lines, points as payment."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from fractions import Fraction

from loyalty_desktop.domain.errors import InsufficientPoints, InvalidRequest, RedemptionNotAllowed
from loyalty_desktop.domain.money import Currency, format_money
from loyalty_desktop.domain.program import RedeemRule


@dataclass(frozen=True)
class SaleLine:
    """One basket line: ``amount`` is quantity × unit price less the line discount; ``net`` after all.

    ``discount`` is the line discount as asked for; a stored line carries it only
    inside ``amount`` (the gross is quantity × unit price).
    """

    sku: str
    quantity: Decimal
    unit_price: Decimal
    category: str | None
    amount: int
    net: int = 0
    discount: int = 0


@dataclass(frozen=True)
class Pricing:
    """A priced basket before points: the lines with their net amounts and the discounts taken."""

    lines: tuple[SaleLine, ...]
    subtotal: int
    order_discount: int
    tier_discount: int

    @property
    def net(self) -> int:
        """Money value of the goods after every discount (what is paid in money and points)."""
        return self.subtotal - self.order_discount - self.tier_discount


def allocate(total: int, weights: Sequence[int]) -> list[int]:
    """Split ``total`` over positive ``weights`` in proportion, exactly (largest remainder).

    Weights of zero or less get nothing; the shares always add up to ``total``.
    """
    if total == 0:  # nearly every basket: no discount to spread
        return [0] * len(weights)
    positive = [max(w, 0) for w in weights]
    whole = sum(positive)
    if whole == 0:
        if total:
            raise InvalidRequest(
                "nothing in the basket to take a discount from",
                reason="discount_without_goods",
                field="discount",
            )
        return [0] * len(weights)
    shares = [total * w // whole for w in positive]
    remainders = sorted(range(len(weights)), key=lambda i: (-(total * positive[i] % whole), i))
    for i in remainders[: total - sum(shares)]:
        shares[i] += 1
    return shares


def percent_of(amount: int, pct: Decimal) -> int:
    """``pct`` percent of a minor-unit amount, rounded half-up to the minor unit."""
    return int((Decimal(amount) * pct / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def price_basket(
    lines: Sequence[SaleLine],
    *,
    order_discount: int,
    tier_discount_pct: Decimal,
    currency: Currency,
) -> Pricing:
    """Apply the order discount, then the tier discount on what is left, spreading both over the lines."""
    subtotal = sum(line.amount for line in lines)
    if order_discount < 0:
        raise InvalidRequest(
            "a discount may not be negative", reason="discount_negative", field="discount"
        )
    if order_discount > max(subtotal, 0):
        discount, basket = format_money(order_discount, currency), format_money(subtotal, currency)
        raise InvalidRequest(
            f"the discount {discount} is more than the basket {basket}",
            reason="discount_exceeds_basket",
            field="discount",
            discount=discount,
            basket=basket,
        )
    after_order = subtotal - order_discount
    tier_discount = percent_of(after_order, tier_discount_pct) if after_order > 0 else 0
    weights = [line.amount for line in lines]
    order_shares = allocate(order_discount, weights)
    tier_shares = allocate(
        tier_discount, [w - s for w, s in zip(weights, order_shares, strict=True)]
    )
    priced = tuple(
        SaleLine(
            line.sku,
            line.quantity,
            line.unit_price,
            line.category,
            line.amount,
            line.amount - o - t,
        )
        for line, o, t in zip(lines, order_shares, tier_shares, strict=True)
    )
    return Pricing(priced, subtotal, order_discount, tier_discount)


def points_value(points: int, rule: RedeemRule, currency: Currency) -> int:
    """Money (minor units) that ``points`` pay for; a fraction of a minor unit is not paid."""
    exact = Decimal(points) * rule.point_value * currency.scale
    return int(exact.to_integral_value(rounding=ROUND_FLOOR))


def redemption_step(rule: RedeemRule, currency: Currency) -> int:
    """The fewest points that pay a whole number of minor units (2 when a point is worth half a fen).

    Points are only ever redeemed in multiples of this step, so no point is
    taken for a fraction of a fen that is never paid.
    """
    return (Fraction(rule.point_value) * currency.scale).denominator


def max_redeemable(net: int, spendable: int, rule: RedeemRule, currency: Currency) -> int:
    """The most points a member may spend on a basket of ``net`` minor units (a whole number of steps)."""
    if net <= 0 or spendable <= 0:
        return 0
    cap = int((Decimal(net) * rule.max_share).to_integral_value(rounding=ROUND_FLOOR))
    per_point = Fraction(rule.point_value) * currency.scale
    step = per_point.denominator
    best = min(int(cap / per_point), spendable)
    best -= best % step
    return best if best >= rule.min_points else 0


def check_redemption(
    points: int, *, net: int, spendable: int, rule: RedeemRule, currency: Currency
) -> int:
    """Validate a redemption of ``points`` on a basket and return the money it pays."""
    if points < 0:
        raise RedemptionNotAllowed(
            "points to redeem may not be negative", reason="redeem_negative", field="redeem"
        )
    if points == 0:
        return 0
    if points > spendable:
        raise InsufficientPoints(
            f"the member can spend {max(spendable, 0)} points, not {points}",
            reason="redeem_exceeds_balance",
            field="redeem",
            spendable=max(spendable, 0),
            points=points,
        )
    if points < rule.min_points:
        raise RedemptionNotAllowed(
            f"at least {rule.min_points} points must be redeemed at once",
            reason="redeem_below_minimum",
            field="redeem",
            minimum=rule.min_points,
        )
    step = redemption_step(rule, currency)
    if points % step:
        pays = format_money(points_value(step, rule, currency), currency)
        raise RedemptionNotAllowed(
            f"points are redeemed in steps of {step} (each step pays {pays}); "
            f"{points} is not a whole number of steps",
            reason="redeem_not_whole_steps",
            field="redeem",
            step=step,
            step_pays=pays,
            points=points,
        )
    most = max_redeemable(net, spendable, rule, currency)
    if points > most:
        share = f"{rule.max_share * 100:.0f}"
        raise RedemptionNotAllowed(
            f"at most {most} points may pay for this sale (points pay at most {share}% of it)",
            reason="redeem_exceeds_share",
            field="redeem",
            max_points=most,
            max_share_pct=share,
        )
    return points_value(points, rule, currency)
