"""Points outside checkout: manual corrections, activity awards and the expiry job."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from loyalty_desktop.domain import ledger
from loyalty_desktop.domain.cards import quoted, repeatable
from loyalty_desktop.domain.errors import (
    IdConflict,
    InsufficientPoints,
    InvalidRequest,
    LoyaltyError,
    MemberClosed,
)
from loyalty_desktop.domain.ledger import Movement, MovementKind
from loyalty_desktop.domain.members import Member
from loyalty_desktop.domain.program import Program
from loyalty_desktop.domain.tier_changes import TierCause
from loyalty_desktop.services import recommendations
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.awards import check_award_limits
from loyalty_desktop.services.changes import NOTHING, Changes
from loyalty_desktop.services.checkout import check_sale_no
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.events import activity_event, adjustment_event
from loyalty_desktop.services.expiry import expire_lapsed, open_account
from loyalty_desktop.services.fingerprints import fingerprint, require_same
from loyalty_desktop.services.journal import publish, write_audit
from loyalty_desktop.services.lookup import find_member, holder
from loyalty_desktop.services.moments import CLOCK_SKEW, request_moment, require_enrolled
from loyalty_desktop.services.ports import UnitOfWork
from loyalty_desktop.services.postings import Account, new_lot, post
from loyalty_desktop.services.programs import program_in_force
from loyalty_desktop.services.retry import once_more_on_conflict
from loyalty_desktop.services.standing import kept_tier, move_tier, tier_at

MAX_ADJUST = 10_000_000


@dataclass(frozen=True)
class Adjusted:
    """A points correction: the member's points right after it."""

    points: int | None
    request_id: str
    member_id: str
    replayed: bool
    changes: Changes


@dataclass(frozen=True)
class Awarded:
    """Activity points given: how many, the member's points after, and their tier."""

    earned: int
    points: int | None
    activity: str | None
    tier: str | None
    replayed: bool
    changes: Changes


@dataclass(frozen=True)
class ExpiryRun:
    """What the nightly job did."""

    expired_points: int
    members: int
    tier_changes: int
    changes: Changes


def _active(member: Member) -> Member:
    if not member.active:
        raise MemberClosed(
            f"member {member.member_no} is {member.status.value}",
            member_no=member.member_no,
            status=member.status.value,
        )
    return member


def _require_same_member(uow: UnitOfWork, shop: Shop, ref: str, done: Movement, ident: str) -> None:
    """Refuse a request id replayed for another member (``id_conflict``)."""
    try:
        asked = find_member(uow, ref, shop.card_keys).id
    except LoyaltyError:
        asked = ""
    if asked != holder(uow, done.member_id):
        raise IdConflict(
            f"request id {ident} was already used for another member; use a new request id",
            reason="request_id_other_member",
            field="request_id",
            id=ident,
        )


def adjust(
    shop: Shop,
    actor: Actor,
    ref: str,
    points: int,
    reason: str,
    request_id: str,
    at: datetime | None = None,
) -> Adjusted:
    """Correct a member's points with a reason, once per request id; audited.

    The same request id with other points, reason, time or member is refused (``id_conflict``).
    """
    require(actor, Permission.ADJUST)
    request_id = check_sale_no(request_id, "request id")
    if not reason.strip():
        raise InvalidRequest(
            "a points correction needs a reason", reason="adjust_reason_missing", field="reason"
        )
    if points == 0 or abs(points) > MAX_ADJUST:
        raise InvalidRequest(
            f"a correction must be a non-zero number of points up to {MAX_ADJUST}",
            reason="adjust_points_range",
            field="points",
            maximum=MAX_ADJUST,
        )
    asked = fingerprint("adjust", {"points": points, "reason": reason.strip()})

    def attempt() -> Adjusted:
        with shop.uow() as uow:
            done = uow.ledger.by_request(request_id)
            if done is not None:
                require_same(
                    done.request_hash,
                    asked,
                    "request id",
                    request_id,
                    stored_at=done.at,
                    asked_at=at,
                )
                _require_same_member(uow, shop, ref, done, request_id)
                return Adjusted(done.points_after, request_id, done.member_id, True, NOTHING)
            _, program = program_in_force(uow)
            when = request_moment(shop, actor, at)
            member = _active(find_member(uow, ref, shop.card_keys, for_update=True))
            require_enrolled(member, when, program.timezone)
            now = shop.clock.now()
            account = open_account(uow, shop, member)
            if points < 0 and -points > account.spendable(when):
                can = account.spendable(when)
                raise InsufficientPoints(
                    f"member {member.member_no} has {can} points; cannot take {-points}",
                    reason="adjust_exceeds_balance",
                    field="points",
                    member_no=member.member_no,
                    spendable=can,
                    points=-points,
                )
            # A credit opens a lot that expires like earned points; a debit takes the
            # earliest-expiring points first.
            movement = post(
                uow,
                account,
                MovementKind.ADJUST,
                points,
                when,
                now,
                lots=[new_lot(member.id, when, points, program.expiry.days)] if points > 0 else [],
                allocations=ledger.take(account.lots, -points, when) if points < 0 else [],
                request_id=request_id,
                reason=reason.strip(),
                actor=actor.name,
                request_hash=asked,
            )
            uow.members.save_totals(member)
            publish(uow, shop.device_id, adjustment_event(shop.device_id, request_id, movement))
            write_audit(
                uow,
                shop,
                actor,
                "points.adjust",
                f"member:{member.id}",
                reason.strip(),
                {"points": points, "request_id": request_id},
                now,
            )
            uow.commit()
            return Adjusted(
                movement.points_after,
                request_id,
                member.id,
                False,
                Changes.of_members(member.id, audit=True),
            )

    return once_more_on_conflict(attempt)


def award(
    shop: Shop,
    actor: Actor,
    ref: str,
    activity: str,
    at: datetime | None = None,
    request_id: str | None = None,
) -> Awarded:
    """Give a member the programme's points for an activity (review, check-in, referral, birthday…).

    Each activity has a daily limit per member (the programme's
    ``[activity_limits]``); birthday points need a birthday on file, come only
    in the days around it (``[birthday_award]``) and once per birthday. With
    ``request_id`` the award happens once however often it is sent (a double
    click, a retried call); every award is in the audit log.
    """
    require(actor, Permission.AWARD)
    name = activity.strip().lower()
    key = f"award:{check_sale_no(request_id, 'request id')}" if request_id is not None else None
    asked = fingerprint("award", {"activity": name})

    def attempt() -> Awarded:
        with shop.uow() as uow:
            done = uow.ledger.by_request(key) if key else None
            if done is not None:
                require_same(
                    done.request_hash,
                    asked,
                    "request id",
                    str(request_id),
                    stored_at=done.at,
                    asked_at=at,
                )
                _require_same_member(uow, shop, ref, done, str(request_id))
                return Awarded(done.points, done.points_after, done.activity, None, True, NOTHING)
            result = _award(uow, shop, actor, ref, name, activity, at, key, asked)
            uow.commit()
            return result

    return once_more_on_conflict(attempt)


def _award(
    uow: UnitOfWork,
    shop: Shop,
    actor: Actor,
    ref: str,
    name: str,
    typed: str,
    at: datetime | None,
    key: str | None,
    asked: str,
) -> Awarded:
    _, program = program_in_force(uow)
    points = program.activity_points(name)
    if not points:
        known = ", ".join(n for n, _ in program.activity) or "none"
        raise InvalidRequest(
            f"the programme gives no points for {quoted(typed)} (it knows: {known})",
            code="unknown_activity",
            field="activity",
            value=repeatable(typed),
            known=[n for n, _ in program.activity],
        )
    when = request_moment(shop, actor, at)
    member = _active(find_member(uow, ref, shop.card_keys, for_update=True))
    require_enrolled(member, when, program.timezone)
    now = shop.clock.now()
    check_award_limits(uow, program, member, name, when)
    account = open_account(uow, shop, member)
    movement = post(
        uow,
        account,
        MovementKind.ACTIVITY,
        points,
        when,
        now,
        lots=[new_lot(member.id, when, points, program.expiry.days)],
        activity=name,
        actor=actor.name,
        request_id=key,
        request_hash=asked,
    )
    member.points_earned += points
    tier = tier_at(uow, program, member, when)
    move_tier(
        uow, member, kept_tier(uow, program, member, when, now, tier), when, TierCause.ACTIVITY
    )
    uow.members.save_totals(member)
    asked_id = key.removeprefix("award:") if key else None
    publish(uow, shop.device_id, activity_event(shop.device_id, asked_id, movement))
    write_audit(
        uow,
        shop,
        actor,
        "points.award",
        f"member:{member.id}",
        name,
        {"points": points, "request_id": key},
        now,
    )
    return Awarded(
        points,
        movement.points_after,
        name,
        member.tier,
        False,
        Changes.of_members(member.id, audit=True),
    )


def expire(shop: Shop, actor: Actor, at: datetime | None = None) -> ExpiryRun:
    """The daily job: write expire movements for lapsed lots and re-evaluate tiers."""
    require(actor, Permission.EXPIRE)
    now = shop.clock.now()
    when = at or now
    if when > now + CLOCK_SKEW:
        raise InvalidRequest(
            f"cannot expire points as of {when.isoformat()}: that is in the future",
            code="future_date",
            reason="expire_future",
            field="at",
            value=when.isoformat(),
        )
    expired_points = 0
    members = 0
    touched: set[str] = set()
    with shop.uow() as uow:
        _, program = program_in_force(uow)
        for member_id in uow.ledger.lapsed_members(when):
            member = uow.members.get(member_id, for_update=True)
            assert member is not None
            account = Account.open(uow, member)
            expired = expire_lapsed(uow, shop, account, when, actor.name)
            if expired:
                expired_points += expired
                members += 1
                touched.add(member.id)
                tier = tier_at(uow, program, member, now)  # the record keeps today's tier
                move_tier(uow, member, tier.name if tier else None, now, TierCause.REVIEW)
                uow.members.save_totals(member)
        # Even a catch-up run for a past date leaves every record with today's tier.
        moved = refresh_tiers(uow, program, now)
        uow.commit()
    recommendations.invalidate(shop)  # the daily job: suggestions see yesterday's sales
    return ExpiryRun(expired_points, members, len(moved), Changes(frozenset(touched | set(moved))))


def refresh_tiers(uow: UnitOfWork, program: Program, at: datetime) -> list[str]:
    """Re-measure every active member's tier (rolling windows move with time); the ids that changed."""
    changed = []
    for member in uow.members.active():
        tier = tier_at(uow, program, member, at)
        name = tier.name if tier else None
        if name != member.tier:
            move_tier(uow, member, name, at, TierCause.REVIEW)
            uow.members.save_totals(member)
            changed.append(member.id)
    return changed
