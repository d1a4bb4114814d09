"""The member-level reports: RFM segments, lifecycle stages, CLV, churn risk, satisfaction.

Each reads the purchase log as of the report moment (nothing later), narrowed
to one store's sales when one is chosen; members and their points stay the
whole programme's. The churn back-test's BG/NBD baseline is the CLV model's
own forecast, fitted on the log up to each cut-off.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from loyalty_desktop.analytics.churn import ChurnReport, ChurnWorkings, NotEnoughHistory
from loyalty_desktop.analytics.churn import churn_workings as analytic_churn_workings
from loyalty_desktop.analytics.clv import ClvReport, clv_report, expected_purchases_by_member
from loyalty_desktop.analytics.lifecycle import LifecycleReport, lifecycle_report
from loyalty_desktop.analytics.rfm import RfmReport, rfm_report
from loyalty_desktop.analytics.satisfaction import SatisfactionReport, satisfaction_report
from loyalty_desktop.analytics.store_scope import store_log
from loyalty_desktop.domain.errors import InvalidRequest
from loyalty_desktop.services.report_period import ReportPeriod

CHURN_HORIZON_DAYS = 90  # a quarter: a shop's usual "lapsed" line; a year needs two years of data


def rfm(p: ReportPeriod) -> RfmReport:
    """RFM scores and the ten segments as of the period's end."""
    return rfm_report(store_log(p.source, p.store), p.end)


def clv(p: ReportPeriod) -> ClvReport:
    """BG/NBD and Gamma-Gamma fitted on the log up to the period's end; forecasts over the horizon."""
    # T runs to the report's calendar day: the shop's day, not UTC's.
    at = p.end.astimezone(ZoneInfo(p.program.timezone))
    return clv_report(store_log(p.source, p.store), at, p.horizon_days)


def churn(p: ReportPeriod) -> ChurnReport:
    """Each member's risk of buying nothing over the horizon, with its back-test.

    Raises:
        InvalidRequest: the history is too short or too uniform for a model (the reason says which).
    """
    return churn_workings(p).report


def churn_workings(p: ReportPeriod) -> ChurnWorkings:
    """``churn`` with what it was computed from (the nightly job keeps both).

    Raises:
        InvalidRequest: the history is too short or too uniform for a model (the reason says which).
    """
    found = analytic_churn_workings(
        store_log(p.source, p.store),
        p.end,
        p.horizon_days,
        expected_purchases_by_member,
        timezone=p.program.timezone,
    )
    if isinstance(found, NotEnoughHistory):
        cutoff = found.cutoff.date().isoformat()
        if found.reason == "too_few_members":
            raise InvalidRequest(
                found.message,
                reason="churn_too_few_members",
                field="at",
                cutoff=cutoff,
                members=found.members,
            )
        raise InvalidRequest(
            found.message,
            reason="churn_one_outcome",
            field="at",
            cutoff=cutoff,
            members=found.members,
            churned=found.churned,
            horizon_days=found.horizon_days,
        )
    return found


def lifecycle(p: ReportPeriod) -> LifecycleReport:
    """Each buyer's lifecycle stage at the period's end, and the stage flow of each month in it."""
    return lifecycle_report(
        store_log(p.source, p.store), p.start, p.end, p.program.timezone, p.program.lifecycle
    )


def satisfaction(p: ReportPeriod) -> SatisfactionReport:
    """CSAT or NPS of the period's answers by month, store, tier, staff and stage; repurchase after."""
    assert p.surveys is not None, "the report reads the answers for this report"
    return satisfaction_report(
        p.surveys.answers,
        store_log(p.source, p.store).purchase_log(p.end),
        p.start,
        p.end,
        p.program.timezone,
        p.program.lifecycle,
        p.surveys.scale,
        p.horizon_days,
    )
