"""What an offer's audience rules need from the purchase history, member by member.

RFM segment, lifecycle stage, churn-risk band, the stores a member bought at
and their category affinity all come from the same purchase log the reports
read, as of the moment the offer is issued. Only what the audience asks for
is computed: a tier-and-birthday offer reads no history at all. Category
affinity is the recommendation model's (``recommend.categories``): the share of
the member's purchase days in the category, decayed by age, as of the issue day.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pandas as pd

from loyalty_desktop.analytics.churn import NotEnoughHistory, churn_report
from loyalty_desktop.analytics.clv import expected_purchases_by_member
from loyalty_desktop.analytics.lifecycle import lifecycle_report
from loyalty_desktop.analytics.ports import ReportSource
from loyalty_desktop.analytics.recommend import Settings
from loyalty_desktop.analytics.recommend.categories import category_affinities
from loyalty_desktop.analytics.recommend.matrices import build_matrices
from loyalty_desktop.analytics.rfm import rfm_report
from loyalty_desktop.domain.offers import Audience
from loyalty_desktop.domain.program import LifecycleRule

AFFINITY_SHARE = 0.2  # a category of at least a fifth of a member's decayed purchases is liked
CHURN_HORIZON_DAYS = 90
CHURN_BAND_EDGES = (1 / 3, 2 / 3)


@dataclass
class HistoryFacts:
    """Per member number, what the audience rules read from the purchase history."""

    segment: dict[str, str] = field(default_factory=dict)
    stage: dict[str, str] = field(default_factory=dict)
    churn_band: dict[str, str] = field(default_factory=dict)
    stores: dict[str, frozenset[str]] = field(default_factory=dict)
    categories: dict[str, frozenset[str]] = field(default_factory=dict)
    churn_unavailable: str | None = None  # why churn bands could not be computed


def churn_band(risk: float) -> str:
    """Low / medium / high by thirds of the churn probability."""
    low, high = CHURN_BAND_EDGES
    return "low" if risk < low else "medium" if risk < high else "high"


def history_facts(
    source: ReportSource, audience: Audience, at: datetime, timezone: str, rule: LifecycleRule
) -> HistoryFacts:
    """Segments, stages, churn bands, stores and category affinities as of ``at``, as asked."""
    facts = HistoryFacts()
    if audience.segments:
        facts.segment = {m.member_no: m.segment for m in rfm_report(source, at).members}
    if audience.stages:
        report = lifecycle_report(source, at - timedelta(days=31), at, timezone, rule)
        facts.stage = {m.member_no: m.stage for m in report.members}
    if audience.churn_bands:
        found = churn_report(
            source, at, CHURN_HORIZON_DAYS, expected_purchases_by_member, timezone=timezone
        )
        if isinstance(found, NotEnoughHistory):
            facts.churn_unavailable = found.message
        else:
            facts.churn_band = {m.member_no: churn_band(m.risk) for m in found.members}
    if audience.stores:
        log = source.purchase_log(at)
        grouped = log.groupby("member_no")["store"].agg(lambda s: frozenset(map(str, s)))
        facts.stores = {str(k): v for k, v in grouped.items()}
    if audience.categories:
        facts.categories = category_affinity(source, at, timezone)
    return facts


def category_affinity(
    source: ReportSource, at: datetime, timezone: str
) -> dict[str, frozenset[str]]:
    """Per member number, the categories they like as of ``at``, as the recommendation model sees it.

    The model's own matrices over every member line up to ``at``, on the shop
    day of ``at`` with the model's half-life: the same answer for the same
    moment whenever it is asked.
    """
    lines = source.purchase_lines(at)
    day = pd.Timestamp(at.astimezone(ZoneInfo(timezone)).date())
    matrices = build_matrices(lines, day, Settings().half_life_days)
    return category_affinities(matrices, AFFINITY_SHARE)
