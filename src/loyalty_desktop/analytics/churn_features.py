"""What the churn model knows about each member at a cut-off, and whether they then bought nothing.

Features use only sales at or before the cut-off and the member snapshot as
of it, so the same function serves training (an earlier cut-off, whose outcome
is known) and scoring (the report moment). Times are in days. A member who has
not bought yet has frequency 0 and recency counted from joining; figures that
need two or three purchase days (gaps) are missing (NaN), which the gradient
boosting model handles natively.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

import numpy as np
import pandas as pd

from loyalty_desktop.analytics.purchase_days import (
    DAY,
    between,
    moment,
    purchase_days,
    purchases,
    until,
)

TREND_DAYS = 90
FEATURES = (
    "recency_days",
    "frequency",
    "monetary",
    "tenure_days",
    "gap_mean_days",
    "gap_std_days",
    "overdue",
    "visits_last_90",
    "visits_prev_90",
    "visit_trend",
    "spend_last_90",
    "spend_prev_90",
    "spend_trend",
    "balance",
    "tier",
    "campaign_share",
)
"""Feature columns, in the order the model sees them; ``tier`` is a category code (see ``tier_codes``)."""


def churn_features(
    log: pd.DataFrame,
    members: pd.DataFrame,
    cutoff: datetime,
    tiers: Sequence[str],
    reference: datetime | None = None,
) -> pd.DataFrame:
    """``FEATURES`` of the members in ``members`` (``ports.MEMBER_COLUMNS``) as of ``cutoff``.

    Indexed by member number (text, or the integer codes of
    ``purchase_days.numbered``, as long as log and members agree); only members
    who had joined by the cut-off, and only their sales at or before it, count. ``tiers`` fixes the tier codes
    (a tier not in it is missing). Days (recency, tenure, the 90-day windows) are
    counted to ``reference`` (default: the cut-off; never before it): the churn
    report counts them to the end of the shop day, so a member nobody touched
    keeps the same features all day (see ``churn.churn_day``).
    """
    stop = moment(reference if reference is not None else cutoff)
    if stop < moment(cutoff):
        raise ValueError(f"the reference {reference} is before the cut-off {cutoff}")
    seen_by = moment(cutoff)
    roster = members[members["joined_at"] <= seen_by] if not members.empty else members
    index = pd.Index(roster["member_no"], name="member_no")
    seen = until(log, cutoff)
    seen = seen[seen["member_no"].isin(index)] if not seen.empty else seen
    days = purchase_days(seen)
    by_member = days.groupby("member_no", sort=True)

    frame = pd.DataFrame(index=index)
    joined = pd.to_datetime(roster["joined_at"], utc=True).set_axis(index)
    bought = purchases(seen)
    first = (
        bought.groupby("member_no")["at"].min().reindex(index)
        if not bought.empty
        else pd.Series(pd.NaT, index=index, dtype="datetime64[ns, UTC]")
    )
    start = joined.where(first.isna() | (joined <= first), first)
    last = by_member["last_at"].max().reindex(index)
    frame["recency_days"] = (stop - last.fillna(start)) / DAY
    frame["frequency"] = by_member.size().reindex(index, fill_value=0).astype(np.float64)
    frame["monetary"] = _by_member(seen, "amount", "sum").reindex(index, fill_value=0.0)
    frame["tenure_days"] = (stop - start) / DAY

    gaps = _gaps(days).groupby(level="member_no")
    frame["gap_mean_days"] = gaps.mean().reindex(index)
    spread = gaps.std(ddof=0)
    frame["gap_std_days"] = spread[gaps.size() >= 2].reindex(index)
    frame["overdue"] = frame["recency_days"] / frame["gap_mean_days"]

    recent = stop - timedelta(days=TREND_DAYS)
    before = stop - timedelta(days=2 * TREND_DAYS)
    for window, (start_at, end_at) in {"last": (recent, stop), "prev": (before, recent)}.items():
        rows = between(seen, start_at, end_at)
        # A purchase day falls in the window of its last sale (grouping again was 3x slower).
        stamps = days["last_at"]
        in_window = days[(stamps > moment(start_at)) & (stamps <= moment(end_at))]
        visits = in_window.groupby("member_no").size()
        frame[f"visits_{window}_90"] = visits.reindex(index, fill_value=0).astype(np.float64)
        frame[f"spend_{window}_90"] = _by_member(rows, "amount", "sum").reindex(
            index, fill_value=0.0
        )
    frame["visit_trend"] = _trend(frame["visits_last_90"], frame["visits_prev_90"])
    frame["spend_trend"] = _trend(frame["spend_last_90"], frame["spend_prev_90"])

    snapshot = roster.set_index(index)
    frame["balance"] = snapshot["balance"].astype(np.float64)
    frame["tier"] = tier_codes(snapshot["tier"], tiers)
    frame["campaign_share"] = _by_member(bought, "campaign", "mean").reindex(index)
    return frame[list(FEATURES)]


def tier_codes(names: pd.Series, tiers: Sequence[str]) -> pd.Series:
    """Each tier name's position in ``tiers`` as a float; None or an unknown tier is NaN."""
    codes = pd.Series(np.arange(len(tiers), dtype=np.float64), index=pd.Index(tiers, dtype=object))
    return pd.Series(
        codes.reindex(names.to_numpy(dtype=object)).to_numpy(), index=names.index, dtype=np.float64
    )


def known_tiers(members: pd.DataFrame) -> tuple[str, ...]:
    """The tier names in a snapshot, sorted (the codes a model is trained with)."""
    if members.empty:
        return ()
    return tuple(sorted(str(name) for name in members["tier"].dropna().unique()))


def bought_nothing(log: pd.DataFrame, index: pd.Index, cutoff: datetime, days: int) -> pd.Series:
    """True for each member in ``index`` without a purchase in (cutoff, cutoff + days]."""
    window = purchases(between(log, cutoff, cutoff + timedelta(days=days)))
    came = index.isin(window["member_no"]) if not window.empty else np.zeros(len(index), bool)
    return pd.Series(~came, index=index, dtype=bool)


def _by_member(rows: pd.DataFrame, column: str, how: str) -> pd.Series:
    """``rows[column]`` aggregated per member (``how``: "sum" or "mean"), as floats."""
    if rows.empty:
        return pd.Series([], dtype=np.float64, index=pd.Index([], name="member_no"))
    return rows.groupby("member_no", sort=True)[column].agg(how).astype(np.float64)


def _gaps(days: pd.DataFrame) -> pd.Series:
    """Days between each member's consecutive purchase days, indexed by member number."""
    if days.empty:
        return pd.Series([], dtype=np.float64, index=pd.Index([], name="member_no"))
    step = days.groupby("member_no", sort=False)["local_date"].diff() / DAY
    gaps = pd.Series(step.to_numpy(), index=pd.Index(days["member_no"], name="member_no"))
    return gaps.dropna()


def _trend(last: pd.Series, previous: pd.Series) -> pd.Series:
    """(last - previous) / (|last| + |previous|): -1 stopped, 0 steady, 1 new; NaN when both are 0."""
    scale = last.abs() + previous.abs()
    return ((last - previous) / scale.where(scale > 0)).astype(np.float64)
