"""Offers and coupons the stores issue: kept and put in the pull log, so every store honours them.

A store sends ``offer.created`` (the offer as it stores it: name, kind, dates and the terms'
JSON text, read with the till's own ``domain.offer_terms``) and ``coupons.issued`` (up to a
hundred coupons of one issue: id, number, member id, key id, when; member ids only). The
server checks each value against what a till can read back, keeps the first definition of
an offer (the same offer sent again, by its store or by another that issued it, is nothing
new) and each coupon once (by id), and logs only what is new: an ``offer`` change, then a
``coupons`` change with the coupons this push added. Coupons of an offer the server does
not hold yet (the store's batches committed out of order, two in flight, or a store that
never sent it) are kept but not logged until their offer arrives: no till could honour
them without it.
Uses travel as before (``coupon.redeemed``, server/coupons.py): the first use claims the
coupon chain-wide.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert

from loyalty_desktop.domain.coupons import LAST_LOCAL, MAX_NUMBER, coupon_block
from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.domain.offer_terms import offer_from_terms
from loyalty_desktop.domain.offers import MAX_NAME, check_offer
from loyalty_desktop.server.facts import Rejected, as_moment, as_uuid
from loyalty_desktop.server.limits import MAX_COUPON_KEY_ID, MAX_OFFER_TERMS, check_moment
from loyalty_desktop.server.tables import issued_coupons, offers, stores
from loyalty_desktop.services.events import COUPONS_PER_EVENT, EventKind

OFFER_KIND = EventKind.OFFER_CREATED.value
COUPONS_KIND = EventKind.COUPONS_ISSUED.value
KINDS = frozenset({OFFER_KIND, COUPONS_KIND})
NO_MEMBER = uuid.UUID(int=0)  # the change log's member for a change that is no member's


def offer_fact(store_id: uuid.UUID, kind: str, p: Mapping[str, Any]) -> dict[str, Any]:
    """The rows an offer.created or coupons.issued event asks for (checked; no database work)."""
    if kind == OFFER_KIND:
        return {"offer": _offer_row(store_id, p)}
    return {"coupons": _coupon_rows(store_id, p), "offer_id": as_uuid(p["offer_id"], "offer id")}


def _offer_row(store_id: uuid.UUID, p: Mapping[str, Any]) -> dict[str, Any]:
    name, terms = p["offer_name"], p["terms"]
    if not 0 < len(name) <= MAX_NAME or len(terms) > MAX_OFFER_TERMS:
        raise Rejected(f"offer.created: name 1 to {MAX_NAME} characters, terms {MAX_OFFER_TERMS}")
    starts, ends = _moment(p["starts_at"], "starts_at"), _moment(p["ends_at"], "ends_at")
    created = _moment(p["created_at"], "created_at")
    offer_id = as_uuid(p["offer_id"], "offer id")
    try:  # read as a till reads it, and refused as a till refuses a new offer
        check_offer(
            offer_from_terms(str(offer_id), name, p["offer_kind"], starts, ends, terms, created)
        )
    except (LoyaltyError, KeyError, TypeError, ValueError, ArithmeticError) as exc:
        raise Rejected(f"offer.created: the offer cannot be read ({str(exc)[:120]})") from exc
    return {
        "id": offer_id,
        "store_id": store_id,
        "name": name,
        "kind": p["offer_kind"],
        "starts_at": starts,
        "ends_at": ends,
        "terms": terms,
        "created_at": created,
    }


def _coupon_rows(store_id: uuid.UUID, p: Mapping[str, Any]) -> list[dict[str, Any]]:
    sent = p["coupons"]
    if not 0 < len(sent) <= COUPONS_PER_EVENT:
        raise Rejected(f"coupons.issued: 1 to {COUPONS_PER_EVENT} coupons per event")
    offer_id = as_uuid(p["offer_id"], "offer id")
    rows = []
    for c in sent:
        if not isinstance(c, dict):
            raise Rejected("coupons.issued: a coupon is not an object")
        number, key_id = _whole(c.get("number")), _whole(c.get("key_id"))
        if not 0 < number <= MAX_NUMBER:
            raise Rejected("coupons.issued: a coupon number out of range")
        if not 0 <= key_id <= MAX_COUPON_KEY_ID:
            raise Rejected("coupons.issued: a key id out of range")
        rows.append(
            {
                "id": as_uuid(c.get("id"), "coupon id"),
                "number": number,
                "offer_id": offer_id,
                "member_id": as_uuid(c.get("member_id"), "coupon member"),
                "store_id": store_id,
                "key_id": key_id,
                "issued_at": _moment(c.get("issued_at"), "issued_at"),
            }
        )
    if len({r["id"] for r in rows}) != len(rows):
        raise Rejected("coupons.issued: a coupon id twice")
    return rows


def _whole(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise Rejected("coupons.issued: a coupon's number and key id are whole numbers")
    return value


def _moment(text: Any, what: str) -> datetime:
    moment = as_moment(text, what)
    check_moment(moment, what)
    return moment


def write_offer_facts(
    conn: Connection, facts: Sequence[Mapping[str, Any]], now: datetime
) -> list[dict[str, Any]]:
    """Keep new offers and coupons, in the order sent; the pull-log entries for what was new.

    Coupons of an offer the server does not hold yet are kept and wait: a store's batches
    may commit out of order (two in flight), so the coupons can come before their offer.
    They are logged with the offer when it arrives. Each offer's facts take a lock on the
    offer's id first, so an offer and its coupons written at the same moment by two
    workers see each other: whichever commits second logs the coupons.
    """
    log: list[dict[str, Any]] = []
    for fact in facts:
        offer_id = fact["offer"]["id"] if "offer" in fact else fact["offer_id"]
        conn.execute(_LOCK_OFFER, {"key": _lock_key(offer_id)})
        if "offer" in fact:
            row = {**fact["offer"], "received_at": now}
            added = conn.execute(
                pg_insert(offers).on_conflict_do_nothing().returning(offers.c.id), row
            ).first()
            if added is None:
                continue  # the first definition stands
            log.append(_log_entry("offer", _offer_body(row)))
            waited = conn.execute(
                select(issued_coupons)
                .where(issued_coupons.c.offer_id == offer_id)
                .order_by(issued_coupons.c.number)
            ).all()
            if waited:  # coupons that came before their offer
                log.append(
                    _log_entry("coupons", _coupons_body(row, [dict(w._mapping) for w in waited]))
                )
            continue
        _numbers_of_the_store(conn, fact["coupons"])
        new = set(
            conn.execute(
                pg_insert(issued_coupons).on_conflict_do_nothing().returning(issued_coupons.c.id),
                [{**c, "received_at": now} for c in fact["coupons"]],
            ).scalars()
        )
        offer = conn.execute(select(offers).where(offers.c.id == offer_id)).first()
        if new and offer is not None:
            added_now = [c for c in fact["coupons"] if c["id"] in new]
            log.append(_log_entry("coupons", _coupons_body(dict(offer._mapping), added_now)))
    return log


def _numbers_of_the_store(conn: Connection, coupons: Sequence[Mapping[str, Any]]) -> None:
    """Rejected unless each coupon number in the blocks lies in the sending store's and is free.

    A connected till numbers in its store's block, so a number in another store's block is
    forged, and one another coupon holds was given out twice (a till restored from a backup);
    either would make another store's slip unusable. Numbers below every block (a till
    never connected counts from 1) may repeat across stores: the pull keeps such a clash aside.
    """
    in_blocks = [c for c in coupons if c["number"] > LAST_LOCAL]
    if not in_blocks:
        return
    store_id = in_blocks[0]["store_id"]
    store_no = conn.execute(select(stores.c.store_no).where(stores.c.id == store_id)).scalar()
    first, last = coupon_block(store_no) if store_no is not None else (0, -1)
    if any(not first <= c["number"] <= last for c in in_blocks):
        raise Rejected("coupons.issued: a coupon number outside this store's block")
    taken = conn.execute(
        select(issued_coupons.c.number).where(
            issued_coupons.c.number.in_([c["number"] for c in in_blocks]),
            issued_coupons.c.id.not_in([c["id"] for c in in_blocks]),
        )
    ).first()
    if taken is not None:
        raise Rejected(f"coupons.issued: coupon number {taken[0]} is another coupon's")


def _lock_key(offer_id: uuid.UUID) -> int:
    """A bigint for the offer's advisory lock (its id's first eight bytes, signed)."""
    return int.from_bytes(offer_id.bytes[:8], "big", signed=True)


_LOCK_OFFER = text("select pg_advisory_xact_lock(:key)")


def _log_entry(kind: str, body: dict[str, Any]) -> dict[str, Any]:
    return {"kind": kind, "member_id": NO_MEMBER, "body": body}


def _offer_body(row: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "offer_id": str(row["id"]),
        "offer_name": row["name"],
        "offer_kind": row["kind"],  # "kind" is the change's own
        "starts_at": row["starts_at"].isoformat(),
        "ends_at": row["ends_at"].isoformat(),
        "terms": row["terms"],
        "created_at": row["created_at"].isoformat(),
    }


def _coupons_body(offer: Mapping[str, Any], new: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The coupons with the validity the server holds for their offer (its first definition)."""
    return {
        "offer_id": str(offer["id"]),
        "starts_at": offer["starts_at"].isoformat(),
        "ends_at": offer["ends_at"].isoformat(),
        "coupons": [
            {
                "id": str(c["id"]),
                "number": c["number"],
                "member_id": str(c["member_id"]),
                "key_id": c["key_id"],
                "issued_at": c["issued_at"].isoformat(),
            }
            for c in new
        ],
    }
