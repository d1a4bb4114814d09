"""The report periods a manager picks (last 30 days, this month, …) as shop days and UTC moments.

No Qt here: the presets are plain date arithmetic, tested on their own. A
period is whole shop days, first to last inclusive, in the shop's time zone;
the reports read it as (start, end], from the midnight that begins the first
day to the midnight that ends the last (or now, if that is sooner).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo


class Preset(StrEnum):
    """The periods offered first; ``CUSTOM`` keeps the days typed."""

    LAST_30_DAYS = "last_30_days"
    THIS_MONTH = "this_month"
    LAST_QUARTER = "last_quarter"
    LAST_12_MONTHS = "last_12_months"
    CUSTOM = "custom"


def _year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return date(day.year - 1, 3, 1)


def preset_days(preset: Preset, today: date) -> tuple[date, date]:
    """The first and last day (inclusive) of ``preset`` seen on ``today``."""
    if preset is Preset.LAST_30_DAYS:
        return today - timedelta(days=29), today
    if preset is Preset.THIS_MONTH:
        return today.replace(day=1), today
    if preset is Preset.LAST_QUARTER:
        this_quarter = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
        last_day = this_quarter - timedelta(days=1)
        return date(last_day.year, last_day.month - 2, 1), last_day
    if preset is Preset.LAST_12_MONTHS:
        return _year_before(today) + timedelta(days=1), today
    raise ValueError("a custom period has no preset days")


def local_midnight(day: date, zone: str) -> datetime:
    """The moment ``day`` begins in ``zone``, in UTC."""
    return datetime.combine(day, time(), ZoneInfo(zone)).astimezone(UTC)


@dataclass(frozen=True)
class ReportFilter:
    """What every report page is asked for: shop days, their moments, and a store (None: all)."""

    first_day: date
    last_day: date
    start: datetime
    end: datetime
    store: str | None
    store_name: str
    timezone: str

    @classmethod
    def of(
        cls,
        first_day: date,
        last_day: date,
        zone: str,
        now: datetime,
        store: str | None = None,
        store_name: str = "",
    ) -> ReportFilter:
        """The filter for the days ``first_day``–``last_day``, ending at ``now`` at the latest."""
        start = local_midnight(first_day, zone)
        end = min(local_midnight(last_day + timedelta(days=1), zone), now)
        return cls(first_day, last_day, start, end, store, store_name, zone)

    @property
    def choice(self) -> tuple[date, date, str | None]:
        """What the manager chose (the days and the store), whatever the time now."""
        return (self.first_day, self.last_day, self.store)

    @property
    def days(self) -> int:
        """How many shop days the period has."""
        return (self.last_day - self.first_day).days + 1

    def end_day(self) -> date:
        """The shop day the period ends on (today, if it runs to now)."""
        return (self.end - timedelta(microseconds=1)).astimezone(ZoneInfo(self.timezone)).date()
