"""Points liability: what the shop owes in points, their money value, and when they fall due or lapse."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from loyalty_desktop.analytics.ports import ReportSource
from loyalty_desktop.domain.money import Currency
from loyalty_desktop.domain.pricing import points_value
from loyalty_desktop.domain.program import Program

_INSTANT = timedelta(microseconds=1)


@dataclass(frozen=True)
class ExpiringMonth:
    """Points that lapse in one shop month, and what they are worth (minor units)."""

    month: str  # YYYY-MM in the shop's time zone
    points: int
    value: int


@dataclass(frozen=True)
class Liability:
    """Outstanding points at a moment, their value, and when they lapse over the horizon."""

    at: datetime
    currency: Currency
    point_value: Decimal
    points: int
    value: int
    expiring: tuple[ExpiringMonth, ...]
    expiring_later: int
    never_expiring: int
    negative_members: int
    negative_points: int
    horizon_days: int


def month_edges(at: datetime, horizon: datetime, zone: ZoneInfo) -> list[datetime]:
    """The shop months' first moments after ``at`` up to ``horizon``, then just after ``horizon``.

    Points lapsing before the first edge fall in ``at``'s month, between two edges in the
    earlier edge's month; the last edge makes the horizon itself part of its month.
    """
    local = at.astimezone(zone)
    year, month = local.year, local.month
    edges: list[datetime] = []
    while True:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        first = datetime(year, month, 1, tzinfo=zone)
        if first > horizon:
            break
        edges.append(first)
    edges.append(horizon + _INSTANT)
    return edges


def liability(source: ReportSource, program: Program, at: datetime, horizon_days: int) -> Liability:
    """Outstanding points and their value, with the months they expire in over the horizon."""
    cur = program.currency
    zone = ZoneInfo(program.timezone)
    horizon = at + timedelta(days=horizon_days)
    edges = month_edges(at, horizon, zone)
    due = source.points_due(at, edges)
    total = due.total
    months = [at.astimezone(zone).strftime("%Y-%m")]
    months += [edge.astimezone(zone).strftime("%Y-%m") for edge in edges[:-1]]
    by_month: dict[str, int] = defaultdict(int)
    for month, points in zip(months, due.before, strict=True):
        if points:
            by_month[month] += points
    never, later = due.never, due.later
    owing_members, owed = source.negative_balances()

    def value(points: int) -> int:
        return points_value(points, program.redeem, cur)

    return Liability(
        at=at,
        currency=cur,
        point_value=program.redeem.point_value,
        points=total,
        value=value(total),
        expiring=tuple(
            ExpiringMonth(month, points, value(points))
            for month, points in sorted(by_month.items())
        ),
        expiring_later=later,
        never_expiring=never,
        negative_members=owing_members,
        negative_points=owed,
        horizon_days=horizon_days,
    )
