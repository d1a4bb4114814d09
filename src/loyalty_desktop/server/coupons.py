"""Coupons used at the stores: each coupon once across the chain, a later use kept for review.

A ``coupon.redeemed`` event says that a sale used a coupon. The first sale to reach the
server claims the coupon (``coupon_redemptions``, keyed by the coupon). A later sale that
used it too (a second store offline, a till restored from a backup) is a completed sale
like any other: it stands and its points are applied, as for points spent twice
(reviews.py), and the use is recorded in ``coupon_conflicts`` for a person to look at.
The same sale's redemption seen again (a retried event is answered ``duplicate`` by the
inbox before it gets here; the same fact under another key is caught here) is not a
second use. A refund does not give a coupon back: it stays used (as at the till).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert

from loyalty_desktop.server.tables import coupon_conflicts, coupon_redemptions

KIND = "coupon.redeemed"


def record_redemptions(
    conn: Connection, asked: Sequence[Mapping[str, Any]], now: datetime
) -> list[dict[str, Any]]:
    """Claim each coupon for the first sale that used it and record later uses; what to log.

    ``asked``: rows of ``coupon_redemptions`` (without ``received_at``), in the order the
    events were sent. Returns one pull-log entry per use (``review``: a second use).
    """
    if not asked:
        return []
    firsts: dict[uuid.UUID, Mapping[str, Any]] = {}
    for row in asked:
        firsts.setdefault(row["coupon_id"], row)
    # A coupon claimed at this moment by another worker: the insert waits for it to commit,
    # then does nothing, and the holder is read below (read committed: its row is seen).
    claimed = set(
        conn.execute(
            pg_insert(coupon_redemptions)
            .on_conflict_do_nothing()
            .returning(coupon_redemptions.c.coupon_id),
            [{**r, "received_at": now} for r in firsts.values()],
        ).scalars()
    )
    holders = {c: firsts[c]["sale_id"] for c in claimed}
    taken = sorted(set(firsts) - claimed)
    if taken:
        holders |= dict(
            conn.execute(
                select(coupon_redemptions.c.coupon_id, coupon_redemptions.c.sale_id).where(
                    coupon_redemptions.c.coupon_id.in_(taken)
                )
            ).all()
        )
    later = [r for r in asked if holders[r["coupon_id"]] != r["sale_id"]]
    if later:
        _record_later(conn, later, "applied", now)
    return [_log_entry(r, review=holders[r["coupon_id"]] != r["sale_id"]) for r in asked]


def record_quarantined(conn: Connection, row: Mapping[str, Any], now: datetime) -> None:
    """A redemption whose event was quarantined (its key sent before): a later use, if its sale differs.

    Tills before the key named the sale (``coupon:<id>``) key a coupon's second use at the
    same store like its first: the inbox holds it as a conflict, and it is flagged here.
    """
    holder = conn.execute(
        select(coupon_redemptions.c.sale_id).where(
            coupon_redemptions.c.coupon_id == row["coupon_id"]
        )
    ).scalar_one_or_none()
    if holder is not None and holder != row["sale_id"]:
        _record_later(conn, [row], "quarantined", now)


def _record_later(
    conn: Connection, rows: Sequence[Mapping[str, Any]], status: str, now: datetime
) -> None:
    conn.execute(
        pg_insert(coupon_conflicts).on_conflict_do_nothing(),
        [
            {
                "coupon_id": r["coupon_id"],
                "sale_id": r["sale_id"],
                "member_id": r["member_id"],
                "store_id": r["store_id"],
                "event_key": r["event_key"],
                "status": status,
                "at": r["at"],
                "received_at": now,
            }
            for r in rows
        ],
    )


def _log_entry(row: Mapping[str, Any], *, review: bool) -> dict[str, Any]:
    return {
        "member_id": row["member_id"],
        "body": {
            "coupon_id": str(row["coupon_id"]),
            "coupon_no": row["coupon_no"],
            "offer_id": row["offer_id"],
            "member_id": str(row["member_id"]),
            "sale": str(row["sale_id"]),
            "at": row["at"].isoformat(),
            "review": review,
        },
    }


def open_conflicts(conn: Connection) -> list[dict[str, Any]]:
    """Coupons used by more than one sale, not cleared yet: each later use with the first."""
    first = coupon_redemptions
    later = coupon_conflicts
    rows = conn.execute(
        select(
            later.c.coupon_id,
            first.c.coupon_no,
            later.c.member_id,
            later.c.store_id,
            later.c.sale_id,
            later.c.status,
            later.c.at,
            later.c.received_at,
            first.c.store_id.label("first_store_id"),
            first.c.sale_id.label("first_sale_id"),
            first.c.at.label("first_at"),
        )
        .join(first, first.c.coupon_id == later.c.coupon_id)
        .where(later.c.cleared_at.is_(None))
        .order_by(later.c.received_at, later.c.coupon_id, later.c.sale_id)
    )
    return [
        {
            "coupon_id": str(r.coupon_id),
            "coupon_no": r.coupon_no,
            "member_id": str(r.member_id),
            "store_id": str(r.store_id),
            "sale_id": str(r.sale_id),
            "status": r.status,
            "at": r.at.isoformat(),
            "flagged_at": r.received_at.isoformat(),
            "first_store_id": str(r.first_store_id),
            "first_sale_id": str(r.first_sale_id),
            "first_at": r.first_at.isoformat(),
        }
        for r in rows
    ]


def clear_conflicts(conn: Connection, coupon_id: uuid.UUID, now: datetime) -> int:
    """Mark a coupon's later uses looked at; returns how many were open."""
    done = conn.execute(
        update(coupon_conflicts)
        .where(coupon_conflicts.c.coupon_id == coupon_id, coupon_conflicts.c.cleared_at.is_(None))
        .values(cleared_at=now)
    )
    return int(done.rowcount)
