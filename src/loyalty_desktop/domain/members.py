"""Members: who they are, how their personal data may be used, and how two records merge."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum

from loyalty_desktop.domain.errors import InvalidRequest

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
ERASED_NAME = "(erased)"
# Letters by their Unicode category that show as nothing (Default_Ignorable code points).
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0")
MAX_NAME = 100
MAX_EMAIL = 254  # the longest address mail can carry (RFC 5321); the column's width


class MemberStatus(StrEnum):
    """Whether a member can take part in new activity."""

    ACTIVE = "active"
    CLOSED = "closed"  # merged into another member
    ERASED = "erased"  # personal data removed on request


@dataclass
class Member:
    """A member with cached ledger totals (``loyalty check`` verifies them against the ledger)."""

    id: str
    member_no: str
    card_no: int
    name: str
    created_at: datetime
    phone: str | None = None
    email: str | None = None
    birthday: date | None = None
    consent: bool = False
    consent_at: datetime | None = None
    card_serial: int = 0
    status: MemberStatus = MemberStatus.ACTIVE
    merged_into: str | None = None
    tier: str | None = None
    balance: int = 0
    lifetime_spend: int = 0
    points_earned: int = 0
    last_movement_at: datetime | None = None

    @property
    def active(self) -> bool:
        """Whether the member may buy, earn and spend."""
        return self.status is MemberStatus.ACTIVE


def _shown(text: str) -> str:
    """Every whitespace character as a space; control and format characters and blank letters gone."""
    return "".join(
        " " if char.isspace() else char
        for char in text
        if char.isspace()
        or (unicodedata.category(char) not in ("Cc", "Cf") and char not in _BLANK_LETTERS)
    )


def visible_name(name: str) -> str:
    """A name as it shows: NFKC, without control or format characters, single spaces, trimmed.

    Zero-width spaces, joiners, byte order marks, direction marks and Hangul
    fillers go; an ideographic space is a space. It never refuses: an empty
    result means nothing of the name would show.
    """
    # Normalised again after the gaps are gone so a mark meets its letter.
    cleaned = _shown(unicodedata.normalize("NFKC", _shown(name)))
    return " ".join(cleaned.split())


def has_letter_or_digit(text: str) -> bool:
    """Whether any character is a letter or a digit (Unicode categories L* and N*)."""
    return any(unicodedata.category(char)[0] in "LN" for char in text)


def check_name(name: str) -> str:
    """A member's name as it shows (``visible_name``): a letter or digit, at most 100 characters."""
    cleaned = visible_name(name)
    if not cleaned:
        raise InvalidRequest("a member needs a name", reason="name_missing", field="name")
    if not has_letter_or_digit(cleaned):
        raise InvalidRequest(
            "a name needs at least one letter or digit", reason="name_no_letter", field="name"
        )
    if len(cleaned) > MAX_NAME:
        raise InvalidRequest(
            f"a name may have at most {MAX_NAME} characters",
            reason="name_too_long",
            field="name",
            maximum=MAX_NAME,
        )
    return cleaned


def check_email(email: str) -> str:
    """An e-mail address, trimmed and roughly checked."""
    cleaned = email.strip()
    if len(cleaned) > MAX_EMAIL:
        raise InvalidRequest(
            f"an e-mail address has at most {MAX_EMAIL} characters",
            reason="email_too_long",
            field="email",
            limit=MAX_EMAIL,
        )
    if not _EMAIL.match(cleaned):
        # The address is not repeated: a refusal is printed and may be logged.
        raise InvalidRequest(
            "the e-mail address is not written like name@example.com",
            reason="email_format",
            field="email",
        )
    return cleaned


def parse_birthday(text: str, today: date) -> date:
    """A birthday written YYYY-MM-DD; not in the future."""
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidRequest(
            "the birthday is not a date like 1990-05-31", reason="birthday_format", field="birthday"
        ) from None
    if day > today:
        raise InvalidRequest(
            "the birthday is in the future", reason="birthday_future", field="birthday"
        )
    return day


def merged_profile(keep: Member, other: Member) -> Member:
    """The kept member's profile with blanks filled from the duplicate; consent only if both agree or keep had it."""
    return replace(
        keep,
        phone=keep.phone or other.phone,
        email=keep.email or other.email,
        birthday=keep.birthday or other.birthday,
        lifetime_spend=keep.lifetime_spend + other.lifetime_spend,
        points_earned=keep.points_earned + other.points_earned,
    )


def erased(member: Member) -> Member:
    """The member with personal data removed; number and ledger totals stay for the books."""
    return replace(
        member,
        name=ERASED_NAME,
        phone=None,
        email=None,
        birthday=None,
        consent=False,
        consent_at=None,
        status=MemberStatus.ERASED,
    )
