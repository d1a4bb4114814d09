"""A posted sale as the till and the command see it (typed), and as an immutable fact for the outbox."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from loyalty_desktop.domain.members import Member
from loyalty_desktop.domain.money import Currency, format_money
from loyalty_desktop.domain.sales import Sale
from loyalty_desktop.services.changes import Changes


@dataclass(frozen=True)
class SaleResult:
    """What the till shows after a sale: money in minor units, points, the moment in the shop's zone.

    ``points`` and ``tier`` are the member's right after the sale (as of its
    moment); ``matched`` says how the member reference was understood.
    """

    sale_id: str
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


def sale_result(
    sale: Sale, member: Member | None, timezone: str, *, matched: str, replayed: bool
) -> SaleResult:
    """The result of a sale (the same on every replay, bar ``replayed``)."""
    return SaleResult(
        sale_id=sale.sale_id,
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
    )


def sale_facts(sale: Sale, cur: Currency) -> dict[str, Any]:
    """The sale as an immutable fact (money as decimal strings)."""
    return {
        "id": sale.id,
        "sale_id": sale.sale_id,
        "member_id": sale.member_id,
        "at": sale.at.isoformat(),
        "currency": cur.code,
        "lines": [
            {
                "sku": s.line.sku,
                "qty": str(s.line.quantity),
                "unit_price": str(s.line.unit_price),
                "category": s.line.category,
                "amount": format_money(s.line.amount, cur),
                "net": format_money(s.line.net, cur),
            }
            for s in sale.lines
        ],
        "subtotal": format_money(sale.subtotal, cur),
        "discount": format_money(sale.order_discount, cur),
        "tier_discount": format_money(sale.tier_discount, cur),
        "net": format_money(sale.net, cur),
        "points_redeemed": sale.points_redeemed,
        "points_value": format_money(sale.points_value, cur),
        "paid": format_money(sale.paid, cur),
        "earned": sale.earned,
        "tier_before": sale.tier_before,
        "campaigns": list(sale.campaigns),
        "program_version": sale.program_id,
        "device_id": sale.device_id,
    }
