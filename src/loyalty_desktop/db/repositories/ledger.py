"""Movements, lots and allocations: the append-only points ledger."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, func, select, update

from loyalty_desktop.db.fastpath import Prepared, PreparedIn, insert_into
from loyalty_desktop.db.tables import allocations, lots, movements
from loyalty_desktop.domain.ledger import Allocation, Lot, Movement, MovementKind

_INSERT_MOVEMENT = insert_into(movements, skip=["seq"])
_INSERT_LOT = insert_into(lots)
_INSERT_ALLOCATION = insert_into(allocations)
_TAKE = Prepared(
    update(lots)
    .where(lots.c.id == bindparam("b_lot"))
    .values(remaining=lots.c.remaining - bindparam("b_points"))
)
_LOT_COLUMNS = (
    lots.c.id,
    lots.c.member_id,
    lots.c.at,
    lots.c.expires_at,
    lots.c.points,
    lots.c.remaining,
    lots.c.source_lot,
)
_OPEN_LOTS = Prepared(
    select(*_LOT_COLUMNS).where(lots.c.member_id == bindparam("m"), lots.c.remaining > 0)
)
_OPEN_LOTS_OF = PreparedIn(
    lambda ids: select(*_LOT_COLUMNS).where(lots.c.member_id.in_(ids), lots.c.remaining > 0)
)
_MOVEMENT_COLUMNS = [c for c in movements.c if c.name != "seq"]
_EARNING = (MovementKind.EARN.value, MovementKind.ACTIVITY.value)
_UNEARNING = (MovementKind.REFUND_REVERSAL.value, MovementKind.RETURN_REVERSAL.value)


def _lot(row: Any) -> Lot:
    return Lot(row[0], row[1], row[2], row[3], row[4], row[5], row[6])


def _movement_row(movement: Movement) -> dict[str, Any]:
    return {
        "id": movement.id,
        "member_id": movement.member_id,
        "kind": movement.kind.value,
        "points": movement.points,
        "at": movement.at,
        "recorded_at": movement.recorded_at,
        "sale_ref": movement.sale_ref,
        "refund_ref": movement.refund_ref,
        "request_id": movement.request_id,
        "reason": movement.reason,
        "actor": movement.actor,
        "activity": movement.activity,
        "points_after": movement.points_after,
        "request_hash": movement.request_hash,
    }


def _movement(m: Any, allocs: list[Allocation], new_lots: list[Lot]) -> Movement:
    return Movement(
        id=m["id"],
        member_id=m["member_id"],
        kind=MovementKind(m["kind"]),
        points=m["points"],
        at=m["at"],
        recorded_at=m["recorded_at"],
        allocations=tuple(allocs),
        lots=tuple(new_lots),
        sale_ref=m["sale_ref"],
        refund_ref=m["refund_ref"],
        request_id=m["request_id"],
        reason=m["reason"],
        actor=m["actor"],
        activity=m["activity"],
        points_after=m["points_after"],
        request_hash=m["request_hash"],
    )


class SqlLedger:
    """The ledger tables."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add(self, movement: Movement) -> None:
        _INSERT_MOVEMENT.run(self.conn, _movement_row(movement))
        if movement.lots:
            _INSERT_LOT.run_many(
                self.conn,
                [
                    {
                        "id": lot.id,
                        "member_id": lot.member_id,
                        "movement_id": movement.id,
                        "at": lot.at,
                        "expires_at": lot.expires_at,
                        "points": lot.points,
                        "remaining": lot.points,
                        "source_lot": lot.source,
                    }
                    for lot in movement.lots
                ],
            )
        if movement.allocations:
            _INSERT_ALLOCATION.run_many(
                self.conn,
                [
                    {"movement_id": movement.id, "lot_id": a.lot_id, "points": a.points}
                    for a in movement.allocations
                ],
            )
            _TAKE.run_many(
                self.conn, [{"b_lot": a.lot_id, "b_points": a.points} for a in movement.allocations]
            )

    def add_many(self, batch: Sequence[Movement]) -> None:
        # A lot opened in this batch is stored with what the batch took from it already;
        # older lots are updated once each, by the sum of what the batch took.
        taken: dict[str, int] = defaultdict(int)
        for movement in batch:
            for a in movement.allocations:
                taken[a.lot_id] += a.points
        _INSERT_MOVEMENT.run_many(self.conn, [_movement_row(m) for m in batch])
        _INSERT_LOT.run_many(
            self.conn,
            [
                {
                    "id": lot.id,
                    "member_id": lot.member_id,
                    "movement_id": movement.id,
                    "at": lot.at,
                    "expires_at": lot.expires_at,
                    "points": lot.points,
                    "remaining": lot.points - taken.pop(lot.id, 0),
                    "source_lot": lot.source,
                }
                for movement in batch
                for lot in movement.lots
            ],
        )
        _INSERT_ALLOCATION.run_many(
            self.conn,
            [
                {"movement_id": m.id, "lot_id": a.lot_id, "points": a.points}
                for m in batch
                for a in m.allocations
            ],
        )
        _TAKE.run_many(
            self.conn,
            [{"b_lot": lot_id, "b_points": points} for lot_id, points in taken.items() if points],
        )

    def lots(self, member_id: str) -> list[Lot]:
        return [_lot(r) for r in _OPEN_LOTS.rows(self.conn, {"m": member_id})]

    def lots_of(self, member_ids: Sequence[str]) -> dict[str, list[Lot]]:
        found: dict[str, list[Lot]] = defaultdict(list)
        for row in _OPEN_LOTS_OF.rows(self.conn, member_ids):
            found[row[1]].append(_lot(row))
        return dict(found)

    def lots_by_ids(self, lot_ids: Sequence[str]) -> list[Lot]:
        if not lot_ids:
            return []
        return [
            _lot(r)
            for r in self.conn.execute(select(*_LOT_COLUMNS).where(lots.c.id.in_(list(lot_ids))))
        ]

    def known(self, movement_ids: Sequence[str]) -> set[str]:
        if not movement_ids:
            return set()
        q = select(movements.c.id).where(movements.c.id.in_(list(movement_ids)))
        return {r[0] for r in self.conn.execute(q)}

    def opened_by(self, lot_ids: Sequence[str], actor: str) -> set[str]:
        if not lot_ids:
            return set()
        q = (
            select(lots.c.id)
            .join(movements, movements.c.id == lots.c.movement_id)
            .where(lots.c.id.in_(list(lot_ids)), movements.c.actor == actor)
        )
        return {r[0] for r in self.conn.execute(q)}

    def _assemble(self, rows: list[Any]) -> list[Movement]:
        ids = [r._mapping["id"] for r in rows]
        if not ids:
            return []
        allocs: dict[str, list[Allocation]] = defaultdict(list)
        for mid, lot_id, points in self.conn.execute(
            select(allocations.c.movement_id, allocations.c.lot_id, allocations.c.points).where(
                allocations.c.movement_id.in_(ids)
            )
        ):
            allocs[mid].append(Allocation(lot_id, points))
        opened: dict[str, list[Lot]] = defaultdict(list)
        for row in self.conn.execute(
            select(*_LOT_COLUMNS, lots.c.movement_id).where(lots.c.movement_id.in_(ids))
        ):
            opened[row[7]].append(Lot(row[0], row[1], row[2], row[3], row[4], row[4], row[6]))
        return [
            _movement(r._mapping, allocs[r._mapping["id"]], opened[r._mapping["id"]]) for r in rows
        ]

    def history(self, member_ids: Sequence[str]) -> list[Movement]:
        rows = list(
            self.conn.execute(
                select(*_MOVEMENT_COLUMNS)
                .where(movements.c.member_id.in_(list(member_ids)))
                .order_by(movements.c.at, movements.c.seq)
            )
        )
        return self._assemble(rows)

    def by_request(self, request_id: str) -> Movement | None:
        rows = list(
            self.conn.execute(
                select(*_MOVEMENT_COLUMNS).where(movements.c.request_id == request_id)
            )
        )
        found = self._assemble(rows)
        return found[0] if found else None

    def for_sale(self, sale_ref: str) -> list[Movement]:
        rows = list(
            self.conn.execute(
                select(*_MOVEMENT_COLUMNS)
                .where(movements.c.sale_ref == sale_ref)
                .order_by(movements.c.seq)
            )
        )
        return self._assemble(rows)

    def descendants(self, lot_ids: Sequence[str]) -> list[Lot]:
        found: list[Lot] = []
        seen = set(lot_ids)
        frontier = list(lot_ids)
        while frontier:
            batch = [
                _lot(r)
                for r in self.conn.execute(
                    select(*_LOT_COLUMNS).where(lots.c.source_lot.in_(frontier))
                )
            ]
            frontier = [lot.id for lot in batch if lot.id not in seen]
            seen.update(frontier)
            found.extend(lot for lot in batch if lot.id in frontier)
        return found

    def expired_from(self, lot_ids: Sequence[str]) -> int:
        if not lot_ids:
            return 0
        total = self.conn.execute(
            select(func.coalesce(func.sum(allocations.c.points), 0))
            .join(movements, movements.c.id == allocations.c.movement_id)
            .where(
                allocations.c.lot_id.in_(list(lot_ids)),
                movements.c.kind == MovementKind.EXPIRE.value,
            )
        ).scalar()
        return int(total or 0)

    def lapsed_members(self, at: datetime) -> list[str]:
        rows = self.conn.execute(
            select(lots.c.member_id).where(lots.c.remaining > 0, lots.c.expires_at <= at).distinct()
        )
        return sorted(r[0] for r in rows)

    def count_kind(
        self,
        member_ids: Sequence[str],
        kind: str,
        start: datetime,
        end: datetime,
        activity: str | None = None,
    ) -> int:
        query = (
            select(func.count())
            .select_from(movements)
            .where(
                movements.c.member_id.in_(list(member_ids)),
                movements.c.kind == kind,
                movements.c.at > start,
                movements.c.at <= end,
            )
        )
        if activity is not None:
            query = query.where(movements.c.activity == activity)
        return int(self.conn.execute(query).scalar() or 0)

    def points_earned(self, member_ids: Sequence[str], until: datetime) -> int:
        ids = list(member_ids)
        base = select(func.coalesce(func.sum(movements.c.points), 0)).where(
            movements.c.member_id.in_(ids), movements.c.at <= until
        )
        gained = self.conn.execute(base.where(movements.c.kind.in_(_EARNING))).scalar() or 0
        lost = self.conn.execute(base.where(movements.c.kind.in_(_UNEARNING))).scalar() or 0
        return int(gained) + int(lost)
