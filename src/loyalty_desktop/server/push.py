"""Applying a store's batch of events: each in its own savepoint, with its inbox row, in one transaction.

The inbox row is written first: it claims ``(store, key)``, so a second worker posting
the same event at the same moment waits on the unique index and then finds it as a
duplicate instead of applying it twice. A key seen before with the same payload gets
the first answer again; with a different payload it is a conflict (409) and the new
payload is quarantined. An event the server refuses is rolled back alone and recorded
as rejected, so the rest of the batch is applied and the store is not blocked.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from typing import Any

from sqlalchemy import (
    BigInteger,
    Connection,
    Numeric,
    Select,
    String,
    Uuid,
    bindparam,
    cast,
    func,
    literal,
    select,
    true,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.exc import IntegrityError

from loyalty_desktop.domain.cards import MAX_CARD_NO
from loyalty_desktop.domain.coupons import MAX_NUMBER
from loyalty_desktop.server import coupons
from loyalty_desktop.server.bulk import any_of, arrays, columns_of, insert_from_arrays
from loyalty_desktop.server.cards import KIND as CARD_KIND
from loyalty_desktop.server.cards import card_row, write_cards
from loyalty_desktop.server.change_log import log_changes, logged_movements
from loyalty_desktop.server.facts import (
    Rejected,
    as_moment,
    as_uuid,
    check_event,
    event_digest,
    event_text,
)
from loyalty_desktop.server.holds import commit_holds
from loyalty_desktop.server.limits import (
    MAX_POINTS,
    balance_out_of_range,
    check_balances,
    check_enrolment,
    check_storable,
    storable_seq,
    storable_text,
)
from loyalty_desktop.server.lots import check_lots, follow_lots, without_lots
from loyalty_desktop.server.numbers import claim_numbers
from loyalty_desktop.server.offers import KINDS as OFFER_KINDS
from loyalty_desktop.server.offers import offer_fact, write_offer_facts
from loyalty_desktop.server.parking import settle
from loyalty_desktop.server.profiles import KIND as PROFILE_KIND
from loyalty_desktop.server.profiles import (
    erase_duplicates,
    erase_members,
    profile_row,
    withheld,
    write_profiles,
)
from loyalty_desktop.server.programs import (
    KIND as PROGRAM_KIND,
)
from loyalty_desktop.server.programs import (
    StorePrograms,
    earn_checked,
    program_row,
    versions_named,
    write_programs,
)
from loyalty_desktop.server.refund_checks import RefundClaim, check_refunds, claim_of
from loyalty_desktop.server.reviews import flag_overdrawn
from loyalty_desktop.server.tables import (
    balances,
    erasures,
    inbox,
    ledger,
    member_profiles,
    members,
    quarantine,
)

MAX_BATCH = 100
OFFER_ID_LENGTH = 64  # coupon_redemptions.offer_id


@dataclass(frozen=True)
class WireEvent:
    """One outbox event as a store sends it."""

    id: uuid.UUID
    device_id: uuid.UUID
    seq: int
    kind: str
    version: int
    key: str
    at: datetime
    payload: Mapping[str, Any]

    @cached_property
    def canonical(self) -> str:
        """What the event says as one JSON text (kind, version, key, payload; keys sorted)."""
        return event_text(self.kind, self.version, self.key, self.payload)

    @cached_property
    def _digest(self) -> str:
        return event_digest(self.canonical)

    def digest(self) -> str:
        """A hash of what the event says (not of when it was sent); worked out once."""
        return self._digest


@dataclass(frozen=True)
class EventResult:
    """The server's answer for one event: applied, duplicate, rejected or conflict (409)."""

    id: uuid.UUID
    key: str
    status: str
    reason: str | None = None
    first: str | None = None  # for a duplicate: what the first delivery got


def push_batch(
    conn: Connection, store_id: uuid.UUID, events: Sequence[WireEvent]
) -> list[EventResult]:
    """Apply a batch (at most MAX_BATCH events) inside the caller's transaction."""
    results: list[EventResult] = []
    touched: dict[uuid.UUID, str] = {}
    profiled: set[uuid.UUID] = set()  # members whose profile changed: their log rows say so
    used: list[dict[str, Any]] = []  # coupons' uses, for the pull log
    applied: list[dict[str, Any]] = []  # ledger rows written, for the pull log
    now = datetime.now(UTC)
    if not events:
        return results
    seen = {
        r.key: r for r in conn.execute(_seen_keys(store_id, [storable_text(e.key) for e in events]))
    }
    versions = versions_named((e.kind, e.payload) for e in events)
    # Only events not seen before can move points: a replayed batch locks and writes nothing.
    _lock_balances(conn, [e for e in events if storable_text(e.key) not in seen])
    whole = (
        _whole_batch(conn, store_id, events, now, StorePrograms.read(conn, store_id, versions))
        if not seen
        else None
    )
    if whole is not None:
        results, written = whole
        touched, used, applied = written.touched(), written.coupon_log, written.ledger
        profiled = {r["member_id"] for r in written.profiles}
    else:
        # read again: the whole-batch try may have counted programmes it then rolled back
        known = StorePrograms.read(conn, store_id, versions)
        for event in events:
            result, rows = _one(
                conn, store_id, event, now, seen.get(storable_text(event.key)), known
            )
            results.append(result)
            if rows is None:
                continue
            used += rows.coupon_log
            applied += rows.ledger
            profiled |= {r["member_id"] for r in rows.profiles}
            for member_id, kind in rows.touched().items():
                if touched.get(member_id) != "member":  # an enrolment outranks a balance change
                    touched[member_id] = kind
    if touched or used:
        log_changes(conn, store_id, touched, used, logged_movements(applied, now), profiled)
    return results


def _lock_balances(conn: Connection, events: Sequence[WireEvent]) -> None:
    """Lock the balance rows of the members the batch names, in member order, before anything.

    Events are applied in the order they come (one by one when a batch holds a replay), so
    two batches naming members A…J and J…A took the rows in opposite orders and deadlocked;
    taking them all first in one order makes the second batch wait instead. Members the
    batch enrols or first pays have no row yet and need none.
    """
    named = sorted(_members_named(events))
    if named:
        # A member with no points movement yet has no row to lock: give them one first, or a
        # merge and the duplicate's first sale at another store pass each other unseen (and
        # an erasure and the member's first profile: _NAMED).
        conn.execute(_OPEN_BALANCES, {"ids": named})
        conn.execute(_LOCK_BALANCES, {"ids": named}).all()


# Every member named, known here or not: a member whose enrolment is in a batch still in
# flight is locked too, so that batch and one erasing the member (two batches of one till
# committed out of order) go one after the other and each sees what the other wrote; apart,
# the erasure found no profile to delete and the profile no erasure to refuse it (attack15).
_NAMED = func.unnest(bindparam("ids", type_=ARRAY(Uuid))).table_valued("id").render_derived("named")
_OPEN_BALANCES = (
    pg_insert(balances)
    .from_select(
        ["member_id", "points"],
        select(_NAMED.c.id, literal(0, BigInteger)).order_by(_NAMED.c.id),
    )
    .on_conflict_do_nothing()
)
_LOCK_BALANCES = (
    select(balances.c.member_id)
    .where(any_of(balances.c.member_id, "ids"))
    .order_by(balances.c.member_id)
    .with_for_update()
)


def _members_named(events: Sequence[WireEvent]) -> set[uuid.UUID]:
    """Every well-formed member id an event's payload or its movements name (the rest is checked later)."""
    found: set[uuid.UUID] = set()
    for event in events:
        p = event.payload
        texts = [p.get("member_id"), p.get("other"), p.get("keep")]
        moves = p.get("movements")
        if isinstance(moves, list):
            texts += [m.get("member_id") for m in moves if isinstance(m, Mapping)]
        for text in texts:
            try:
                found.add(uuid.UUID(str(text)))
            except ValueError:
                continue
    return found


def _seen_keys(store_id: uuid.UUID, keys: list[str]) -> Select[Any]:
    """The inbox rows of these keys, in one query with one index probe per key.

    `key IN (...100 keys...)` was planned as a scan of the store's whole inbox whenever the
    table's statistics were stale (a fresh or busy server whose autovacuum has not analysed it
    yet), so each batch read every event the store had ever sent. A lateral join over the keys
    leaves the planner one choice: look each key up in `inbox_store_key`.
    """
    wanted = (
        func.unnest(bindparam("keys", keys, type_=ARRAY(String)))
        .table_valued("key")
        .render_derived("wanted")
    )
    found = (
        select(inbox.c.key, inbox.c.payload_hash, inbox.c.status, inbox.c.reason)
        .where(inbox.c.store_id == store_id, inbox.c.key == wanted.c.key)
        .limit(1)
        .lateral("found")
    )
    return select(found).select_from(wanted).join(found, true())


def _whole_batch(
    conn: Connection,
    store_id: uuid.UUID,
    events: Sequence[WireEvent],
    now: datetime,
    known: StorePrograms,
) -> tuple[list[EventResult], Rows] | None:
    """The common case in a few statements: every event new, none clashing in the database.

    All inbox rows, ledger rows and balances are written in one savepoint with one
    statement each. If any inbox key was claimed meanwhile by another worker, or a row
    clashes, the savepoint is rolled back and None sends the batch down the per-event path,
    so every answer is the one the per-event savepoints would give.
    """
    if len({e.key for e in events}) != len(events) or len({e.id for e in events}) != len(events):
        return None
    results, rows, inbox_rows = [], Rows([], []), []
    for event in events:
        try:
            found = facts_rows(store_id, event, known)
        except Rejected as exc:
            results.append(EventResult(event.id, event.key, "rejected", exc.reason))
            inbox_rows.append(_inbox_row(store_id, event, now, "rejected", exc.reason))
            continue
        known.add(found.programs)  # the batch's later sales are checked against it
        results.append(EventResult(event.id, event.key, "applied"))
        inbox_rows.append(_inbox_row(store_id, event, now, "applied", None))
        rows.members += found.members
        rows.ledger += found.ledger
        rows.sales += found.sales
        rows.refunds += found.refunds
        rows.merges += found.merges
        rows.coupons += found.coupons
        rows.programs += found.programs
        rows.erased += found.erased
        rows.holds += found.holds
        rows.profiles += found.profiles
        rows.cards += found.cards
        rows.offer_facts += found.offer_facts
        rows.refund_claims += found.refund_claims
    saved = conn.begin_nested()
    try:
        claimed = conn.execute(_CLAIM, arrays(inbox_rows, INBOX_COLUMNS)).all()
        if len(claimed) != len(events):
            saved.rollback()
            return None
        write_rows(conn, rows, now)
        saved.commit()
    except (IntegrityError, Rejected):  # the per-event path finds the event and refuses it alone
        saved.rollback()
        return None
    return results, rows


INBOX_COLUMNS = tuple(c.name for c in inbox.c)
_CLAIM = insert_from_arrays(inbox, INBOX_COLUMNS).on_conflict_do_nothing().returning(inbox.c.key)


def _inbox_row(
    store_id: uuid.UUID, event: WireEvent, now: datetime, status: str, reason: str | None
) -> dict[str, Any]:
    return {
        "store_id": store_id,
        "event_id": event.id,
        # a rejected event's values as the inbox can keep them (server/limits.py)
        "key": storable_text(event.key),
        "device_id": event.device_id,
        "seq": storable_seq(event.seq),
        "kind": storable_text(event.kind),
        "version": event.version,
        "payload_hash": event.digest(),
        "status": status,
        "reason": storable_text(reason) if reason is not None else None,
        "received_at": now,
    }


def _one(
    conn: Connection,
    store_id: uuid.UUID,
    event: WireEvent,
    now: datetime,
    seen: Any,
    known: StorePrograms,
) -> tuple[EventResult, Rows | None]:
    digest = event.digest()
    if seen is not None:
        return _again(conn, store_id, event, digest, seen, now), None
    saved = conn.begin_nested()
    try:
        conn.execute(inbox.insert().values(_inbox_row(store_id, event, now, "applied", None)))
        rows = facts_rows(store_id, event, known)
        write_rows(conn, rows, now)
        saved.commit()
        known.add(rows.programs)
        return EventResult(event.id, event.key, "applied"), rows
    except IntegrityError:
        # Another worker claimed the key (or this event id) first and has committed.
        saved.rollback()
        seen = _seen(conn, store_id, storable_text(event.key)) or _seen_id(conn, store_id, event.id)
        if seen is not None:
            return _again(conn, store_id, event, digest, seen, now), None
        reason = "a movement of this event was already recorded by another event"
    except Rejected as exc:
        saved.rollback()
        reason = exc.reason
    with conn.begin_nested():
        conn.execute(inbox.insert().values(_inbox_row(store_id, event, now, "rejected", reason)))
    return EventResult(event.id, event.key, "rejected", reason), None


def _seen(conn: Connection, store_id: uuid.UUID, key: str) -> Any:
    q = select(inbox.c.payload_hash, inbox.c.status, inbox.c.reason).where(
        inbox.c.store_id == store_id, inbox.c.key == key
    )
    return conn.execute(q).first()


def _seen_id(conn: Connection, store_id: uuid.UUID, event_id: uuid.UUID) -> Any:
    q = select(inbox.c.payload_hash, inbox.c.status, inbox.c.reason).where(
        inbox.c.store_id == store_id, inbox.c.event_id == event_id
    )
    return conn.execute(q).first()


def _again(
    conn: Connection, store_id: uuid.UUID, event: WireEvent, digest: str, seen: Any, now: datetime
) -> EventResult:
    if seen.payload_hash == digest:
        return EventResult(event.id, event.key, "duplicate", seen.reason, first=seen.status)
    conn.execute(
        pg_insert(quarantine)
        .values(
            store_id=store_id,
            event_id=event.id,
            key=storable_text(event.key),
            payload=json.dumps(
                {
                    "kind": event.kind,
                    "version": event.version,
                    "payload": withheld(event.kind, event.payload),
                }
            ),
            received_at=now,
        )
        .on_conflict_do_nothing()
    )
    if event.kind == coupons.KIND:
        try:  # a quarantined payload is unread: read it as an applied one would be
            check_storable(
                event.kind, event.seq, event.key, event.at, event.payload, event.canonical
            )
            check_event(event.kind, event.version, event.payload)
            used = _redemption(store_id, event)
        except Rejected:
            pass  # nothing readable to flag: the quarantine keeps it for a person
        else:
            coupons.record_quarantined(conn, used, now)
    return EventResult(
        event.id, event.key, "conflict", "this key was sent before with a different payload"
    )


@dataclass
class Rows:
    """What applying some events writes: members enrolled, ledger rows, balance changes."""

    members: list[dict[str, Any]]
    ledger: list[dict[str, Any]]
    sales: list[dict[str, Any]] = field(default_factory=list)
    refunds: list[dict[str, Any]] = field(default_factory=list)  # their rows wait for the sale
    merges: list[dict[str, Any]] = field(default_factory=list)  # duplicate -> kept (merges.py)
    coupons: list[dict[str, Any]] = field(default_factory=list)  # coupons used (coupons.py)
    coupon_log: list[dict[str, Any]] = field(default_factory=list)  # filled by write_rows
    programs: list[dict[str, Any]] = field(default_factory=list)  # versions sent (programs.py)
    erased: list[uuid.UUID] = field(default_factory=list)  # members erased at a store
    holds: list[tuple[uuid.UUID, uuid.UUID, str]] = field(
        default_factory=list
    )  # store, hold, sale key
    profiles: list[dict[str, Any]] = field(default_factory=list)  # profiles.py
    cards: list[dict[str, Any]] = field(default_factory=list)  # cards reprinted (cards.py)
    offer_facts: list[dict[str, Any]] = field(default_factory=list)  # offers.py, in order sent
    refund_claims: list[RefundClaim] = field(default_factory=list)  # refund_checks.py

    def touched(self) -> dict[uuid.UUID, str]:
        """The members whose record or balance changed (a record change outranks a balance)."""
        found = {r["member_id"]: "balance" for r in self.ledger}
        found.update({r["id"]: "member" for r in self.members})
        found.update(dict.fromkeys(self.erased, "member"))
        found.update({r["member_id"]: "member" for r in self.merges})
        found.update({r["member_id"]: "member" for r in self.profiles})
        found.update({r["member_id"]: "member" for r in self.cards})
        return found


def facts_rows(store_id: uuid.UUID, event: WireEvent, known: StorePrograms) -> Rows:
    """Check an event and turn it into rows (no database work); Rejected if it cannot be applied.

    ``known``: the store's programme versions, to recompute what a member's sale earned.
    """
    check_storable(event.kind, event.seq, event.key, event.at, event.payload, event.canonical)
    check_event(event.kind, event.version, event.payload)
    p = event.payload
    rows = Rows([], [])
    if event.kind == PROGRAM_KIND:
        rows.programs.append(program_row(store_id, p))
    if event.kind == "member.enrolled":
        check_enrolment(p)
        rows.members.append(
            {
                "id": as_uuid(p["id"], "member id"),
                "member_no": p["member_no"],
                "home_store": store_id,
                "status": p["status"],
                "consent": p["consent"],
                "created_at": as_moment(p["created_at"], "created_at"),
                "card_no": _card_no(p.get("card_no")),
            }
        )
    moves = [
        {
            "member_id": as_uuid(m["member_id"], "movement member"),
            "id": as_uuid(m["id"], "movement id"),
            "store_id": store_id,
            "kind": m["kind"],
            "points": m["points"],
            "at": as_moment(m.get("at") or event.at.isoformat(), "movement at"),
            "event_key": event.key,
            # the sale it belongs to, for the pull log (not a ledger column)
            "sale": p.get("id") if event.kind == "sale" else p.get("sale"),
            # the lots it opened and took from, as sent (server/lots.py keeps them)
            "lots": m.get("lots") or [],
            "allocations": m.get("allocations") or [],
        }
        for m in p.get("movements", [])
    ]
    for m in p.get("movements", []):
        check_lots(m)
    # A walk-in sale (no card) and its refund move no points: nothing to park or release.
    if event.kind == "sale" and p["member_id"] is not None:
        rows.sales.append(
            {
                "member_id": as_uuid(p["member_id"], "sale member"),
                "id": as_uuid(p["id"], "sale id"),
                "store_id": store_id,
                "earn_checked": earn_checked(p, known),  # Rejected if the programme disagrees
            }
        )
    # A redemption made online names the hold the till was given (server/holds.py).
    if event.kind == "sale" and p.get("hold_id") is not None:
        rows.holds.append((store_id, as_uuid(p["hold_id"], "hold id"), event.key))
    if event.kind == coupons.KIND:
        rows.coupons.append(_redemption(store_id, event))
    if event.kind == CARD_KIND:
        rows.cards.append(card_row(store_id, event.device_id, event.seq, event.key, p))
    if event.kind == PROFILE_KIND:
        rows.profiles.append(profile_row(store_id, event.device_id, event.seq, event.key, p))
    if event.kind in OFFER_KINDS:
        rows.offer_facts.append(offer_fact(store_id, event.kind, p))
    if event.kind == "member.erased":
        rows.erased.append(as_uuid(p["member_id"], "erased member"))
    if event.kind == "merge":
        other, keep = as_uuid(p["other"], "merged member"), as_uuid(p["keep"], "kept member")
        if other == keep:
            raise Rejected("merge: a member cannot be merged into themselves")
        rows.merges.append(
            {"member_id": other, "kept_id": keep, "store_id": store_id, "merged_at": event.at}
        )
    if event.kind == "refund" and p["member_id"] is not None:
        sale_id = as_uuid(p["sale"], "refunded sale")
        rows.refund_claims.append(claim_of(store_id, sale_id, p, known))
        rows.refunds.append(
            {
                "member_id": as_uuid(p["member_id"], "refund member"),
                "sale_id": sale_id,
                "event_key": event.key,
                "store_id": store_id,
                "ledger": moves,
            }
        )
    else:
        rows.ledger += moves
    return rows


def _card_no(value: Any) -> int | None:
    """An enrolment's card number (what the member's card carries), or None from an older till."""
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not 0 < value < MAX_CARD_NO:
        raise Rejected("member.enrolled: card_no is not a card number")
    return value


def write_rows(conn: Connection, rows: Rows, now: datetime) -> None:
    """Write members, sales, ledger rows and the balances they move (one statement each).

    Refunds of sales not seen yet are parked; rows parked for the sales written here are
    added to ``rows.ledger`` (so ``rows.touched()`` names their members too). Coupons used
    are claimed, or their later use recorded, and listed in ``rows.coupon_log``.
    """
    if rows.programs:
        write_programs(conn, rows.programs, now)
    if rows.members:
        named = columns_of(members, rows.members)
        conn.execute(
            insert_from_arrays(members, named).on_conflict_do_nothing(),
            arrays(rows.members, named),
        )
        claim_numbers(conn, rows.members, now)  # a number another member holds is flagged
        # an erasure that arrived before the enrolment (batches committed out of order) wins
        # (one array parameter, so every batch size sends the same statement text)
        conn.execute(
            update(members)
            .where(
                any_of(members.c.id, "new"),
                members.c.id.in_(
                    select(erasures.c.member_id).where(any_of(erasures.c.member_id, "new"))
                ),
            )
            .values(status="erased"),
            {"new": [r["id"] for r in rows.members]},
        )
        # a profile change that arrived before the enrolment holds the later consent
        conn.execute(
            update(members)
            .where(any_of(members.c.id, "new"), members.c.id == member_profiles.c.member_id)
            .values(consent=member_profiles.c.consent),
            {"new": [r["id"] for r in rows.members]},
        )
    # Statuses follow the stores' facts, so other stores learn them by pull (privacy: an
    # erasure must reach every till that holds the member's personal data).
    # Profiles before erasures: an erasure in the same batch deletes what they kept.
    if rows.profiles:
        write_profiles(conn, rows.profiles, now)
    if rows.cards:
        write_cards(conn, rows.cards, now)
    if rows.erased:
        erase_members(conn, rows.erased, now)
    merged = [r["member_id"] for r in rows.merges]
    if merged:
        conn.execute(
            update(members)
            .where(members.c.id.in_(merged), members.c.status != "erased")
            .values(status="closed")
        )
    if rows.offer_facts:  # before the uses: a batch may issue a coupon and then use it
        rows.coupon_log += write_offer_facts(conn, rows.offer_facts, now)
    if rows.coupons:
        rows.coupon_log += coupons.record_redemptions(conn, rows.coupons, now)
    if rows.holds:
        commit_holds(conn, rows.holds, now)
    if rows.sales or rows.refunds or rows.merges:
        rows.ledger += settle(conn, rows.sales, rows.refunds, now, rows.merges)
    if rows.refund_claims:  # after settle: it records the batch's merges
        check_refunds(conn, rows.refund_claims, now)  # Rejected if one says other points
    if rows.erased or rows.merges:
        # a duplicate merged into an erased member is erased too, whichever came first
        rows.erased += erase_duplicates(conn, rows.erased, rows.merges, now)
    if not rows.ledger:
        return
    rows.ledger += follow_lots(conn, rows.ledger, now)
    written = [without_lots(r) for r in rows.ledger]
    named = columns_of(ledger, written)
    conn.execute(insert_from_arrays(ledger, named), arrays(written, named))
    add_to_balances(conn, rows.ledger, now)


def add_to_balances(conn: Connection, moves: Sequence[Mapping[str, Any]], now: datetime) -> None:
    """Add ledger rows' points to their members' balances; flag a member who goes below zero."""
    moved: dict[uuid.UUID, int] = {}
    for r in moves:
        moved[r["member_id"]] = moved.get(r["member_id"], 0) + r["points"]
    check_balances(moved)
    ordered = sorted(moved.items())
    now_held = conn.execute(
        _ADD_TO_BALANCES,
        {"member_id": [k for k, _ in ordered], "points": [v for _, v in ordered]},
    ).all()
    if len(now_held) != len(ordered):  # a balance the tills could not hold: not changed
        held = {r.member_id for r in now_held}
        raise balance_out_of_range([k for k, _ in ordered if k not in held])
    flag_overdrawn(conn, [(r.member_id, r.points) for r in now_held], now)


_ADDING = insert_from_arrays(balances, ("member_id", "points"))
_ADD_TO_BALANCES = _ADDING.on_conflict_do_update(
    index_elements=[balances.c.member_id],
    set_={"points": balances.c.points + _ADDING.excluded.points},
    # numeric: a balance written before the bound (2**62) must not overflow the check itself
    where=func.abs(cast(balances.c.points, Numeric) + _ADDING.excluded.points) <= MAX_POINTS,
).returning(balances.c.member_id, balances.c.points)


def _redemption(store_id: uuid.UUID, event: WireEvent) -> dict[str, Any]:
    """The ``coupon_redemptions`` row a coupon.redeemed event asks for (its schema checked)."""
    p = event.payload
    if not 0 < p["coupon_no"] <= MAX_NUMBER or len(p["offer_id"]) > OFFER_ID_LENGTH:
        raise Rejected("coupon.redeemed: coupon_no or offer_id out of range")
    return {
        "coupon_id": as_uuid(p["coupon_id"], "coupon id"),
        "coupon_no": p["coupon_no"],
        "offer_id": p["offer_id"],
        "member_id": as_uuid(p["member_id"], "coupon member"),
        "store_id": store_id,
        "sale_id": as_uuid(p["sale"], "coupon sale"),
        "event_key": event.key,
        "at": as_moment(p["at"], "coupon at"),
    }
