"""Refunds that arrive before their sale wait ("park") until the sale comes, then apply by themselves.

Stores send facts in their own order, and a batch may be cut, retried or reordered, so a
refund can reach the server before the sale it refunds. Applying it at once would move a
balance for a sale the server has never seen (and a refund of a sale that never arrives
would stay applied); refusing it would block the store. So its ledger rows are kept in
``parked``, keyed by member and sale, and written in the same transaction that records
the sale. The final balance is the same in any order of arrival.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, select, tuple_, update
from sqlalchemy.dialects.postgresql import insert as pg_insert

from loyalty_desktop.server.facts import Rejected
from loyalty_desktop.server.tables import parked, sales

Row = dict[str, Any]


def _frozen(rows: Sequence[Row]) -> str:
    return json.dumps(
        [
            {
                k: (
                    v.isoformat()
                    if isinstance(v, datetime)
                    else str(v)
                    if isinstance(v, uuid.UUID)
                    else v
                )
                for k, v in r.items()
            }
            for r in rows
        ]
    )


def _thawed(text: str) -> list[Row]:
    rows = []
    for r in json.loads(text):
        rows.append(
            {
                **r,
                "member_id": uuid.UUID(r["member_id"]),
                "id": uuid.UUID(r["id"]),
                "store_id": uuid.UUID(r["store_id"]),
                "at": datetime.fromisoformat(r["at"]),
            }
        )
    return rows


def settle(
    conn: Connection,
    new_sales: Sequence[Row],
    refunds: Sequence[Row],
    now: datetime,
    merges: Sequence[tuple[uuid.UUID, uuid.UUID]] = (),
) -> list[Row]:
    """Record the sales; park refunds of unknown sales; the ledger rows to write now.

    ``refunds``: one row per refund with ``member_id``, ``sale_id``, ``event_key``,
    ``store_id`` and its ``ledger`` rows. ``merges``: (duplicate, kept) pairs; as at the
    store, the duplicate's sales become the kept member's, so a refund the store makes
    afterwards (naming the kept member) finds its sale. Rows to write now are those of
    refunds whose sale is known (stored before, or in this batch) and those parked for
    the sales that arrived, or changed member, in this batch.
    """
    if new_sales:
        conn.execute(pg_insert(sales).on_conflict_do_nothing(), list(new_sales))
    # (member, sale) -> the store that recorded the sale: a store refunds only its own sales
    batch = {(s["member_id"], s["id"]): s["store_id"] for s in new_sales}
    for other, keep in merges:
        moved = conn.execute(
            update(sales)
            .where(sales.c.member_id == other)
            .values(member_id=keep)
            .returning(sales.c.id, sales.c.store_id)
        ).all()
        batch = {(keep if m == other else m, i): at for (m, i), at in batch.items()}
        batch.update({(keep, r.id): r.store_id for r in moved})
    asked = {(r["member_id"], r["sale_id"]) for r in refunds} - set(batch)
    known = dict(batch)
    if asked:
        found = conn.execute(
            select(sales.c.member_id, sales.c.id, sales.c.store_id).where(
                tuple_(sales.c.member_id, sales.c.id).in_(sorted(asked))
            )
        ).all()
        known.update({(r.member_id, r.id): r.store_id for r in found})
    now_rows: list[Row] = []
    waiting = []
    for refund in refunds:
        seller = known.get((refund["member_id"], refund["sale_id"]))
        if seller is not None and seller != refund["store_id"]:
            raise Rejected("refund: the sale was recorded by another store")
        if seller is not None:
            now_rows += refund["ledger"]
        elif refund["ledger"]:
            waiting.append(
                {
                    "member_id": refund["member_id"],
                    "sale_id": refund["sale_id"],
                    "event_key": refund["event_key"],
                    "store_id": refund["store_id"],
                    "rows": _frozen(refund["ledger"]),
                    "received_at": now,
                }
            )
    if waiting:
        conn.execute(pg_insert(parked).on_conflict_do_nothing(), waiting)
    if batch:
        keys = sorted((m, i, at) for (m, i), at in batch.items())
        released = conn.execute(  # another store's refund of the sale stays parked, unapplied
            delete(parked)
            .where(tuple_(parked.c.member_id, parked.c.sale_id, parked.c.store_id).in_(keys))
            .returning(parked.c.rows)
        ).all()
        for r in released:
            now_rows += _thawed(r.rows)
    return now_rows
