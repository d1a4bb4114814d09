"""Satisfaction: CSAT or NPS over time and by store, tier, staff and lifecycle stage, and repurchase.

The score follows the shop's scale: **CSAT** is the share of answers with 4
or 5 stars; **NPS** is the share of promoters (9-10) minus the share of
detractors (0-6), from -100 to 100. Answers given on the other scale (the
shop changed its question) are counted apart, never mixed in.

Every group says how many answers it has; one with fewer than ``MIN_ANSWERS``
is marked ``too_small`` (its score moves by several points with one answer).
Each score has its 95 % interval.

**Repurchase**: each member's latest answer whose follow-up window (``follow_days``)
had ended by the report moment; did they buy again within it? The rate of the
satisfied (4-5 stars, promoters) against the dissatisfied (1-2 stars,
detractors), with Wilson intervals and Newcombe's interval for the gap. It is
an association, not proof that satisfaction causes the return.

The lifecycle stage is the member's stage on the day they answered (the
programme's ``[lifecycle]`` rules, on their purchases up to that day); the
tier is the one they held when they answered.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from loyalty_desktop.analytics.lifecycle import STAGE_KEYS, ShopDays, stage_figures
from loyalty_desktop.analytics.proportions import Interval, difference, net_share, wilson
from loyalty_desktop.analytics.purchase_days import until
from loyalty_desktop.domain.program import LifecycleRule
from loyalty_desktop.domain.surveys import SurveyAnswer, SurveyScale

MIN_ANSWERS = 30  # below this a group's score is shown but marked too small to read much into
NO_STAGE = ""  # answered before any purchase (or all of them refunded): no lifecycle stage


@dataclass(frozen=True)
class ScoreGroup:
    """Answers of one group (a month, a store, a tier…) and its score (CSAT % or NPS)."""

    key: str
    answers: int
    satisfied: int  # 4-5 stars, or promoters
    neutral: int
    dissatisfied: int  # 1-2 stars, or detractors
    score: Interval | None  # as a fraction: CSAT 0..1, NPS -1..1
    too_small: bool


@dataclass(frozen=True)
class Repurchase:
    """Members whose latest answer put them in a group, and how many bought again in the window."""

    members: int
    came_back: int
    rate: Interval | None


@dataclass(frozen=True)
class SatisfactionReport:
    """The whole report for (start, at] on the shop's scale."""

    start: datetime
    at: datetime
    scale: SurveyScale
    follow_days: int
    overall: ScoreGroup
    months: tuple[ScoreGroup, ...]
    stores: tuple[ScoreGroup, ...]
    tiers: tuple[ScoreGroup, ...]
    staff: tuple[ScoreGroup, ...]
    stages: tuple[ScoreGroup, ...]
    satisfied: Repurchase
    dissatisfied: Repurchase
    gap: Interval | None  # satisfied rate minus dissatisfied rate
    other_scale: int  # answers on the scale the shop no longer asks, left out


def _group(key: str, scores: np.ndarray, scale: SurveyScale) -> ScoreGroup:
    happy = int(np.count_nonzero(scores >= (4 if scale is SurveyScale.STARS else 9)))
    unhappy = int(np.count_nonzero(scores <= (2 if scale is SurveyScale.STARS else 6)))
    total = int(scores.size)
    score = wilson(happy, total) if scale is SurveyScale.STARS else net_share(happy, unhappy, total)
    return ScoreGroup(
        key, total, happy, total - happy - unhappy, unhappy, score, total < MIN_ANSWERS
    )


def _groups(frame: pd.DataFrame, column: str, scale: SurveyScale) -> tuple[ScoreGroup, ...]:
    """One group per value of ``column``, most answers first (months: in order)."""
    found = [
        _group(str(key), part["score"].to_numpy(), scale)
        for key, part in frame.groupby(column, sort=True)
    ]
    if column == "month":
        return tuple(found)
    return tuple(sorted(found, key=lambda g: (-g.answers, g.key)))


def _stages(frame: pd.DataFrame, log: pd.DataFrame, rule: LifecycleRule) -> pd.Series:
    """Each answer's lifecycle stage on the shop day it was given (``NO_STAGE`` before any purchase)."""
    stages = pd.Series(NO_STAGE, index=frame.index, dtype=object)
    if frame.empty or log.empty:
        return stages
    # Only the members who answered: each day's snapshot then costs their purchases, not the shop's.
    days = ShopDays.of(log[log["member_no"].isin(set(frame["member_no"]))])
    codes = days.numbers.get_indexer(frame["member_no"])
    names = np.array(STAGE_KEYS, dtype=object)
    for day, rows in frame.groupby("day").groups.items():
        figures = stage_figures(days, day, rule)["stage"].to_numpy()
        at = codes[frame.index.get_indexer(rows)]
        known = at >= 0
        found = np.full(len(rows), -1, dtype=np.int64)
        found[known] = figures[at[known]]
        stages.loc[rows] = np.where(found >= 0, names[np.maximum(found, 0)], NO_STAGE)
    return stages


def _repurchase(
    frame: pd.DataFrame, log: pd.DataFrame, at: datetime, follow: timedelta, scale: SurveyScale
) -> tuple[Repurchase, Repurchase]:
    """The satisfied and the dissatisfied: members, and those who bought within ``follow`` after."""
    ripe = frame[frame["at"] <= pd.Timestamp(at - follow)]
    latest = ripe.sort_values("at", kind="stable").groupby("member_no").tail(1)
    buys = log.loc[log["amount"] > 0, ["member_no", "at"]].rename(columns={"at": "bought_at"})
    joined = latest[["member_no", "at"]].merge(buys, on="member_no", how="inner")
    again = joined[
        (joined["bought_at"] > joined["at"]) & (joined["bought_at"] <= joined["at"] + follow)
    ]
    back = set(again["member_no"])
    found = []
    for test in (scale.satisfied, scale.dissatisfied):
        members = latest[latest["score"].map(test).astype(bool)]["member_no"]
        came = sum(1 for m in members if m in back)
        found.append(Repurchase(len(members), came, wilson(came, len(members))))
    return found[0], found[1]


def _frame(answers: Sequence[SurveyAnswer], timezone: str) -> pd.DataFrame:
    zone = ZoneInfo(timezone)
    local = [a.at.astimezone(zone).date() for a in answers]
    return pd.DataFrame(
        {
            "member_no": [a.member_no for a in answers],
            "at": pd.to_datetime([a.at for a in answers], utc=True),
            "day": local,
            "month": [f"{d.year:04d}-{d.month:02d}" for d in local],
            "score": np.array([a.score for a in answers], dtype=np.int64),
            "store": [a.store for a in answers],
            "staff": [a.staff or "" for a in answers],
            "tier": [a.tier or "" for a in answers],
        }
    )


def satisfaction_report(
    answers: Sequence[SurveyAnswer],
    log: pd.DataFrame,
    start: datetime,
    at: datetime,
    timezone: str,
    rule: LifecycleRule,
    scale: SurveyScale,
    follow_days: int,
) -> SatisfactionReport:
    """The report over ``answers`` (those given in (start, at]) and the purchase ``log``."""
    asked = [a for a in answers if a.scale is scale and start < a.at <= at]
    frame = _frame(asked, timezone)
    seen = until(log, at)
    frame["stage"] = _stages(frame, seen, rule)
    happy, unhappy = _repurchase(frame, seen, at, timedelta(days=follow_days), scale)
    return SatisfactionReport(
        start=start,
        at=at,
        scale=scale,
        follow_days=follow_days,
        overall=_group("all", frame["score"].to_numpy(), scale),
        months=_groups(frame, "month", scale),
        stores=_groups(frame, "store", scale),
        tiers=_groups(frame, "tier", scale),
        staff=_groups(frame, "staff", scale),
        stages=_groups(frame, "stage", scale),
        satisfied=happy,
        dissatisfied=unhappy,
        gap=difference(happy.rate, unhappy.rate),
        other_scale=sum(1 for a in answers if a.scale is not scale),
    )
