"""``loyalty-server check``: are the server's books straight?

Problems (exit 1): a member's balance that is not the sum of their movements; an inbox
row whose result does not hold together (a status other than applied or rejected, a
rejection without a reason, movements written for an event the inbox did not apply);
a refund parked longer than ``parked_days`` (its sale may never come). For review, not
failures: negative balances (offline redemptions at two stores; repaid by later earning),
points left on a merged duplicate (a till that had not heard of the merge), coupons
used by more than one sale (coupons.py) and members enrolled with a number another member
holds (numbers.py), until a person clears them; sales rejected because the store's
programme gives other points than they say (programs.py); a till's event numbers that never
arrived or arrived on two events (devices.py). Counted, not failures: sales
applied without their earning recomputed (the server had not the store's programme version),
and refunds applied without being worked out again (refund_checks.py).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, and_, func, literal, or_, select

from loyalty_desktop.server.coupons import open_conflicts
from loyalty_desktop.server.devices import sequence_findings
from loyalty_desktop.server.lots import SERVER_STORE
from loyalty_desktop.server.numbers import open_clashes
from loyalty_desktop.server.programs import MISMATCH_LIKE
from loyalty_desktop.server.tables import (
    balances,
    inbox,
    ledger,
    merges,
    parked,
    refund_totals,
    sales,
)

Finding = dict[str, Any]


def check_books(conn: Connection, now: datetime, parked_days: int = 7) -> dict[str, Any]:
    """``{"ok", "problems", "for_review", "earn_unchecked", "refunds_unchecked"}`` for the server.

    ``earn_unchecked``: how many members' sales were applied without their earned points
    recomputed, because the server had not the store's programme version.
    ``refunds_unchecked``: how many members' refunds were applied as the store said, not
    worked out again (server/refund_checks.py says when).
    """
    problems = _balances(conn) + _inbox(conn) + _parked(conn, now - timedelta(days=parked_days))
    unchecked = conn.execute(
        select(func.count()).select_from(sales).where(sales.c.earn_checked.is_(False))
    ).scalar_one()
    refunds = conn.execute(
        select(func.coalesce(func.sum(refund_totals.c.unchecked), 0))
    ).scalar_one()
    return {
        "ok": not problems,
        "problems": problems,
        "for_review": _for_review(conn),
        "earn_unchecked": int(unchecked),
        "refunds_unchecked": int(refunds),
    }


def _balances(conn: Connection) -> list[Finding]:
    sums = (
        select(ledger.c.member_id, func.sum(ledger.c.points).label("points"))
        .group_by(ledger.c.member_id)
        .subquery()
    )
    held = func.coalesce(balances.c.points, literal(0))
    moved = func.coalesce(sums.c.points, literal(0))
    rows = conn.execute(
        select(
            func.coalesce(balances.c.member_id, sums.c.member_id).label("member_id"),
            held.label("held"),
            moved.label("moved"),
        )
        .select_from(balances.join(sums, sums.c.member_id == balances.c.member_id, full=True))
        .where(held != moved)
        .order_by("member_id")
    ).all()
    return [
        {
            "problem": "balance_drift",
            "member_id": str(r.member_id),
            "balance": int(r.held),
            "movements": int(r.moved),
            "message": f"balance {r.held} is not the sum of the movements ({r.moved})",
        }
        for r in rows
    ]


def _inbox(conn: Connection) -> list[Finding]:
    odd = conn.execute(
        select(inbox.c.store_id, inbox.c.key, inbox.c.status)
        .where(
            or_(
                inbox.c.status.not_in(["applied", "rejected"]),
                and_(inbox.c.status == "rejected", inbox.c.reason.is_(None)),
            )
        )
        .order_by(inbox.c.store_id, inbox.c.key)
    ).all()
    found = [
        {
            "problem": "inbox_result",
            "store_id": str(r.store_id),
            "key": r.key,
            "message": f"status {r.status!r} without what it needs",
        }
        for r in odd
    ]
    applied = select(inbox.c.key).where(
        inbox.c.store_id == ledger.c.store_id,
        inbox.c.key == ledger.c.event_key,
        inbox.c.status == "applied",
    )
    stray = conn.execute(
        select(ledger.c.store_id, ledger.c.event_key, ledger.c.member_id)
        # the server's own rows (its expiry) answer to no store's event
        .where(~applied.exists(), ledger.c.store_id != SERVER_STORE)
        .distinct()
        .order_by(ledger.c.store_id, ledger.c.event_key)
    ).all()
    found += [
        {
            "problem": "movements_not_applied",
            "store_id": str(r.store_id),
            "key": r.event_key,
            "member_id": str(r.member_id),
            "message": "movements recorded for an event the inbox did not apply",
        }
        for r in stray
    ]
    return found


def _parked(conn: Connection, before: datetime) -> list[Finding]:
    rows = conn.execute(
        select(parked.c.member_id, parked.c.sale_id, parked.c.event_key, parked.c.received_at)
        .where(parked.c.received_at < before)
        .order_by(parked.c.received_at)
    ).all()
    return [
        {
            "problem": "parked_refund",
            "member_id": str(r.member_id),
            "sale_id": str(r.sale_id),
            "key": r.event_key,
            "since": r.received_at.isoformat(),
            "message": "a refund has waited for its sale since " + r.received_at.isoformat(),
        }
        for r in rows
    ]


def _for_review(conn: Connection) -> list[Finding]:
    below = conn.execute(
        select(balances.c.member_id, balances.c.points)
        .where(balances.c.points < 0)
        .order_by(balances.c.member_id)
    ).all()
    found = [
        {"review": "negative_balance", "member_id": str(r.member_id), "points": r.points}
        for r in below
    ]
    left = conn.execute(
        select(balances.c.member_id, balances.c.points, merges.c.kept_id)
        .join(merges, merges.c.member_id == balances.c.member_id)
        .where(balances.c.points != 0)
        .order_by(balances.c.member_id)
    ).all()
    found += [
        {
            "review": "points_on_merged_member",
            "member_id": str(r.member_id),
            "points": r.points,
            "kept_id": str(r.kept_id),
        }
        for r in left
    ]
    found += [{"review": "coupon_used_twice", **c} for c in open_conflicts(conn)]
    found += [{"review": "member_number_clash", **n} for n in open_clashes(conn)]
    return found + _earn_mismatches(conn) + sequence_findings(conn)


def _earn_mismatches(conn: Connection) -> list[Finding]:
    """Sales refused because the store's programme gives other points (a tampered or faulty till)."""
    rows = conn.execute(
        select(inbox.c.store_id, inbox.c.key, inbox.c.reason, inbox.c.received_at)
        .where(
            inbox.c.kind == "sale",
            inbox.c.status == "rejected",
            inbox.c.reason.like(MISMATCH_LIKE),
        )
        .order_by(inbox.c.received_at, inbox.c.key)
    ).all()
    return [
        {
            "review": "earn_mismatch",
            "store_id": str(r.store_id),
            "key": r.key,
            "reason": r.reason,
            "received_at": r.received_at.isoformat(),
        }
        for r in rows
    ]
