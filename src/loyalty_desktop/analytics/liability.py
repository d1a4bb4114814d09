"""Points liability: what the shop owes in points, their money value, and when they fall due or lapse."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from loyalty_desktop.analytics.ports import OpenLot, ReportSource
from loyalty_desktop.domain.money import format_money
from loyalty_desktop.domain.pricing import points_value
from loyalty_desktop.domain.program import Program


def liability_points(lots: Iterable[OpenLot], at: datetime) -> int:
    """Points still spendable at ``at``."""
    return sum(lot.points for lot in lots if lot.expires_at is None or lot.expires_at > at)


def liability(
    source: ReportSource, program: Program, at: datetime, horizon_days: int
) -> dict[str, Any]:
    """Outstanding points and their value, with the months they expire in over the horizon."""
    cur = program.currency
    zone = ZoneInfo(program.timezone)
    lots = [lot for lot in source.open_lots(at) if lot.expires_at is None or lot.expires_at > at]
    total = sum(lot.points for lot in lots)
    horizon = at + timedelta(days=horizon_days)
    by_month: dict[str, int] = defaultdict(int)
    never = later = 0
    for lot in lots:
        if lot.expires_at is None:
            never += lot.points
        elif lot.expires_at <= horizon:
            by_month[lot.expires_at.astimezone(zone).strftime("%Y-%m")] += lot.points
        else:
            later += lot.points
    owing_members, owed = source.negative_balances()

    def value(points: int) -> str:
        return format_money(points_value(points, program.redeem, cur), cur)

    return {
        "report": "liability",
        "at": at.isoformat(),
        "currency": cur.code,
        "point_value": str(program.redeem.point_value),
        "points": total,
        "value": value(total),
        "expiring": [
            {"month": month, "points": points, "value": value(points)}
            for month, points in sorted(by_month.items())
        ],
        "expiring_later": later,
        "never_expiring": never,
        "negative_members": owing_members,
        "negative_points": owed,
        "horizon_days": horizon_days,
    }
