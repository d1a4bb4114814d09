"""Members to look at: a balance that went below zero, as offline redemptions at two stores can make.

A completed sale is never reversed by sync: both stores' redemptions stand, the balance goes
negative and later earning repays it. The member is flagged once (the first negative
balance is kept) and the flag travels in the pull log so every store can see it; a person
clears it with ``loyalty-server review clear``.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert

from loyalty_desktop.server.tables import balances, reviews


def flag_overdrawn(
    conn: Connection, balances_now: Sequence[tuple[uuid.UUID, int]], now: datetime
) -> None:
    """Flag the members whose balance (as the upsert just returned it) is below zero, once each."""
    below = [(member_id, points) for member_id, points in balances_now if points < 0]
    if below:
        conn.execute(
            pg_insert(reviews).on_conflict_do_nothing(),
            [{"member_id": m, "points": p, "flagged_at": now} for m, p in below],
        )


def open_reviews(conn: Connection) -> list[dict[str, Any]]:
    """Flagged members not cleared yet, oldest first, with their balance now."""
    rows = conn.execute(
        select(
            reviews.c.member_id,
            reviews.c.points,
            reviews.c.flagged_at,
            balances.c.points.label("now"),
        )
        .join(balances, balances.c.member_id == reviews.c.member_id)
        .where(reviews.c.cleared_at.is_(None))
        .order_by(reviews.c.flagged_at, reviews.c.member_id)
    )
    return [
        {
            "member_id": str(r.member_id),
            "points_when_flagged": r.points,
            "points_now": r.now,
            "flagged_at": r.flagged_at.isoformat(),
        }
        for r in rows
    ]


def clear_review(conn: Connection, member_id: uuid.UUID, now: datetime) -> bool:
    """Mark a member's review done; False when there was none open."""
    done = conn.execute(
        update(reviews)
        .where(reviews.c.member_id == member_id, reviews.c.cleared_at.is_(None))
        .values(cleared_at=now)
    )
    return bool(done.rowcount)
