"""The dashboard's headline numbers: members, sales, repurchase rate, points issued and spent."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from loyalty_desktop.analytics.liability import liability_points
from loyalty_desktop.analytics.ports import ReportSource
from loyalty_desktop.domain.money import Currency, format_money
from loyalty_desktop.domain.pricing import points_value
from loyalty_desktop.domain.program import Program


def _rate(part: int, whole: int) -> str | None:
    return str((Decimal(part) / whole).quantize(Decimal("0.0001"))) if whole else None


def kpis(source: ReportSource, program: Program, start: datetime, end: datetime) -> dict[str, Any]:
    """KPIs for sales in (start, end]; money as decimal strings, rates as 4-decimal strings."""
    cur: Currency = program.currency
    totals = source.sales_totals(start, end)
    purchases = source.purchases_per_member(start, end)
    buyers = len(purchases)
    repeat = sum(1 for n in purchases if n >= 2)
    members, new_members = source.member_counts(start, end)
    moved = source.points_by_kind(start, end)
    outstanding = liability_points(source.open_lots(end), end)
    return {
        "report": "kpis",
        "from": start.isoformat(),
        "at": end.isoformat(),
        "currency": cur.code,
        "members": members,
        "new_members": new_members,
        "buying_members": buyers,
        "repeat_members": repeat,
        "repurchase_rate": _rate(repeat, buyers),
        "sales": totals.sales,
        "member_sales": totals.member_sales,
        "revenue": format_money(totals.revenue, cur),
        "member_revenue": format_money(totals.member_revenue, cur),
        "member_revenue_share": _rate(totals.member_revenue, totals.revenue)
        if totals.revenue > 0
        else None,
        "refunds": format_money(totals.refunds, cur),
        "average_order": format_money(totals.revenue // totals.sales, cur)
        if totals.sales
        else None,
        "purchases_per_buyer": _rate(sum(purchases), buyers),
        "points_earned": moved.get("earn", 0) + moved.get("activity", 0),
        "points_redeemed": -moved.get("redeem", 0),
        "points_expired": -moved.get("expire", 0),
        "points_adjusted": moved.get("adjust", 0),
        "points_outstanding": outstanding,
        "liability": format_money(points_value(outstanding, program.redeem, cur), cur),
    }
