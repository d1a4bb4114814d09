"""Points liability: what the shop owes in points, their money value, and when they fall due or lapse."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from loyalty_desktop.analytics.ports import OpenLot, ReportSource
from loyalty_desktop.domain.money import Currency
from loyalty_desktop.domain.pricing import points_value
from loyalty_desktop.domain.program import Program


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


def liability_points(lots: Iterable[OpenLot], at: datetime) -> int:
    """Points still spendable at ``at``."""
    return sum(lot.points for lot in lots if lot.expires_at is None or lot.expires_at > at)


def liability(source: ReportSource, program: Program, at: datetime, horizon_days: int) -> Liability:
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
