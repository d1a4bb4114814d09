"""RFM: recency, frequency and monetary scores per member as of a moment, and the ten segments.

- Recency: whole days from the member's last purchase to the moment (fewer is better).
- Frequency: distinct shop days with a purchase (same-day sales count as one).
- Monetary: total net spend in minor units, refunds recorded by the moment taken off.

Scores are quintiles of the members who bought by the moment, 1–5 with 5 best.
Shop data ties heavily (most members have bought on one or two days), which
breaks ``pandas.qcut`` on values and makes rank-"first" tricks give equal
members different scores. Here a member's score is 1 plus the number of whole
fifths of members who did strictly worse: equal values share a score, a
member's score never drops when they do better, and without ties it is the
textbook quintile. Segments come from the R×F grid in ``rfm_segments``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import numpy as np
import pandas as pd

from loyalty_desktop.analytics.bulk_rows import build_rows
from loyalty_desktop.analytics.ports import ReportSource
from loyalty_desktop.analytics.purchase_days import DAY, moment, purchase_days, until
from loyalty_desktop.analytics.rfm_segments import GRID, SEGMENTS

RFM_COLUMNS = ("recency_days", "frequency", "monetary", "r", "f", "m", "segment")


@dataclass(frozen=True)
class RfmMember:
    """One member's figures and scores; ``segment`` is a key of ``rfm_segments.SEGMENTS``."""

    member_no: str
    r: int
    f: int
    m: int
    recency_days: int
    frequency: int
    monetary: int
    segment: str


@dataclass(frozen=True)
class RfmSegmentTotal:
    """A segment's size and its members' total net spend (minor units), with the suggested action."""

    key: str
    name: str
    members: int
    revenue: int
    action: str


@dataclass(frozen=True)
class RfmReport:
    """Scores of every member who bought by ``at``, and all ten segments in a fixed order."""

    at: datetime
    members: tuple[RfmMember, ...]
    segments: tuple[RfmSegmentTotal, ...]
    computed_at: datetime | None = None  # when, if computed earlier and stored (None: just now)
    # Brought up to date from the nightly job's workings of this moment (the members changed
    # since computed again; equal to computing it all), None: computed in full or read back.
    updated_from: datetime | None = None
    # Why it was computed in full although the nightly job's workings were looked for
    # (``updated_reports.bring_up_to_date``: "backdated", "members_closed", ...), or None.
    not_updated: str | None = None


def quintile_scores(values: pd.Series, *, lower_is_better: bool = False) -> pd.Series:
    """Scores 1–5 (5 best): 1 + whole fifths of the values strictly worse; ties share a score."""
    count = len(values)
    if count == 0:
        return pd.Series([], index=values.index, dtype=np.int64)
    keyed = -values if lower_is_better else values
    worse = keyed.rank(method="min").to_numpy(dtype=np.int64) - 1
    return pd.Series(1 + (5 * worse) // count, index=values.index, dtype=np.int64)


def rfm_table(log: pd.DataFrame, at: datetime) -> pd.DataFrame:
    """Figures, scores and segment key of each member who bought by ``at``, indexed by member number.

    ``log`` has ``ports.PURCHASE_COLUMNS``; rows after ``at`` are ignored.
    Columns are ``RFM_COLUMNS``.
    """
    return rfm_scored(rfm_figures(log, at), at)


def rfm_figures(log: pd.DataFrame, at: datetime) -> pd.DataFrame:
    """What RFM knows of each member who bought by ``at``: the last purchase, days and spend.

    Indexed by member number (text), sorted; columns ``last_at`` (UTC),
    ``frequency`` and ``monetary`` (int64). A member's row depends on their
    own sales only, so the rows of a few members can replace theirs in a
    larger table (``rfm_scored`` then scores everybody as of a moment).
    """
    seen = until(log, at)
    # Group on integer codes, not text: see ``purchase_days.numbered``.
    codes, numbers = pd.factorize(seen["member_no"], sort=True)
    seen = seen.assign(member_no=codes)
    days = purchase_days(seen)
    if days.empty:
        return pd.DataFrame(
            {
                "last_at": pd.Series([], dtype="datetime64[ns, UTC]"),
                "frequency": pd.Series([], dtype=np.int64),
                "monetary": pd.Series([], dtype=np.int64),
            },
            index=pd.Index([], dtype=object, name="member_no"),
        )
    by_member = days.groupby("member_no", sort=True)
    figures = pd.DataFrame(
        {"last_at": by_member["last_at"].max(), "frequency": by_member.size().astype(np.int64)}
    )
    spend = seen.groupby("member_no", sort=True)["amount"].sum()
    figures["monetary"] = spend.reindex(figures.index, fill_value=0).astype(np.int64)
    figures.index = pd.Index(numbers, dtype=object).take(figures.index)
    return figures.rename_axis("member_no")


def rfm_scored(figures: pd.DataFrame, at: datetime) -> pd.DataFrame:
    """``RFM_COLUMNS`` of the members in ``figures`` (``rfm_figures``) as of ``at``, in their order."""
    if figures.empty:
        empty = pd.DataFrame({name: pd.Series([], dtype=np.int64) for name in RFM_COLUMNS})
        empty["segment"] = empty["segment"].astype(object)
        return empty.rename_axis("member_no")
    table = pd.DataFrame(
        {
            "recency_days": ((moment(at) - figures["last_at"]) // DAY).astype(np.int64),
            "frequency": figures["frequency"].astype(np.int64),
            "monetary": figures["monetary"].astype(np.int64),
        }
    )
    table["r"] = quintile_scores(table["recency_days"], lower_is_better=True)
    table["f"] = quintile_scores(table["frequency"])
    table["m"] = quintile_scores(table["monetary"])
    grid = np.array(GRID, dtype=object)
    table["segment"] = grid[table["r"].to_numpy() - 1, table["f"].to_numpy() - 1]
    return table.rename_axis("member_no")


def rfm_report(source: ReportSource, at: datetime) -> RfmReport:
    """RFM scores and segments of the members who bought at or before ``at``."""
    return rfm_from_table(rfm_table(source.purchase_log(at), at), at)


def rfm_from_table(table: pd.DataFrame, at: datetime) -> RfmReport:
    """The report of an RFM table (``rfm_table``, ``rfm_scored``) as of ``at``."""
    # Column by column into the dataclass by position: 3x quicker than a row at a time
    # (130,000 members); the values are Python ints and str as before.
    columns = [
        [str(no) for no in table.index.to_numpy(dtype=object).tolist()],
        *(table[name].to_numpy(dtype=np.int64).tolist() for name in ("r", "f", "m")),
        *(table[name].to_numpy(dtype=np.int64).tolist() for name in RFM_COLUMNS[:3]),
        [str(segment) for segment in table["segment"].to_numpy(dtype=object).tolist()],
    ]
    members = build_rows(RfmMember, *columns)
    sizes = table.groupby("segment")["monetary"].agg(["size", "sum"])
    segments = tuple(
        RfmSegmentTotal(
            key=segment.key,
            name=segment.name,
            members=int(sizes.at[segment.key, "size"]) if segment.key in sizes.index else 0,
            revenue=int(sizes.at[segment.key, "sum"]) if segment.key in sizes.index else 0,
            action=segment.action,
        )
        for segment in SEGMENTS
    )
    return RfmReport(at=at, members=members, segments=segments)
