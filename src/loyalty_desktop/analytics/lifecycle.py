"""Lifecycle stages: where each buying member is in their life with the shop, as of any day.

Counted in shop days back from the report's day, on the purchase log up to the
report moment (``LifecycleRule`` holds the thresholds, from the programme's
``[lifecycle]`` table). A member is given the first stage whose rule holds:

1. **lapsed**: no purchase for more than ``lapsed_days``;
2. **won back**: bought again after a gap of more than ``lapsed_days``, at most
   ``won_back_days`` ago;
3. **new**: first purchase at most ``new_days`` ago;
4. **declining**: no purchase for more than ``quiet_days``, or net spend over the last
   ``window_days`` at least ``decline_pct`` % below the ``window_days`` before them;
5. **loyal**: at least ``loyal_visits`` purchase days in the last ``window_days``;
6. **developing**: every other buyer.

Purchase days follow ``purchase_days``: same-day sales are one visit, a sale
refunded in full is no visit, but every sale's net counts towards spend.
Members who bought nothing by the moment have no stage.

The stage flow takes a snapshot at the end of each shop month and counts the
members whose stage changed since the month before (or who first bought in it).
The names and actions are English; the GUI translates them by ``key``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import numpy as np
import pandas as pd

from loyalty_desktop.analytics.frames import shop_day
from loyalty_desktop.analytics.ports import ReportSource
from loyalty_desktop.analytics.purchase_days import purchase_days, until
from loyalty_desktop.domain.program import LifecycleRule


@dataclass(frozen=True)
class LifecycleStage:
    """A stage: stable key (translations, exports), English name, what to do with its members."""

    key: str
    name: str
    action: str


STAGES = (
    LifecycleStage("new", "New", "Welcome them and give a reason for a second visit soon."),
    LifecycleStage(
        "developing", "Developing", "Build the habit: a tier goal within reach, bonus points."
    ),
    LifecycleStage("loyal", "Loyal", "Reward and keep them: thanks, early access, referrals."),
    LifecycleStage(
        "declining", "Declining", "Act before they lapse: a reminder of their points, an offer."
    ),
    LifecycleStage("lapsed", "Lapsed", "Win them back with a strong, time-limited offer."),
    LifecycleStage(
        "won_back", "Won back", "Make the return stick: thank them, follow up within weeks."
    ),
)
STAGE_KEYS = tuple(stage.key for stage in STAGES)
LIFECYCLE_COLUMNS = (
    "stage",
    "first_purchase",
    "last_purchase",
    "days_since",
    "visits",
    "recent_spend",
    "previous_spend",
)


@dataclass(frozen=True)
class LifecycleMember:
    """A member's stage and the figures it was decided on (spend in minor units)."""

    member_no: str
    stage: str
    first_purchase: date
    last_purchase: date
    days_since: int
    visits: int
    recent_spend: int
    previous_spend: int


@dataclass(frozen=True)
class StageTotal:
    """How many members are in a stage."""

    key: str
    name: str
    members: int
    action: str


@dataclass(frozen=True)
class StageMove:
    """Members whose stage went from ``from_stage`` (None: first purchase) to ``to_stage``."""

    from_stage: str | None
    to_stage: str
    members: int


@dataclass(frozen=True)
class StageMonth:
    """A shop month: members in each stage at its end (``STAGE_KEYS`` order), and the moves in it."""

    month: str  # YYYY-MM
    counts: tuple[int, ...]
    moves: tuple[StageMove, ...]

    @property
    def moved(self) -> int:
        """Members whose stage changed in the month (first purchases included)."""
        return sum(move.members for move in self.moves)


@dataclass(frozen=True)
class LifecycleReport:
    """Every buying member's stage at ``at``, the stage sizes, and the monthly flow since ``start``."""

    at: datetime
    start: datetime
    rule: LifecycleRule
    members: tuple[LifecycleMember, ...]
    stages: tuple[StageTotal, ...]
    months: tuple[StageMonth, ...]


def stage_table(seen: pd.DataFrame, today: date, rule: LifecycleRule) -> pd.DataFrame:
    """Each buyer's stage on the shop day ``today``, from the log ``seen`` already cut at the moment.

    Indexed by member number, columns ``LIFECYCLE_COLUMNS`` (dates as midnight timestamps).
    """
    days = purchase_days(seen)
    if days.empty:
        return pd.DataFrame(
            {name: pd.Series([], dtype=object) for name in LIFECYCLE_COLUMNS}
        ).rename_axis("member_no")
    day = pd.Timestamp(today)
    by_member = days.groupby("member_no", sort=True)["local_date"]
    first, last = by_member.min(), by_member.max()
    table = pd.DataFrame({"first_purchase": first, "last_purchase": last})
    table["days_since"] = (day - last).dt.days.astype(np.int64)
    window = pd.Timedelta(days=rule.window_days)
    recent_days = days[days["local_date"] > day - window]
    table["visits"] = (
        recent_days.groupby("member_no").size().reindex(table.index, fill_value=0).astype(np.int64)
    )
    dates = seen["local_date"]
    recent = seen[dates > day - window].groupby("member_no")["amount"].sum()
    previous = (
        seen[(dates > day - 2 * window) & (dates <= day - window)]
        .groupby("member_no")["amount"]
        .sum()
    )
    table["recent_spend"] = recent.reindex(table.index, fill_value=0).astype(np.int64)
    table["previous_spend"] = previous.reindex(table.index, fill_value=0).astype(np.int64)
    gaps = by_member.diff().dt.days
    returns = days.loc[gaps > rule.lapsed_days].groupby("member_no")["local_date"].max()
    since_return = (day - returns.reindex(table.index)).dt.days
    dropped = (table["previous_spend"] > 0) & (
        table["recent_spend"] * 100 <= table["previous_spend"] * (100 - rule.decline_pct)
    )
    table["stage"] = np.select(
        [
            table["days_since"] > rule.lapsed_days,
            since_return.le(rule.won_back_days).to_numpy(),
            (day - table["first_purchase"]).dt.days <= rule.new_days,
            (table["days_since"] > rule.quiet_days) | dropped,
            table["visits"] >= rule.loyal_visits,
        ],
        ["lapsed", "won_back", "new", "declining", "loyal"],
        default="developing",
    )
    return table[list(LIFECYCLE_COLUMNS)].rename_axis("member_no")


def stages_at(log: pd.DataFrame, at: datetime, timezone: str, rule: LifecycleRule) -> pd.Series:
    """Each buyer's stage at the moment ``at`` (the shop's day in ``timezone``), by member number."""
    return stage_table(until(log, at), shop_day(at, timezone), rule)["stage"]


def _month_ends(start: date, end: date) -> list[date]:
    """The last day of each month from ``start``'s to ``end``'s, the last one cut at ``end``."""
    ends = []
    month = date(start.year, start.month, 1)
    while month <= end:
        following = date(month.year + month.month // 12, month.month % 12 + 1, 1)
        ends.append(min(following - timedelta(days=1), end))
        month = following
    return ends


def stage_flow(
    log: pd.DataFrame, start: datetime, at: datetime, timezone: str, rule: LifecycleRule
) -> tuple[StageMonth, ...]:
    """Per shop month from ``start``'s to ``at``'s: stage sizes at its end and who moved in it."""
    # Snapshots are whole shop days (a month ends at midnight), so cut the log by its day.
    first, last = shop_day(start, timezone), shop_day(at, timezone)
    seen = until(log, at)
    dates = seen["local_date"]

    def on(day: date) -> pd.Series:
        return stage_table(seen[dates <= pd.Timestamp(day)], day, rule)["stage"]

    before = on(date(first.year, first.month, 1) - timedelta(days=1))
    months = []
    for end in _month_ends(first, last):
        now = on(end)
        was = before.reindex(now.index)
        changed = was.isna() | (was != now)
        pairs = Counter(
            zip(
                [None if pd.isna(w) else str(w) for w in was[changed]],
                [str(n) for n in now[changed]],
                strict=True,
            )
        )
        moves = tuple(
            StageMove(source, target, pairs[(source, target)])
            for source in (None, *STAGE_KEYS)
            for target in STAGE_KEYS
            if pairs[(source, target)]
        )
        counts = now.value_counts()
        months.append(
            StageMonth(
                month=f"{end.year:04d}-{end.month:02d}",
                counts=tuple(int(counts.get(key, 0)) for key in STAGE_KEYS),
                moves=moves,
            )
        )
        before = now
    return tuple(months)


def lifecycle_report(
    source: ReportSource, start: datetime, at: datetime, timezone: str, rule: LifecycleRule
) -> LifecycleReport:
    """Stages of the members who bought by ``at``, and the monthly stage flow from ``start``."""
    log = source.purchase_log(at)
    table = stage_table(until(log, at), shop_day(at, timezone), rule)
    members = tuple(
        LifecycleMember(
            member_no=str(member_no),
            stage=str(stage),
            first_purchase=first.date(),
            last_purchase=last.date(),
            days_since=int(since),
            visits=int(visits),
            recent_spend=int(recent),
            previous_spend=int(previous),
        )
        for member_no, stage, first, last, since, visits, recent, previous in table.itertuples(
            name=None
        )
    )
    sizes = table["stage"].value_counts()
    stages = tuple(
        StageTotal(stage.key, stage.name, int(sizes.get(stage.key, 0)), stage.action)
        for stage in STAGES
    )
    flow = stage_flow(log, start, at, timezone, rule)
    return LifecycleReport(at, start, rule, members, stages, flow)
