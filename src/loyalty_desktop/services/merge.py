"""Merging a duplicate member into the one kept: points with their expiry, purchase history, profile."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from loyalty_desktop.domain.errors import InvalidRequest, MemberClosed
from loyalty_desktop.domain.ledger import Allocation, MovementKind
from loyalty_desktop.domain.members import Member, MemberStatus, merged_profile
from loyalty_desktop.domain.tier_changes import TierCause
from loyalty_desktop.services import recommendations
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.changes import Changes
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.events import merge_event
from loyalty_desktop.services.expiry import open_account
from loyalty_desktop.services.journal import publish, write_audit
from loyalty_desktop.services.lookup import find_member
from loyalty_desktop.services.moments import request_moment, require_enrolled
from loyalty_desktop.services.postings import new_lot, post
from loyalty_desktop.services.programs import program_in_force
from loyalty_desktop.services.standing import move_tier, tier_at


@dataclass(frozen=True)
class Merged:
    """A merge: the member kept, their points after it, the duplicate closed, sales moved."""

    id: str
    points: int
    merged: str
    sales_moved: int
    changes: Changes


def check_pair(keep: Member, other: Member, when: datetime, timezone: str) -> None:
    """Refuse a merge of a member with themselves, of a closed member, or dated before either joined."""
    if keep.id == other.id:
        raise InvalidRequest(
            "a member cannot be merged with themselves",
            reason="merge_same_member",
            field="other",
        )
    for member in (keep, other):
        if not member.active:
            raise MemberClosed(
                f"member {member.member_no} is {member.status.value}",
                member_no=member.member_no,
                status=member.status.value,
            )
        require_enrolled(member, when, timezone)


def merge_members(
    shop: Shop,
    actor: Actor,
    keep_ref: str,
    other_ref: str,
    at: datetime | None = None,
    reason: str | None = None,
) -> Merged:
    """Move OTHER's points (each lot keeps its expiry), sales and missing profile data to KEEP; close OTHER."""
    require(actor, Permission.MERGE)
    when = request_moment(shop, actor, at)
    with shop.uow() as uow:
        keep = find_member(uow, keep_ref, shop.card_keys, for_update=True)
        other = find_member(uow, other_ref, shop.card_keys, for_update=True)
        _, program = program_in_force(uow)
        check_pair(keep, other, when, program.timezone)
        now = shop.clock.now()
        source = open_account(uow, shop, other)
        target = open_account(uow, shop, keep)
        moved = [lot for lot in source.lots if lot.remaining > 0]
        transferred = other.balance
        # Each copy keeps its lot's expiry and remembers where its points came from.
        copies = [
            new_lot(
                keep.id, lot.at, lot.remaining, 0, lot.expires_at, keep_expiry=True, source=lot.id
            )
            for lot in moved
        ]
        post(
            uow,
            source,
            MovementKind.MERGE_OUT,
            -transferred,
            when,
            now,
            allocations=[Allocation(lot.id, lot.remaining) for lot in moved],
            reason=f"merged into {keep.member_no}",
            actor=actor.name,
        )
        # Copies keep each lot's expiry; if the duplicate owed points, settling the kept
        # member's account after the copies arrive pays that debt from spendable lots.
        post(
            uow,
            target,
            MovementKind.MERGE_IN,
            transferred,
            when,
            now,
            lots=copies,
            reason=f"merged from {other.member_no}",
            actor=actor.name,
        )
        moved_sales = uow.sales.reassign(other.id, keep.id)
        combined = merged_profile(keep, other)
        tier = tier_at(uow, program, combined, when)
        move_tier(
            uow, combined, tier.name if tier else None, when, TierCause.MERGE, other.member_no
        )
        uow.members.save(combined)
        closed = replace(other, status=MemberStatus.CLOSED, merged_into=keep.id)
        uow.members.save(closed)
        publish(
            uow,
            shop.device_id,
            merge_event(keep, other, moved_sales, when, source.movements + target.movements),
        )
        write_audit(
            uow,
            shop,
            actor,
            "member.merge",
            f"member:{keep.id}",
            reason,
            {"other": other.id, "other_no": other.member_no, "points": transferred},
            now,
        )
        uow.commit()
        points = target.available(when)
    if moved_sales:
        recommendations.invalidate(shop)  # the kept member's history now holds the other's
    return Merged(
        keep.id,
        points,
        other.id,
        moved_sales,
        Changes.of_members(keep.id, other.id, sales=moved_sales > 0, audit=True),
    )
