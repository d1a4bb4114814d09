"""Reading the change log after a store's cursor (positions are handed out in commit order).

A change that says ``"profile": true`` gets the member's profile as the server keeps it
now (server/profiles.py), read here rather than kept in the log, so an erasure (which
deletes it) leaves no copy in the log, and every store pulling the change gets the
profile the server applied last: an erased member's change says ``"profile": null``.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from sqlalchemy import Connection, func, select

from loyalty_desktop.server.bulk import any_of
from loyalty_desktop.server.tables import changes, member_profiles

MAX_PULL = 1000
# A page's bodies add up to at most this, past its first change: a thousand offers with
# terms of 256 KB each made a page of about 250 MB, for the server and the till to hold.
MAX_PAGE_BYTES = 4_000_000


def changes_after(
    conn: Connection, after: int, limit: int = MAX_PULL
) -> tuple[list[dict[str, Any]], int]:
    """The changes after position ``after`` (oldest first) and the cursor to ask with next."""
    size = func.octet_length(changes.c.body)
    page = (
        select(
            changes.c.pos,
            size.label("size"),
            func.sum(size).over(order_by=changes.c.pos).label("upto"),
        )
        .where(changes.c.pos > after)
        .order_by(changes.c.pos)
        .limit(min(limit, MAX_PULL))
        .subquery()
    )
    rows = conn.execute(
        select(
            changes.c.pos, changes.c.kind, changes.c.store_id, changes.c.member_id, changes.c.body
        )
        .join(page, page.c.pos == changes.c.pos)
        # every change that starts within the bound (so the first, however large)
        .where(page.c.upto - page.c.size < MAX_PAGE_BYTES)
        .order_by(changes.c.pos)
    ).all()
    bodies = [json.loads(r.body) for r in rows]
    # Only a page with profile changes reads profiles, by primary key (a join would leave the
    # planner free to read the whole profiles table for every page of sales).
    wanted = {r.member_id for r, body in zip(rows, bodies, strict=True) if body.get("profile")}
    profiles = _profiles(conn, wanted) if wanted else {}
    out = []
    for r, body in zip(rows, bodies, strict=True):
        if body.get("profile") is True:
            body["profile"] = profiles.get(r.member_id)
        out.append({"pos": r.pos, "kind": r.kind, "store_id": str(r.store_id), **body})
    return out, rows[-1].pos if rows else after


def _profiles(conn: Connection, member_ids: set[uuid.UUID]) -> dict[uuid.UUID, dict[str, Any]]:
    """The profiles the server keeps now for these members (an erased one's is gone)."""
    found = conn.execute(
        select(member_profiles).where(any_of(member_profiles.c.member_id, "ids")),
        {"ids": sorted(member_ids)},
    ).all()
    return {
        r.member_id: {
            "name": r.name,
            "phone": r.phone,
            "email": r.email,
            "birthday": r.birthday,
            "consent": r.consent,
            "consent_at": r.consent_at,
        }
        for r in found
    }
