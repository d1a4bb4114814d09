"""RFM and churn after a change that day: the nightly job's workings with the touched members redone.

The nightly job stores RFM and churn and, beside them, their workings
(``report_workings``): each member's RFM figures, and for churn each member's
risk, tier code and the model's training rows. Read back as they are, the
reports hold only until the first sale of the day (``stored_reports``);
after it, computing them from the whole history took about 20 s on the
benchmark shop. Instead, when

- the report is for all stores, asked for today (the workings' shop day, not
  before their moment) and for now (a past moment replays the ledger for
  every member, which the workings do not hold);
- the changes since the workings are member by member (no programme loaded,
  nobody merged, closed or erased, no sale, refund or member dated back
  before the workings' moment), dated on the report's shop day (churn: its
  model learnt from the days before), and at most ``MAX_TOUCHED`` members;

the report is the workings with the touched members' rows computed from
their own history (``analytics/report_update.py``), equal to computing it
all. Otherwise it is computed in full and its ``not_updated`` says why.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from loyalty_desktop.analytics.frames import day_start, shop_day
from loyalty_desktop.analytics.report_update import StoredChurn, updated_churn, updated_rfm
from loyalty_desktop.analytics.report_workings import dump_churn, dump_rfm, load_churn, load_rfm
from loyalty_desktop.analytics.rfm import rfm_figures, rfm_from_table, rfm_scored
from loyalty_desktop.analytics.store_scope import store_log
from loyalty_desktop.services import analytic_reports
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.report_period import ReportPeriod

UPDATABLE = frozenset({"rfm", "churn"})
MAX_TOUCHED = 10_000
"""Members changed since the workings beyond which the report is computed in full.

A busy shop day touches a few thousand; beyond this, reading the touched
members' history one by one costs about what reading it all does.
"""
LIVE = timedelta(minutes=1)  # as the report source: a moment this close to now reads the live tiers


def workings_key(name: str, horizon_days: int) -> str:
    """The key a report's workings are stored under (all stores, default period)."""
    return f"{name}-workings:all:{horizon_days}d"


def with_workings(name: str, period: ReportPeriod) -> tuple[Any, str | None]:
    """The report ``name`` computed in full, and its workings as text (None: it keeps none).

    Raises:
        InvalidRequest: the report refused (churn without enough history).
    """
    if name == "rfm":
        figures = rfm_figures(
            store_log(period.source, period.store).purchase_log(period.end), period.end
        )
        report = rfm_from_table(rfm_scored(figures, period.end), period.end)
        return report, dump_rfm(figures, period.end)
    if name == "churn":
        workings = analytic_reports.churn_workings(period)
        return workings.report, dump_churn(workings)
    raise ValueError(f"{name} keeps no workings")


def bring_up_to_date(
    shop: Shop,
    name: str,
    *,
    timezone: str,
    at: datetime,
    horizon_days: int,
    store: str | None,
) -> tuple[Any | None, str | None]:
    """``name`` as of ``at`` from the nightly job's workings, or None and why not.

    The reason is None when no update was looked for (another report, one
    store, no storage); otherwise ``no_workings``, ``another_day``,
    ``past_moment``, ``many_changes``, ``damaged`` or a reason of
    ``ReportStore.changes_since`` or ``report_update.updated_churn``.
    """
    keeper = shop.report_store
    if keeper is None or store is not None or name not in UPDATABLE:
        return None, None
    found = keeper.stored(workings_key(name, horizon_days))
    if found is None:
        return None, "no_workings"
    if found.at > at or shop_day(found.at, timezone) != shop_day(at, timezone):
        return None, "another_day"
    if at < shop.clock.now() - LIVE:
        return None, "past_moment"
    changes = keeper.changes_since(found.data_version, found.at)
    if changes.reason is not None:
        return None, changes.reason
    today = day_start(shop_day(at, timezone), timezone)
    if name == "churn" and changes.earliest is not None and changes.earliest < today:
        return None, "backdated"
    if len(changes.members) > MAX_TOUCHED:
        return None, "many_changes"
    try:
        workings = load_rfm(found.payload) if name == "rfm" else load_churn(found.payload)
    except ValueError:
        return None, "damaged"  # written by another version: compute it afresh
    rows = keeper.touched(changes.members, at)
    if isinstance(workings, StoredChurn):
        churn = updated_churn(workings, changes.members, rows.log, rows.members, at, timezone)
        if isinstance(churn, str):
            return None, churn
        return replace(churn, updated_from=found.at), None
    rfm = updated_rfm(workings, changes.members, rows.log, at)
    return replace(rfm, updated_from=found.at), None
