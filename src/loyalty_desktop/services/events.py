"""Every outbox event type in one place: kind, schema version, payload fields, idempotency key.

An event is an immutable fact for the central server (DESIGN.md: never a
balance or a delta to apply). Each kind has a version and the fields its
payload must carry, so the server can check what it receives and a later
version can add fields without confusing an older reader. Keys make replays
harmless: a fact identified by a UUID derived from this device (a sale, a
refund) keys on that UUID; a fact identified by the caller's id (an
adjustment's or an award's request id) carries the device id in its key, so
two stores that both use request id ``Q1`` never collide. Personal data never
travels in an event: the server reads a member's profile from the members
table, the one record erasure clears.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache

from loyalty_desktop.domain.coupons import IssuedCoupon
from loyalty_desktop.domain.json_data import JsonObject, JsonValue
from loyalty_desktop.domain.ledger import Movement
from loyalty_desktop.domain.member_events import MemberEvent, Signup
from loyalty_desktop.domain.members import Member
from loyalty_desktop.domain.money import Currency, format_money, line_amount
from loyalty_desktop.domain.offer_terms import terms_text
from loyalty_desktop.domain.offers import Offer
from loyalty_desktop.domain.profiles import PROFILE_FIELDS
from loyalty_desktop.domain.sales import Refund, Sale
from loyalty_desktop.services.ports import OutboxEvent as Event

Payload = JsonObject


class EventKind(StrEnum):
    """What happened."""

    SALE = "sale"
    REFUND = "refund"
    ADJUSTMENT = "adjustment"
    ACTIVITY = "activity"
    EXPIRY = "expiry"
    MERGE = "merge"
    MEMBER_ENROLLED = "member.enrolled"
    MEMBER_ERASED = "member.erased"
    CARD_REISSUED = "member.card_reissued"
    PROFILE_CHANGED = "member.profile_changed"
    COUPON_REDEEMED = "coupon.redeemed"
    EVENT_SIGNED_UP = "event.signed_up"
    EVENT_CHECKED_IN = "event.checked_in"
    PROGRAM_LOADED = "program.loaded"
    OFFER_CREATED = "offer.created"
    COUPONS_ISSUED = "coupons.issued"


_STR, _INT, _LIST, _BOOL, _OBJECT = (str,), (int,), (list,), (bool,), (dict,)
_OPT_STR = (str, type(None))


@dataclass(frozen=True)
class EventType:
    """A kind of event at one schema version: the payload fields it must carry, and their JSON types."""

    kind: EventKind
    version: int
    fields: Mapping[str, tuple[type, ...]]
    # fields a later version added: an older till's event of an earlier version has none
    added: Mapping[str, int] = field(default_factory=dict)


_MOVEMENTS = {"movements": _LIST}
EVENT_TYPES: dict[EventKind, EventType] = {
    t.kind: t
    for t in (
        EventType(
            EventKind.SALE,
            1,
            {
                "id": _STR,
                "sale_id": _STR,
                "member_id": _OPT_STR,
                "at": _STR,
                "currency": _STR,
                "lines": _LIST,
                "net": _STR,
                "paid": _STR,
                "earned": _INT,
                "points_redeemed": _INT,
                "device_id": _STR,
                **_MOVEMENTS,
            },
        ),
        EventType(
            EventKind.REFUND,
            2,
            {
                "id": _STR,
                "refund_id": _STR,
                "sale": _STR,
                "member_id": _OPT_STR,
                "at": _STR,
                "amount": _STR,
                "reversed": _INT,
                "restored": _INT,
                **_MOVEMENTS,
                # version 2: what the server needs to work the refund out again
                # (server/refund_checks.py): the sale's event as this till sent it (None if
                # the till has none), how many refunds of the sale came before, how many
                # of the sale's earned points had expired at the till, and when
                "sale_event": (dict, type(None)),
                "refunds_before": _INT,
                "expired": _INT,
                "recorded_at": _STR,  # the till's clock when it recorded the refund
            },
            added={"sale_event": 2, "refunds_before": 2, "expired": 2, "recorded_at": 2},
        ),
        EventType(EventKind.ADJUSTMENT, 1, {"request_id": _STR, **_MOVEMENTS}),
        EventType(EventKind.ACTIVITY, 1, {"activity": _STR, **_MOVEMENTS}),
        EventType(EventKind.EXPIRY, 1, {"member_id": _STR, **_MOVEMENTS}),
        EventType(
            EventKind.MERGE, 1, {"keep": _STR, "other": _STR, "sales_moved": _INT, **_MOVEMENTS}
        ),
        EventType(
            EventKind.MEMBER_ENROLLED,
            1,
            {"id": _STR, "member_no": _STR, "consent": _BOOL, "status": _STR, "created_at": _STR},
        ),
        EventType(EventKind.MEMBER_ERASED, 1, {"member_id": _STR}),
        EventType(EventKind.CARD_REISSUED, 1, {"member_id": _STR, "card_no": _INT, "serial": _INT}),
        EventType(
            EventKind.PROFILE_CHANGED,
            2,
            {
                "member_id": _STR,
                "fields": _LIST,
                "consent": _BOOL,
                "consent_at": _OPT_STR,
                # version 2: the profile as it now is (name, phone, email, birthday), so
                # other stores receive it; version 1 sent field names only
                "profile": _OBJECT,
            },
            added={"profile": 2},
        ),
        EventType(
            EventKind.COUPON_REDEEMED,
            1,
            {
                "coupon_id": _STR,
                "coupon_no": _INT,
                "offer_id": _STR,
                "member_id": _STR,
                "sale": _STR,
                "at": _STR,
                "money_off": _STR,
                "points": _INT,
                **_MOVEMENTS,
            },
        ),
        EventType(
            EventKind.EVENT_SIGNED_UP,
            1,
            {"event_id": _STR, "event": _STR, "starts_at": _STR, "member_id": _STR, "at": _STR},
        ),
        EventType(EventKind.EVENT_CHECKED_IN, 1, {"event_id": _STR, "member_id": _STR, "at": _STR}),
        EventType(EventKind.PROGRAM_LOADED, 1, {"program_version": _INT, "source": _STR}),
        EventType(
            EventKind.OFFER_CREATED,
            1,
            {
                "offer_id": _STR,
                "offer_name": _STR,  # "name" is a person's (PERSONAL_FIELDS)
                "offer_kind": _STR,
                "starts_at": _STR,
                "ends_at": _STR,
                "terms": _STR,
                "created_at": _STR,
            },
        ),
        EventType(
            EventKind.COUPONS_ISSUED,
            1,
            {"offer_id": _STR, "starts_at": _STR, "ends_at": _STR, "coupons": _LIST},
        ),
    )
}

# Fields no event may carry at its top level: the one place personal data travels is
# member.profile_changed's ``profile`` object (erasable on the server and in the outbox).
PERSONAL_FIELDS = frozenset({"name", "phone", "email", "birthday"})


def problems(kind: str, version: int, payload: Mapping[str, object]) -> list[str]:
    """What is wrong with an event's payload for its kind and version (empty: nothing)."""
    try:
        known = EVENT_TYPES[EventKind(kind)]
    except ValueError:
        return [f"unknown event kind {kind!r}"]
    if version > known.version:
        return [f"{kind} version {version} is newer than this program knows ({known.version})"]
    found = []
    for name, types in known.fields.items():
        if name not in payload:
            if version >= known.added.get(name, 1):
                found.append(f"{kind}: missing {name}")
        elif not isinstance(payload[name], types) or (
            isinstance(payload[name], bool) and bool not in types
        ):
            found.append(f"{kind}: {name} has the wrong type")
    found += [
        f"{kind}: carries personal data ({n})" for n in sorted(PERSONAL_FIELDS & set(payload))
    ]
    return found


def _event(kind: EventKind, key: str, at: datetime, payload: Payload) -> Event:
    version = EVENT_TYPES[kind].version
    wrong = problems(kind.value, version, payload)
    if wrong:
        raise ValueError("; ".join(wrong))  # a programming error, caught by the tests
    return Event(str(uuid.uuid4()), kind.value, key, at, payload, version)


def movement_facts(movements: Sequence[Movement]) -> list[JsonValue]:
    """Movements as immutable facts: what moved, in which lots, never a resulting balance."""
    return [
        {
            "id": m.id,
            "member_id": m.member_id,
            "kind": m.kind.value,
            "points": m.points,
            "at": m.at.isoformat(),
            "lots": [
                {
                    "id": lot.id,
                    "points": lot.points,
                    "expires_at": lot.expires_at.isoformat() if lot.expires_at else None,
                    "source": lot.source,
                }
                for lot in m.lots
            ],
            "allocations": [{"lot_id": a.lot_id, "points": a.points} for a in m.allocations],
            "reason": m.reason,
            "activity": m.activity,
            "request_id": m.request_id,
        }
        for m in movements
    ]


@lru_cache(maxsize=50_000)
def _gross(quantity: Decimal, unit_price: Decimal, cur: Currency) -> int:
    """Quantity × unit price in minor units, remembered: an import repeats a few thousand pairs."""
    return line_amount(quantity, unit_price, cur)


def sale_facts(sale: Sale, cur: Currency) -> Payload:
    """The sale as an immutable fact (money as decimal strings)."""
    return {
        "id": sale.id,
        "sale_id": sale.sale_no,
        "member_id": sale.member_id,
        "at": sale.at.isoformat(),
        "currency": cur.code,
        "lines": [
            {
                "sku": s.line.sku,
                "qty": str(s.line.quantity),
                "unit_price": str(s.line.unit_price),
                "category": s.line.category,
                "amount": format_money(s.line.amount, cur),
                # money off this line (amount is qty x unit price less it); optional to readers
                "discount": format_money(
                    _gross(s.line.quantity, s.line.unit_price, cur) - s.line.amount, cur
                ),
                "net": format_money(s.line.net, cur),
            }
            for s in sale.lines
        ],
        "subtotal": format_money(sale.subtotal, cur),
        "discount": format_money(sale.order_discount, cur),
        "tier_discount": format_money(sale.tier_discount, cur),
        "net": format_money(sale.net, cur),
        "points_redeemed": sale.points_redeemed,
        "points_value": format_money(sale.points_value, cur),
        "paid": format_money(sale.paid, cur),
        "earned": sale.earned,
        "tier_before": sale.tier_before,
        "campaigns": list(sale.campaigns),
        # inside points_redeemed and points_value; optional for readers of older events
        "rewards": [
            {"name": r.name, "points": r.points, "value": format_money(r.value, cur)}
            for r in sale.rewards
        ],
        "program_version": sale.program_id,
        # the month only (EarnContext): birthday campaigns, so the server can recompute earning
        "birthday_month": sale.birthday_month,
        "device_id": sale.device_id,
    }


def sale_event(
    sale: Sale,
    cur: Currency,
    movements: Sequence[Movement],
    redemption: Mapping[str, JsonValue] | None = None,
    program_digest: str | None = None,
) -> Event:
    """A sale and the movements it caused (its UUID comes from the device and the sale number).

    ``redemption``: how a connected till let its points through (services/chain_redemption.py:
    ``hold_id`` of the server's hold, or ``redeemed_offline``); absent otherwise.
    ``program_digest``: the SHA-256 of the programme text the sale was earned under, so the
    server checks it against that text even where a restored till gave its version id twice.
    """
    payload = sale_facts(sale, cur)
    payload["movements"] = movement_facts(movements)
    payload.update(redemption or {})
    if program_digest is not None:
        payload["program_digest"] = program_digest
    return _event(EventKind.SALE, sale_key(sale.id), sale.at, payload)


def sale_key(sale_id: str) -> str:
    """The outbox key of a sale's event (the server finds the sale a refund names by it)."""
    return f"sale:{sale_id}"


def refund_event(
    refund: Refund,
    sale: Sale,
    cur: Currency,
    movements: Sequence[Movement],
    basis: RefundBasis,
) -> Event:
    """A refund of a sale and the movements it caused, with what it was worked out from."""
    return _event(
        EventKind.REFUND,
        f"refund:{refund.id}",
        refund.at,
        {
            "id": refund.id,
            "refund_id": refund.refund_no,
            "sale": sale.id,
            "sale_id": sale.sale_no,
            "member_id": sale.member_id,
            "at": refund.at.isoformat(),
            "amount": format_money(refund.amount, cur),
            "lines": [
                {"line": i, "qty": str(q), "net": format_money(n, cur)} for i, q, n in refund.lines
            ],
            "reversed": refund.reversed,
            "restored": refund.restored,
            "paid_back": format_money(refund.paid_back, cur),
            "movements": movement_facts(movements),
            "sale_event": dict(basis.sale_event) if basis.sale_event is not None else None,
            "refunds_before": basis.refunds_before,
            "expired": basis.expired,
            "recorded_at": refund.recorded_at.isoformat(),
        },
    )


@dataclass(frozen=True)
class RefundBasis:
    """What a refund was worked out from, beyond the sale's own numbers.

    ``sale_event``: the sale's event as the till queued it (``version`` and ``payload``),
    so the server can tell it is the sale it received; ``refunds_before``: refunds of the
    sale recorded before this one; ``expired``: the sale's earned points that had expired.
    """

    sale_event: Mapping[str, JsonValue] | None
    refunds_before: int
    expired: int


def adjustment_event(device_id: str, request_id: str, movement: Movement) -> Event:
    """A manual correction; keyed by this device and the caller's request id."""
    return _event(
        EventKind.ADJUSTMENT,
        f"adjust:{device_id}:{request_id}",
        movement.at,
        {"request_id": request_id, "movements": movement_facts([movement])},
    )


def activity_event(device_id: str, request_id: str | None, movement: Movement) -> Event:
    """Activity points; keyed by the request id (with the device) or else the movement's own id."""
    key = f"award:{device_id}:{request_id}" if request_id else f"activity:{movement.id}"
    return _event(
        EventKind.ACTIVITY,
        key,
        movement.at,
        {"activity": movement.activity or "", "movements": movement_facts([movement])},
    )


def expiry_event(member_id: str, at: datetime, movements: Sequence[Movement]) -> Event:
    """Lapsed lots written off for one member (each movement dated when its lot expired)."""
    return _event(
        EventKind.EXPIRY,
        f"expire:{movements[0].id}",
        at,
        {"member_id": member_id, "movements": movement_facts(movements)},
    )


def merge_event(
    keep: Member, other: Member, sales_moved: int, at: datetime, movements: Sequence[Movement]
) -> Event:
    """A duplicate merged into the member kept."""
    return _event(
        EventKind.MERGE,
        f"merge:{other.id}",
        at,
        {
            "keep": keep.id,
            "other": other.id,
            "sales_moved": sales_moved,
            "movements": movement_facts(movements),
        },
    )


def enrolled_event(member: Member, at: datetime) -> Event:
    """A new member: identity and status; the profile travels separately (erasable)."""
    return _event(
        EventKind.MEMBER_ENROLLED,
        f"member:{member.id}",
        at,
        {
            "id": member.id,
            "member_no": member.member_no,
            "consent": member.consent,
            "consent_at": member.consent_at.isoformat() if member.consent_at else None,
            "status": member.status.value,
            "merged_into": member.merged_into,
            "created_at": member.created_at.isoformat(),
            # the number the member's card carries: other stores keep it (card numbers are
            # chain-unique once connected; an older till's event has none)
            "card_no": member.card_no,
        },
    )


def erased_event(member_id: str, at: datetime) -> Event:
    """A member's personal data erased."""
    return _event(EventKind.MEMBER_ERASED, f"erase:{member_id}", at, {"member_id": member_id})


def card_reissued_event(device_id: str, member: Member, at: datetime) -> Event:
    """A new card printed, revoking the old one; keyed with this device (card numbers are local)."""
    return _event(
        EventKind.CARD_REISSUED,
        f"card:{device_id}:{member.id}:{member.card_no}:{member.card_serial}",
        at,
        {"member_id": member.id, "card_no": member.card_no, "serial": member.card_serial},
    )


def profile_changed_event(
    member: Member, fields: Sequence[str], at: datetime, key: str | None = None
) -> Event:
    """A member's profile edited: which fields changed, and the whole profile and consent now.

    The whole profile, not only what changed, so the change the server applies last is
    the profile every store ends with. The values are personal data: the server keeps
    them in a record of their own that erasure deletes, and an erasure here scrubs them
    from the outbox (``privacy.forget_outbox_profiles``). Each edit is its own fact, keyed by its own id.
    """
    return _event(
        EventKind.PROFILE_CHANGED,
        key or f"profile:{uuid.uuid4()}",
        at,
        {
            "member_id": member.id,
            "fields": list(fields),
            "consent": member.consent,
            "consent_at": member.consent_at.isoformat() if member.consent_at else None,
            "profile": {
                "name": member.name,
                "phone": member.phone,
                "email": member.email,
                "birthday": member.birthday.isoformat() if member.birthday else None,
            },
        },
    )


def enrolment_profile_event(member: Member, at: datetime) -> Event:
    """A new member's profile, for the other stores: the fields given at enrolment.

    Keyed by the member (a member is enrolled once), so the same enrolment gives the same fact.
    """
    given = [f for f in PROFILE_FIELDS if getattr(member, f) is not None]
    return profile_changed_event(member, given, at, key=f"profile:enrolled:{member.id}")


def coupon_event(
    coupon_id: str,
    coupon_no: int,
    offer_id: str,
    member_id: str,
    sale: Sale,
    money_off: str,
    movements: Sequence[Movement],
) -> Event:
    """A coupon used by a sale, keyed by the coupon and the sale.

    The server's inbox is per store, so the key cannot make two uses clash; the server's
    ``coupon_redemptions`` does, across stores. With the sale in the key, a second use at
    this same store (a till restored from a backup) is applied and flagged like one at
    another store, instead of being held as a reused key with another payload.
    """
    return _event(
        EventKind.COUPON_REDEEMED,
        f"coupon:{coupon_id}:{sale.id}",
        sale.at,
        {
            "coupon_id": coupon_id,
            "coupon_no": coupon_no,
            "offer_id": offer_id,
            "member_id": member_id,
            "sale": sale.id,
            "at": sale.at.isoformat(),
            "money_off": money_off,
            "points": sum(m.points for m in movements),
            "movements": movement_facts(movements),
        },
    )


def signed_up_event(event: MemberEvent, signup: Signup) -> Event:
    """A member given a place at a member event; one place per event and member, keyed by both."""
    return _event(
        EventKind.EVENT_SIGNED_UP,
        f"signup:{event.id}:{signup.member_id}",
        signup.signed_up_at,
        {
            "event_id": event.id,
            "event": event.name,
            "starts_at": event.starts_at.isoformat(),
            "member_id": signup.member_id,
            "at": signup.signed_up_at.isoformat(),
        },
    )


def checked_in_event(event: MemberEvent, member_id: str, at: datetime) -> Event:
    """A member let in at the door, on the first scan only (attendance points travel as activity)."""
    return _event(
        EventKind.EVENT_CHECKED_IN,
        f"checkin:{event.id}:{member_id}",
        at,
        {"event_id": event.id, "member_id": member_id, "at": at.isoformat()},
    )


def program_loaded_event(program_version: int, source: str, at: datetime) -> Event:
    """The programme file this till earns by, as loaded, under its local version id.

    It travels in order with the sales, so the server has version N before the first sale
    made under it and can recompute what each sale earned. Each sending is its own fact
    (a new programme, or the one in force sent again on ``sync connect``), so the key is
    the event's own id; the server keeps one text per store and version.
    """
    return _event(
        EventKind.PROGRAM_LOADED,
        f"program:{program_version}:{uuid.uuid4()}",
        at,
        {"program_version": program_version, "source": source},
    )


def offer_created_event(offer: Offer, key: str | None = None) -> Event:
    """An offer as stored here (its terms' text too), so another store applies the same rules.

    Keyed by the offer when created (``key``: when sent again before an issue's coupons);
    the server keeps the first definition it gets.
    """
    return _event(
        EventKind.OFFER_CREATED,
        key or f"offer:{offer.id}",
        offer.created_at or offer.starts_at,
        {
            "offer_id": offer.id,
            "offer_name": offer.name,
            "offer_kind": offer.kind.value,
            "starts_at": offer.starts_at.isoformat(),
            "ends_at": offer.ends_at.isoformat(),
            "terms": terms_text(offer),
            "created_at": (offer.created_at or offer.starts_at).isoformat(),
        },
    )


COUPONS_PER_EVENT = 100  # an issue to 50,000 members is 500 facts of about 20 KB each


def coupons_issued_events(offer: Offer, issued: Sequence[IssuedCoupon]) -> list[Event]:
    """Coupons an issue gave, by member id only (no personal data), a hundred per fact.

    Each fact is keyed by its first coupon's id (coupon ids are UUIDs made here). Validity
    is the offer's: its start and end travel with the coupons.
    """
    chunks = [issued[i : i + COUPONS_PER_EVENT] for i in range(0, len(issued), COUPONS_PER_EVENT)]
    return [
        _event(
            EventKind.COUPONS_ISSUED,
            f"coupons:{chunk[0].id}",
            chunk[0].issued_at,
            {
                "offer_id": offer.id,
                "starts_at": offer.starts_at.isoformat(),
                "ends_at": offer.ends_at.isoformat(),
                "coupons": [
                    {
                        "id": c.id,
                        "number": c.number,
                        "member_id": c.member_id,
                        "key_id": c.key_id,
                        "issued_at": c.issued_at.isoformat(),
                    }
                    for c in chunk
                ],
            },
        )
        for chunk in chunks
    ]
