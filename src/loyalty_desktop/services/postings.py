"""Posting ledger movements for a member: lots opened, lots taken from, debt settled, totals cached."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from loyalty_desktop.domain import ledger
from loyalty_desktop.domain.errors import InvalidAmount
from loyalty_desktop.domain.ledger import Allocation, Lot, Movement, MovementKind
from loyalty_desktop.domain.members import Member
from loyalty_desktop.services.ports import UnitOfWork


@dataclass
class Account:
    """A member's balance and open lots while one operation changes them."""

    member: Member
    lots: list[Lot]
    movements: list[Movement] = field(default_factory=list)
    seed: str | None = None  # the sale's or refund's id: its movements and lots get derived ids
    _issued: int = 0

    @classmethod
    def open(cls, uow: UnitOfWork, member: Member, *, seed: str | None = None) -> Account:
        """Load the member's open lots (those with points left).

        With ``seed``, every id this account hands out is derived from it, so
        posting the same sale again (a restored backup) yields the same facts.
        """
        return cls(member, uow.ledger.lots(member.id), seed=seed)

    def next_id(self) -> str:
        """A new id for a movement or lot of this operation."""
        if self.seed is None:
            return str(uuid.uuid4())
        self._issued += 1
        return str(uuid.uuid5(uuid.UUID(self.seed), f"{self.member.id}:{self._issued}"))

    def spendable(self, at: datetime) -> int:
        """Points that may pay at ``at``."""
        return ledger.spendable(self.member.balance, self.lots, at)

    def available(self, at: datetime) -> int:
        """Points the member sees at ``at``."""
        return ledger.available(self.member.balance, self.lots, at)


def new_lot(
    member_id: str,
    at: datetime,
    points: int,
    expiry_days: int,
    expires_at: datetime | None = None,
    *,
    keep_expiry: bool = False,
    lot_id: str | None = None,
    source: str | None = None,
) -> Lot:
    """A fresh earn lot; ``keep_expiry`` copies ``expires_at`` (merges) instead of counting days."""
    expiry = expires_at if keep_expiry else ledger.expiry_for(at, expiry_days)
    return Lot(lot_id or str(uuid.uuid4()), member_id, at, expiry, points, points, source)


# Sales and refunds get ids derived from the device and the caller's id, so a sale
# posted again after restoring a backup is the same fact, never a second one.
_IDS = uuid.UUID("6f1d2a52-3c1e-4f0e-9a57-6c0a3b9e7d11")


def derived_id(kind: str, device_id: str, caller_id: str) -> str:
    """The stable UUID of a sale or refund posted on ``device_id`` under the caller's id."""
    return str(uuid.uuid5(_IDS, f"{kind}:{device_id}:{caller_id}"))


# The actor of movements pulled from the central server (another store's facts, the server's
# expiry): their lots expire by the server's clock, never by this till's (services/expiry.py).
PULLED = "(other store)"

# A member's running totals stay far inside a 64-bit column, so sums over members do too.
MAX_MEMBER_TOTAL = 10**17


def guard_totals(member: Member) -> None:
    """Refuse a change that would carry a member's totals beyond what any shop could reach."""
    for name in ("balance", "lifetime_spend", "points_earned"):
        if abs(getattr(member, name)) > MAX_MEMBER_TOTAL:
            raise InvalidAmount(
                f"member {member.member_no}'s {name.replace('_', ' ')} would become larger than "
                "the program can keep; nothing was changed",
                code="too_large",
                reason="member_total_too_large",
                member_no=member.member_no,
                total=name,
            )


def post(
    uow: UnitOfWork,
    account: Account,
    kind: MovementKind,
    points: int,
    at: datetime,
    recorded_at: datetime,
    *,
    allocations: Sequence[Allocation] = (),
    lots: Sequence[Lot] = (),
    sale_ref: str | None = None,
    refund_ref: str | None = None,
    request_id: str | None = None,
    reason: str | None = None,
    actor: str | None = None,
    activity: str | None = None,
    request_hash: str | None = None,
    movement_id: str | None = None,
) -> Movement:
    """Record one movement: open its lots, apply what it takes or gives back, then settle any debt.

    ``movement_id``: the id the movement already has (a fact pulled from another store).
    """
    member = account.member
    account.lots.extend(lots)
    taken = list(allocations)
    ledger.apply(account.lots, taken)
    member.balance += points
    guard_totals(member)
    settled = ledger.settle(account.lots, member.balance, at)
    ledger.apply(account.lots, settled)
    account.lots = [lot for lot in account.lots if lot.remaining > 0]
    if member.last_movement_at is None or at > member.last_movement_at:
        member.last_movement_at = at
    movement = Movement(
        id=movement_id or account.next_id(),
        member_id=member.id,
        kind=kind,
        points=points,
        at=at,
        recorded_at=recorded_at,
        allocations=tuple(_merge(taken + settled)),
        lots=tuple(lots),
        points_after=account.available(at),
        sale_ref=sale_ref,
        refund_ref=refund_ref,
        request_id=request_id,
        reason=reason,
        actor=actor,
        activity=activity,
        request_hash=request_hash,
    )
    uow.ledger.add(movement)
    account.movements.append(movement)
    return movement


def _merge(allocations: list[Allocation]) -> list[Allocation]:
    combined: dict[str, int] = {}
    for allocation in allocations:
        combined[allocation.lot_id] = combined.get(allocation.lot_id, 0) + allocation.points
    return [Allocation(lot_id, points) for lot_id, points in combined.items() if points]
