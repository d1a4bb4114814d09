"""Sales by store and by day: what the report filters' store list and the dashboard's trend read.

A store is the device (till) that rang a sale up: a chain's stores each run
their own installation, so the device id is the store. Members and their
points belong to no store (a member shops anywhere), so only sales, and the
points moved by sales and refunds, can be told apart by store.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol


@dataclass(frozen=True)
class StoreActivity:
    """A store that has rung up sales: how many, and when the first and last were."""

    store: str  # the device id
    sales: int
    first_sale: datetime | None
    last_sale: datetime | None


@dataclass(frozen=True)
class DaySales:
    """One shop day's sales: counts, and money in minor units with that day's refunds taken off."""

    day: date  # the calendar day in the shop's time zone
    sales: int
    member_sales: int
    revenue: int
    member_revenue: int
    refunds: int = 0
    member_refunds: int = 0


@dataclass(frozen=True)
class Buyer:
    """A member's buying in a period: sales with a positive net, and their net less refunds."""

    member_no: str
    name: str
    purchases: int
    spend: int  # minor units


class StoreSalesSource(Protocol):
    """Sales aggregates the database computes, optionally for one store (device id)."""

    def stores(self) -> list[StoreActivity]:
        """Every device that has rung up a sale, most sales first."""
        ...

    def daily_sales(
        self, start: datetime, end: datetime, zone: str, store: str | None
    ) -> list[DaySales]:
        """Sales in (start, end] by shop day (refunds on the day they were made), oldest first."""
        ...

    def purchases_per_member(self, start: datetime, end: datetime, store: str) -> list[int]:
        """Purchases of each member who bought at ``store`` in (start, end]."""
        ...

    def points_by_kind(self, start: datetime, end: datetime, store: str) -> dict[str, int]:
        """Points moved by the sales (and their refunds) rung up at ``store`` in (start, end]."""
        ...

    def top_buyers(
        self, start: datetime, end: datetime, store: str | None, limit: int
    ) -> list[Buyer]:
        """The members who spent most in (start, end], most first (ties: member number)."""
        ...
