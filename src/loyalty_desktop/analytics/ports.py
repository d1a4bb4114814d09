"""What reports read, as a Protocol the database adapter implements (analytics never imports it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True)
class SalesTotals:
    """Sales in a period: counts and money in minor units, refunds already taken off."""

    sales: int
    member_sales: int
    revenue: int
    member_revenue: int
    refunds: int


@dataclass(frozen=True)
class OpenLot:
    """Points still spendable at the report moment, and when they expire (None: never)."""

    points: int
    expires_at: datetime | None


class ReportSource(Protocol):
    """Aggregates the database computes for reports."""

    def sales_totals(self, start: datetime, end: datetime) -> SalesTotals:
        """Sales and refunds in (start, end]."""
        ...

    def purchases_per_member(self, start: datetime, end: datetime) -> list[int]:
        """Purchases of each buying member in (start, end]."""
        ...

    def member_counts(self, start: datetime, end: datetime) -> tuple[int, int]:
        """Active members at ``end`` and those who joined in (start, end]."""
        ...

    def points_by_kind(self, start: datetime, end: datetime) -> dict[str, int]:
        """Points moved in (start, end], summed by movement kind."""
        ...

    def open_lots(self, at: datetime) -> list[OpenLot]:
        """Points in lots opened by ``at``, grouped by expiry."""
        ...

    def negative_balances(self) -> tuple[int, int]:
        """How many members owe points, and how many in all."""
        ...
