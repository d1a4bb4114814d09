"""A member's profile as it travels between stores: name, phone, e-mail and birthday, checked.

``member.profile_changed`` (version 2) carries it to the server, which keeps the latest in
an erasable record and hands it to the other stores by pull. Both ends read it with the
same rules an edit at the till applies, so neither keeps a value no till would have
written. A refusal never repeats the value: it is personal data, and refusals are logged.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from loyalty_desktop.domain.errors import InvalidRequest
from loyalty_desktop.domain.members import check_email, check_name
from loyalty_desktop.domain.phones import normalize_phone

PROFILE_FIELDS = ("name", "phone", "email", "birthday")


@dataclass(frozen=True)
class Profile:
    """What a member's profile says; None for a phone, e-mail or birthday not given."""

    name: str
    phone: str | None
    email: str | None
    birthday: date | None


def read_profile(value: Any, latest: date) -> Profile:
    """The profile an event or a pulled change carries; InvalidRequest if a till could not have written it.

    ``latest``: the latest birthday the reader believes (a till refuses one in the future by
    its own clock; ``latest_birthday`` gives the reader's bound).
    """
    if not isinstance(value, Mapping) or set(value) != set(PROFILE_FIELDS):
        raise _wrong("the profile must have exactly name, phone, email and birthday")
    name, phone, email, birthday = (value[f] for f in PROFILE_FIELDS)
    if not all(_storable(v) for v in (name, phone, email, birthday)):
        raise _wrong("the profile holds text no till can store (a lone surrogate)")
    if not isinstance(name, str) or _checked(check_name, name) != name:
        raise _wrong("the profile's name is not a name as a till writes it")
    if phone is not None and (
        not isinstance(phone, str) or _checked(normalize_phone, phone) != phone
    ):
        raise _wrong("the profile's phone is not a phone number as a till writes it")
    if email is not None and (not isinstance(email, str) or _checked(check_email, email) != email):
        raise _wrong("the profile's e-mail is not an address as a till writes it")
    return Profile(name, phone, email, _birthday(birthday, latest))


def _checked(check: Callable[[str], str], value: str) -> str | None:
    """What the till's own check makes of ``value``; None where it refuses it."""
    try:
        return check(value)
    except InvalidRequest:
        return None


def _storable(value: Any) -> bool:
    """Not a string, or one UTF-8 can carry (JSON can spell a lone surrogate; no database stores it)."""
    if not isinstance(value, str):
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _birthday(value: Any, latest: date) -> date | None:
    if value is None:
        return None
    try:
        day = date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        day = None
    if day is None:
        raise _wrong("the profile's birthday is not a date like 1990-05-31")
    if day > latest:
        raise _wrong("the profile's birthday is in the future")
    return day


def latest_birthday(now: datetime) -> date:
    """The latest birthday a profile read at ``now`` (UTC) may hold: two days ahead.

    A till takes a birthday up to the day after its own date (``loyalty member add`` allows
    one for time zones), and its clock may run ahead of the reader's.
    """
    return now.date() + timedelta(days=2)


def _wrong(message: str) -> InvalidRequest:
    return InvalidRequest(message, reason="profile_unreadable")
