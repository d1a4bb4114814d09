"""What merging two members would give, worked out without writing anything, for a manager to check first.

The preview applies the rules of ``merge.merge_members``: the kept member's
profile with blanks filled from the duplicate, both members' unexpired points
(each lot keeps its expiry), both purchase histories, and the tier measured
on them together. The same refusals apply (a member with themselves, a
closed member), so a preview that passes is a merge that will.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime

from loyalty_desktop.domain.members import Member, merged_profile
from loyalty_desktop.domain.money import Currency
from loyalty_desktop.domain.tiers import TierStanding, basis_value, tier_for
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.lookup import find_member
from loyalty_desktop.services.merge import check_pair
from loyalty_desktop.services.moments import request_moment
from loyalty_desktop.services.programs import program_in_force
from loyalty_desktop.services.standing import points_state, standing


@dataclass(frozen=True)
class MergeSide:
    """One of the two members as they are now (money in minor units)."""

    id: str
    member_no: str
    name: str
    points: int
    lifetime_spend: int
    tier: str | None
    sales: int


@dataclass(frozen=True)
class MergePreview:
    """The member kept, as the merge would leave them, beside the two members as they are."""

    keep: MergeSide
    other: MergeSide
    name: str
    phone: str | None
    email: str | None
    birthday: date | None
    consent: bool
    points: int
    lots_moved: int
    sales_moved: int
    lifetime_spend: int
    tier: str | None
    currency: Currency


def _sum(a: TierStanding, b: TierStanding) -> TierStanding:
    return TierStanding(**{f.name: getattr(a, f.name) + getattr(b, f.name) for f in fields(a)})


def preview_merge(
    shop: Shop, actor: Actor, keep_ref: str, other_ref: str, at: datetime | None = None
) -> MergePreview:
    """The result of merging OTHER into KEEP, computed without changing anything."""
    require(actor, Permission.MERGE)
    when = request_moment(shop, actor, at)
    with shop.uow(write=False) as uow:
        keep = find_member(uow, keep_ref, shop.card_keys)
        other = find_member(uow, other_ref, shop.card_keys)
        _, program = program_in_force(uow)
        check_pair(keep, other, when, program.timezone)
        sides = []
        for member in (keep, other):
            state = points_state(uow, member, when)
            sides.append(
                (
                    MergeSide(
                        member.id,
                        member.member_no,
                        member.name,
                        state.available(when),
                        member.lifetime_spend,
                        member.tier,
                        len(uow.sales.of_member(member.id)),
                    ),
                    state,
                    standing(uow, program, member, when),
                )
            )
        (kept, _, keep_standing), (dup, dup_state, dup_standing) = sides
        both = _sum(keep_standing, dup_standing)
        tier = tier_for(program.tiers, basis_value(program.tiers, both, program.currency))
    combined: Member = merged_profile(keep, other)
    return MergePreview(
        keep=kept,
        other=dup,
        name=combined.name,
        phone=combined.phone,
        email=combined.email,
        birthday=combined.birthday,
        consent=combined.consent,
        points=kept.points + dup.points,
        lots_moved=sum(
            1 for lot in dup_state.lots if lot.remaining > 0 and not lot.lapsed_at(when)
        ),
        sales_moved=dup.sales,
        lifetime_spend=combined.lifetime_spend,
        tier=tier.name if tier else None,
        currency=program.currency,
    )
