"""Members: who they are, how their personal data may be used, and how two records merge."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum

from loyalty_desktop.domain.errors import InvalidRequest

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
ERASED_NAME = "(erased)"


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


def check_name(name: str) -> str:
    """A member's name, trimmed; it may not be empty."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidRequest("a member needs a name")
    if len(cleaned) > 100:
        raise InvalidRequest("a name may have at most 100 characters")
    return cleaned


def check_email(email: str) -> str:
    """An e-mail address, trimmed and roughly checked."""
    cleaned = email.strip()
    if not _EMAIL.match(cleaned):
        raise InvalidRequest(f"{email!r} is not an e-mail address")
    return cleaned


def parse_birthday(text: str, today: date) -> date:
    """A birthday written YYYY-MM-DD; not in the future."""
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidRequest(f"birthday {text!r} is not a date like 1990-05-31") from None
    if day > today:
        raise InvalidRequest(f"birthday {text!r} is in the future")
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
