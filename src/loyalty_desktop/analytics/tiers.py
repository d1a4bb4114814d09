"""Tier distribution and tier movements over a period: who is in which tier, who moved up or down.

Each member's tier at the start and at the end comes from the member
snapshot at those moments (the tier after their last sale by then; at the
end, when it is now, the tier on the member record, which also carries the
daily job's downgrades). Members who joined during the period are counted
apart: they had no tier to move from. "Up" and "down" follow the
programme's tier order; a member without a tier (no sale yet) is below every
tier, and a tier the programme no longer has moves neither up nor down.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

import pandas as pd

from loyalty_desktop.analytics.frames import bought, exact_sum, purchases_in
from loyalty_desktop.analytics.ports import ReportSource
from loyalty_desktop.domain.money import Currency
from loyalty_desktop.domain.program import Program


@dataclass(frozen=True)
class TierRow:
    """One tier (None: members with no tier yet): its members at the start and the end and their buying."""

    tier: str | None
    members_start: int
    members_end: int
    joined: int  # joined during the period and in this tier at the end
    moved_in: int  # in another tier at the start, in this one at the end
    moved_out: int  # in this tier at the start, in another one at the end
    buyers: int  # members in this tier at the end who bought in the period
    revenue: int  # what they bought in the period, minor units, after refunds by the end
    # (members active at the end: an erased member's sales are in no row)


@dataclass(frozen=True)
class TierMove:
    """Members who were in ``from_tier`` at the start and in ``to_tier`` at the end."""

    from_tier: str | None
    to_tier: str | None
    members: int
    direction: str  # "up", "down" or "across" (a tier no longer in the programme)


@dataclass(frozen=True)
class TierReport:
    """Tiers over (start, end]: rows highest tier first, then no tier; moves most common first."""

    start: datetime
    end: datetime
    currency: Currency
    store: str | None
    rows: tuple[TierRow, ...]
    moves: tuple[TierMove, ...]
    upgraded: int
    downgraded: int
    unchanged: int


def _rank(program: Program, tier: str | None) -> int | None:
    """Higher is better; None for a tier the programme does not have."""
    names = [level.name for level in program.tiers.levels]  # highest threshold first
    if tier is None:
        return 0
    return len(names) - names.index(tier) if tier in names else None


def _direction(program: Program, before: str | None, after: str | None) -> str:
    was, now = _rank(program, before), _rank(program, after)
    if was is None or now is None:
        return "across"
    return "up" if now > was else "down"


def _tiers(snapshot: pd.DataFrame) -> dict[str, str | None]:
    """Member number → tier (None for no tier, however pandas marked it missing)."""
    return {
        number: tier if isinstance(tier, str) else None
        for number, tier in zip(snapshot["member_no"], snapshot["tier"], strict=True)
    }


def tier_report(
    source: ReportSource,
    program: Program,
    start: datetime,
    end: datetime,
    store: str | None = None,
) -> TierReport:
    """Tier distribution at the start and end of (start, end] and the moves between them."""
    then = _tiers(source.member_snapshot(start))
    now = _tiers(source.member_snapshot(end))
    kept = purchases_in(source.purchase_log(end), start, end, store)
    kept = kept[kept["member_no"].isin(now.keys())]  # not an erased member's
    kept = kept.assign(tier=kept["member_no"].map(now))
    buyers = Counter(now.get(m) for m in bought(kept)["member_no"].drop_duplicates())
    revenue: Counter[str | None] = Counter()
    for tier, amounts in kept.groupby(kept["tier"].fillna(""), sort=False)["amount"]:
        revenue[tier or None] += exact_sum(amounts)
    pairs = Counter((then[m], tier) for m, tier in now.items() if m in then)
    joined = Counter(tier for m, tier in now.items() if m not in then)
    moves = {pair: n for pair, n in pairs.items() if pair[0] != pair[1]}
    levels = [level.name for level in program.tiers.levels]
    seen = {t for t in (*then.values(), *now.values()) if t is not None}
    order: list[str | None] = [*levels, *sorted(seen - set(levels))]
    if None in then.values() or None in now.values():
        order.append(None)
    start_counts, end_counts = Counter(then.values()), Counter(now.values())
    rows = tuple(
        TierRow(
            tier=tier,
            members_start=start_counts[tier],
            members_end=end_counts[tier],
            joined=joined[tier],
            moved_in=sum(n for (_, after), n in moves.items() if after == tier),
            moved_out=sum(n for (before, _), n in moves.items() if before == tier),
            buyers=buyers[tier],
            revenue=revenue[tier],
        )
        for tier in order
    )
    directed = [
        TierMove(before, after, n, _direction(program, before, after))
        for (before, after), n in sorted(
            moves.items(), key=lambda item: (-item[1], str(item[0][0]), str(item[0][1]))
        )
    ]
    return TierReport(
        start=start,
        end=end,
        currency=program.currency,
        store=store,
        rows=rows,
        moves=tuple(directed),
        upgraded=sum(m.members for m in directed if m.direction == "up"),
        downgraded=sum(m.members for m in directed if m.direction == "down"),
        unchanged=sum(n for pair, n in pairs.items() if pair[0] == pair[1]),
    )
