"""Points lots on the server: opened by the stores' movements, taken from by their allocations.

A lot's expiry is the server's, not the till's: the life the store gave it (the lot's
``expires_at`` less its movement's ``at``, which is the programme's duration as the store
applied it) counted from the moment the server received it. A till whose clock is 3 days
ahead or a year behind thus earns lots that live exactly as long as anyone else's; its
moments are kept (``device_at``, ``device_expires_at``) for audit only.

A lot expires once, by the server's clock (``server/expiry.py``). A till still writes off
lapsed points by its own clock (it must, offline), and its expire movement arrives here
sooner or later than the server's. It is recorded as sent (a fact), and for each lot the
server keeps, the server adds a row of its own that undoes it (``expire_undone``), so the
lot's points leave the balance once, when the server's clock says. Lots the server never
saw opened (earned before it kept lots) have no server expiry: there the store's expire
movement is the only one and stands.

A till's events may arrive in another order than it wrote them. What a movement takes from a
lot the server has not seen opened yet waits in ``lot_waiting`` and is applied when the lot
opens, as if it had come after: a redemption lowers the lot's ``remaining``, a till's expiry
is undone. The same lots, balances and ledger rows (ids included) in any order of arrival
(``tests/server/test_shuffled_second_server.py``).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, delete, select, tuple_, update

from loyalty_desktop.server.bulk import arrays, columns_of, insert_from_arrays
from loyalty_desktop.server.facts import Rejected, as_moment, as_uuid
from loyalty_desktop.server.tables import lot_waiting, lots

Row = dict[str, Any]

EXPIRE = "expire"
EXPIRE_UNDONE = "expire_undone"
# The store_id of rows the server writes by itself (its expiry): no store sent them.
SERVER_STORE = uuid.UUID(int=0)
# Namespace of the ids of the server's own ledger rows: the same lot or movement, the same id.
SERVER_IDS = uuid.UUID("3b0f8f5e-7c2a-4f5e-9d3c-1a6e2b9c4d70")


def check_lots(movement: Mapping[str, Any]) -> None:
    """Refuse a movement whose ``lots`` or ``allocations`` the server could not keep."""
    for lot in movement.get("lots") or []:
        if not isinstance(lot, dict):
            raise Rejected("movement: a lot is not an object")
        as_uuid(lot.get("id"), "movement: lot id")
        if not _whole(lot.get("points")):
            raise Rejected("movement: a lot's points are missing or not a whole number")
        if lot.get("expires_at") is not None:
            as_moment(lot["expires_at"], "movement: lot expires_at")
    for allocation in movement.get("allocations") or []:
        if not isinstance(allocation, dict):
            raise Rejected("movement: an allocation is not an object")
        as_uuid(allocation.get("lot_id"), "movement: allocation lot_id")
        if not _whole(allocation.get("points")):
            raise Rejected("movement: an allocation's points are missing or not a whole number")


def follow_lots(conn: Connection, moves: Sequence[Row], now: datetime) -> list[Row]:
    """Open the lots of these ledger rows and take what they allocate; the rows to add.

    ``moves`` are ledger rows with the movement's ``lots`` and ``allocations`` as the store
    sent them. Returns the server's ``expire_undone`` rows for the stores' expire movements
    of lots it keeps (see the module's docstring); they go into the ledger with the rest.

    An allocation of a lot the server has not seen opened waits (``lot_waiting``) and is
    applied when the lot opens, exactly as if it had arrived after it: a till's events
    arriving in another order leave every lot, balance and movement as in the till's order.
    """
    new_lots: set[Key] = set()
    opened = [_opened(r, lot, now) for r in moves for lot in r.get("lots") or []]
    if opened:
        named = columns_of(lots, opened)
        inserted = conn.execute(
            insert_from_arrays(lots, named)
            .on_conflict_do_nothing()
            .returning(lots.c.member_id, lots.c.id),
            arrays(opened, named),
        ).all()
        new_lots = {(r.member_id, r.id) for r in inserted}
    asked = {(r["member_id"], uuid.UUID(a["lot_id"])) for r in moves for a in _allocated(r)}
    known = _known(conn, asked)
    undone: list[Row] = []
    taken: dict[Key, int] = {}
    waiting: list[Row] = []
    for r in moves:
        for allocation in _allocated(r):
            key = (r["member_id"], uuid.UUID(allocation["lot_id"]))
            if key not in known:
                waiting.append(_waits(r, key[1], allocation["points"], now))
            elif r["kind"] == EXPIRE:
                undone.append(_undo(r, key[1], allocation["points"]))  # the lot keeps its points
            else:
                taken[key] = taken.get(key, 0) + allocation["points"]
    for w in _claim_waiting(conn, new_lots):  # taken from before the lot arrived
        key = (w["member_id"], w["lot_id"])
        if w["kind"] == EXPIRE:
            undone.append(_undo(w, w["lot_id"], w["points"]))
        else:
            taken[key] = taken.get(key, 0) + w["points"]
    if waiting:
        named = columns_of(lot_waiting, waiting)
        conn.execute(
            insert_from_arrays(lot_waiting, named).on_conflict_do_nothing(),
            arrays(waiting, named),
        )
    # one order for every writer, so two pushes lock the same lots in the same order
    changed = [{"m": m, "lot": lot, "n": n} for (m, lot), n in sorted(taken.items()) if n]
    if changed:  # a refund can give a lot back exactly what it takes: nothing to write
        conn.execute(
            update(lots)
            .where(lots.c.member_id == bindparam("m"), lots.c.id == bindparam("lot"))
            .values(remaining=lots.c.remaining - bindparam("n")),
            changed,
        )
    return undone


Key = tuple[uuid.UUID, uuid.UUID]


def _allocated(move: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return list(move.get("allocations") or [])


def _undo(move: Mapping[str, Any], lot_id: uuid.UUID, points: int) -> Row:
    """The server's row giving a lot back what a till's expire movement took from it.

    One row per movement and lot, whichever arrived first, so its id is the same in any order.
    """
    return {
        "member_id": move["member_id"],
        "id": uuid.uuid5(SERVER_IDS, f"{EXPIRE_UNDONE}:{move['id']}:{lot_id}"),
        "store_id": move["store_id"],
        "kind": EXPIRE_UNDONE,
        "points": points,
        "at": move["at"],
        "event_key": move["event_key"],
        # what it gives back, for the pull log: a store that applies the till's expire and
        # this row ends with the lot as the server keeps it
        "allocations": [{"lot_id": str(lot_id), "points": -points}],
    }


def _waits(move: Mapping[str, Any], lot_id: uuid.UUID, points: int, now: datetime) -> Row:
    return {
        "member_id": move["member_id"],
        "lot_id": lot_id,
        "movement_id": move["id"],
        "store_id": move["store_id"],
        "kind": move["kind"],
        "points": points,
        "at": move["at"],
        "event_key": move["event_key"],
        "received_at": now,
    }


def _claim_waiting(conn: Connection, opened: set[Key]) -> list[Row]:
    """Remove and return what earlier movements took from these just-opened lots."""
    if not opened:
        return []
    found = conn.execute(
        delete(lot_waiting)
        .where(tuple_(lot_waiting.c.member_id, lot_waiting.c.lot_id).in_(sorted(opened)))
        .returning(*lot_waiting.c)
    ).all()
    return [
        {**r._asdict(), "id": r.movement_id}
        for r in sorted(found, key=lambda r: (r.member_id, r.lot_id, r.movement_id))
    ]


def _known(conn: Connection, asked: set[Key]) -> set[Key]:
    if not asked:
        return set()
    found = conn.execute(
        select(lots.c.member_id, lots.c.id).where(
            tuple_(lots.c.member_id, lots.c.id).in_(sorted(asked))
        )
    ).all()
    return {(f.member_id, f.id) for f in found}


def server_expiry(device_at: datetime, lot: Mapping[str, Any], now: datetime) -> datetime | None:
    """When the server lets a lot expire: the life the store gave it, from ``now`` (its receipt)."""
    if not lot.get("expires_at"):
        return None
    device_expires = as_moment(lot["expires_at"], "movement: lot expires_at")
    return now + (device_expires - device_at)


def _opened(move: Row, lot: Mapping[str, Any], now: datetime) -> Row:
    device_at: datetime = move["at"]
    device_expires = (
        as_moment(lot["expires_at"], "movement: lot expires_at") if lot.get("expires_at") else None
    )
    return {
        "member_id": move["member_id"],
        "id": uuid.UUID(lot["id"]),
        "store_id": move["store_id"],
        "points": lot["points"],
        "remaining": lot["points"],
        # the life the store gave the lot, from when the server got it
        "expires_at": server_expiry(device_at, lot, now),
        "received_at": now,
        "device_at": device_at,
        "device_expires_at": device_expires,
    }


def without_lots(move: Row) -> Row:
    """A ledger row with only the ledger's columns (the lots and the sale travel beside it)."""
    return {k: v for k, v in move.items() if k not in ("lots", "allocations", "sale")}


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
