"""The points ledger's arithmetic: earn lots, first-expiring-first spending, expiry, debt.

A member's balance is the sum of their movements. Every credit that is not a
restore opens a lot with ``expires_at`` and ``remaining``; every debit takes
from lots. A debit larger than what the lots hold leaves a debt (the balance
goes negative, as refunds may make it); the next credits pay the debt first.
So at every moment ``sum(lot.remaining) - balance`` is the debt and is never
negative.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum


class MovementKind(StrEnum):
    """Why points moved."""

    EARN = "earn"
    REDEEM = "redeem"
    EXPIRE = "expire"
    ADJUST = "adjust"
    ACTIVITY = "activity"
    REFUND_REVERSAL = "refund_reversal"
    REFUND_RESTORE = "refund_restore"
    RETURN_REVERSAL = "return_reversal"
    MERGE_IN = "merge_in"
    MERGE_OUT = "merge_out"


@dataclass
class Lot:
    """Points from one credit, spendable from ``at`` until (not including) ``expires_at``."""

    id: str
    member_id: str
    at: datetime
    expires_at: datetime | None
    points: int
    remaining: int
    source: str | None = None  # the lot these points came from (a merge or a refund's restore)

    def spendable_at(self, moment: datetime) -> bool:
        """Whether the lot's points can be spent at ``moment``."""
        return self.at <= moment and not self.lapsed_at(moment)

    def lapsed_at(self, moment: datetime) -> bool:
        """Whether the lot has expired by ``moment`` (expired points can never be spent)."""
        return self.expires_at is not None and self.expires_at <= moment


@dataclass(frozen=True)
class Allocation:
    """Points a movement took from a lot (positive) or gave back to it (negative)."""

    lot_id: str
    points: int


def expiry_for(at: datetime, days: int) -> datetime | None:
    """When a lot opened at ``at`` expires; ``days == 0`` means never."""
    return at + timedelta(days=days) if days else None


def _expiry_order(lot: Lot) -> tuple[datetime, datetime, str]:
    return (lot.expires_at or datetime.max.replace(tzinfo=lot.at.tzinfo), lot.at, lot.id)


def debt(balance: int, lots: Iterable[Lot]) -> int:
    """Points owed: what the balance is below the lots' remaining points."""
    return sum(lot.remaining for lot in lots) - balance


def available(balance: int, lots: Iterable[Lot], at: datetime) -> int:
    """The balance a member sees at ``at``: lapsed points are gone even before the expiry job runs."""
    return balance - sum(lot.remaining for lot in lots if lot.lapsed_at(at))


def spendable(balance: int, lots: Sequence[Lot], at: datetime) -> int:
    """Points that may pay at ``at``; a negative balance blocks redemption entirely."""
    owed = debt(balance, lots)
    live = sum(lot.remaining for lot in lots if lot.spendable_at(at))
    return max(0, live - owed)


def take(
    lots: Sequence[Lot], points: int, at: datetime, *, first: Collection[str] = ()
) -> list[Allocation]:
    """Take up to ``points`` from lots spendable at ``at``, earliest-expiring first.

    ``first`` names lots to empty before the others (a refund takes back the
    points its sale earned first). Lapsed lots are never taken from, not even
    those: their points are already gone. The allocations may add up to less
    than ``points``; the rest becomes debt.
    """
    order = sorted(
        (lot for lot in lots if lot.remaining > 0 and lot.spendable_at(at)), key=_expiry_order
    )
    if first:
        order = [lot for lot in order if lot.id in first] + [
            lot for lot in order if lot.id not in first
        ]
    result: list[Allocation] = []
    left = points
    for lot in order:
        if left <= 0:
            break
        part = min(lot.remaining, left)
        result.append(Allocation(lot.id, part))
        left -= part
    return result


def apply(lots: Iterable[Lot], allocations: Iterable[Allocation]) -> None:
    """Change the lots' remaining points by the allocations (in place)."""
    by_id = {lot.id: lot for lot in lots}
    for allocation in allocations:
        by_id[allocation.lot_id].remaining -= allocation.points


def give_back(consumed: dict[str, int], lots: Sequence[Lot], points: int) -> list[Allocation]:
    """Return ``points`` to the lots a redemption took them from, latest-expiring first.

    Had the member spent fewer points, first-expiring-first spending would have
    left the latest-expiring of those lots untouched, so they refill first.
    ``consumed`` maps lot id to points still out with the redemption.
    """
    by_id = {lot.id: lot for lot in lots}
    order = sorted(
        (by_id[lot_id] for lot_id, n in consumed.items() if n > 0), key=_expiry_order, reverse=True
    )
    result: list[Allocation] = []
    left = points
    for lot in order:
        if left <= 0:
            break
        part = min(consumed[lot.id], left)
        result.append(Allocation(lot.id, -part))
        left -= part
    return result


def settle(lots: Sequence[Lot], balance: int, at: datetime) -> list[Allocation]:
    """Pay debt from lots that can be spent: run after every movement, with the balance after it."""
    owed = debt(balance, lots)
    return take(lots, owed, at) if owed > 0 else []


def lapsed_lots(lots: Iterable[Lot], at: datetime) -> list[Lot]:
    """Lots with points left that have expired by ``at`` (for the expiry job)."""
    return sorted(
        (lot for lot in lots if lot.remaining > 0 and lot.lapsed_at(at)), key=_expiry_order
    )


def expiring(lots: Iterable[Lot], at: datetime) -> list[tuple[int, datetime]]:
    """Points still spendable at ``at`` that will expire, grouped by expiry moment, soonest first."""
    grouped: dict[datetime, int] = {}
    for lot in lots:
        if lot.remaining > 0 and lot.expires_at is not None and lot.spendable_at(at):
            grouped[lot.expires_at] = grouped.get(lot.expires_at, 0) + lot.remaining
    return sorted(((points, when) for when, points in grouped.items()), key=lambda pair: pair[1])


@dataclass
class Movement:
    """One append-only ledger entry: its points, the lots it opened and what it took from lots."""

    id: str
    member_id: str
    kind: MovementKind
    points: int
    at: datetime
    recorded_at: datetime
    allocations: tuple[Allocation, ...] = ()
    lots: tuple[Lot, ...] = ()
    sale_ref: str | None = None  # internal id of the sale or return it belongs to
    refund_ref: str | None = None  # internal id of the refund
    request_id: str | None = None  # the caller's id for a manual adjustment
    reason: str | None = None
    actor: str | None = None
    activity: str | None = None
    points_after: int | None = None
    request_hash: str | None = None  # fingerprint of the request that made it (adjustments, awards)


def state_at(movements: Iterable[Movement], at: datetime) -> tuple[int, list[Lot]]:
    """Balance and lots (remaining as of ``at``) from a member's history, counting movements up to ``at``."""
    balance = 0
    lots: dict[str, Lot] = {}
    taken: list[Allocation] = []
    for movement in movements:
        if movement.at > at:
            continue
        balance += movement.points
        for lot in movement.lots:
            lots[lot.id] = Lot(
                lot.id, lot.member_id, lot.at, lot.expires_at, lot.points, lot.points, lot.source
            )
        taken.extend(movement.allocations)
    for allocation in taken:
        if allocation.lot_id in lots:
            lots[allocation.lot_id].remaining -= allocation.points
    return balance, list(lots.values())
