"""Purchase logs built by hand for RFM and churn tests, and a report source that serves them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

import pandas as pd

from loyalty_desktop.analytics.ports import MEMBER_COLUMNS, PURCHASE_COLUMNS

AT = datetime(2026, 3, 31, 16, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Sale:
    """One member sale as the log lists it (``local_date`` is the UTC day: tests use UTC shops)."""

    member_no: str
    at: datetime
    amount: int = 1000
    campaign: bool = False


def purchase_log(sales: Iterable[Sale]) -> pd.DataFrame:
    """A frame with ``PURCHASE_COLUMNS``, oldest sale first, as ``ReportSource.purchase_log`` gives."""
    rows = sorted(sales, key=lambda sale: (sale.at, sale.member_no))
    stamps = pd.to_datetime([sale.at for sale in rows], utc=True)
    return pd.DataFrame(
        {
            "member_no": pd.Series([sale.member_no for sale in rows], dtype=object),
            "at": stamps,
            "local_date": stamps.tz_localize(None).normalize(),
            "amount": pd.Series([sale.amount for sale in rows], dtype="int64"),
            "campaign": pd.Series([sale.campaign for sale in rows], dtype=bool),
            "store": pd.Series(["till-1"] * len(rows), dtype=object),
        },
        columns=list(PURCHASE_COLUMNS),
    )


def members_from(log: pd.DataFrame, tiers: dict[str, str] | None = None) -> pd.DataFrame:
    """Members with ``MEMBER_COLUMNS`` who joined at their first sale, no points, no tier unless given."""
    first = log.groupby("member_no")["at"].min()
    numbers = [str(number) for number in first.index]
    return pd.DataFrame(
        {
            "member_no": pd.Series(numbers, dtype=object),
            "joined_at": first.array,
            "balance": pd.Series([0] * len(numbers), dtype="int64"),
            "tier": pd.Series([(tiers or {}).get(n) for n in numbers], dtype=object),
            "consent": pd.Series([True] * len(numbers), dtype=bool),
        },
        columns=list(MEMBER_COLUMNS),
    )


@dataclass
class LogSource:
    """Serves a fixed log and member list; ``leaky`` hands out everything, future rows included."""

    log: pd.DataFrame
    members: pd.DataFrame
    leaky: bool = False

    def purchase_log(self, end: datetime) -> pd.DataFrame:
        if self.leaky or self.log.empty:
            return self.log
        return self.log[self.log["at"] <= pd.Timestamp(end)].reset_index(drop=True)

    def member_snapshot(self, at: datetime) -> pd.DataFrame:
        if self.leaky or self.members.empty:
            return self.members
        return self.members[self.members["joined_at"] <= pd.Timestamp(at)].reset_index(drop=True)
