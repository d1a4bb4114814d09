"""Member card codes: signed, digits only, never shaped like a payment code.

A USB scanner types the code as keystrokes and a Chinese input method in
pinyin mode swallows letters, never digits, so the code is all digits::

    96 | 1 | k | nnnnnnnnnn | s | mmmmmmmmmm | c
    prefix, version, key id, card number, card serial, HMAC, Luhn check digit

26 digits starting 96: WeChat (18 digits, 10–15…), Alipay (16–24 digits,
25–30…) and UnionPay (19 digits, 62…) codes can never look like this. The
serial lets a reprinted card revoke the old one.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from loyalty_desktop.domain.errors import InvalidCard, PaymentCode

PREFIX = "96"
VERSION = "1"
LENGTH = 26
_MAC_DIGITS = 10
_CARD_DIGITS = 10
MAX_CARD_NO = 10**_CARD_DIGITS  # card numbers are below it
MAX_CARD_SERIAL = 9  # one digit: a reprint past it takes a new card number
_INVISIBLE = re.compile(r"[\s\x00-\x1f\x7f]")


@dataclass(frozen=True)
class CardCode:
    """What a valid member card code says: which card, which printing."""

    key_id: int
    card_no: int
    serial: int


def clean_scan(text: str) -> str:
    """A scan as the till received it, made comparable: full-width folded, case folded, blanks removed."""
    return _INVISIBLE.sub("", unicodedata.normalize("NFKC", text)).casefold()


def payment_kind(code: str) -> str | None:
    """Name the payment app a scanned code belongs to, or None if it is not payment-shaped."""
    if not code.isdigit():
        return None
    head = int(code[:2]) if len(code) >= 2 else -1
    if len(code) == 18 and 10 <= head <= 15:
        return "WeChat Pay"
    if 16 <= len(code) <= 24 and 25 <= head <= 30:
        return "Alipay"
    if len(code) == 19 and code.startswith("62"):
        return "UnionPay"
    return None


def repeatable(text: str) -> str | None:
    """``text`` if a refusal may repeat it; None if it is shaped like a payment code, never repeated."""
    return None if payment_kind(clean_scan(text)) is not None else text


def quoted(text: str) -> str:
    """``text`` quoted for a refusal's message, or "a payment code" when it is shaped like one."""
    return "a payment code" if repeatable(text) is None else repr(text)


def luhn_digit(digits: str) -> str:
    """The Luhn check digit for a string of digits (catches any single mistyped digit)."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def _mac(key: bytes, body: str) -> str:
    digest = hmac.new(key, body.encode("ascii"), hashlib.sha256).digest()
    return f"{int.from_bytes(digest[:8], 'big') % 10**_MAC_DIGITS:0{_MAC_DIGITS}d}"


def encode_card(card: CardCode, key: bytes) -> str:
    """The digits printed in a member's QR code."""
    if not 0 <= card.key_id <= 9 or not 0 <= card.serial <= MAX_CARD_SERIAL:
        raise ValueError("key id and serial are single digits")
    if not 0 < card.card_no < MAX_CARD_NO:
        raise ValueError("card number out of range")
    body = f"{VERSION}{card.key_id}{card.card_no:0{_CARD_DIGITS}d}{card.serial}"
    payload = PREFIX + body + _mac(key, body)
    return payload + luhn_digit(payload)


def card_shaped(text: str) -> bool:
    """Whether a scan has the exact shape of our member card (prefix, length, check digit).

    The till uses it to send a card to the member look-up even while an item
    field has focus: no product barcode is 26 digits starting 96 with our check
    digit. It says nothing about whether the card is genuine.
    """
    code = clean_scan(text)
    return (
        len(code) == LENGTH
        and code.isascii()
        and code.isdigit()
        and code.startswith(PREFIX)
        and luhn_digit(code[:-1]) == code[-1]
    )


def looks_like_card(text: str) -> bool:
    """Whether a reference was meant as a scanned card (so a failure is 'invalid card')."""
    code = clean_scan(text)
    return (code.startswith(PREFIX) and len(code) >= 20) or len(code) >= 16


def decode_card(text: str, keys: Mapping[int, bytes]) -> CardCode:
    """Check a scanned code and say which card it is; anything else is refused, never a crash.

    Raises ``PaymentCode`` for payment-shaped codes (the caller must not store or
    log them) and ``InvalidCard`` for foreign, tampered, truncated or random codes.
    """
    code = clean_scan(text)
    kind = payment_kind(code)
    if kind is not None:
        raise PaymentCode(
            f"this is a {kind} payment code, not a member card",
            reason="payment_code_not_card",
            kind=kind,
        )
    if not (code.isascii() and code.isdigit()) or not code.startswith(PREFIX):
        raise InvalidCard(
            "not a valid member card: not one of this shop's codes", reason="card_foreign"
        )
    if len(code) != LENGTH:
        raise InvalidCard(
            "not a valid member card: the code is incomplete; scan it again",
            reason="card_incomplete",
        )
    if luhn_digit(code[:-1]) != code[-1]:
        raise InvalidCard(
            "not a valid member card: the code was misread; scan it again", reason="card_misread"
        )
    body, mac = code[len(PREFIX) : -1 - _MAC_DIGITS], code[-1 - _MAC_DIGITS : -1]
    if body[0] != VERSION:
        raise InvalidCard(
            "not a valid member card: unknown card version", reason="card_unknown_version"
        )
    key_id = int(body[1])
    key = keys.get(key_id)
    if key is None or not hmac.compare_digest(_mac(key, body), mac):
        raise InvalidCard(
            "not a valid member card: not issued by this shop", reason="card_not_issued_here"
        )
    card_no = int(body[2 : 2 + _CARD_DIGITS])
    return CardCode(key_id=key_id, card_no=card_no, serial=int(body[-1]))
