"""The dashboard's headline numbers: members, sales, repurchase rate, points issued and spent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from loyalty_desktop.analytics.liability import liability_points
from loyalty_desktop.analytics.ports import ReportSource
from loyalty_desktop.domain.money import Currency
from loyalty_desktop.domain.pricing import points_value
from loyalty_desktop.domain.program import Program

_RATE = Decimal("0.0001")


@dataclass(frozen=True)
class Kpis:
    """KPIs for sales in (start, end]: money in minor units, rates to four decimals (None: no data)."""

    start: datetime
    end: datetime
    currency: Currency
    members: int
    new_members: int
    buying_members: int
    repeat_members: int
    repurchase_rate: Decimal | None
    sales: int
    member_sales: int
    revenue: int
    member_revenue: int
    member_revenue_share: Decimal | None
    refunds: int
    average_order: int | None
    purchases_per_buyer: Decimal | None
    points_earned: int
    points_redeemed: int
    points_expired: int
    points_adjusted: int
    points_outstanding: int
    liability: int


def rate(part: int, whole: int) -> Decimal | None:
    """``part / whole`` to four decimals, or None when there is nothing to divide by."""
    return (Decimal(part) / whole).quantize(_RATE) if whole else None


def kpis(source: ReportSource, program: Program, start: datetime, end: datetime) -> Kpis:
    """KPIs for sales in (start, end]."""
    totals = source.sales_totals(start, end)
    purchases = source.purchases_per_member(start, end)
    buyers = len(purchases)
    repeat = sum(1 for n in purchases if n >= 2)
    members, new_members = source.member_counts(start, end)
    moved = source.points_by_kind(start, end)
    outstanding = liability_points(source.open_lots(end), end)
    return Kpis(
        start=start,
        end=end,
        currency=program.currency,
        members=members,
        new_members=new_members,
        buying_members=buyers,
        repeat_members=repeat,
        repurchase_rate=rate(repeat, buyers),
        sales=totals.sales,
        member_sales=totals.member_sales,
        revenue=totals.revenue,
        member_revenue=totals.member_revenue,
        member_revenue_share=rate(totals.member_revenue, totals.revenue)
        if totals.revenue > 0
        else None,
        refunds=totals.refunds,
        average_order=totals.revenue // totals.sales if totals.sales else None,
        purchases_per_buyer=rate(sum(purchases), buyers),
        points_earned=moved.get("earn", 0) + moved.get("activity", 0),
        points_redeemed=-moved.get("redeem", 0),
        points_expired=-moved.get("expire", 0),
        points_adjusted=moved.get("adjust", 0),
        points_outstanding=outstanding,
        liability=points_value(outstanding, program.redeem, program.currency),
    )
