"""Member-only events (seed 000): a tasting, a workshop, a preview night for some tiers.

An event has a capacity, a time it runs (members may check in from an hour
before it starts until it ends), the tiers it is open to (none listed: every
tier) and, optionally, the programme activity whose points attendance earns.
The rules here are pure; the services store events and sign-ups.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from loyalty_desktop.domain.errors import InvalidRequest

DOORS_OPEN = timedelta(hours=1)  # how long before the start the door check-in opens
MAX_CAPACITY = 100_000
MAX_NAME = 100


@dataclass(frozen=True)
class MemberEvent:
    """An event members sign up for and are checked in to at the door."""

    id: str
    name: str
    starts_at: datetime
    ends_at: datetime
    capacity: int
    tiers: tuple[str, ...]  # empty: open to every tier
    activity: str | None  # the programme activity attendance earns points for
    created_at: datetime


@dataclass(frozen=True)
class Signup:
    """A member's place at an event, and when they came through the door (None: not yet)."""

    event_id: str
    member_id: str
    member_no: str
    signed_up_at: datetime
    checked_in_at: datetime | None


def check_event(name: str, starts_at: datetime, ends_at: datetime, capacity: int) -> None:
    """Refuse an event without a name, with no room, or ending before it starts."""
    if not name.strip() or len(name) > MAX_NAME:
        raise InvalidRequest(
            f"an event needs a name of 1 to {MAX_NAME} characters",
            reason="event_name",
            field="name",
            limit=MAX_NAME,
        )
    if not 1 <= capacity <= MAX_CAPACITY:
        raise InvalidRequest(
            f"an event's capacity is 1 to {MAX_CAPACITY} members, not {capacity}",
            reason="event_capacity",
            field="capacity",
            value=capacity,
            limit=MAX_CAPACITY,
        )
    if ends_at <= starts_at:
        raise InvalidRequest(
            "an event must end after it starts",
            reason="event_ends_before_start",
            field="end",
        )


def check_signup(event: MemberEvent, tier: str | None, taken: int, at: datetime) -> None:
    """Refuse a sign-up to a full, finished or tier-restricted event, saying why."""
    if at >= event.ends_at:
        raise InvalidRequest(
            f"{event.name} ended on {event.ends_at.date()}; sign-ups are closed",
            reason="event_over",
            event=event.name,
        )
    if event.tiers and tier not in event.tiers:
        raise InvalidRequest(
            f"{event.name} is open to {', '.join(event.tiers)} members only; "
            f"this member is {tier or 'without a tier'}",
            reason="event_tier_not_eligible",
            event=event.name,
            tiers=", ".join(event.tiers),
            tier=tier or "-",
        )
    if taken >= event.capacity:
        raise InvalidRequest(
            f"{event.name} is full: all {event.capacity} places are taken",
            reason="event_full",
            event=event.name,
            limit=event.capacity,
        )


def check_door(event: MemberEvent, at: datetime) -> None:
    """Refuse a check-in outside the event's doors: before they open or after it ended."""
    if at < event.starts_at - DOORS_OPEN:
        raise InvalidRequest(
            f"the doors of {event.name} open at {event.starts_at - DOORS_OPEN:%Y-%m-%d %H:%M} UTC",
            reason="event_not_open",
            event=event.name,
        )
    if at >= event.ends_at:
        raise InvalidRequest(
            f"{event.name} is over; check-in is closed",
            reason="event_over",
            event=event.name,
        )
