"""Small pieces the frame-based reports share: a period's purchases, exact money sums, shop months."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

_INT64_MAX = 2**63 - 1


def exact_sum(values: pd.Series) -> int:
    """The sum of integer money or points, exact however large (numpy's int64 sum would wrap)."""
    if values.empty:
        return 0
    biggest = int(np.abs(values.to_numpy(dtype=np.int64)).max())
    if biggest and biggest > _INT64_MAX // len(values):
        return sum(int(v) for v in values)
    return int(values.sum())


def purchases_in(
    log: pd.DataFrame, start: datetime, end: datetime, store: str | None = None
) -> pd.DataFrame:
    """The purchase log's sales in (start, end], at ``store`` only if given."""
    at = log["at"]
    keep = (at > pd.Timestamp(start)) & (at <= pd.Timestamp(end))
    if store is not None:
        keep &= log["store"] == store
    return log[keep]


def bought(log: pd.DataFrame) -> pd.DataFrame:
    """The sales that count as a purchase: something kept (not refunded in full, not a return)."""
    return log[log["amount"] > 0]


def month_numbers(days: pd.Series) -> np.ndarray:
    """Each day's month as one integer (year × 12 + month − 1), so month gaps are differences."""
    numbers: np.ndarray = (days.dt.year * 12 + days.dt.month - 1).to_numpy(dtype=np.int64)
    return numbers


def month_label(number: int) -> str:
    """``YYYY-MM`` for a month number from ``month_numbers``."""
    return f"{number // 12:04d}-{number % 12 + 1:02d}"


def shop_day(moment: datetime, timezone: str) -> date:
    """The calendar day in the shop's time zone at ``moment``."""
    return moment.astimezone(ZoneInfo(timezone)).date()


def day_start(day: date, timezone: str) -> datetime:
    """The moment a shop day begins (midnight in the shop's time zone)."""
    return datetime.combine(day, time(0), tzinfo=ZoneInfo(timezone))


def just_before(moment: datetime) -> datetime:
    """The last stored moment before ``moment`` (moments are kept to the microsecond)."""
    return moment - timedelta(microseconds=1)
