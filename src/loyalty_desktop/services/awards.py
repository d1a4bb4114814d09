"""Limits on activity points, so no one can hand out free points by pressing a button again.

Each activity may be given a member a limited number of times per shop day
(the programme's ``[activity_limits]``, default once; a referral five times).
Birthday points need a birthday on file, come only in the days around it
(``[birthday_award] window_days``) and once per birthday.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from loyalty_desktop.domain.errors import InvalidRequest, LoyaltyError
from loyalty_desktop.domain.members import Member
from loyalty_desktop.domain.program import BIRTHDAY, Program
from loyalty_desktop.services.ports import UnitOfWork

_TICK = timedelta(microseconds=1)  # the ledger counts movements in (start, end]


def birthday_in(year: int, birthday: date) -> date:
    """The member's birthday in ``year`` (29 February falls on the 28th in other years)."""
    try:
        return birthday.replace(year=year)
    except ValueError:
        return date(year, 2, 28)


def nearest_birthday(day: date, birthday: date) -> date:
    """The birthday closest to ``day``: last year's, this year's or next year's."""
    options = [birthday_in(day.year + d, birthday) for d in (-1, 0, 1)]
    return min(options, key=lambda b: abs((b - day).days))


def _count(
    uow: UnitOfWork, member: Member, activity: str, first: date, last: date, zone: ZoneInfo
) -> int:
    """Awards of ``activity`` to the member on shop days ``first`` to ``last`` (inclusive)."""
    start = datetime.combine(first, time(0), tzinfo=zone)
    end = datetime.combine(last + timedelta(days=1), time(0), tzinfo=zone)
    return uow.ledger.count_kind([member.id], "activity", start - _TICK, end - _TICK, activity)


def check_award_limits(
    uow: UnitOfWork, program: Program, member: Member, activity: str, at: datetime
) -> None:
    """Refuse an award the programme's limits do not allow at ``at``."""
    zone = ZoneInfo(program.timezone)
    day = at.astimezone(zone).date()
    if activity == BIRTHDAY:
        _check_birthday(uow, program, member, day, zone)
        return
    limit = program.daily_limit(activity)
    given = _count(uow, member, activity, day, day, zone)
    if given >= limit:
        times = "once" if limit == 1 else f"{limit} times"
        raise LoyaltyError(
            f"member {member.member_no} already had {activity} points {times} on {day}; "
            f"the programme allows {times} a day",
            code="already_awarded",
            member_no=member.member_no,
            activity=activity,
            day=day.isoformat(),
            limit=limit,
        )


def _check_birthday(
    uow: UnitOfWork, program: Program, member: Member, day: date, zone: ZoneInfo
) -> None:
    if member.birthday is None:
        raise InvalidRequest(
            f"member {member.member_no} has no birthday on file; birthday points need one",
            code="no_birthday",
            member_no=member.member_no,
        )
    window = timedelta(days=program.birthday_window_days)
    occasion = nearest_birthday(day, member.birthday)
    if abs(day - occasion) > window:
        raise InvalidRequest(
            f"birthday points are given from {occasion - window} to {occasion + window}, "
            f"around member {member.member_no}'s birthday",
            code="outside_birthday_window",
            member_no=member.member_no,
            window_days=program.birthday_window_days,
        )
    if _count(uow, member, BIRTHDAY, occasion - window, occasion + window, zone):
        raise LoyaltyError(
            f"member {member.member_no} already had birthday points for the birthday on {occasion}",
            code="already_awarded",
            reason="birthday_already_awarded",
            member_no=member.member_no,
            limit=1,
        )
