"""The pull log: what a push (or the server's expiry) changed, one row per member, numbered in commit order.

A member's row carries the member's record as the server keeps it (number, status,
consent, created_at; no personal data: the server has none), the balance as of the
commit, and the ledger rows this transaction applied for that member (``movements``), so
another store can add the same facts to its own ledger instead of overwriting a balance.
Each movement names the lots it opened with the expiry **the server** keeps (its clock,
docs/sync.md "Expiry by the server's clock") and what it took from lots. Rows the server
wrote itself (its ``expire`` run, ``expire_undone``) say ``"server": true``: no store has
them, not even the store whose push made them. Rows logged before movements travelled
have no ``movements`` key; a reader treats that as an empty list.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select, update

from loyalty_desktop.server.bulk import any_of, arrays, insert_from_arrays
from loyalty_desktop.server.lots import EXPIRE_UNDONE, SERVER_STORE, server_expiry
from loyalty_desktop.server.numbers import with_clashes
from loyalty_desktop.server.reviews import under_review
from loyalty_desktop.server.tables import balances, change_clock, changes, merges

Row = dict[str, Any]


def logged_movements(
    moves: Sequence[Mapping[str, Any]], now: datetime
) -> dict[uuid.UUID, list[Row]]:
    """Ledger rows (with their lots and allocations, as push writes them) as the log shows them, by member."""
    found: dict[uuid.UUID, list[Row]] = {}
    for r in moves:
        entry: Row = {
            "id": str(r["id"]),
            "kind": r["kind"],
            "points": r["points"],
            "at": r["at"].isoformat(),
            "sale": r.get("sale"),
            "lots": [
                {
                    "id": str(lot["id"]),
                    "points": lot["points"],
                    "expires_at": _iso(server_expiry(r["at"], lot, now)),
                }
                for lot in r.get("lots") or []
            ],
            "allocations": [
                {"lot_id": str(a["lot_id"]), "points": a["points"]}
                for a in r.get("allocations") or []
            ],
            "server": r["store_id"] == SERVER_STORE or r["kind"] == EXPIRE_UNDONE,
        }
        found.setdefault(r["member_id"], []).append(entry)
    return found


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def log_changes(
    conn: Connection,
    store_id: uuid.UUID,
    touched: Mapping[uuid.UUID, str],
    used: Sequence[Mapping[str, Any]] = (),
    moved: Mapping[uuid.UUID, Sequence[Row]] | None = None,
) -> None:
    """Append what changed to the pull log, numbered under the clock row's lock (held to commit).

    ``used``: coupons used (coupons.record_redemptions), one ``coupon`` change each after
    the members', so other stores can learn that a coupon is spent. ``moved``: the ledger
    rows applied for each member (``logged_movements``), carried in the member's change.
    """
    ids = sorted(touched)
    count = len(ids) + len(used)
    last = conn.execute(
        update(change_clock)
        .where(change_clock.c.id == 1)
        .values(last=change_clock.c.last + count)
        .returning(change_clock.c.last)
    ).scalar_one()
    points = dict(
        conn.execute(
            select(balances.c.member_id, balances.c.points).where(
                any_of(balances.c.member_id, "ids")
            ),
            {"ids": ids},
        ).all()
    )
    # with the member holding a number this member was enrolled with (in the same read)
    found = {r.id: r for r in conn.execute(with_clashes(), {"ids": ids})}
    kept = dict(
        conn.execute(
            select(merges.c.member_id, merges.c.kept_id).where(any_of(merges.c.member_id, "ids")),
            {"ids": ids},
        ).all()
    )
    flagged = under_review(conn, ids)
    rows = []
    first = last - count + 1
    for pos, member_id in enumerate(ids, start=first):
        m = found.get(member_id)
        body = {
            "member_id": str(member_id),
            "points": points.get(member_id, 0),
            "member_no": m.member_no if m else None,
            "status": m.status if m else None,
            "consent": m.consent if m else None,
            "created_at": m.created_at.isoformat() if m else None,
            "merged_into": str(kept[member_id]) if member_id in kept else None,
            "review": member_id in flagged,
            "number_clash": bool(m and m.number_held_by),
            "number_held_by": str(m.number_held_by) if m and m.number_held_by else None,
            "movements": list((moved or {}).get(member_id, [])),
        }
        rows.append(
            {
                "pos": pos,
                "member_id": member_id,
                "store_id": store_id,
                "kind": touched[member_id],
                "body": json.dumps(body),
            }
        )
    for pos, coupon in enumerate(used, start=first + len(ids)):
        rows.append(
            {
                "pos": pos,
                "member_id": coupon["member_id"],
                "store_id": store_id,
                "kind": "coupon",
                "body": json.dumps(coupon["body"]),
            }
        )
    # One statement for the whole log: the server's engine sends arrays in binary, so the
    # JSON bodies are not quoted and escaped in Python as in an array literal (which cost
    # more than a prepared executemany of one row at a time).
    conn.execute(_LOG, arrays(rows, CHANGE_COLUMNS))


CHANGE_COLUMNS = tuple(c.name for c in changes.c)
_LOG = insert_from_arrays(changes, CHANGE_COLUMNS)
