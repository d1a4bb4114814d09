"""Reading the change log after a store's cursor (positions are handed out in commit order)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, select

from loyalty_desktop.server.tables import changes

MAX_PULL = 1000


def changes_after(
    conn: Connection, after: int, limit: int = MAX_PULL
) -> tuple[list[dict[str, Any]], int]:
    """The changes after position ``after`` (oldest first) and the cursor to ask with next."""
    rows = conn.execute(
        select(changes.c.pos, changes.c.kind, changes.c.store_id, changes.c.body)
        .where(changes.c.pos > after)
        .order_by(changes.c.pos)
        .limit(min(limit, MAX_PULL))
    ).all()
    out = [
        {"pos": r.pos, "kind": r.kind, "store_id": str(r.store_id), **json.loads(r.body)}
        for r in rows
    ]
    return out, rows[-1].pos if rows else after
