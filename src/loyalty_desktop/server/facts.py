"""Checking an event's facts with the core's own rules before the server believes them.

The server does not take a store's numbers on trust: the payload must fit its kind
and version (services/events.py), a sale's line amounts are recomputed from quantity
and unit price with the domain's rounding, what was paid must be what was due less
the points' value, and the points the sale says it earned and redeemed must be the
points its movements move. What a sale earned is recomputed from the store's programme
in server/programs.py (it needs the store's programme versions from the database).
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.domain.money import Currency, format_money, line_amount, parse_money
from loyalty_desktop.services.events import problems

EARN_KINDS = frozenset({"earn"})
REDEEM_KINDS = frozenset({"redeem"})
REVERSAL_KINDS = frozenset({"refund_reversal"})
RESTORE_KINDS = frozenset({"refund_restore"})
EXPIRE_KINDS = frozenset({"expire"})
REFUND_KINDS = REVERSAL_KINDS | RESTORE_KINDS | EXPIRE_KINDS


def event_text(kind: str, version: int, key: str, payload: Mapping[str, Any]) -> str:
    """What an event says as one JSON text (kind, version, key, payload; keys sorted)."""
    return json.dumps([kind, version, key, payload], sort_keys=True, separators=(",", ":"))


def event_digest(text: str) -> str:
    """The digest the inbox keeps of an event's text (a refund's carried sale is matched by it)."""
    return hashlib.sha256(text.encode()).hexdigest()


class Rejected(Exception):
    """An event the server will not apply; ``reason`` goes back to the store."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def check_event(kind: str, version: int, payload: Mapping[str, Any]) -> None:
    """Refuse a payload that does not fit its kind, or a sale whose numbers do not add up."""
    wrong = problems(kind, version, payload)
    if wrong:
        raise Rejected("; ".join(wrong))
    for m in payload.get("movements", []):
        _check_movement(m)
    if kind == "sale":
        _check_sale(payload)
    if kind == "refund":
        _check_refund(payload)
    if kind == "coupon.redeemed":
        _check_coupon_use(payload)


def _check_movement(m: Any) -> None:
    if not isinstance(m, dict):
        raise Rejected("a movement is not an object")
    for name, types in (("id", str), ("member_id", str), ("kind", str), ("points", int)):
        if not isinstance(m.get(name), types) or isinstance(m.get(name), bool):
            raise Rejected(f"movement: {name} is missing or has the wrong type")


def money_of(text: Any, cur: Currency, what: str, kind: str = "sale") -> int:
    """An amount an event names, in minor units; Rejected (naming the kind and ``what``) if not one."""
    if not isinstance(text, str):
        raise Rejected(f"{kind}: {what} is not a decimal string")
    try:
        return parse_money(text, cur)
    except LoyaltyError as exc:
        raise Rejected(f"{kind}: {what}: {exc}") from exc


def _check_sale(p: Mapping[str, Any]) -> None:
    try:
        cur = Currency.of(p["currency"])
    except LoyaltyError as exc:
        raise Rejected(f"sale: {exc}") from exc
    for i, line in enumerate(p["lines"], start=1):
        _check_line(i, line, cur)
    net, paid = money_of(p["net"], cur, "net"), money_of(p["paid"], cur, "paid")
    value = money_of(p.get("points_value", "0"), cur, "points_value")
    if paid != net - value:
        raise Rejected(
            f"sale: paid {p['paid']} is not net {p['net']} less the points' value "
            f"{format_money(value, cur)}"
        )
    if p["earned"] < 0 or p["points_redeemed"] < 0:
        raise Rejected("sale: earned and redeemed points cannot be negative")
    moves: Sequence[Mapping[str, Any]] = p["movements"]
    earned = sum(m["points"] for m in moves if m["kind"] in EARN_KINDS)
    redeemed = -sum(m["points"] for m in moves if m["kind"] in REDEEM_KINDS)
    if earned != p["earned"] or redeemed != p["points_redeemed"]:
        raise Rejected(
            f"sale: says earned {p['earned']} and redeemed {p['points_redeemed']}, "
            f"its movements earn {earned} and redeem {redeemed}"
        )
    _own_member("sale", p["member_id"], moves)
    for m in moves:  # what a sale posts (services/checkout.py); credits only by its earn
        fits = _SALE_MOVES.get(m["kind"])
        if fits is None or not fits(m["points"]):
            raise Rejected(f"sale: a {m['kind']} movement of {m['points']} points is not a sale's")


# A sale's movements: its earn (a credit), its redemption, the points an unlinked return
# takes back, and lapsed lots a till before expiry events of their own wrote with it.
_SALE_MOVES: dict[str, Callable[[int], bool]] = {
    "earn": lambda points: points >= 0,  # a till posts none of 0 points; harmless if sent
    "redeem": lambda points: points <= 0,
    "return_reversal": lambda points: points <= 0,
    "expire": lambda points: points <= 0,
}


def _check_refund(p: Mapping[str, Any]) -> None:
    """A refund moves only its own member's points: what it says it reversed and restored.

    Its movements may also expire the member's lapsed lots (opening the account at the
    till expires them first), never credit anything else.
    """
    moves: Sequence[Mapping[str, Any]] = p["movements"]
    _own_member("refund", p["member_id"], moves)
    if p["reversed"] < 0 or p["restored"] < 0:
        raise Rejected("refund: reversed and restored points cannot be negative")
    for m in moves:
        if m["kind"] not in REFUND_KINDS or (m["kind"] in EXPIRE_KINDS and m["points"] > 0):
            raise Rejected(f"refund: a {m['kind']} movement of {m['points']} points")
        if _coupon_back(m) and m["points"] > 0:
            raise Rejected(f"refund: a coupon take-back of +{m['points']} points")
    # A coupon's points taken back with the goods are reversals too, but not the sale's
    # earned points that "reversed" counts (services/coupons.coupon_points_back).
    reversed_ = -sum(
        m["points"] for m in moves if m["kind"] in REVERSAL_KINDS and not _coupon_back(m)
    )
    restored = sum(m["points"] for m in moves if m["kind"] in RESTORE_KINDS)
    if reversed_ != p["reversed"] or restored != p["restored"]:
        raise Rejected(
            f"refund: says reversed {p['reversed']} and restored {p['restored']}, "
            f"its movements reverse {reversed_} and restore {restored}"
        )


def _check_coupon_use(p: Mapping[str, Any]) -> None:
    """A coupon's use credits its member's bonus points and nothing else, as it says (none below 0).

    What the bonus should be is the offer's (a store's own terms, like an adjustment's
    amount): the store's token vouches for it. What must hold whatever the terms is checked.
    """
    moves: Sequence[Mapping[str, Any]] = p["movements"]
    _own_member("coupon.redeemed", p["member_id"], moves)
    for m in moves:
        if m["kind"] != "activity" or m.get("activity") != "coupon" or m["points"] < 0:
            raise Rejected(
                f"coupon.redeemed: a {m['kind']} movement of {m['points']} points is no "
                "coupon's bonus"
            )
    credited = sum(m["points"] for m in moves)
    if credited != p["points"]:
        raise Rejected(
            f"coupon.redeemed: says {p['points']} points, its movements credit {credited}"
        )


def _own_member(kind: str, member_id: Any, moves: Sequence[Mapping[str, Any]]) -> None:
    """Every movement of the event moves its own member's points."""
    if any(m["member_id"] != member_id for m in moves):
        raise Rejected(f"{kind}: a movement belongs to another member")


def _coupon_back(m: Mapping[str, Any]) -> bool:
    return m["kind"] in REVERSAL_KINDS and m.get("activity") == "coupon"


def _check_line(i: int, line: Any, cur: Currency) -> None:
    if not isinstance(line, dict):
        raise Rejected(f"sale: line {i} is not an object")
    try:
        qty, price = Decimal(line["qty"]), Decimal(line["unit_price"])
    except (KeyError, TypeError, InvalidOperation) as exc:
        raise Rejected(f"sale: line {i} has no readable qty and unit_price") from exc
    gross = line_amount(qty, price, cur)
    # A line discount (a damaged item) is inside the amount; events of tills before it was
    # sent have none, so their amount must be the gross as before.
    off = line.get("discount", "0")
    expected = gross - money_of(off, cur, f"line {i} discount")
    low, high = sorted((0, gross))  # a returned item's line is negative
    amount = money_of(line.get("amount"), cur, f"line {i} amount")
    if not low <= expected <= high or amount != expected:
        less = f" less its discount {off}" if off != "0" else ""
        raise Rejected(
            f"sale: line {i} amount {line.get('amount')} is not {qty} x {price} "
            f"({format_money(gross, cur)}){less}"
        )


def as_uuid(text: Any, what: str) -> uuid.UUID:
    """A UUID an event names; Rejected (naming ``what``) if it is not one."""
    try:
        return uuid.UUID(str(text))
    except ValueError as exc:
        raise Rejected(f"{what} {text!r} is not a UUID") from exc


def as_moment(text: Any, what: str) -> datetime:
    """An ISO 8601 moment with a time zone an event names; Rejected (naming ``what``) if not."""
    try:
        moment = datetime.fromisoformat(str(text))
    except ValueError as exc:
        raise Rejected(f"{what} {text!r} is not an ISO 8601 moment") from exc
    if moment.tzinfo is None:
        raise Rejected(f"{what} {text!r} has no time zone")
    return moment
