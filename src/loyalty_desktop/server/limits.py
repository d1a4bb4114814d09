"""What the server can store and its tills can read back: every value checked before it is written.

An event with a value the database cannot hold (a seq past the bigint, NUL in a text, a
string longer than its column, a moment past year 9999 in UTC) used to answer 500 for the
whole batch, on every retry, so the store's queue never moved again. A value the database
holds but a till cannot read (an empty movement kind, a sale link that is not an id, more
points than a till keeps for a member) was applied and logged, and every other till's pull
then stopped on that page. Such an event is now rejected alone, with its reason
(docs/sync.md, "What the server refuses"); the rest of its batch goes on.

The bounds are the tills' own where they have one (``postings.MAX_MEMBER_TOTAL``, the money
and quantity parsers, the member number's length), else the server's columns.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from loyalty_desktop.domain.ledger import MovementKind
from loyalty_desktop.domain.members import MemberStatus
from loyalty_desktop.domain.money import MAX_MINOR_UNITS, MAX_QUANTITY
from loyalty_desktop.server.facts import Rejected, as_moment
from loyalty_desktop.services.members import MAX_MEMBER_NO
from loyalty_desktop.services.postings import MAX_MEMBER_TOTAL

MAX_SEQ = 2**63 - 1  # inbox.seq: a bigint
# A till keeps a member's balance within ±10**17 points; so does the server, and so every
# movement, lot and allocation it takes (the sum of a batch stays far inside a bigint).
MAX_POINTS = MAX_MEMBER_TOTAL
# Moments a till can read back and the server can add a lot's life to: inside these
# (in UTC) with room to spare, whatever the offset they were written with. A till whose
# clock was reset to 1970 still gets its sales applied.
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
LATEST = datetime(9000, 1, 1, tzinfo=UTC)
MOVEMENT_KINDS = frozenset(k.value for k in MovementKind)
MEMBER_STATUSES = frozenset(s.value for s in MemberStatus)
NUL = "\x00"
# A code point of the surrogate range, which only a JSON escape with no pair ("\ud800") gives
# in a Python string: UTF-8 cannot write it, so neither PostgreSQL nor the answer can hold it.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def storable_text(text: str) -> str:
    """Text the database can keep: NUL and lone surrogates (no UTF-8 for them) shown as U+FFFD.

    For the inbox row of a rejected event (its key, kind and reason), so the refusal itself
    can be recorded and the store's retry finds it as a duplicate.
    """
    if NUL in text:
        text = text.replace(NUL, "\ufffd")
    return LONE_SURROGATE.sub("\ufffd", text)


def storable_seq(seq: int) -> int:
    """A rejected event's seq as the inbox can keep it (the reason says it was out of range)."""
    return max(0, min(seq, MAX_SEQ))


def check_storable(
    kind: str,
    seq: int,
    key: str,
    at: datetime,
    payload: Mapping[str, Any],
    canonical: str | None = None,
) -> None:
    """Refuse an event with a value the server cannot store or its tills cannot read back.

    ``canonical``: the event as JSON text if the caller has it (its digest's), so the look
    for NUL need not write the payload out again.
    """
    if not 1 <= seq <= MAX_SEQ:
        raise Rejected(f"seq {seq} is beyond what the server keeps (1 to 2**63 - 1)")
    text = json.dumps(payload) if canonical is None else canonical  # written out once
    if NUL in key or NUL in kind or _has_nul(payload, text):
        raise Rejected("the event carries a NUL character, which no till writes")
    if LONE_SURROGATE.search(key + kind) or _has_surrogate(payload, text):
        raise Rejected("the event carries half of a UTF-16 pair (a lone surrogate), not text")
    check_moment(at, "event at")
    moves = payload.get("movements")
    for m in moves if isinstance(moves, list) else []:
        if isinstance(m, dict):
            _check_movement(m)
    for name in ("earned", "points_redeemed", "reversed", "restored", "points"):
        _check_points(payload.get(name), name)
    sale = payload.get("id") if kind == "sale" else payload.get("sale")
    if sale is not None:
        _check_id(sale, "sale")
    if isinstance(payload.get("lines"), list):
        for i, line in enumerate(payload["lines"], start=1):
            if isinstance(line, dict):
                _check_line(kind, i, line)
    if isinstance(payload.get("at"), str):
        _check_text_moment(payload["at"], "at")


def check_enrolment(payload: Mapping[str, Any]) -> None:
    """A member.enrolled event's number and status as a till holds them."""
    number, status = payload["member_no"], payload["status"]
    if not 0 < len(number) <= MAX_MEMBER_NO:
        raise Rejected(f"member.enrolled: member_no must be 1 to {MAX_MEMBER_NO} characters")
    if status not in MEMBER_STATUSES:
        raise Rejected(f"member.enrolled: status {status[:20]!r} is not a member status")
    check_moment(as_moment(payload["created_at"], "created_at"), "created_at")


def check_moment(moment: datetime, what: str) -> None:
    """Refuse a moment a till could not read back (outside years 1900 to 9000 in UTC)."""
    try:
        utc = moment.astimezone(UTC)
    except (OverflowError, ValueError) as exc:
        raise Rejected(f"{what} {moment.isoformat()} is out of range") from exc
    if not EARLIEST <= utc < LATEST:
        raise Rejected(f"{what} {moment.isoformat()} is outside the years 1900 to 9000")


def check_balances(moved: Mapping[uuid.UUID, int]) -> None:
    """Refuse what moves one member more points at once than a till's balance can hold."""
    for member_id, points in moved.items():
        if abs(points) > MAX_POINTS:
            raise Rejected(
                f"points: member {member_id}'s balance would move by {points}, beyond the "
                f"±{MAX_POINTS} a till keeps"
            )


def balance_out_of_range(member_ids: list[uuid.UUID]) -> Rejected:
    """The refusal of a change that would carry a balance past what a till keeps."""
    named = ", ".join(str(m) for m in member_ids[:3])
    return Rejected(
        f"points: the balance of member {named} would leave the ±{MAX_POINTS} a till keeps"
    )


def _check_movement(m: Mapping[str, Any]) -> None:
    kind = m.get("kind")
    if isinstance(kind, str) and kind not in MOVEMENT_KINDS:
        raise Rejected(f"movement: kind {kind[:30]!r} is not a movement kind a till writes")
    _check_points(m.get("points"), "movement points")
    if isinstance(m.get("at"), str):
        _check_text_moment(m["at"], "movement at")
    for lot in m.get("lots") or []:
        if isinstance(lot, dict):
            points = lot.get("points")
            if isinstance(points, int) and not 0 <= points <= MAX_POINTS:
                raise Rejected(f"movement: a lot of {points} points")
            if isinstance(lot.get("expires_at"), str):
                _check_text_moment(lot["expires_at"], "movement: lot expires_at")
    for allocation in m.get("allocations") or []:
        if isinstance(allocation, dict):
            _check_points(allocation.get("points"), "allocation points")


def _check_text_moment(text: str, what: str) -> None:
    """A moment given as text, if it reads (one that does not is refused where it is used)."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return
    if moment.tzinfo is not None:
        check_moment(moment, what)


def _check_points(points: Any, what: str) -> None:
    if isinstance(points, int) and abs(points) > MAX_POINTS:
        raise Rejected(f"{what} {points} beyond the ±{MAX_POINTS} a till keeps")


def _check_id(text: Any, what: str) -> None:
    try:
        uuid.UUID(str(text))
    except ValueError as exc:
        raise Rejected(f"{what} {str(text)[:40]!r} is not an id") from exc


# What a till writes (the domain's parsers: a quantity of up to 7 digits and 3 decimals, a
# unit price of up to 16 and 4): taken at a glance; anything else is read as a Decimal.
_PLAIN = {
    "qty": re.compile(r"-?\d{1,7}(\.\d{1,3})?"),
    "unit_price": re.compile(r"-?\d{1,15}(\.\d{1,4})?"),
}


def _check_line(kind: str, i: int, line: Mapping[str, Any]) -> None:
    """A line's quantity and unit price finite and within the till's bounds (NaN, 1E+100000000)."""
    for name, largest in (("qty", MAX_QUANTITY), ("unit_price", MAX_MINOR_UNITS)):
        text = line.get(name)
        if isinstance(text, str) and _PLAIN[name].fullmatch(text):
            continue
        try:
            value = Decimal(str(text))
        except InvalidOperation:
            continue  # not a number at all: facts.py refuses it
        exponent = value.as_tuple().exponent
        if (
            not value.is_finite()
            or value.copy_abs() > largest  # exact: abs() rounds, and 1E+100000000 overflows
            or (isinstance(exponent, int) and exponent < -12)
        ):
            raise Rejected(f"{kind}: line {i} {name} {str(line.get(name))[:30]} is out of range")


def _has_nul(payload: Mapping[str, Any], text: str) -> bool:
    """Whether a NUL is in any text of the payload (its JSON ``text`` escapes it: looked at first)."""
    return "\\u0000" in text and _nul_in(payload)


def _has_surrogate(payload: Mapping[str, Any], text: str) -> bool:
    """Whether a text of the payload holds a lone surrogate (JSON escapes every surrogate)."""
    return "\\ud" in text and _surrogate_in(payload)


def _surrogate_in(value: Any) -> bool:
    return any(LONE_SURROGATE.search(text) for text in _texts(value))


def _nul_in(value: Any) -> bool:
    return any(NUL in text for text in _texts(value))


def _texts(value: Any) -> Iterator[str]:
    """Every string of a JSON value, keys too, walked without recursion.

    A payload nested a thousand deep (JSON allows it) must be rejected alone, not end in
    RecursionError: a 500 for the whole batch on every retry.
    """
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


# Offers and their coupons (server/offers.py): the till's own bounds.
MAX_OFFER_TERMS = 256_000  # an audience list of 10,000 member numbers is about 150 KB
MAX_COUPON_KEY_ID = 9  # the code's key id is one digit
