"""Refunds worked out again on the server, from the sale the store sent, instead of trusted.

A till's refund (version 2) carries the sale's event as the till queued it, how many
refunds of the sale the till had recorded before, and how many of the sale's earned points
had expired at the till. The server takes the sale only if it is the one it applied: the
inbox keeps each event's digest, so a sale changed on the way is told at once. It then
does what the till's ``services/refunds.py`` did, with the domain's own rules
(``domain/refunds.py``, ``domain/earn.py``): the goods each line gives back, the points
the kept goods would have earned under the sale's programme, the points to take back,
the points paid to give back and the money paid back. A refund that says otherwise is
rejected; its movements are not applied.

What the earlier refunds of each sale took back is kept in ``refund_totals`` (every
refund, checked or not, adds to it). A refund is worked out only when the server has
every earlier refund of its sale (``refunds_before`` equals the count), holds the sale's
programme and the sale came with everything its earning needs; otherwise it is applied as
the till says and counted as unchecked (``loyalty-server check``), as a sale under a
programme the server has not got is. Points that expired at the till are the till's
view of its own lots: the server bounds them by what the sale earned.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import Connection, bindparam, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert

from loyalty_desktop.domain.earn import earn_points
from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.domain.money import Currency, format_money, parse_money
from loyalty_desktop.domain.pricing import SaleLine
from loyalty_desktop.domain.program import Program
from loyalty_desktop.domain.refunds import (
    LineState,
    RefundPlan,
    expirable,
    plan_by_amount,
    plan_by_quantities,
    points_to_reverse,
    share_back,
)
from loyalty_desktop.server.bulk import any_of
from loyalty_desktop.server.facts import Rejected, as_moment, event_digest, event_text, money_of
from loyalty_desktop.server.limits import MAX_POINTS
from loyalty_desktop.server.merges import resolve
from loyalty_desktop.server.programs import StorePrograms, inputs_of
from loyalty_desktop.server.tables import inbox, refund_totals

SALE_KIND = "sale"


@dataclass(frozen=True)
class RefundClaim:
    """A refund as the check needs it: read without the database (``claim_of``)."""

    store_id: uuid.UUID
    sale_id: uuid.UUID
    refund: Mapping[str, Any]
    sale_key: str
    sale: Mapping[str, Any] | None  # the sale's payload it carries (None: none, or version 1)
    sale_digest: str | None
    program: Program | None  # the programme the sale names, if the server holds it


def claim_of(
    store_id: uuid.UUID, sale_id: uuid.UUID, refund: Mapping[str, Any], known: StorePrograms
) -> RefundClaim:
    """What a member's refund says it was worked out from, checked for shape only."""
    key = f"sale:{sale_id}"
    lines = refund.get("lines", [])
    if not isinstance(lines, list) or not all(isinstance(e, dict) for e in lines):
        raise Rejected("refund: lines must be a list of objects")
    carried = _carried(refund)
    if carried is None:
        return RefundClaim(store_id, sale_id, refund, key, None, None, None)
    version, sale = carried
    if not isinstance(refund.get("expired"), int) or not isinstance(
        refund.get("refunds_before"), int
    ):
        raise Rejected("refund: expired and refunds_before must be whole numbers")
    as_moment(refund.get("recorded_at"), "refund recorded_at")
    program_version, digest = sale.get("program_version"), sale.get("program_digest")
    program = None
    if isinstance(program_version, int) and not isinstance(program_version, bool):
        program = known.program(program_version, digest if isinstance(digest, str) else None)
    text = event_text(SALE_KIND, version, key, sale)
    return RefundClaim(store_id, sale_id, refund, key, sale, event_digest(text), program)


def _carried(refund: Mapping[str, Any]) -> tuple[int, Mapping[str, Any]] | None:
    sent = refund.get("sale_event")
    if sent is None:
        return None
    version, sale = sent.get("version"), sent.get("payload")
    if not isinstance(version, int) or isinstance(version, bool) or not isinstance(sale, dict):
        raise Rejected("refund: sale_event must carry the sale's version and payload")
    return version, sale


@dataclass
class Totals:
    """What the refunds of one sale that reached the server took back, so far.

    Money as decimal text: an older till's refund names no currency, and its goods still
    count for the refunds after it.
    """

    refunds: int = 0
    unchecked: int = 0
    lines: dict[str, list[str]] = field(default_factory=dict)  # line -> [qty, net], as text
    reversed: int = 0
    restored: int = 0
    paid_back: Decimal = Decimal(0)

    def states(self, lines: Sequence[SaleLine], cur: Currency) -> list[LineState]:
        """The sale's lines with what earlier refunds took back from each."""
        found = []
        for i, line in enumerate(lines):
            qty, net = self.lines.get(str(i), ["0", "0"])
            found.append(LineState(line, Decimal(qty), _minor(Decimal(net), cur)))
        return found

    def returned(self, cur: Currency) -> int:
        """The net value of the goods given back so far."""
        return _minor(sum((Decimal(net) for _, net in self.lines.values()), Decimal(0)), cur)


def _minor(value: Decimal, cur: Currency) -> int:
    return parse_money(format(value, "f"), cur)


def check_refunds(conn: Connection, claims: Sequence[RefundClaim], now: datetime) -> None:
    """Work out each refund again (in order) and keep the totals, unchecked ones counted.

    Raises Rejected when a refund the server can work out says other points or money.
    """
    if not claims:
        return
    totals = _read_totals(conn, claims, now)
    applied = _applied_digests(conn, claims)
    strangers = {id(c) for c in _strangers(conn, claims)}
    for claim in claims:
        total = totals[(claim.store_id, claim.sale_id)]  # _read_totals made every row
        sold = applied.get((claim.store_id, claim.sale_key))
        checked = id(claim) not in strangers and _check_one(claim, total, sold, now)
        _add(total, claim.refund, checked)
        if not checked:
            _within_sale(claim, total, sold)
    _write_totals(conn, totals, now)


def _within_sale(claim: RefundClaim, total: Totals, applied: str | None) -> None:
    """Refuse an unchecked refund that takes the sale's refunds past the sale itself.

    A refund the server cannot work out is still one of its sale's: all of them together
    never take back more points than it earned, give back more than it paid in points or
    pay back more money than it took. A till restored from a backup that knew nothing of a
    refund paid since (its count of earlier refunds wrong, so unchecked) refunded the sale
    again in full (helper-76). Only with the sale the server applied (its digest).
    """
    sale = claim.sale
    if sale is None or applied is None or claim.sale_digest != applied:
        return
    try:
        cur = Currency.of(sale["currency"])
        paid = parse_money(sale["paid"], cur)
        earned, redeemed = int(sale["earned"]), int(sale["points_redeemed"])
        paid_back = _minor(total.paid_back, cur)
    except (LoyaltyError, KeyError, TypeError, ValueError, InvalidOperation):
        return  # a sale of an older shape, or money no till writes: nothing to bound by
    if total.reversed > earned or total.restored > redeemed or paid_back > paid:
        raise Rejected(
            f"refund: with the sale's earlier refunds it takes back {total.reversed} of the "
            f"{earned} points earned, gives back {total.restored} of the {redeemed} paid in "
            f"points and pays back {format_money(paid_back, cur)} of "
            f"{format_money(paid, cur)}: more than the sale; it was refunded already"
        )


def _strangers(conn: Connection, claims: Sequence[RefundClaim]) -> list[RefundClaim]:
    """Refunds naming neither the sale's member nor the member they became by a merge.

    A till refunds a merged duplicate's sale under the member kept; a refund naming anyone
    else is parked (its sale is not that member's) and is not worked out. If the merge has
    not reached the server yet, it is the same: applied when released, unchecked.
    """
    odd = [c for c in claims if c.sale is not None and _member(c.sale) != _member(c.refund)]
    if not odd:
        return []
    became = resolve(conn, {m for c in odd if (m := _member(c.sale)) is not None})

    def stranger(claim: RefundClaim) -> bool:
        seller = _member(claim.sale)
        return seller is None or became.get(seller) != _member(claim.refund)

    return [c for c in odd if stranger(c)]


def _member(payload: Mapping[str, Any] | None) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(payload["member_id"])) if payload else None
    except (KeyError, ValueError):
        return None


def _check_one(claim: RefundClaim, total: Totals, applied: str | None, now: datetime) -> bool:
    """Whether the refund was worked out (True) or cannot be here (False); Rejected if wrong."""
    if claim.sale is None or applied is None:
        return False  # an older till's refund, or a sale the server has not applied (parked)
    if claim.sale_digest != applied:
        raise Rejected("refund: the sale it carries is not the sale this store sent")
    if claim.refund["refunds_before"] != total.refunds or claim.program is None:
        return False  # an earlier refund of the sale has not arrived, or no programme here
    if not _expiry_possible(claim.sale, claim.refund, now):
        return False  # a till's clock far ahead: what had expired there cannot be told
    worked = _worked_out(claim.sale, claim.program, total, claim.refund)
    if worked is None:
        return False
    _compare(claim.refund, worked)
    return True


# How far ahead of the server a till's clock may run for its expiry to be checked (the
# fault tests run a till 3 days ahead).
CLOCK_AHEAD = timedelta(days=3)


def _expiry_possible(sale: Mapping[str, Any], refund: Mapping[str, Any], now: datetime) -> bool:
    """Whether the points the refund says expired could have, by the till's own lots and clock.

    The till writes off a lot when its clock passes the lot's ``expires_at``, which the sale
    carries; by the time it recorded the refund at most the lots then due can have expired.
    Rejected if it says more; False (not worked out) if the till's clock ran too far ahead
    of the server's to tell.
    """
    recorded = as_moment(refund["recorded_at"], "refund recorded_at")
    if recorded > now + CLOCK_AHEAD:
        return False
    due = expirable(_earned_lots(sale), recorded)
    if refund["expired"] > due:
        raise Rejected(
            f"refund: {refund['expired']} points expired; the sale's lots due by "
            f"{refund['recorded_at']} hold {due}"
        )
    return True


def _earned_lots(sale: Mapping[str, Any]) -> Iterator[tuple[datetime | None, int]]:
    """Each lot the sale's earn opened: its ``expires_at`` and points, as the sale sent them."""
    for m in sale.get("movements") or []:
        if not isinstance(m, dict) or m.get("kind") != "earn":
            continue
        for lot in m.get("lots") or []:
            ends = lot.get("expires_at") if isinstance(lot, dict) else None
            points = lot.get("points") if isinstance(lot, dict) else None
            if isinstance(points, int):
                when = as_moment(ends, "lot expires_at") if isinstance(ends, str) else None
                yield when, points


@dataclass(frozen=True)
class WorkedOut:
    """What the server makes of a refund: goods per line, points and money back."""

    plan: RefundPlan
    reversed: int
    restored: int
    paid_back: int
    currency: Currency


def _worked_out(
    sale: Mapping[str, Any], program: Program, total: Totals, refund: Mapping[str, Any]
) -> WorkedOut | None:
    """The refund as the till should have made it; None if the sale lacks what earning needs."""
    try:
        inputs = inputs_of(sale, program)
        cur = Currency.of(sale["currency"])
        net, paid = parse_money(sale["net"], cur), parse_money(sale["paid"], cur)
        earned, redeemed = int(sale["earned"]), int(sale["points_redeemed"])
    except (Rejected, LoyaltyError, KeyError, TypeError, ValueError):
        return None  # an applied sale of an older shape: nothing to work out from
    if inputs is None:
        return None
    lines, cash_share, ctx = inputs
    if net <= 0:
        raise Rejected("refund: the sale has nothing to refund")
    try:
        states, before = total.states(lines, cur), total.returned(cur)
        paid_before = _minor(total.paid_back, cur)
    except LoyaltyError:
        return None  # an unchecked refund before it gave back money no till could
    plan = _plan(refund, states, cur, net - before)
    kept = earn_points(program, plan.kept, cash_share=cash_share, ctx=ctx).points
    expired = refund["expired"]
    if not 0 <= expired <= earned:
        raise Rejected(f"refund: {expired} expired points of a sale that earned {earned}")
    returned = before + plan.amount
    return WorkedOut(
        plan,
        points_to_reverse(earned, kept, total.reversed, expired),
        share_back(redeemed, net, returned, total.restored),
        share_back(paid, net, returned, paid_before),
        cur,
    )


def _plan(
    refund: Mapping[str, Any], states: list[LineState], cur: Currency, left: int
) -> RefundPlan:
    """The goods each line gives back: by the quantities the refund names, or by its amount."""
    qty = [Decimal(0)] * len(states)
    named: set[int] = set()
    for entry in refund.get("lines") or []:
        i = entry.get("line") if isinstance(entry, dict) else None
        if not isinstance(i, int) or isinstance(i, bool) or not 0 <= i < len(states):
            raise Rejected(f"refund: line {i!r} is not a line of the sale")
        if i in named:
            raise Rejected(f"refund: line {i} is named twice")
        named.add(i)
        qty[i] = _quantity(entry.get("qty"))
    try:
        if any(qty):
            plan = plan_by_quantities(states, qty)
            if plan.amount > left:
                raise Rejected(
                    f"refund: the goods are worth {format_money(plan.amount, cur)}, more than "
                    f"is left of the sale ({format_money(max(left, 0), cur)})"
                )
            return plan
        return plan_by_amount(states, _money(refund.get("amount"), cur, "amount"), cur, left)
    except LoyaltyError as exc:
        raise Rejected(f"refund: {exc}") from exc


def _quantity(text: Any) -> Decimal:
    try:
        value = Decimal(str(text))
    except InvalidOperation as exc:
        raise Rejected(f"refund: quantity {text!r} is not a number") from exc
    if not value.is_finite():
        raise Rejected(f"refund: quantity {text!r} is not a number")
    if value != value.quantize(_FINEST):
        raise Rejected(f"refund: quantity {text!r} has more decimals than a till keeps")
    return value


def _money(text: Any, cur: Currency, what: str) -> int:
    return money_of(text, cur, what, "refund")


def _compare(refund: Mapping[str, Any], due: WorkedOut) -> None:
    """Refuse a refund whose goods, points or money are not what the sale gives."""
    cur = due.currency
    sent = {e["line"]: _money(e.get("net"), cur, "a line's net") for e in refund.get("lines") or []}
    for i, net in enumerate(due.plan.returned_net):
        if sent.get(i, 0) != net:
            raise Rejected(
                f"refund: line {i} gives back {format_money(sent.get(i, 0), cur)}; "
                f"the sale gives {format_money(net, cur)}"
            )
    if _money(refund.get("amount"), cur, "amount") != due.plan.amount:
        raise Rejected(
            f"refund: amount {refund.get('amount')} is not the goods' "
            f"{format_money(due.plan.amount, cur)}"
        )
    said = (
        refund["reversed"],
        refund["restored"],
        _money(refund.get("paid_back"), cur, "paid_back"),
    )
    if said != (due.reversed, due.restored, due.paid_back):
        raise Rejected(
            f"refund: reversed {said[0]} and restored {said[1]} points, paid back "
            f"{format_money(said[2], cur)}; the sale gives {due.reversed}, {due.restored} "
            f"and {format_money(due.paid_back, cur)}"
        )


def _add(total: Totals, refund: Mapping[str, Any], checked: bool) -> None:
    """Count a refund into its sale's totals (an unchecked one as far as it reads)."""
    total.refunds += 1
    total.unchecked += not checked
    total.reversed += refund["reversed"]
    total.restored += refund["restored"]
    if max(total.reversed, total.restored) > MAX_POINTS:
        raise Rejected(
            f"refund: the sale's refunds would take back or give back more than the "
            f"{MAX_POINTS} points a till keeps"
        )
    total.paid_back += _decimal(refund.get("paid_back"))
    for entry in refund.get("lines") or []:
        if not isinstance(entry, dict) or not isinstance(entry.get("line"), int):
            continue
        qty, net = total.lines.get(str(entry["line"]), ["0", "0"])
        total.lines[str(entry["line"])] = [
            format(Decimal(qty) + _decimal(entry.get("qty")), "f"),
            format(Decimal(net) + _decimal(entry.get("net")), "f"),
        ]


def _decimal(text: Any) -> Decimal:
    """A decimal a refund names; 0 where an unchecked refund's text is no till's number.

    A till's quantities and money have at most 4 decimals and stay far below 10^15; an
    exponent beyond either (``1e999999``) would be written out in full, digit by digit.
    """
    try:
        value = Decimal(str(text))
    except InvalidOperation:
        return Decimal(0)
    if not value.is_finite() or abs(value) >= _LARGEST or value != value.quantize(_FINEST):
        return Decimal(0)
    return value


_LARGEST, _FINEST = Decimal(10) ** 15, Decimal("0.0001")


def _read_totals(
    conn: Connection, claims: Sequence[RefundClaim], now: datetime
) -> dict[tuple[uuid.UUID, uuid.UUID], Totals]:
    """The totals of the claims' sales (one store's: a batch's), locked until the batch commits.

    A sale's first refund finds no row to lock: two batches in flight could both start
    from nothing and the later write undo the other's count. An empty row is made first
    (in sale order), so the second waits for the first and reads what it wrote.
    """
    sales = sorted({c.sale_id for c in claims})
    conn.execute(
        pg_insert(refund_totals).on_conflict_do_nothing(),
        [_empty(claims[0].store_id, sale_id, now) for sale_id in sales],
    )
    rows = conn.execute(
        select(refund_totals)
        .where(
            refund_totals.c.store_id == claims[0].store_id,
            any_of(refund_totals.c.sale_id, "sales"),
        )
        .order_by(refund_totals.c.sale_id)
        .with_for_update(),
        {"sales": sales},
    ).mappings()
    return {
        (r["store_id"], r["sale_id"]): Totals(
            r["refunds"],
            r["unchecked"],
            json.loads(r["lines"]),
            r["reversed"],
            r["restored"],
            Decimal(r["paid_back"]),
        )
        for r in rows
    }


def _empty(store_id: uuid.UUID, sale_id: uuid.UUID, now: datetime) -> dict[str, Any]:
    return {
        "store_id": store_id,
        "sale_id": sale_id,
        "refunds": 0,
        "unchecked": 0,
        "lines": "{}",
        "reversed": 0,
        "restored": 0,
        "paid_back": "0",
        "updated_at": now,
    }


def _applied_digests(
    conn: Connection, claims: Sequence[RefundClaim]
) -> dict[tuple[uuid.UUID, str], str]:
    """The inbox digests of the sales the claims carry, where the server applied them.

    One lookup each, by the store's key index: refunds are few in a batch.
    """
    found = {}
    for store_id, key in sorted({(c.store_id, c.sale_key) for c in claims if c.sale is not None}):
        digest = conn.execute(_APPLIED, {"store": store_id, "key": key}).scalar()
        if digest is not None:
            found[(store_id, key)] = digest
    return found


_APPLIED = select(inbox.c.payload_hash).where(
    inbox.c.store_id == bindparam("store"),
    inbox.c.key == bindparam("key"),
    inbox.c.status == "applied",
)


def _write_totals(
    conn: Connection, totals: Mapping[tuple[uuid.UUID, uuid.UUID], Totals], now: datetime
) -> None:
    for (store_id, sale_id), t in totals.items():  # rows _read_totals made and locked
        conn.execute(
            update(refund_totals)
            .where(refund_totals.c.store_id == store_id, refund_totals.c.sale_id == sale_id)
            .values(
                refunds=t.refunds,
                unchecked=t.unchecked,
                lines=json.dumps(t.lines, sort_keys=True),
                reversed=t.reversed,
                restored=t.restored,
                paid_back=format(t.paid_back, "f"),
                updated_at=now,
            )
        )
