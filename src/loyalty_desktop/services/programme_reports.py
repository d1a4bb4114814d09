"""The reports on the programme at work: tiers, campaigns and monthly cohorts.

Each takes a checked ``ReportPeriod`` (the role check and the period's checks
are in ``services/reports.py``) and returns the analytics' typed result.
"""

from __future__ import annotations

from loyalty_desktop.analytics.campaigns import CampaignReport, campaign_report
from loyalty_desktop.analytics.cohorts import CohortReport, cohort_report
from loyalty_desktop.analytics.tiers import TierReport, tier_report
from loyalty_desktop.services.report_period import ReportPeriod


def tiers(period: ReportPeriod) -> TierReport:
    """Members per tier at the start and end of the period, and who moved up or down."""
    return tier_report(period.source, period.program, period.start, period.end, period.store)


def campaigns(period: ReportPeriod) -> CampaignReport:
    """Each campaign that ran in the period against the days before it and the members it skipped."""
    return campaign_report(period.source, period.program, period.start, period.end, period.store)


def cohorts(period: ReportPeriod) -> CohortReport:
    """Members by the month of their first purchase, and the share buying in each month since."""
    return cohort_report(period.source, period.program, period.start, period.end, period.store)
