"""Reading the change log after a store's cursor (positions are handed out in commit order).

A change that says ``"profile": true`` gets the member's profile as the server keeps it
now (server/profiles.py), read here rather than kept in the log, so an erasure (which
deletes it) leaves no copy in the log, and every store pulling the change gets the
profile the server applied last: an erased member's change says ``"profile": null``.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, select

from loyalty_desktop.server.tables import changes, member_profiles

MAX_PULL = 1000
_PROFILE = (
    member_profiles.c.name,
    member_profiles.c.phone,
    member_profiles.c.email,
    member_profiles.c.birthday,
    member_profiles.c.consent,
    member_profiles.c.consent_at,
)


def changes_after(
    conn: Connection, after: int, limit: int = MAX_PULL
) -> tuple[list[dict[str, Any]], int]:
    """The changes after position ``after`` (oldest first) and the cursor to ask with next."""
    rows = conn.execute(
        select(changes.c.pos, changes.c.kind, changes.c.store_id, changes.c.body, *_PROFILE)
        .outerjoin(member_profiles, member_profiles.c.member_id == changes.c.member_id)
        .where(changes.c.pos > after)
        .order_by(changes.c.pos)
        .limit(min(limit, MAX_PULL))
    ).all()
    out = []
    for r in rows:
        body = json.loads(r.body)
        if body.get("profile") is True:
            body["profile"] = _profile(r)
        out.append({"pos": r.pos, "kind": r.kind, "store_id": str(r.store_id), **body})
    return out, rows[-1].pos if rows else after


def _profile(r: Any) -> dict[str, Any] | None:
    if r.name is None:  # erased since (or never kept): nothing personal to hand out
        return None
    return {
        "name": r.name,
        "phone": r.phone,
        "email": r.email,
        "birthday": r.birthday,
        "consent": r.consent,
        "consent_at": r.consent_at,
    }
