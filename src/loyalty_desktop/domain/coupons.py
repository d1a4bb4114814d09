"""Coupon codes: signed like the member card, digits only, never shaped like a card or a payment code.

The till's scanner and a Chinese input method treat a coupon as they treat a
member card (see ``domain.cards``), so the code is digits only::

    97 | 1 | k | nnnnnnnnnnnn | mmmmmmmmmm | c
    prefix, version, key id, coupon number, HMAC, Luhn check digit

27 digits starting 97: a member card is 26 digits starting 96, and WeChat
(18 digits), Alipay (16–24) and UnionPay (19) codes are shorter. The HMAC is
made with the card keys, so a typed-in number that was never issued here is
refused as forged before the database is asked.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from loyalty_desktop.domain.cards import clean_scan, luhn_digit
from loyalty_desktop.domain.errors import LoyaltyError

PREFIX = "97"
VERSION = "1"
LENGTH = 27
_NUMBER_DIGITS = 12
_MAC_DIGITS = 10
MAX_NUMBER = 10**_NUMBER_DIGITS - 1
# A connected store numbers its coupons in a block of its own (services/coupon_numbers.py);
# a till never connected counts from 1, below every block.
BLOCK = 10**8
LAST_LOCAL = BLOCK - 1


def coupon_block(number: int) -> tuple[int, int]:
    """The first and last coupon number of store ``number``'s block."""
    return number * BLOCK + 1, number * BLOCK + BLOCK - 1


class InvalidCoupon(LoyaltyError):
    """A coupon code that cannot be used: forged, misread, expired, used, someone else's."""

    code = "invalid_coupon"


@dataclass(frozen=True)
class CouponCode:
    """What a genuine coupon code says: its number and the key that signed it."""

    key_id: int
    number: int


def _mac(key: bytes, body: str) -> str:
    digest = hmac.new(key, b"coupon:" + body.encode("ascii"), hashlib.sha256).digest()
    return f"{int.from_bytes(digest[:8], 'big') % 10**_MAC_DIGITS:0{_MAC_DIGITS}d}"


def encode_coupon(coupon: CouponCode, key: bytes) -> str:
    """The digits printed in a coupon's QR code and sent by SMS."""
    if not 0 <= coupon.key_id <= 9:
        raise ValueError("key id is a single digit")
    if not 0 < coupon.number <= MAX_NUMBER:
        raise ValueError("coupon number out of range")
    body = f"{VERSION}{coupon.key_id}{coupon.number:0{_NUMBER_DIGITS}d}"
    payload = PREFIX + body + _mac(key, body)
    return payload + luhn_digit(payload)


def coupon_shaped(text: str) -> bool:
    """Whether a scan or typed text has the shape of a coupon (prefix, length, check digit).

    The till sends such a code to the coupon check, never to the member look-up.
    """
    code = clean_scan(text)
    return (
        len(code) == LENGTH
        and code.isascii()
        and code.isdigit()
        and code.startswith(PREFIX)
        and luhn_digit(code[:-1]) == code[-1]
    )


def looks_like_coupon(text: str) -> bool:
    """Whether a scan was meant as a coupon (prefix and length), even if misread: the till says so."""
    code = clean_scan(text)
    return len(code) == LENGTH and code.isascii() and code.isdigit() and code.startswith(PREFIX)


def decode_coupon(text: str, keys: Mapping[int, bytes]) -> CouponCode:
    """Check a coupon code's signature and say which coupon it is; anything else is refused."""
    code = clean_scan(text)
    if (
        not (code.isascii() and code.isdigit())
        or not code.startswith(PREFIX)
        or len(code) != LENGTH
    ):
        raise InvalidCoupon(
            "not a coupon of this shop: check the code and type it again",
            reason="coupon_not_a_coupon",
        )
    if luhn_digit(code[:-1]) != code[-1]:
        raise InvalidCoupon(
            "the coupon code was misread or mistyped; scan it again", reason="coupon_misread"
        )
    body, mac = code[len(PREFIX) : -1 - _MAC_DIGITS], code[-1 - _MAC_DIGITS : -1]
    key = keys.get(int(body[1])) if body[0] == VERSION else None
    if key is None or not hmac.compare_digest(_mac(key, body), mac):
        raise InvalidCoupon(
            "this coupon was not issued by this shop (forged or altered)",
            reason="coupon_forged",
        )
    return CouponCode(key_id=int(body[1]), number=int(body[2:]))


@dataclass(frozen=True)
class IssuedCoupon:
    """A coupon as stored: whose it is, of which offer, and its redemption once used."""

    number: int
    id: str  # the redemption fact's key across stores
    offer_id: str
    member_id: str
    key_id: int
    issued_at: datetime
    redeemed_at: datetime | None = None
    sale_no: str | None = None
    money_off: int = 0
    points: int = 0
