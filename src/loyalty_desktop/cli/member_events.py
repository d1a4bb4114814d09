"""``loyalty event create|list|signup|checkin|show``: member-only events and the door check-in."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import datetime
from typing import Any

from loyalty_desktop.cli.context import Context
from loyalty_desktop.domain.member_events import MemberEvent, Signup
from loyalty_desktop.services import member_events


def add_event_commands(sub: argparse._SubParsersAction[Any], parser_class: type) -> None:
    """The ``event`` command's grammar."""
    event = sub.add_parser("event", help="member-only events").add_subparsers(
        dest="action", required=True, parser_class=parser_class
    )
    p = event.add_parser("create", help="an event with a capacity, dates and tiers")
    p.add_argument("name")
    p.add_argument("--start", required=True, help="ISO 8601; a date alone is its midnight")
    p.add_argument("--end", required=True, help="ISO 8601; after --start")
    p.add_argument("--capacity", type=int, required=True, help="places for members")
    p.add_argument(
        "--tier", action="append", default=[], help="open to this tier (repeat; none: every tier)"
    )
    p.add_argument("--activity", help="the programme activity whose points attendance earns")
    p = event.add_parser("list", help="events with places taken and members checked in")
    p.add_argument("--all", action="store_true", help="also events that are over")
    p = event.add_parser("show", help="an event and everyone signed up")
    p.add_argument("event", help="event id or exact name")
    p = event.add_parser("signup", help="give a member a place")
    p.add_argument("event", help="event id or exact name")
    p.add_argument("ref", help="the member")
    p.add_argument("--at", help="ISO 8601 time")
    p = event.add_parser("checkin", help="let a member in at the door (their card scan)")
    p.add_argument("event", help="event id or exact name")
    p.add_argument("ref", help="the scanned card, or member number or phone")
    p.add_argument("--at", help="ISO 8601 time")


def _when(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _event(event: MemberEvent) -> dict[str, Any]:
    return {
        "id": event.id,
        "name": event.name,
        "start": event.starts_at.isoformat(),
        "end": event.ends_at.isoformat(),
        "capacity": event.capacity,
        "tiers": list(event.tiers),
        "activity": event.activity,
    }


def _signup(signup: Signup) -> dict[str, Any]:
    return {
        "event_id": signup.event_id,
        "member_no": signup.member_no,
        "signed_up_at": signup.signed_up_at.isoformat(),
        "checked_in_at": _when(signup.checked_in_at),
    }


def cmd_event_create(ctx: Context, args: Any) -> dict[str, Any]:
    """A new event: ``{"id", "name", "start", "end", "capacity", "tiers", "activity"}``."""
    start = ctx.moment(args.start, "start")
    end = ctx.moment(args.end, "end")
    assert start is not None  # a required argument
    assert end is not None
    event = member_events.create_event(
        ctx.shop, ctx.actor, args.name, start, end, args.capacity, tuple(args.tier), args.activity
    )
    return _event(event)


def cmd_event_list(ctx: Context, args: Any) -> dict[str, Any]:
    """``{"events": [{..., "signed_up", "checked_in", "places_left"}]}`` by start."""
    after = None if args.all else ctx.shop.clock.now()
    found = member_events.list_events(ctx.shop, ctx.actor, ending_after=after)
    return {
        "events": [
            {
                **_event(s.event),
                "signed_up": s.signed_up,
                "checked_in": s.checked_in,
                "places_left": s.places_left,
            }
            for s in found
        ]
    }


def cmd_event_show(ctx: Context, args: Any) -> dict[str, Any]:
    """The event and ``"members"``: who signed up and when they came."""
    event, people = member_events.attendees(ctx.shop, ctx.actor, args.event)
    return {**_event(event), "members": [_signup(s) for s in people]}


def cmd_event_signup(ctx: Context, args: Any) -> dict[str, Any]:
    """``{"event_id", "member_no", "signed_up_at", "checked_in_at"}``."""
    done = member_events.sign_up(ctx.shop, ctx.actor, args.event, args.ref, ctx.moment(args.at))
    return _signup(done)


def cmd_event_checkin(ctx: Context, args: Any) -> dict[str, Any]:
    """``{"event_id", "member_no", "checked_in_at", "first_time", "earned", "points", "no_points"}``."""
    came = member_events.check_in(ctx.shop, ctx.actor, args.event, args.ref, ctx.moment(args.at))
    return {
        "event_id": came.event.id,
        "member_no": came.member_no,
        "checked_in_at": came.checked_in_at.isoformat(),
        "first_time": came.first_time,
        "earned": came.earned,
        "points": came.points,
        "no_points": came.no_points_message,
    }


EVENT_HANDLERS: dict[tuple[str, str | None], Callable[[Context, Any], dict[str, Any]]] = {
    ("event", "create"): cmd_event_create,
    ("event", "list"): cmd_event_list,
    ("event", "show"): cmd_event_show,
    ("event", "signup"): cmd_event_signup,
    ("event", "checkin"): cmd_event_checkin,
}
