"""The demo shop's calendar: its days, in the shop's time zone, and how busy each one is.

Weekends are busier, the three weeks of New Year shopping (年货) before the
Spring Festival busiest of all, the holiday week after it quiet; golden week
in October is quiet, the days before the Mid-Autumn Festival busy, and the
programme's opening fortnight drew a crowd. Members also come in for the
member days on the 8th, 18th and 28th.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from loyalty_desktop.demo.catalogue import (
    in_spring_festival_holiday,
    in_spring_festival_run_up,
    mid_autumn,
)

MEMBER_DAYS = (8, 18, 28)  # 会员日: double points
_WEEKDAYS = (0.9, 0.9, 0.95, 1.0, 1.15, 1.3, 1.2)  # Monday first
_MONTHS = (1.0, 0.95, 0.95, 1.0, 1.0, 1.05, 1.1, 1.1, 1.0, 1.0, 0.95, 1.05)


@dataclass(frozen=True)
class Calendar:
    """The shop days of the history and how busy each one is."""

    start: datetime  # shop-local midnight of the first day, in UTC
    end: datetime
    zone: ZoneInfo
    first_day: date
    footfall: tuple[float, ...]  # per day, everyone
    member_footfall: tuple[float, ...]  # per day, members (member days draw them in)

    @classmethod
    def ending(cls, end: datetime, timezone: str, days: int) -> Calendar:
        """The ``days`` shop days before ``end`` and the day of ``end`` itself."""
        zone = ZoneInfo(timezone)
        first = end.astimezone(zone).date() - timedelta(days=days)
        count = days + 1
        footfall = tuple(_footfall(first + timedelta(days=i), first) for i in range(count))
        member = tuple(
            w * (1.3 if (first + timedelta(days=i)).day in MEMBER_DAYS else 1.0)
            for i, w in enumerate(footfall)
        )
        start = datetime.combine(first, time(0), tzinfo=zone).astimezone(UTC)
        return cls(start, end, zone, first, footfall, member)

    def day(self, index: int) -> date:
        """The shop-local date of day ``index``."""
        return self.first_day + timedelta(days=index)

    def moment(self, index: int, seconds: int) -> datetime:
        """``seconds`` after shop-local midnight of day ``index``, in UTC."""
        local = datetime.combine(self.day(index), time(0), tzinfo=self.zone)
        return (local + timedelta(seconds=seconds)).astimezone(UTC)

    def index(self, moment: datetime) -> int:
        """The day index a moment falls on."""
        return (moment.astimezone(self.zone).date() - self.first_day).days

    def local_date(self, moment: datetime) -> date:
        """The shop-local date of a moment."""
        return moment.astimezone(self.zone).date()

    @property
    def last_index(self) -> int:
        """The index of the last day (today)."""
        return len(self.footfall) - 1


def _footfall(day: date, first: date) -> float:
    weight = _WEEKDAYS[day.weekday()] * _MONTHS[day.month - 1]
    if in_spring_festival_run_up(day):
        weight *= 1.35
    elif in_spring_festival_holiday(day):
        weight *= 0.55
    if day.month == 10 and day.day <= 7:  # golden week: the neighbourhood travels
        weight *= 0.85
    if mid_autumn(day.year) - timedelta(days=10) <= day <= mid_autumn(day.year):
        weight *= 1.15
    if (day - first).days < 14:  # grand opening of the programme
        weight *= 1.25
    return weight


def time_of_day(rng: random.Random, hours: Mapping[int, float]) -> int:
    """Seconds after shop-local midnight, at an hour the shopper likes."""
    hour = rng.choices(list(hours), weights=list(hours.values()))[0]
    return hour * 3600 + rng.randrange(3600)
