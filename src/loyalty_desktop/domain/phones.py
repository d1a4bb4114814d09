"""Phone numbers as cashiers type them: spaces, dashes and +86 ignored; masked when listed."""

from __future__ import annotations

import re
import unicodedata

from loyalty_desktop.domain.errors import InvalidRequest

_NOISE = re.compile(r"[\s\-().·/]")
MIN_DIGITS, MAX_DIGITS = 5, 15


def ascii_digits(text: str) -> str:
    """``text`` with every decimal digit of any script as its ASCII digit (``١٣٨`` is ``138``).

    NFKC folds full-width digits but leaves Arabic-Indic, Devanagari… as typed,
    and ``str.isdigit`` accepts them: stored so, a phone escapes the same-phone
    checks and the last-four search.
    """
    if text.isascii():
        return text
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)


def normalize_phone(text: str) -> str:
    """Digits only, without a Chinese country prefix (+86, 0086, 86) in front of a mobile number."""
    cleaned = _NOISE.sub("", ascii_digits(unicodedata.normalize("NFKC", text)))
    if cleaned.startswith("+"):
        cleaned = cleaned[1:]
    elif cleaned.startswith("00"):
        cleaned = cleaned[2:]
    # The number is never repeated: it is a member's personal data, or a payment code.
    if not (cleaned.isascii() and cleaned.isdigit()):
        raise InvalidRequest(
            "that is not a phone number (only digits, spaces, dashes and +86)",
            reason="phone_not_digits",
            field="phone",
        )
    if len(cleaned) == 13 and cleaned.startswith("861"):
        cleaned = cleaned[2:]
    if not MIN_DIGITS <= len(cleaned) <= MAX_DIGITS:
        raise InvalidRequest(
            f"that is not a phone number ({MIN_DIGITS} to {MAX_DIGITS} digits)",
            reason="phone_length",
            field="phone",
            minimum=MIN_DIGITS,
            maximum=MAX_DIGITS,
        )
    return cleaned


def looks_like_phone(text: str) -> bool:
    """Whether text could be a phone number (so a failed lookup means 'no such member')."""
    try:
        normalize_phone(text)
    except InvalidRequest:
        return False
    return True


def is_phone_shaped(text: str) -> bool:
    """Whether an identifier could be read as a phone number someone would type.

    Mobile and long-distance numbers have 11 digits or more (138 0013 8000,
    010-6552-1234, +86 …); shorter all-digit numbers are what member numbers
    look like, and a look-up that matches both a number and a phone says so.
    """
    stripped = text.strip()
    if stripped.startswith("+"):
        return looks_like_phone(stripped)
    digits = _NOISE.sub("", ascii_digits(unicodedata.normalize("NFKC", stripped)))
    return digits.isdigit() and len(digits) >= 11


def phone_tail(phone: str) -> str:
    """The last four digits, which cashiers search by."""
    return phone[-4:]


def mask_phone(phone: str) -> str:
    """138****5678: enough for a member to recognise their number, not enough to read it off."""
    if len(phone) <= 4:
        return "*" * len(phone)
    head = phone[:3] if len(phone) >= 10 else phone[:1]
    return head + "*" * (len(phone) - len(head) - 4) + phone[-4:]
