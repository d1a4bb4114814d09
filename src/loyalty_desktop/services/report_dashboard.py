"""The dashboard's figures in one call: KPIs, the sales trend, the points liability and the best buyers.

One call rather than four so the programme is read once and the open points
lots (the costliest read on a large shop: one row per expiry moment) once,
though both the KPIs and the liability need them. The steps report progress
to a ``Job`` and stop between them when it is cancelled.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from loyalty_desktop.analytics.kpis import Kpis, kpis
from loyalty_desktop.analytics.liability import Liability, liability
from loyalty_desktop.analytics.ports import OpenLot, ReportSource
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


class _LotsOnce:
    """A report source that reads the open lots once per moment and passes the rest through."""

    def __init__(self, source: ReportSource) -> None:
        self._source = source
        self._lots: dict[datetime, list[OpenLot]] = {}

    def open_lots(self, at: datetime) -> list[OpenLot]:
        """The source's open lots at ``at``, read the first time only."""
        if at not in self._lots:
            self._lots[at] = self._source.open_lots(at)
        return self._lots[at]

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
    whole = cast(ReportSource, _LotsOnce(shop.reports))
    steps.step("kpis", 0, STEPS)
    chosen = checked_store(shop, store)
    figures = kpis(store_source(shop, chosen, whole), program, start, at, chosen)
    steps.step("trend", 1, STEPS)
    sold = trend_for(shop, program, start, at, by, store)
    steps.step("liability", 2, STEPS)
    owed = liability(whole, program, at, HORIZON_DAYS)
    steps.step("buyers", 3, STEPS)
    buyers = best_buyers(shop, actor, start=start, at=at, store=store)
    steps.step("done", STEPS, STEPS, final=True)
    return Dashboard(figures, sold, owed, buyers)
