"""Member events: create one, sign members up, check them in at the door, award attendance once.

A sign-up and a first check-in are facts about the member, each sent to the
outbox in the transaction that records it (``event.signed_up``,
``event.checked_in``); erasing the member deletes their places.

Attendance points go through ``points.award`` with a request id made of the
event and the member, so the ledger, the daily limits and the audit stay one
path and a second scan (or a retry after a crash between the check-in and the
award) never pays twice.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from loyalty_desktop.domain.cards import quoted, repeatable
from loyalty_desktop.domain.errors import InvalidRequest, LoyaltyError
from loyalty_desktop.domain.member_events import (
    MemberEvent,
    Signup,
    check_door,
    check_event,
    check_signup,
)
from loyalty_desktop.domain.members import Member
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.events import checked_in_event, signed_up_event
from loyalty_desktop.services.journal import publish, write_audit
from loyalty_desktop.services.lookup import find_member
from loyalty_desktop.services.moments import request_moment
from loyalty_desktop.services.points import award
from loyalty_desktop.services.ports import Conflict, UnitOfWork
from loyalty_desktop.services.programs import program_in_force
from loyalty_desktop.services.standing import tier_at

MAX_LISTED = 500


@dataclass(frozen=True)
class EventSummary:
    """An event with how many members signed up and how many came."""

    event: MemberEvent
    signed_up: int
    checked_in: int

    @property
    def places_left(self) -> int:
        """Places still free."""
        return max(self.event.capacity - self.signed_up, 0)


@dataclass(frozen=True)
class CheckedIn:
    """A member let in at the door, and the attendance points this scan gave (0 if none)."""

    event: MemberEvent
    member_no: str
    checked_in_at: datetime
    first_time: bool  # False: they had already come through the door
    earned: int
    points: int | None  # the member's points after the award (None: no award made now)
    no_points_reason: str | None  # why no points were given now (already_awarded, …)
    no_points_message: str | None


def _event(uow: UnitOfWork, ref: str) -> MemberEvent:
    """An event by id, or by its exact name when only one event has it."""
    text = ref.strip()
    found = uow.member_events.get(text)
    if found is None:
        named = [e for e in uow.member_events.listing(None, MAX_LISTED) if e.name == text]
        if len(named) > 1:
            raise InvalidRequest(
                f"{len(named)} events are called {quoted(ref)}; give the event's id "
                "(loyalty event list)",
                code="unknown_event",
                reason="event_name_shared",
                value=repeatable(ref),
                count=len(named),
            )
        found = named[0] if named else None
    if found is None:
        raise InvalidRequest(
            f"there is no event {quoted(ref)}",
            code="unknown_event",
            reason="event_unknown",
            value=repeatable(ref),
        )
    return found


def _place(uow: UnitOfWork, event: MemberEvent, member: Member) -> Signup | None:
    """The member's place at the event, also one a duplicate merged into them had taken."""
    for member_id in (member.id, *uow.members.merged_into(member.id)):
        found = uow.member_events.signup(event.id, member_id)
        if found is not None:
            return found
    return None


def create_event(
    shop: Shop,
    actor: Actor,
    name: str,
    starts_at: datetime,
    ends_at: datetime,
    capacity: int,
    tiers: tuple[str, ...] = (),
    activity: str | None = None,
) -> MemberEvent:
    """A new event; its tiers must be the programme's and its activity one that gives points."""
    require(actor, Permission.PROGRAM)
    check_event(name, starts_at, ends_at, capacity)
    with shop.uow() as uow:
        _, program = program_in_force(uow)
        names = [level.name for level in program.tiers.levels]
        for tier in tiers:
            if tier not in names:
                raise InvalidRequest(
                    f"the programme has no tier called {quoted(tier)}",
                    reason="preview_unknown_tier",
                    tier=repeatable(tier),
                )
        if activity is not None and not program.activity_points(activity):
            known = ", ".join(n for n, _ in program.activity) or "none"
            raise InvalidRequest(
                f"the programme gives no points for {quoted(activity)} (it knows: {known})",
                code="unknown_activity",
                field="activity",
                value=repeatable(activity),
                known=[n for n, _ in program.activity],
            )
        _name_free(uow, name.strip(), shop.clock.now())
        event = MemberEvent(
            id=str(uuid.uuid4()),
            name=name.strip(),
            starts_at=starts_at,
            ends_at=ends_at,
            capacity=capacity,
            tiers=tuple(dict.fromkeys(tiers)),
            activity=activity,
            created_at=shop.clock.now(),
        )
        uow.member_events.add(event)
        write_audit(
            uow,
            shop,
            actor,
            "event.create",
            f"event:{event.id}",
            event.name,
            {"capacity": capacity, "tiers": list(event.tiers), "activity": activity},
            event.created_at,
        )
        uow.commit()
    return event


def _name_free(uow: UnitOfWork, name: str, now: datetime) -> None:
    """Refuse a name an event not over yet has (the door and the commands find events by it)."""
    for other in uow.member_events.listing(now, MAX_LISTED):
        if other.name == name:
            raise InvalidRequest(
                f"an event called {quoted(name)} is not over yet (it ends "
                f"{other.ends_at.date().isoformat()}); give this one another name",
                reason="event_name_taken",
                value=repeatable(name),
                end=other.ends_at.date().isoformat(),
            )


def list_events(
    shop: Shop, actor: Actor, *, ending_after: datetime | None = None
) -> list[EventSummary]:
    """Events by start with their sign-up and check-in counts (only those not over, if asked)."""
    require(actor, Permission.FIND_MEMBER)
    with shop.uow(write=False) as uow:
        events = uow.member_events.listing(ending_after, MAX_LISTED)
        counts = uow.member_events.counts([e.id for e in events])
    return [EventSummary(e, *counts.get(e.id, (0, 0))) for e in events]


def attendees(shop: Shop, actor: Actor, event_ref: str) -> tuple[MemberEvent, list[Signup]]:
    """An event and everyone signed up for it, checked in or not."""
    require(actor, Permission.FIND_MEMBER)
    with shop.uow(write=False) as uow:
        event = _event(uow, event_ref)
        return event, uow.member_events.signups(event.id)


def sign_up(
    shop: Shop, actor: Actor, event_ref: str, member_ref: str, at: datetime | None = None
) -> Signup:
    """Give a member a place; refused when the event is full, over, or not for their tier."""
    require(actor, Permission.ENROL)
    when = request_moment(shop, actor, at)
    with shop.uow() as uow:
        event = _event(uow, event_ref)
        uow.member_events.hold_places(event.id)  # the count below stays true until commit
        member = find_member(uow, member_ref, shop.card_keys)
        if _place(uow, event, member) is not None:
            raise InvalidRequest(
                f"member {member.member_no} is already signed up for {event.name}",
                code="already_signed_up",
                reason="event_already_signed_up",
                event=event.name,
            )
        taken = uow.member_events.counts([event.id]).get(event.id, (0, 0))[0]
        _, program = program_in_force(uow)
        tier = tier_at(uow, program, member, when)
        check_signup(event, tier.name if tier else None, taken, when)
        signup = Signup(event.id, member.id, member.member_no, when, None)
        try:
            uow.member_events.add_signup(signup)
            publish(uow, shop.device_id, signed_up_event(event, signup))
            uow.commit()
        except Conflict:
            # A second till signed the same member up at the same moment.
            raise InvalidRequest(
                f"member {member.member_no} is already signed up for {event.name}",
                code="already_signed_up",
                reason="event_already_signed_up",
                event=event.name,
            ) from None
    return signup


def check_in(
    shop: Shop, actor: Actor, event_ref: str, scan: str, at: datetime | None = None
) -> CheckedIn:
    """Let a signed-up member in by their card scan (or number); attendance points at most once."""
    require(actor, Permission.AWARD)
    when = request_moment(shop, actor, at)
    with shop.uow() as uow:
        event = _event(uow, event_ref)
        check_door(event, when)
        member = find_member(uow, scan, shop.card_keys)
        signup = _place(uow, event, member)
        if signup is None:
            raise InvalidRequest(
                f"member {member.member_no} has not signed up for {event.name}",
                code="not_signed_up",
                reason="event_not_signed_up",
                event=event.name,
            )
        first = uow.member_events.check_in(event.id, signup.member_id, when)
        if first:
            publish(uow, shop.device_id, checked_in_event(event, signup.member_id, when))
        uow.commit()
    came = when if first else (signup.checked_in_at or when)
    if event.activity is None:
        return CheckedIn(event, member.member_no, came, first, 0, None, None, None)
    try:
        given = award(
            shop,
            actor,
            member.id,
            event.activity,
            at,
            request_id=f"event:{event.id}:{member.member_no}",
        )
    except LoyaltyError as refused:
        # The member is in; the programme's limits (a check-in award already today) say no points.
        return CheckedIn(
            event, member.member_no, came, first, 0, None, refused.reason, refused.message
        )
    # The door that let the member in says what the attendance earned, even when a second
    # door's award happened to commit before its own; a later scan always says 0 (the points,
    # if the first door never got to pay them, are paid by it all the same).
    earned = given.earned if first else 0
    return CheckedIn(event, member.member_no, came, first, earned, given.points, None, None)
