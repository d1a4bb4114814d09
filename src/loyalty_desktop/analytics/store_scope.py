"""One store's view of the report aggregates, so every report can be read for a single store.

Sales, purchases and the points that sales and refunds moved are the store's
own; members, their balances and lots belong to no store (a member shops
anywhere), so those answers stay the whole shop's. Anything a report source
gains later that this view does not know passes through unchanged, i.e. for
all stores, until it is taught here.
"""

# ruff: noqa: D102  (the methods are ReportSource's, documented in analytics/ports.py)

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from loyalty_desktop.analytics.ports import PointsDue, ReportSource, SalesTotals
from loyalty_desktop.analytics.store_sales import StoreSalesSource

if TYPE_CHECKING:
    import pandas as pd


class StoreView:
    """``source`` narrowed to the sales rung up at ``store`` (a device id)."""

    def __init__(self, source: ReportSource, sales: StoreSalesSource, store: str) -> None:
        self._source, self._sales, self.store = source, sales, store

    def sales_totals(self, start: datetime, end: datetime, store: str | None = None) -> SalesTotals:
        days = self._sales.daily_sales(start, end, "UTC", self.store)
        return SalesTotals(
            sales=sum(d.sales for d in days),
            member_sales=sum(d.member_sales for d in days),
            revenue=sum(d.revenue for d in days),
            member_revenue=sum(d.member_revenue for d in days),
            refunds=sum(d.refunds for d in days),
        )

    def purchases_per_member(
        self, start: datetime, end: datetime, store: str | None = None
    ) -> list[int]:
        return self._sales.purchases_per_member(start, end, self.store)

    def member_counts(self, start: datetime, end: datetime) -> tuple[int, int]:
        return self._source.member_counts(start, end)

    def points_by_kind(self, start: datetime, end: datetime) -> dict[str, int]:
        return self._sales.points_by_kind(start, end, self.store)

    def points_due(self, at: datetime, edges: Sequence[datetime]) -> PointsDue:
        return self._source.points_due(at, edges)

    def negative_balances(self) -> tuple[int, int]:
        return self._source.negative_balances()

    def purchase_log(self, end: datetime) -> pd.DataFrame:
        log = self._source.purchase_log(end)
        return log[log["store"] == self.store].reset_index(drop=True)

    def member_snapshot(self, at: datetime) -> pd.DataFrame:
        return self._source.member_snapshot(at)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._source, name)


def scoped(source: ReportSource, sales: StoreSalesSource, store: str | None) -> ReportSource:
    """``source`` for one store, or unchanged for all stores (``None``)."""
    if store is None:
        return source
    return cast(ReportSource, StoreView(source, sales, store))


class StoreLog:
    """``source`` whose purchase log holds only the sales ``store`` rang up (members stay whole)."""

    def __init__(self, source: ReportSource, store: str) -> None:
        self._source, self.store = source, store

    def purchase_log(self, end: datetime) -> pd.DataFrame:
        log = self._source.purchase_log(end)
        return log[log["store"] == self.store].reset_index(drop=True)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._source, name)


def store_log(source: ReportSource, store: str | None) -> ReportSource:
    """``source`` with one store's purchases (member-level reports), or unchanged (``None``)."""
    return source if store is None else cast(ReportSource, StoreLog(source, store))
