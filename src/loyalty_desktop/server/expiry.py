"""``loyalty-server expire``: write off the points of lots that are due by the server's clock.

Each lot due with points left gets one ``expire`` ledger row whose id comes from the lot
(uuid5), written with ``ON CONFLICT DO NOTHING``: a second run, or two runs at once, write
nothing more. The due lots are locked while they are read, so a push taking from the same
lot at the same moment goes before or after the write-off, never in the middle. Balances
and the pull log are written as a push writes them.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, select, tuple_, update
from sqlalchemy.dialects.postgresql import insert as pg_insert

from loyalty_desktop.server.change_log import log_changes, logged_movements
from loyalty_desktop.server.lots import EXPIRE, SERVER_IDS, SERVER_STORE
from loyalty_desktop.server.push import add_to_balances
from loyalty_desktop.server.tables import ledger, lots

CHUNK = 500  # lots per transaction: short transactions, so pushes wait little on the locks


@dataclass
class ExpiryRun:
    """What one run wrote off: lots, points and the members they belonged to."""

    lots: int = 0
    points: int = 0
    members: set[uuid.UUID] = field(default_factory=set)
    last: tuple[uuid.UUID, uuid.UUID] | None = (
        None  # the last lot read: the next chunk starts after
    )


def expiry_id(lot_id: uuid.UUID, expiries: int) -> uuid.UUID:
    """The id of the server's expire row for a lot (its first, or its n-th after a refund refilled it)."""
    return uuid.uuid5(SERVER_IDS, str(lot_id) if not expiries else f"{lot_id}:{expiries}")


def expire_chunk(
    conn: Connection,
    at: datetime,
    now: datetime,
    after: tuple[uuid.UUID, uuid.UUID] | None = None,
    limit: int = CHUNK,
) -> ExpiryRun:
    """Expire up to ``limit`` lots due by ``at`` (after the lot ``after``), in the caller's transaction."""
    due = (
        select(lots.c.member_id, lots.c.id, lots.c.remaining, lots.c.expires_at, lots.c.expiries)
        .where(lots.c.expires_at <= at, lots.c.remaining > 0)
        .order_by(lots.c.member_id, lots.c.id)
        .limit(limit)
        .with_for_update()
    )
    if after is not None:
        due = due.where(tuple_(lots.c.member_id, lots.c.id) > after)
    found = conn.execute(due).all()
    run = ExpiryRun(last=(found[-1].member_id, found[-1].id) if found else None)
    if not found:
        return run
    rows = {
        expiry_id(lot.id, lot.expiries): {
            "member_id": lot.member_id,
            "id": expiry_id(lot.id, lot.expiries),
            "store_id": SERVER_STORE,
            "kind": EXPIRE,
            "points": -lot.remaining,
            "at": lot.expires_at,  # dated when the lot expired, as a till dates its expiry
            "event_key": f"expire:{lot.id}",
            "lot": lot.id,
        }
        for lot in found
    }
    written = conn.execute(
        pg_insert(ledger).on_conflict_do_nothing().returning(ledger.c.id),
        [{k: v for k, v in r.items() if k != "lot"} for r in rows.values()],
    ).all()
    done = [rows[w.id] for w in written]
    if not done:
        return run
    conn.execute(
        update(lots)
        .where(lots.c.member_id == bindparam("m"), lots.c.id == bindparam("lot_id"))
        .values(remaining=lots.c.remaining + bindparam("n"), expiries=lots.c.expiries + 1),
        [{"m": r["member_id"], "lot_id": r["lot"], "n": r["points"]} for r in done],
    )
    add_to_balances(conn, done, now)
    run.lots, run.points = len(done), -sum(r["points"] for r in done)
    run.members = {r["member_id"] for r in done}
    moved = [{**r, "allocations": [{"lot_id": r["lot"], "points": -r["points"]}]} for r in done]
    log_changes(
        conn,
        SERVER_STORE,
        dict.fromkeys(sorted(run.members), "balance"),
        moved=logged_movements(moved, now),
    )
    return run


def summary(at: datetime, runs: list[ExpiryRun]) -> dict[str, Any]:
    """The command's answer for the chunks of one run (the keys of the till's ``loyalty expire``)."""
    return {
        "at": at.isoformat(),
        "lots": sum(r.lots for r in runs),
        "expired_points": sum(r.points for r in runs),
        "members": len(set().union(*(r.members for r in runs))) if runs else 0,
    }
