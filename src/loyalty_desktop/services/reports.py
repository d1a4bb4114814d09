"""Reports for managers: KPIs, points liability, tiers, campaigns, cohorts, over the report queries.

The role check lives here, so the command line, the screens and the server
all get the same refusal for a cashier.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import cast

from loyalty_desktop.analytics.campaigns import CampaignReport
from loyalty_desktop.analytics.churn import ChurnReport
from loyalty_desktop.analytics.clv import ClvReport
from loyalty_desktop.analytics.cohorts import CohortReport
from loyalty_desktop.analytics.kpis import Kpis, kpis
from loyalty_desktop.analytics.liability import Liability, liability
from loyalty_desktop.analytics.lifecycle import LifecycleReport
from loyalty_desktop.analytics.rfm import RfmReport
from loyalty_desktop.analytics.satisfaction import SatisfactionReport
from loyalty_desktop.analytics.tiers import TierReport
from loyalty_desktop.domain.cards import quoted, repeatable
from loyalty_desktop.domain.errors import InvalidRequest
from loyalty_desktop.services import (
    analytic_reports,
    programme_reports,
    stored_reports,
    updated_reports,
)
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.offer_report import OfferReport, offer_report
from loyalty_desktop.services.programs import program_in_force
from loyalty_desktop.services.report_period import ReportPeriod
from loyalty_desktop.services.report_series import checked_store, store_source
from loyalty_desktop.services.surveys import survey_answers

Report = (
    Kpis
    | Liability
    | TierReport
    | CampaignReport
    | CohortReport
    | RfmReport
    | ClvReport
    | ChurnReport
    | LifecycleReport
    | SatisfactionReport
    | OfferReport
)

# Each report by name, in the order the command lists them; a new report is one line here.
BUILDERS: dict[str, Callable[[ReportPeriod], Report]] = {
    "kpis": lambda p: kpis(p.source, p.program, p.start, p.end, p.store),
    "liability": lambda p: liability(p.source, p.program, p.end, p.horizon_days),
    "tiers": programme_reports.tiers,
    "campaigns": programme_reports.campaigns,
    "cohorts": programme_reports.cohorts,
    "rfm": analytic_reports.rfm,
    "clv": analytic_reports.clv,
    "churn": analytic_reports.churn,
    "lifecycle": analytic_reports.lifecycle,
    "satisfaction": analytic_reports.satisfaction,
}
# The horizon when none is asked for: a year, but a quarter for churn (a year needs two of data).
# Satisfaction: did they buy again within a quarter of answering?
DEFAULT_HORIZON_DAYS = {
    "churn": analytic_reports.CHURN_HORIZON_DAYS,
    "satisfaction": analytic_reports.CHURN_HORIZON_DAYS,
}
REPORTS = (*BUILDERS, "offers")  # offers read the offers' own records, not only the period
MAX_HORIZON_DAYS = 36_500  # a hundred years


def report(
    shop: Shop,
    actor: Actor,
    name: str,
    *,
    start: datetime | None = None,
    at: datetime | None = None,
    horizon_days: int | None = None,
    store: str | None = None,
    fresh: bool = False,
) -> Report:
    """The report ``name`` for (start, at]: by default the year up to now; sales of ``store`` only.

    The store (a till's device id) narrows the sales figures; members, points
    and liability belong to the whole programme. RFM, KPIs and churn come from
    what the nightly job stored when that is exactly what computing them now
    would give (``stored_reports``), unless ``fresh``; such a report's
    ``computed_at`` says when it was computed (None: just now, for this call).
    After a change that day, RFM and churn are the nightly job's workings
    with the changed members computed again (``updated_reports``; their
    ``updated_from`` says so), or computed in full (``not_updated`` says why).
    """
    require(actor, Permission.REPORTS)
    if name == "offers":  # the offers' own records, not a period of sales
        return offer_report(shop, actor, at)
    period = _period(shop, name, start, at, horizon_days, store)
    why_not = None
    if not fresh:
        found = stored_reports.read_back(
            shop,
            name,
            timezone=period.program.timezone,
            start=start,
            at=period.end,
            horizon_days=period.horizon_days,
            store=period.store,
        )
        if found is not None:
            return cast(Report, found)
        found, why_not = updated_reports.bring_up_to_date(
            shop,
            name,
            timezone=period.program.timezone,
            at=period.end,
            horizon_days=period.horizon_days,
            store=period.store,
        )
        if found is not None:
            return cast(Report, found)
    computed = BUILDERS[name](period)
    if why_not is not None and isinstance(computed, RfmReport | ChurnReport):
        return replace(computed, not_updated=why_not)  # why the job's workings did not serve
    return computed


def store_for_later(shop: Shop, actor: Actor) -> stored_reports.StoredRun:
    """The nightly job's part for reports: compute RFM, KPIs and churn as of now and store them."""
    require(actor, Permission.REPORTS)
    at = shop.clock.now()

    def compute(name: str) -> tuple[ReportPeriod, Report, str | None]:
        period = _period(shop, name, None, at, None, None)
        if name in updated_reports.UPDATABLE:
            report, workings = updated_reports.with_workings(name, period)
            return period, report, workings
        return period, BUILDERS[name](period), None

    return stored_reports.store_all(shop, at, compute)


def _period(
    shop: Shop,
    name: str,
    start: datetime | None,
    at: datetime | None,
    horizon_days: int | None,
    store: str | None,
) -> ReportPeriod:
    """The report's checked inputs (refused: an unknown report, a bad horizon or period)."""
    if name not in REPORTS:
        raise InvalidRequest(
            f"there is no report {quoted(name)} (reports: {', '.join(REPORTS)})",
            reason="report_unknown",
            field="report",
            value=repeatable(name),
            choices=list(REPORTS),
        )
    if horizon_days is None:
        horizon_days = DEFAULT_HORIZON_DAYS.get(name, 365)
    if not 1 <= horizon_days <= MAX_HORIZON_DAYS:
        raise InvalidRequest(
            f"--horizon-days must be from 1 to {MAX_HORIZON_DAYS} (a hundred years)",
            reason="horizon_days_range",
            field="horizon_days",
            minimum=1,
            maximum=MAX_HORIZON_DAYS,
        )
    end = at or shop.clock.now()
    begin = start or end - timedelta(days=365)
    if begin >= end:
        raise InvalidRequest(
            "--from must be before --at", reason="from_not_before_at", field="from"
        )
    chosen = checked_store(shop, store or None)
    with shop.uow(write=False) as uow:
        _, program = program_in_force(uow)
        answers = survey_answers(uow, begin, end, chosen) if name == "satisfaction" else None
    # A store's view narrows the sales and the points they moved; members and lots stay whole.
    return ReportPeriod(
        store_source(shop, chosen), program, begin, end, horizon_days, chosen, answers
    )
