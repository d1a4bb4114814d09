"""When a request happens: now, or a moment in the past that only a manager may backdate to."""

from __future__ import annotations

from datetime import datetime, timedelta

from loyalty_desktop.domain.errors import InvalidRequest
from loyalty_desktop.domain.members import Member
from loyalty_desktop.domain.moments import local_iso
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.context import Shop

# Two clocks in one shop never agree to the second; this much either way is "now".
CLOCK_SKEW = timedelta(minutes=5)


def request_moment(shop: Shop, actor: Actor, at: datetime | None) -> datetime:
    """The moment a request takes effect: now, or ``at`` if it is not in the future.

    Dating a change in the past (``--at``) rewrites what a report for that day
    shows, so it is a manager's right.
    """
    now = shop.clock.now()
    if at is None:
        return now
    if at > now + CLOCK_SKEW:
        raise InvalidRequest(
            f"{at.isoformat()} is in the future; nothing can be recorded before it happens",
            code="future_date",
            reason="backdate_future",
            field="at",
            value=at.isoformat(),
        )
    if at < now - CLOCK_SKEW:
        require(actor, Permission.BACKDATE)
    return at


def require_enrolled(member: Member, at: datetime, timezone: str) -> None:
    """Refuse a change dated before the member joined."""
    if at < member.created_at:
        raise InvalidRequest(
            f"member {member.member_no} joined at {local_iso(member.created_at, timezone)}; "
            "nothing can be recorded for them before that",
            code="before_enrolment",
            field="at",
            member_no=member.member_no,
            joined=local_iso(member.created_at, timezone),
        )
