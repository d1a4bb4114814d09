"""Posting ledger movements for a member: lots opened, lots taken from, debt settled, totals cached."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from loyalty_desktop.domain import ledger
from loyalty_desktop.domain.ledger import Allocation, Lot, Movement, MovementKind
from loyalty_desktop.domain.members import Member
from loyalty_desktop.services.ports import UnitOfWork


@dataclass
class Account:
    """A member's balance and open lots while one operation changes them."""

    member: Member
    lots: list[Lot]
    movements: list[Movement] = field(default_factory=list)

    @classmethod
    def open(cls, uow: UnitOfWork, member: Member) -> Account:
        """Load the member's open lots (those with points left)."""
        return cls(member, uow.ledger.lots(member.id))

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
) -> Lot:
    """A fresh earn lot; ``keep_expiry`` copies ``expires_at`` (merges) instead of counting days."""
    expiry = expires_at if keep_expiry else ledger.expiry_for(at, expiry_days)
    return Lot(str(uuid.uuid4()), member_id, at, expiry, points, points)


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
    **refs: Any,
) -> Movement:
    """Record one movement: open its lots, apply what it takes or gives back, then settle any debt."""
    member = account.member
    account.lots.extend(lots)
    taken = list(allocations)
    ledger.apply(account.lots, taken)
    member.balance += points
    settled = ledger.settle(account.lots, member.balance, at)
    ledger.apply(account.lots, settled)
    account.lots = [lot for lot in account.lots if lot.remaining > 0]
    if member.last_movement_at is None or at > member.last_movement_at:
        member.last_movement_at = at
    movement = Movement(
        id=str(uuid.uuid4()),
        member_id=member.id,
        kind=kind,
        points=points,
        at=at,
        recorded_at=recorded_at,
        allocations=tuple(_merge(taken + settled)),
        lots=tuple(lots),
        points_after=account.available(at),
        **refs,
    )
    uow.ledger.add(movement)
    account.movements.append(movement)
    return movement


def _merge(allocations: list[Allocation]) -> list[Allocation]:
    combined: dict[str, int] = {}
    for allocation in allocations:
        combined[allocation.lot_id] = combined.get(allocation.lot_id, 0) + allocation.points
    return [Allocation(lot_id, points) for lot_id, points in combined.items() if points]


def movement_facts(movements: Sequence[Movement]) -> list[dict[str, Any]]:
    """Movements as immutable facts for an outbox event."""
    return [
        {
            "id": m.id,
            "member_id": m.member_id,
            "kind": m.kind.value,
            "points": m.points,
            "at": m.at.isoformat(),
            "lots": [
                {
                    "id": lot.id,
                    "points": lot.points,
                    "expires_at": lot.expires_at.isoformat() if lot.expires_at else None,
                }
                for lot in m.lots
            ],
            "allocations": [{"lot_id": a.lot_id, "points": a.points} for a in m.allocations],
            "reason": m.reason,
            "activity": m.activity,
            "request_id": m.request_id,
        }
        for m in movements
    ]
