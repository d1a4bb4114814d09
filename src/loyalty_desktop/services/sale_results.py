"""A posted sale as the till and the command see it (typed), and as an immutable fact for the outbox."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from loyalty_desktop.domain.members import Member
from loyalty_desktop.domain.money import Currency
from loyalty_desktop.domain.rewards import RewardUse
from loyalty_desktop.domain.sales import Sale
from loyalty_desktop.services.changes import Changes


@dataclass(frozen=True)
class CouponApplied:
    """What a coupon did to a sale: money off (in the discount) and points (in ``points``)."""

    number: int
    offer: str
    money_off: int
    points: int


@dataclass(frozen=True)
class SaleResult:
    """What the till shows after a sale: money in minor units, points, the moment in the shop's zone.

    ``points`` and ``tier`` are the member's right after the sale (as of its
    moment); ``matched`` says how the member reference was understood.
    ``redeemed`` and ``points_value`` include the ``rewards`` taken.
    """

    sale_no: str
    member_id: str | None
    member_no: str | None
    matched: str
    earned: int
    redeemed: int
    points: int
    tier: str | None
    currency: Currency
    subtotal: int
    discount: int
    tier_discount: int
    net: int
    points_value: int
    paid: int
    campaigns: tuple[str, ...]
    at: datetime
    replayed: bool
    changes: Changes
    rewards: tuple[RewardUse, ...] = ()
    coupon: CouponApplied | None = None  # the coupon the sale used


def sale_result(
    sale: Sale, member: Member | None, timezone: str, *, matched: str, replayed: bool
) -> SaleResult:
    """The result of a sale (the same on every replay, bar ``replayed``)."""
    return SaleResult(
        sale_no=sale.sale_no,
        member_id=sale.member_id,
        member_no=member.member_no if member else None,
        matched=matched,
        earned=sale.earned,
        redeemed=sale.points_redeemed,
        points=sale.points_after,
        tier=sale.tier_after,
        currency=Currency.of(sale.currency),
        subtotal=sale.subtotal,
        discount=sale.order_discount,
        tier_discount=sale.tier_discount,
        net=sale.net,
        points_value=sale.points_value,
        paid=sale.paid,
        campaigns=tuple(sale.campaigns),
        at=sale.at.astimezone(ZoneInfo(timezone)),
        replayed=replayed,
        changes=Changes() if replayed else Changes.of_members(sale.member_id, sales=True),
        rewards=tuple(sale.rewards),
    )
