"""What reports read, as a Protocol the database adapter implements (analytics never imports it)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class SalesTotals:
    """Sales in a period: counts and money in minor units, refunds already taken off."""

    sales: int
    member_sales: int
    revenue: int
    member_revenue: int
    refunds: int


@dataclass(frozen=True)
class CampaignSales:
    """Sales a campaign applied to: how many, their net after refunds by the period's end, buyers."""

    name: str
    sales: int
    revenue: int
    members: int


@dataclass(frozen=True)
class OpenLot:
    """Points still spendable at the report moment, and when they expire (None: never)."""

    points: int
    expires_at: datetime | None


@dataclass(frozen=True)
class PointsDue:
    """Points spendable at a moment, by when they lapse, against ascending ``edges`` after it.

    ``before[i]``: points lapsing before ``edges[i]`` and not before ``edges[i - 1]`` (for
    ``i == 0``: after the moment itself); ``later``: lapsing at the last edge or after it;
    ``never``: points without an expiry.
    """

    before: tuple[int, ...]
    later: int
    never: int

    @property
    def total(self) -> int:
        """Every point still spendable at the moment."""
        return sum(self.before) + self.later + self.never


def points_due_in(lots: Iterable[OpenLot], at: datetime, edges: Sequence[datetime]) -> PointsDue:
    """``PointsDue`` of lots held at ``at`` (the rule a database source computes in SQL)."""
    before = [0] * len(edges)
    later = never = 0
    for lot in lots:
        if lot.expires_at is None:
            never += lot.points
        elif lot.expires_at <= at:
            continue
        elif edges and lot.expires_at < edges[-1]:
            before[bisect_right(edges, lot.expires_at)] += lot.points
        else:
            later += lot.points
    return PointsDue(tuple(before), later, never)


@dataclass(frozen=True)
class TouchedRows:
    """A few members' own rows: their purchase log up to a moment and their live snapshot.

    ``log`` has ``PURCHASE_COLUMNS``, ``members`` ``MEMBER_COLUMNS`` (read as
    ``ReportSource`` would, for those members alone).
    """

    log: pd.DataFrame
    members: pd.DataFrame


PURCHASE_COLUMNS = ("member_no", "at", "local_date", "amount", "campaign", "store")
"""Columns of ``ReportSource.purchase_log``, one row per member sale, oldest first (sales at
the same moment in the order they were stored):

- ``member_no`` (str): the buying member's number as it is now (merged members' sales follow
  the surviving member);
- ``at`` (datetime64, UTC): when the sale happened;
- ``local_date`` (datetime64, midnight): the sale's calendar day in the shop's time zone, the day
  the "same-day purchases count as one" rule uses;
- ``amount`` (int64, minor units): the sale's net after the refunds recorded by the report moment
  (a sale refunded in full has amount 0 and is still listed; a return rung up on its own, as
  an imported cancellation, is a sale with a negative amount);
- ``campaign`` (bool): a campaign applied to the sale;
- ``store`` (str): the device or store that rang it up.
"""

MEMBER_COLUMNS = ("member_no", "joined_at", "balance", "tier", "consent")
"""Columns of ``ReportSource.member_snapshot``, one row per active member who existed then,
oldest member first. A member who kept merged duplicates' history stands for all of them, as
in the purchase log: joined when the first of them did, holding their balances before the merge.

- ``member_no`` (str); ``joined_at`` (datetime64, UTC);
- ``balance`` (int64): points held at the moment (sum of the ledger up to it);
- ``tier`` (str or None): the tier after the member's last sale by the moment (the cached tier
  when the moment is now; a past moment misses changes made since that sale by a refund, a
  merge or the daily job);
- ``consent`` (bool): the member agrees to marketing (as it is now: consent is not versioned).
"""


LINE_COLUMNS = ("member_no", "local_date", "sku", "qty", "category")
"""Columns of ``ReportSource.purchase_lines``, one row per line of a member sale:

- ``member_no`` (str): the buying member's number as it is now (merged members' lines follow
  the surviving member); ``local_date`` (datetime64, midnight): the sale's day in the shop's zone;
- ``sku`` (str); ``qty`` (float): units kept, those refunded since taken off (a return rung up
  on its own has a negative quantity); ``category`` (str or None): the line's category.
"""


class ReportSource(Protocol):
    """Aggregates the database computes for reports."""

    def sales_totals(self, start: datetime, end: datetime, store: str | None = None) -> SalesTotals:
        """Sales and refunds in (start, end]; with ``store``, only the sales that store rang up."""
        ...

    def purchases_per_member(
        self, start: datetime, end: datetime, store: str | None = None
    ) -> list[int]:
        """Purchases of each buying member in (start, end] (at ``store`` only, if given)."""
        ...

    def member_counts(self, start: datetime, end: datetime) -> tuple[int, int]:
        """Active members at ``end`` and those who joined in (start, end]."""
        ...

    def points_by_kind(self, start: datetime, end: datetime) -> dict[str, int]:
        """Points moved in (start, end], summed by movement kind."""
        ...

    def points_due(self, at: datetime, edges: Sequence[datetime]) -> PointsDue:
        """Points in lots opened by ``at`` and spendable then, by when they lapse (``edges``)."""
        ...

    def spendable_points(self, at: datetime) -> int:
        """Points in lots opened by ``at`` that are still spendable then (not lapsed by ``at``)."""
        ...

    def negative_balances(self) -> tuple[int, int]:
        """How many members owe points, and how many in all."""
        ...

    def purchase_log(self, end: datetime) -> pd.DataFrame:
        """Member sales at or before ``end`` with ``PURCHASE_COLUMNS``; nothing after ``end``."""
        ...

    def purchase_lines(self, end: datetime, start: datetime | None = None) -> pd.DataFrame:
        """Lines of member sales in (start, end] (``start`` None: all up to ``end``), in no set order.

        Columns: ``LINE_COLUMNS``.
        """
        ...

    def member_snapshot(self, at: datetime) -> pd.DataFrame:
        """Active members who had joined by ``at``, with ``MEMBER_COLUMNS`` as of ``at``."""
        ...

    def campaign_sales(
        self, start: datetime, end: datetime, store: str | None = None
    ) -> list[CampaignSales]:
        """For each campaign that applied to a sale in (start, end]: those sales and their buyers."""
        ...
