"""A member as the till and the command show them: tier, points, what expires, next tier, rewards open to them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from loyalty_desktop.domain import ledger
from loyalty_desktop.domain.earn import EarnContext, campaign_applies
from loyalty_desktop.domain.members import MemberStatus
from loyalty_desktop.domain.money import Currency
from loyalty_desktop.domain.program import TierBasis
from loyalty_desktop.domain.tiers import basis_value, next_tier, tier_for
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.lookup import find_member_match
from loyalty_desktop.services.members import card_code
from loyalty_desktop.services.programs import program_in_force
from loyalty_desktop.services.standing import is_current, points_state, standing


@dataclass(frozen=True)
class Expiring:
    """Points that will lapse at a moment (in the shop's time zone)."""

    points: int
    expires_at: datetime


@dataclass(frozen=True)
class NextTier:
    """The next tier up and how much more of the tier basis it takes (money in major units)."""

    name: str
    needs: Decimal
    basis: TierBasis


@dataclass(frozen=True)
class Offer:
    """A campaign on for this member today; ``categories`` empty means the whole basket."""

    name: str
    multiplier: Decimal
    bonus: int
    categories: tuple[str, ...]


@dataclass(frozen=True)
class RewardOffer:
    """A reward this member may take today: a coupon (``value``, minor units) or an item (``sku``).

    ``affordable`` says whether their spendable points cover ``points``.
    """

    name: str
    points: int
    value: int | None
    sku: str | None
    affordable: bool


@dataclass(frozen=True)
class MemberView:
    """A member as of a moment: money in minor units, moments in the shop's time zone."""

    id: str
    member_no: str
    name: str
    tier: str | None
    points: int
    spendable: int
    expiring: tuple[Expiring, ...]
    spend: int
    next_tier: NextTier | None
    status: MemberStatus
    phone: str | None
    email: str | None
    birthday: date | None
    consent: bool
    card: str | None
    currency: Currency
    matched: str
    as_of: datetime
    offers: tuple[Offer, ...] = ()
    rewards: tuple[RewardOffer, ...] = ()  # on today for their tier, in file (hotkey) order


def show_member(shop: Shop, actor: Actor, ref: str, at: datetime | None = None) -> MemberView:
    """Tier, points, expiring points and spend of a member as of ``at``."""
    require(actor, Permission.FIND_MEMBER)
    with shop.uow(write=False) as uow:
        when = at or shop.clock.now()
        match = find_member_match(uow, ref, shop.card_keys)
        member = match.member
        _, program = program_in_force(uow)
        state = points_state(uow, member, when)
        measures = standing(uow, program, member, when)
        value = basis_value(program.tiers, measures, program.currency)
        tier = tier_for(program.tiers, value)
        upcoming = next_tier(program.tiers, value)
        ctx = EarnContext(
            local_date=when.astimezone(ZoneInfo(program.timezone)).date(),
            tier=tier.name if tier else None,
            birthday_month=member.birthday.month if member.birthday else None,
        )
        offers = tuple(
            Offer(c.name, c.multiplier, c.bonus, tuple(sorted(c.categories)))
            for c in program.campaigns
            if campaign_applies(c, ctx)
        )
        spend = (
            member.lifetime_spend
            if is_current(member, when)
            else uow.sales.spend_until(member.id, when)
        )
    zone = ZoneInfo(program.timezone)
    spendable = ledger.spendable(state.balance, state.lots, when)
    rewards = tuple(
        RewardOffer(r.name, r.points, r.value, r.sku, affordable=spendable >= r.points)
        for r in program.rewards
        if r.valid_on(ctx.local_date) and r.allowed_for(ctx.tier)
    )
    return MemberView(
        id=member.id,
        member_no=member.member_no,
        name=member.name,
        tier=tier.name if tier else None,
        points=state.available(when),
        spendable=spendable,
        expiring=tuple(
            Expiring(p, moment.astimezone(zone)) for p, moment in ledger.expiring(state.lots, when)
        ),
        spend=spend,
        next_tier=NextTier(upcoming[0].name, upcoming[1], program.tiers.basis)
        if upcoming
        else None,
        status=member.status,
        phone=member.phone,
        email=member.email,
        birthday=member.birthday,
        consent=member.consent,
        card=card_code(member, shop.card_keys) if member.active else None,
        currency=program.currency,
        matched=match.matched,
        as_of=when.astimezone(zone),
        offers=offers,
        rewards=rewards if member.active else (),
    )
