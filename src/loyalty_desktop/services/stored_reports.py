"""Reports the nightly job computes ahead (RFM, KPIs, churn), and when a stored one may stand in.

On the benchmark shop (200,000 members, 2 M sale lines) RFM, KPIs and churn
take about 20 s to compute from the whole history; read back they take a
fraction of a second. A stored report is only ever the full computation as
of its own moment, so it is used only when that is the answer:

- it is for all stores and the same horizon, and KPIs for the default
  period (the year to its moment; RFM and churn do not read the start);
- the moment asked for is on the same shop day as the stored one, and not
  before it (a past as-of date always computes);
- nothing a report reads has changed since it was computed (the storage's
  ``data_version``: sales, refunds, points movements, members joining,
  merging or leaving, tier changes, the programme).

The report then says when it was computed (``computed_at``) and is as of the
stored moment (its ``at``/``end``), which the request's moment does not change:
no sale, refund or points movement came in between.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from loyalty_desktop.analytics.churn import ChurnReport
from loyalty_desktop.analytics.frames import shop_day
from loyalty_desktop.analytics.kpis import Kpis
from loyalty_desktop.analytics.rfm import RfmReport
from loyalty_desktop.domain.errors import InvalidRequest
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.report_codec import dump_report, load_report
from loyalty_desktop.services.report_period import ReportPeriod
from loyalty_desktop.services.report_store import StoredReport
from loyalty_desktop.services.updated_reports import workings_key

KINDS: dict[str, type[Any]] = {"rfm": RfmReport, "kpis": Kpis, "churn": ChurnReport}
"""The reports the nightly job stores, in the order it computes them."""
PERIOD_READERS = frozenset({"kpis"})
"""Those whose figures depend on the period's start (RFM and churn read only its end)."""


@dataclass(frozen=True)
class StoredRun:
    """What the nightly job stored: the reports kept as of ``at``, and those not kept with why.

    A reason is the refusal's ``reason`` (``churn_too_few_members``, …),
    ``data_changed`` (a sale or other change came in while it was computed) or
    ``sales_after`` (a sale is dated after the moment, so a later request
    that day would miss it).
    """

    at: datetime
    stored: tuple[str, ...]
    skipped: tuple[tuple[str, str], ...]


def snapshot_key(name: str, horizon_days: int) -> str:
    """The key a report is stored under: its name and horizon (all stores, default period)."""
    return f"{name}:all:{horizon_days}d"


def read_back(
    shop: Shop,
    name: str,
    *,
    timezone: str,
    start: datetime | None,
    at: datetime,
    horizon_days: int,
    store: str | None,
) -> Any | None:
    """The stored report that is exactly what computing ``name`` now would give, or None.

    ``start`` None is the default period; ``at`` the moment asked for.
    """
    keeper = shop.report_store
    if keeper is None or store is not None or name not in KINDS:
        return None
    found = keeper.stored(snapshot_key(name, horizon_days))
    if found is None or (name in PERIOD_READERS and start not in (None, found.start)):
        return None
    if found.at > at or shop_day(found.at, timezone) != shop_day(at, timezone):
        return None
    if found.data_version != keeper.data_version():
        return None
    try:
        report = load_report(found.payload, KINDS[name])
    except ValueError:
        return None  # written by another version of the report: compute it afresh
    return replace(report, computed_at=found.computed_at)


def store_all(
    shop: Shop, at: datetime, compute: Callable[[str], tuple[ReportPeriod, Any, str | None]]
) -> StoredRun:
    """Compute each of ``KINDS`` as of ``at`` with ``compute`` and store those the data still matches.

    ``compute(name)`` returns the report's period, the report and its workings
    as text (None: none; stored under ``updated_reports.workings_key``), or
    raises ``InvalidRequest``.
    """
    keeper = shop.report_store
    if keeper is None:
        return StoredRun(at, (), tuple((name, "no_storage") for name in KINDS))
    stored: list[str] = []
    skipped: list[tuple[str, str]] = []
    last_sale = keeper.last_sale_at()
    for name in KINDS:
        if last_sale is not None and last_sale > at:
            skipped.append((name, "sales_after"))
            continue
        before = keeper.data_version()
        began = shop.clock.now()
        try:
            period, report, workings = compute(name)
        except InvalidRequest as exc:
            skipped.append((name, exc.reason or "refused"))
            continue
        if keeper.data_version() != before:
            skipped.append((name, "data_changed"))
            continue
        kept = [(snapshot_key(name, period.horizon_days), dump_report(report))]
        if workings is not None:  # what a report later today is brought up to date from
            kept.insert(0, (workings_key(name, period.horizon_days), workings))
        for key, payload in kept:
            keeper.store(
                StoredReport(
                    key=key,
                    at=period.end,
                    start=period.start,
                    computed_at=began,
                    data_version=before,
                    payload=payload,
                )
            )
        stored.append(name)
    return StoredRun(at, tuple(stored), tuple(skipped))
