"""Lifecycle stages: where each buying member is in their life with the shop, as of any day.

Counted in shop days back from the report's day, on the purchase log up to the
report moment (``LifecycleRule`` holds the thresholds, from the programme's
``[lifecycle]`` table). A member is given the first stage whose rule holds:

1. **lapsed**: no purchase for more than ``lapsed_days``;
2. **won back**: bought again after a gap of more than ``lapsed_days``, at most
   ``won_back_days`` ago;
3. **new**: first purchase at most ``new_days`` ago;
4. **declining**: no purchase for more than ``quiet_days``, or net spend over the last
   ``window_days`` at least ``decline_pct`` % below the ``window_days`` before them, or
   (churn risk, when ``overdue_times`` is set) gone more than ``overdue_times`` times their
   own usual gap between purchase days (members with two purchase days or more);
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

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import numpy as np
import pandas as pd

from loyalty_desktop.analytics.frames import shop_day
from loyalty_desktop.analytics.ports import ReportSource
from loyalty_desktop.analytics.purchase_days import until
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


@dataclass(frozen=True)
class ShopDays:
    """The log as one row per member and shop day with a sale, sorted by member then day.

    Members are integer codes into ``numbers``; days are day numbers (days since 1970-01-01);
    ``amount`` is the day's net, ``bought`` whether the member kept something that day.
    Grouping once and cutting these arrays per snapshot keeps a year of monthly snapshots
    close to the cost of one pass (see benchmarks/lifecycle.py).
    """

    numbers: pd.Index
    member: np.ndarray
    day: np.ndarray
    amount: np.ndarray
    bought: np.ndarray

    @classmethod
    def of(cls, seen: pd.DataFrame) -> ShopDays:
        """The shop days of ``seen`` (a purchase log already cut at the report moment)."""
        codes, numbers = pd.factorize(seen["member_no"], sort=True)
        frame = pd.DataFrame(
            {
                "member": codes.astype(np.int64),
                "day": seen["local_date"].to_numpy(dtype="datetime64[D]").astype(np.int64),
                "amount": seen["amount"].to_numpy(dtype=np.int64),
                "bought": seen["amount"].to_numpy() > 0,
            }
        )
        daily = frame.groupby(["member", "day"], sort=True).agg(
            amount=("amount", "sum"), bought=("bought", "any")
        )
        return cls(
            numbers=pd.Index(numbers, dtype=object),
            member=daily.index.get_level_values("member").to_numpy(dtype=np.int64),
            day=daily.index.get_level_values("day").to_numpy(dtype=np.int64),
            amount=daily["amount"].to_numpy(dtype=np.int64),
            bought=daily["bought"].to_numpy(dtype=bool),
        )


_NO_STAGE = -1
_NEVER = np.iinfo(np.int64).min // 2  # a day long before any sale


def day_number(day: date) -> int:
    """Days since 1970-01-01, as ``ShopDays.day`` counts them."""
    return (day - date(1970, 1, 1)).days


def _sums(member: np.ndarray, values: np.ndarray, size: int) -> np.ndarray:
    # Exact for sums below 2**53 minor units (ninety trillion yuan), far past any shop.
    return np.rint(np.bincount(member, weights=values, minlength=size)).astype(np.int64)


def stage_figures(days: ShopDays, today: date, rule: LifecycleRule) -> pd.DataFrame:
    """Each member code's figures and stage code on ``today`` (stage -1: no purchase yet)."""
    size = len(days.numbers)
    now = day_number(today)
    by_then = days.day <= now
    member, day, amount = days.member[by_then], days.day[by_then], days.amount[by_then]
    kept = days.bought[by_then]
    b_member, b_day = member[kept], day[kept]
    first = np.full(size, _NEVER, dtype=np.int64)
    last = np.full(size, _NEVER, dtype=np.int64)
    if b_member.size:
        # Rows are sorted by member then day: a member's first row is their first day.
        other = b_member[1:] != b_member[:-1]
        first_row, last_row = np.r_[True, other], np.r_[other, True]
        first[b_member[first_row]] = b_day[first_row]
        last[b_member[last_row]] = b_day[last_row]
    window = rule.window_days
    recent = day > now - window
    previous = (day > now - 2 * window) & ~recent
    visits = np.bincount(b_member[b_day > now - window], minlength=size).astype(np.int64)
    recent_spend = _sums(member[recent], amount[recent], size)
    previous_spend = _sums(member[previous], amount[previous], size)
    back = np.zeros(b_day.size, dtype=bool)  # a return: over lapsed_days after the one before
    back[1:] = (b_member[1:] == b_member[:-1]) & (np.diff(b_day) > rule.lapsed_days)
    returned = np.full(size, _NEVER, dtype=np.int64)
    np.maximum.at(returned, b_member[back], b_day[back])
    days_since = now - last
    dropped = (previous_spend > 0) & (
        recent_spend * 100 <= previous_spend * (100 - rule.decline_pct)
    )
    if rule.overdue_times:
        # days_since > times × (last - first) / (purchase days - 1), in whole numbers.
        bought_days = np.bincount(b_member, minlength=size).astype(np.int64)
        overdue = (bought_days >= 2) & (
            days_since * (bought_days - 1) > rule.overdue_times * (last - first)
        )
        dropped |= overdue
    stage = np.select(
        [
            first == _NEVER,
            days_since > rule.lapsed_days,
            now - returned <= rule.won_back_days,
            now - first <= rule.new_days,
            (days_since > rule.quiet_days) | dropped,
            visits >= rule.loyal_visits,
        ],
        [
            _NO_STAGE,
            *(STAGE_KEYS.index(k) for k in ("lapsed", "won_back", "new", "declining", "loyal")),
        ],
        default=STAGE_KEYS.index("developing"),
    )
    return pd.DataFrame(
        {
            "stage": stage,
            "first_purchase": first,
            "last_purchase": last,
            "days_since": days_since,
            "visits": visits,
            "recent_spend": recent_spend,
            "previous_spend": previous_spend,
        }
    )


def stage_table(seen: pd.DataFrame, today: date, rule: LifecycleRule) -> pd.DataFrame:
    """Each buyer's stage on the shop day ``today``, from the log ``seen`` already cut at the moment.

    Indexed by member number, columns ``LIFECYCLE_COLUMNS`` (dates as midnight timestamps).
    """
    return _table(ShopDays.of(seen), today, rule)


def _table(days: ShopDays, today: date, rule: LifecycleRule) -> pd.DataFrame:
    figures = stage_figures(days, today, rule)
    staged = figures[figures["stage"] != _NO_STAGE]
    table = staged.assign(
        stage=np.array(STAGE_KEYS, dtype=object)[staged["stage"].to_numpy()],
        first_purchase=staged["first_purchase"].to_numpy().astype("datetime64[D]"),
        last_purchase=staged["last_purchase"].to_numpy().astype("datetime64[D]"),
    )
    table.index = days.numbers.take(staged.index)
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
    days: ShopDays, first: date, last: date, rule: LifecycleRule
) -> tuple[StageMonth, ...]:
    """Per shop month from ``first``'s to ``last``'s: stage sizes at its end and who moved in it.

    Snapshots are whole shop days (a month ends at midnight), so the days are cut by number.
    """
    stages = len(STAGE_KEYS)
    month_before = date(first.year, first.month, 1) - timedelta(days=1)
    was = stage_figures(days, month_before, rule)["stage"].to_numpy()
    months = []
    for end in _month_ends(first, last):
        now = stage_figures(days, end, rule)["stage"].to_numpy()
        changed = (now != _NO_STAGE) & (was != now)
        # A pair (from, to) as one number: from -1 (no stage yet) to 5, times six, plus to.
        pairs = np.bincount(
            (was[changed] + 1) * stages + now[changed], minlength=(stages + 1) * stages
        )
        moves = tuple(
            StageMove(
                None if source < 0 else STAGE_KEYS[source],
                STAGE_KEYS[target],
                int(pairs[(source + 1) * stages + target]),
            )
            for source in range(-1, stages)
            for target in range(stages)
            if pairs[(source + 1) * stages + target]
        )
        counts = np.bincount(now[now != _NO_STAGE], minlength=stages)
        months.append(
            StageMonth(
                month=f"{end.year:04d}-{end.month:02d}",
                counts=tuple(int(c) for c in counts),
                moves=moves,
            )
        )
        was = now
    return tuple(months)


def lifecycle_report(
    source: ReportSource, start: datetime, at: datetime, timezone: str, rule: LifecycleRule
) -> LifecycleReport:
    """Stages of the members who bought by ``at``, and the monthly stage flow from ``start``."""
    days = ShopDays.of(until(source.purchase_log(at), at))
    today = shop_day(at, timezone)
    table = _table(days, today, rule)
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
    flow = stage_flow(days, shop_day(start, timezone), today, rule)
    return LifecycleReport(at, start, rule, members, stages, flow)
