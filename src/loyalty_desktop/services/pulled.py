"""What the server's change log says, read and checked before anything of it is applied.

The log (``GET /v1/changes``, docs/sync.md "Pull") has one change per member per push:
the member's number, status and consent, the profile (name, phone, e-mail, birthday) as
the server keeps it when a store changed it (read with the rules an edit here applies) and
the movements the push applied, each with the lots it opened (their expiry by the
server's clock) and what it took from lots; one ``coupon`` change per coupon used; and
``offer`` and ``coupons`` changes for offers and coupons issued (pulled_offers.py).
A page that is not shaped like that (not a list, a row that is not an object or has no
whole position, positions not after the cursor and rising) is ``ServerAnswerUnreadable``, a
``ServerUnavailable`` (the cursor stays, the next pass asks again), never an exception the
pump does not expect. One change that cannot be read (an empty sale, a moment outside the
years a till can hold) is ``Unreadable``: the till keeps it for a person and goes on, so one
store's odd event does not stop every other till's pull. Changes of a kind this till does
not know are passed over, so a newer server does not stop an older till.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from loyalty_desktop.domain.cards import MAX_CARD_NO, MAX_CARD_SERIAL
from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.domain.profiles import PROFILE_FIELDS, Profile, latest_birthday, read_profile
from loyalty_desktop.services.pulled_offers import (
    KINDS as OFFER_KINDS,
)
from loyalty_desktop.services.pulled_offers import (
    CouponsChange,
    OfferChange,
    read_offer_change,
)
from loyalty_desktop.services.sync import ServerAnswerUnreadable


@dataclass(frozen=True)
class PulledLot:
    """A lot another store's movement opened, with the server's expiry (None: never)."""

    id: str
    points: int
    expires_at: datetime | None


@dataclass(frozen=True)
class PulledAllocation:
    """Points a movement took from a lot (positive) or gave back (negative)."""

    lot_id: str
    points: int


@dataclass(frozen=True)
class PulledMovement:
    """One ledger row the server applied: a store's movement, or one the server wrote itself."""

    id: str
    kind: str
    points: int
    at: datetime
    lots: tuple[PulledLot, ...]
    allocations: tuple[PulledAllocation, ...]
    server: bool  # written by the server itself (its expiry, expire_undone): no store has it
    sale: str | None = None


@dataclass(frozen=True)
class PulledProfile:
    """A member's profile and consent as a store last changed them (the server's latest)."""

    profile: Profile
    consent: bool
    consent_at: datetime | None


@dataclass(frozen=True)
class MemberChange:
    """A member enrolled or changed, or their points moved, by one push (or the server's expiry)."""

    pos: int  # its position in the log
    store_id: str
    member_id: str
    member_no: str | None
    status: str | None
    consent: bool
    created_at: datetime | None
    merged_into: str | None
    movements: tuple[PulledMovement, ...]
    card_no: int | None = None  # the number the member's card carries (None: not known)
    card_serial: int | None = None  # its serial, once reprinted anywhere (None: never)
    profile: PulledProfile | None = None  # a profile change (None: none, or erased since)
    # why the profile it carries cannot be read here (the rest of the change is applied,
    # the profile kept aside for a person; its value never repeated)
    profile_problem: str | None = None


@dataclass(frozen=True)
class CouponChange:
    """A coupon used at a store: once pulled, this till refuses it."""

    pos: int
    store_id: str
    coupon_id: str
    sale: str
    at: datetime


@dataclass(frozen=True)
class Unreadable:
    """A change this till cannot read: kept for a person, passed over (the rest goes on)."""

    pos: int
    store_id: str | None  # None when the row's store cannot be read either
    member_id: str | None
    problem: str


Change = MemberChange | CouponChange | OfferChange | CouponsChange


@dataclass(frozen=True)
class Page:
    """One answer of the log: its changes in order, those unreadable, its last position."""

    changes: list[Change | Unreadable]
    last: int  # the position of its last row (what the cursor may move to)


def read_changes(rows: Any, after: int = 0) -> Page:
    """The page's changes, in order; ServerAnswerUnreadable if the page itself is garbled."""
    if not isinstance(rows, list):
        raise ServerAnswerUnreadable("the server's changes are not a list of changes")
    found: list[Change | Unreadable] = []
    last = after
    for row in rows:
        pos = row.get("pos") if isinstance(row, Mapping) else None
        if not isinstance(pos, int) or isinstance(pos, bool) or pos <= last:
            raise ServerAnswerUnreadable(
                f"the server's changes are not in log order after {after} (position {pos!r:.40})"
            )
        last = pos
        try:
            change = _change(row)
        except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as exc:
            store, member = row.get("store_id"), row.get("member_id")
            found.append(
                Unreadable(
                    pos,
                    store if isinstance(store, str) and len(store) <= 64 else None,
                    member if isinstance(member, str) and len(member) <= 64 else None,
                    str(exc)[:200],
                )
            )
            continue
        if change is not None:
            found.append(change)
    return Page(found, last)


def _change(row: Mapping[str, Any]) -> Change | None:
    kind = row["kind"]
    if kind in ("member", "balance"):
        profile, problem = _profile_or_problem(row.get("profile"))
        return MemberChange(
            pos=_whole(row["pos"]),
            store_id=_text(row["store_id"]),
            member_id=_text(row["member_id"]),
            member_no=_optional_text(row.get("member_no")),
            status=_optional_text(row.get("status")),
            consent=bool(row.get("consent")),
            created_at=_moment(row["created_at"]) if row.get("created_at") else None,
            merged_into=_optional_text(row.get("merged_into")),
            # a change logged before movements travelled has none (docs/sync.md)
            movements=tuple(_movement(m) for m in row.get("movements") or []),
            card_no=_card_no(row.get("card_no")),
            card_serial=_card_serial(row.get("card_serial")),
            profile=profile,
            profile_problem=problem,
        )
    if kind == "coupon":
        return CouponChange(
            pos=_whole(row["pos"]),
            store_id=_text(row["store_id"]),
            coupon_id=_text(row["coupon_id"]),
            sale=_text(row["sale"]),
            at=_moment(row["at"]),
        )
    if kind in OFFER_KINDS:  # offers and coupons issued (services/pulled_offers.py)
        return read_offer_change(row)
    return None


def _profile_or_problem(value: Any) -> tuple[PulledProfile | None, str | None]:
    """The change's profile, or why it cannot be read: its points and status still apply.

    A profile the server kept before a check it now makes (a birthday in the future) must
    not hold back the member's points at every till until a store edits the profile.
    """
    try:
        return _profile(value), None
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as exc:
        return None, str(exc)[:200]


def _profile(value: Any) -> PulledProfile | None:
    """A changed profile; ValueError (the profile is kept aside) if no till could have written it."""
    if value is None:
        return None
    try:
        latest = latest_birthday(datetime.now(UTC))  # a bound, not a rule: the clock will do
        profile = read_profile({f: value[f] for f in PROFILE_FIELDS}, latest)
    except LoyaltyError as exc:  # its message never repeats the value
        raise ValueError(exc.message) from exc
    consent = value["consent"]
    if not isinstance(consent, bool):
        raise ValueError("the profile's consent is not true or false")
    at = value.get("consent_at")
    return PulledProfile(profile, consent, _moment(at) if at is not None else None)


def _card_no(value: Any) -> int | None:
    """A card number, or None (an older store's member, or a value no card can carry)."""
    ok = isinstance(value, int) and not isinstance(value, bool) and 0 < value < MAX_CARD_NO
    return value if ok else None


def _card_serial(value: Any) -> int | None:
    """A reprinted card's serial, or None (never reprinted, or a value no card can carry)."""
    ok = isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_CARD_SERIAL
    return value if ok else None


def _movement(m: Mapping[str, Any]) -> PulledMovement:
    return PulledMovement(
        id=_text(m["id"]),
        kind=_text(m["kind"]),
        points=_whole(m["points"]),
        at=_moment(m["at"]),
        lots=tuple(
            PulledLot(
                _text(lot["id"]),
                _whole(lot["points"]),
                _moment(lot["expires_at"]) if lot.get("expires_at") else None,
            )
            for lot in m.get("lots") or []
        ),
        allocations=tuple(
            PulledAllocation(_text(a["lot_id"]), _whole(a["points"]))
            for a in m.get("allocations") or []
        ),
        server=bool(m.get("server")),
        sale=_optional_text(m.get("sale")),
    )


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value or len(value) > 64:
        raise ValueError(f"expected an id or a number, got {value!r:.80}")
    return value


def _optional_text(value: Any) -> str | None:
    return None if value is None else _text(value)


def _whole(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"expected a whole number, got {value!r:.80}")
    return value


def _moment(value: Any) -> datetime:
    moment = datetime.fromisoformat(_text(value))
    if moment.tzinfo is None:
        raise ValueError("a moment without a time zone")
    moment.astimezone(UTC)  # OverflowError for a moment whose UTC falls outside years 1-9999
    return moment
