"""A member's points and tier at a moment, from the cached totals when nothing later exists."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from loyalty_desktop.domain import ledger
from loyalty_desktop.domain.ledger import Lot
from loyalty_desktop.domain.members import Member
from loyalty_desktop.domain.program import Program, TierBasis, TierLevel
from loyalty_desktop.domain.tier_changes import TierCause, TierChange
from loyalty_desktop.domain.tiers import TierStanding, basis_value, tier_for
from loyalty_desktop.services.ports import UnitOfWork


@dataclass(frozen=True)
class PointsState:
    """Balance (sum of movements) and lots as of a moment."""

    balance: int
    lots: list[Lot]

    def available(self, at: datetime) -> int:
        """What the member sees: lapsed points already gone."""
        return ledger.available(self.balance, self.lots, at)


def is_current(member: Member, at: datetime) -> bool:
    """Whether the cached totals hold at ``at`` (nothing was recorded after it)."""
    return member.last_movement_at is None or member.last_movement_at <= at


def member_ids(uow: UnitOfWork, member: Member) -> list[str]:
    """The member and every duplicate merged into them (their history counts too)."""
    return [member.id, *uow.members.merged_into(member.id)]


def points_state(uow: UnitOfWork, member: Member, at: datetime) -> PointsState:
    """Points as of ``at``: the cached balance and open lots, or the history replayed up to ``at``."""
    if is_current(member, at):
        return PointsState(member.balance, uow.ledger.lots(member.id))
    return _replayed(uow, member, at)


def _replayed(uow: UnitOfWork, member: Member, at: datetime) -> PointsState:
    balance, lots = ledger.state_at(uow.ledger.history([member.id]), at)
    return PointsState(balance, lots)


def standing(
    uow: UnitOfWork,
    program: Program,
    member: Member,
    at: datetime,
    *,
    pending_spend: int = 0,
    pending_visits: int = 0,
) -> TierStanding:
    """The measures the programme's tier basis needs, as of ``at`` (others left at zero).

    ``pending_spend`` and ``pending_visits`` count a sale being posted that is
    not stored yet, so the tier after a sale includes the sale itself.
    """
    rule = program.tiers
    current = is_current(member, at)
    basis = rule.basis
    if basis is TierBasis.LIFETIME_SPEND:
        spend = member.lifetime_spend if current else uow.sales.spend_until(member.id, at)
        return TierStanding(lifetime_spend=spend + pending_spend)
    if basis is TierBasis.POINTS_EARNED:
        earned = (
            member.points_earned
            if current
            else uow.ledger.points_earned(member_ids(uow, member), at)
        )
        return TierStanding(points_earned=earned)
    start = at - timedelta(days=rule.window_days)
    window = uow.sales.window(member.id, start, at)
    spend = window.spend + pending_spend
    if basis is TierBasis.ROLLING_SPEND:
        return TierStanding(rolling_spend=spend)
    interactions = uow.ledger.count_kind(member_ids(uow, member), "activity", start, at)
    return TierStanding(
        rolling_spend=spend, visits=window.visits + pending_visits, interactions=interactions
    )


def tier_at(
    uow: UnitOfWork,
    program: Program,
    member: Member,
    at: datetime,
    *,
    pending_spend: int = 0,
    pending_visits: int = 0,
) -> TierLevel | None:
    """The member's tier at ``at``, measured on the programme's basis (see ``standing``)."""
    measures = standing(
        uow, program, member, at, pending_spend=pending_spend, pending_visits=pending_visits
    )
    return tier_for(program.tiers, basis_value(program.tiers, measures, program.currency))


# A post this close to now is "now"; an older one must not leave a past tier on the record.
_RECENT = timedelta(minutes=5)


def kept_tier(
    uow: UnitOfWork,
    program: Program,
    member: Member,
    at: datetime,
    now: datetime,
    tier_then: TierLevel | None,
) -> str | None:
    """The tier to cache on the member record after a post dated ``at``: the tier as of now."""
    if at >= now - _RECENT:
        return tier_then.name if tier_then else None
    current = tier_at(uow, program, member, now)
    return current.name if current else None


def move_tier(
    uow: UnitOfWork,
    member: Member,
    name: str | None,
    at: datetime,
    cause: TierCause,
    ref: str | None = None,
) -> None:
    """Set the member's cached tier, recording the change (and why) when it is one."""
    if name != member.tier:
        uow.members.add_tier_change(TierChange(member.id, at, member.tier, name, cause, ref))
        member.tier = name


def is_backdated(member: Member, at: datetime) -> bool:
    """Whether a post dated ``at`` lands before movements already recorded."""
    return member.last_movement_at is not None and at < member.last_movement_at


def points_as_of(uow: UnitOfWork, member: Member, at: datetime) -> int:
    """The member's points as of ``at`` from the stored history (for a backdated post's result)."""
    return _replayed(uow, member, at).available(at)
