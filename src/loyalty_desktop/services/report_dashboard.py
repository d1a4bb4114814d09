"""The dashboard's figures in one call: KPIs, the sales trend, the points liability and the best buyers.

One call rather than four so the programme is read once and the open points
lots once, though both the liability (by month) and the KPIs (their total)
need them. The steps report progress
to a ``Job`` and stop between them when it is cancelled.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from loyalty_desktop.analytics.kpis import Kpis, kpis
from loyalty_desktop.analytics.liability import Liability, liability
from loyalty_desktop.analytics.ports import PointsDue, ReportSource
from loyalty_desktop.analytics.sales_trend import Bucket, SalesTrend
from loyalty_desktop.analytics.store_sales import Buyer
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.long_jobs import Job
from loyalty_desktop.services.programs import program_in_force
from loyalty_desktop.services.report_series import (
    best_buyers,
    check_period,
    checked_bucket,
    checked_store,
    store_source,
    trend_for,
)

STEPS = 4
HORIZON_DAYS = 365


@dataclass(frozen=True)
class Dashboard:
    """Everything the dashboard shows for a period and a store (None: all stores)."""

    kpis: Kpis
    trend: SalesTrend
    liability: Liability
    buyers: tuple[Buyer, ...]


class _PointsOnce:
    """A report source that reads the open points once per moment and passes the rest through.

    The liability reads them by month; the KPIs' outstanding points are their total then.
    """

    def __init__(self, source: ReportSource) -> None:
        self._source = source
        self._due: dict[datetime, PointsDue] = {}

    def points_due(self, at: datetime, edges: Sequence[datetime]) -> PointsDue:
        """The source's points due at ``at``, read from it the first time only."""
        if at not in self._due:
            self._due[at] = self._source.points_due(at, edges)
        return self._due[at]

    def spendable_points(self, at: datetime) -> int:
        """The total of points due already read for ``at``, else the source's own sum."""
        due = self._due.get(at)
        return due.total if due is not None else self._source.spendable_points(at)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._source, name)


def dashboard(
    shop: Shop,
    actor: Actor,
    *,
    start: datetime,
    at: datetime,
    bucket: str = Bucket.MONTH,
    store: str | None = None,
    job: Job | None = None,
) -> Dashboard:
    """The dashboard for (start, at]; the liability is the whole shop's as of ``at``."""
    require(actor, Permission.REPORTS)
    check_period(start, at)
    by = checked_bucket(bucket)
    steps = job or Job()
    with shop.uow(write=False) as uow:
        _, program = program_in_force(uow)
    whole = cast(ReportSource, _PointsOnce(shop.reports))
    chosen = checked_store(shop, store)
    steps.step("liability", 0, STEPS)
    owed = liability(whole, program, at, HORIZON_DAYS)
    steps.step("kpis", 1, STEPS)
    figures = kpis(store_source(shop, chosen, whole), program, start, at, chosen)
    steps.step("trend", 2, STEPS)
    sold = trend_for(shop, program, start, at, by, store)
    steps.step("buyers", 3, STEPS)
    buyers = best_buyers(shop, actor, start=start, at=at, store=store)
    steps.step("done", STEPS, STEPS, final=True)
    return Dashboard(figures, sold, owed, buyers)
