"""Redemption holds: a till about to redeem points online keeps them from the other stores for a while.

A till asks for a hold before it posts a sale that pays with points (``POST /v1/holds``). The
server locks the member's balance row (as a push does), so two stores asking at the same
moment are served one after the other, and holds the points if the member's balance less
the other live holds covers them. The sale's event names the hold (``hold_id``) and the push
that applies it marks the hold committed in the same transaction; a till whose sale did not
go through releases it; a till that crashed leaves it to expire by the server's clock
(``HOLD_SECONDS``). A sale that arrives after its hold expired is applied all the same: a
completed sale is never reversed, and a balance it takes below zero is flagged for review.

The till makes the hold's id, so asking again (a lost answer) is harmless: the same id with
the same member and points gets the first answer again; with another body it is a conflict.
The key is ``(store, hold id)``.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert

from loyalty_desktop.server.tables import balances, holds

HOLD_SECONDS = 120  # a till posts its sale within a second or two of asking
HOLD_SECONDS_VARIABLE = "LOYALTY_SERVER_HOLD_SECONDS"  # serve --hold-seconds, for every worker
HELD, REFUSED, RELEASED, COMMITTED = "held", "refused", "released", "committed"


class HoldConflict(Exception):
    """A hold id asked for again with another member or other points."""


def hold_seconds() -> int:
    """The time limit this process gives a hold (``serve --hold-seconds``, else HOLD_SECONDS)."""
    text = os.environ.get(HOLD_SECONDS_VARIABLE, "")
    return int(text) if text.isdigit() and int(text) > 0 else HOLD_SECONDS


def _body_hash(member_id: uuid.UUID, points: int) -> str:
    return hashlib.sha256(f"{member_id}:{points}".encode()).hexdigest()


def place_hold(
    conn: Connection,
    store_id: uuid.UUID,
    hold_id: uuid.UUID,
    member_id: uuid.UUID,
    points: int,
    now: datetime,
    seconds: int,
) -> dict[str, Any]:
    """Hold ``points`` of the member's balance for the store, or refuse; the answer to give.

    ``available`` is the member's balance less the points of their other live holds (held
    and not expired). Raises HoldConflict for a known id with another body.
    """
    digest = _body_hash(member_id, points)
    # The balance row first: a second store holding for the member waits here, and then
    # (read committed) sees the first's hold in the sum below.
    balance = conn.execute(
        select(balances.c.points).where(balances.c.member_id == member_id).with_for_update()
    ).scalar()
    first = _answer_given(conn, store_id, hold_id, digest)
    if first is not None:
        return first
    others = conn.execute(
        select(func.coalesce(func.sum(holds.c.points), 0)).where(
            holds.c.member_id == member_id,
            holds.c.status == HELD,
            holds.c.expires_at > now,
        )
    ).scalar()
    available = int(balance or 0) - int(others or 0)
    expires_at = now + timedelta(seconds=seconds)
    answer: dict[str, Any] = {"hold_id": str(hold_id), "available": available}
    if points <= available:
        answer |= {"status": HELD, "expires_at": expires_at.isoformat()}
    else:
        answer |= {"status": REFUSED, "reason": "not_enough_points"}
    written = conn.execute(
        pg_insert(holds)
        .values(
            store_id=store_id,
            hold_id=hold_id,
            member_id=member_id,
            points=points,
            body_hash=digest,
            status=answer["status"],
            answer=json.dumps(answer),
            created_at=now,
            expires_at=expires_at,
        )
        .on_conflict_do_nothing()
        .returning(holds.c.hold_id)
    ).first()
    if written is None:  # the same id, asked at the same moment by a retry: its answer stands
        again = _answer_given(conn, store_id, hold_id, digest)
        if again is not None:
            return again
    return answer


def _answer_given(
    conn: Connection, store_id: uuid.UUID, hold_id: uuid.UUID, digest: str
) -> dict[str, Any] | None:
    row = conn.execute(
        select(holds.c.body_hash, holds.c.answer).where(
            holds.c.store_id == store_id, holds.c.hold_id == hold_id
        )
    ).first()
    if row is None:
        return None
    if row.body_hash != digest:
        raise HoldConflict("this hold id was used before with another member or other points")
    return dict(json.loads(row.answer))


def release_hold(
    conn: Connection, store_id: uuid.UUID, hold_id: uuid.UUID, now: datetime
) -> dict[str, Any]:
    """Give the points back; harmless for a hold released, expired, refused or never made.

    A committed hold stays committed (its sale was applied) and says so.
    """
    conn.execute(
        update(holds)
        .where(holds.c.store_id == store_id, holds.c.hold_id == hold_id, holds.c.status == HELD)
        .values(status=RELEASED, ended_at=now)
    )
    status = conn.execute(
        select(holds.c.status).where(holds.c.store_id == store_id, holds.c.hold_id == hold_id)
    ).scalar()
    return {"hold_id": str(hold_id), "status": COMMITTED if status == COMMITTED else RELEASED}


def commit_holds(
    conn: Connection, committed: Sequence[tuple[uuid.UUID, uuid.UUID, str]], now: datetime
) -> None:
    """Mark the holds (store, hold id, sale key) the sales just applied name as committed.

    Whatever their state: one that expired or was released is still the sale's.
    """
    for store_id, hold_id, sale_key in committed:
        conn.execute(
            update(holds)
            .where(holds.c.store_id == store_id, holds.c.hold_id == hold_id)
            .values(status=COMMITTED, ended_at=now, sale_key=sale_key)
        )


def live_holds(conn: Connection, now: datetime) -> list[dict[str, Any]]:
    """Holds still keeping points (held, not expired), oldest first."""
    rows = conn.execute(
        select(holds)
        .where(holds.c.status == HELD, holds.c.expires_at > now)
        .order_by(holds.c.created_at, holds.c.hold_id)
    ).mappings()
    return [
        {
            "hold_id": str(r["hold_id"]),
            "store_id": str(r["store_id"]),
            "member_id": str(r["member_id"]),
            "points": r["points"],
            "created_at": r["created_at"].isoformat(),
            "expires_at": r["expires_at"].isoformat(),
        }
        for r in rows
    ]
