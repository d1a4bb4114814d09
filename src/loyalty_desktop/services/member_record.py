"""A member's record as the back office reads it: points lots with their expiry, tier changes, stages.

Both are a manager's view (``BROWSE_MEMBERS``): the till shows a member only
their balance and what expires soon.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from loyalty_desktop.analytics.lifecycle_history import StageChange, sales_stage_history
from loyalty_desktop.domain.tier_changes import TierCause
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.lookup import find_member
from loyalty_desktop.services.programs import program_in_force
from loyalty_desktop.services.read_models import SaleCursor


@dataclass(frozen=True)
class LotLine:
    """Points from one credit still held: when they came, how many are left, when they lapse.

    ``expired`` lots are lapsed points the nightly job has not written off
    yet: they can no longer be spent. ``carried`` lots came from a merge or a
    refund's restore, with the expiry of the lot they came from.
    """

    at: datetime
    points: int
    remaining: int
    expires_at: datetime | None
    expired: bool
    carried: bool


@dataclass(frozen=True)
class TierMove:
    """A move from one tier to another, what made it, and the sale or refund that did (if one did)."""

    at: datetime
    before: str | None
    after: str | None
    cause: TierCause
    ref: str | None


def member_lots(shop: Shop, actor: Actor, ref: str) -> tuple[LotLine, ...]:
    """The member's lots still holding points, the soonest to expire first."""
    require(actor, Permission.BROWSE_MEMBERS)
    now = shop.clock.now()
    with shop.uow(write=False) as uow:
        member = find_member(uow, ref, shop.card_keys, follow=False)
        lots = uow.ledger.lots(member.id)
    held = [lot for lot in lots if lot.remaining > 0]
    held.sort(key=lambda lot: (lot.expires_at is None, lot.expires_at or lot.at, lot.at))
    return tuple(
        LotLine(
            lot.at,
            lot.points,
            lot.remaining,
            lot.expires_at,
            lot.lapsed_at(now),
            lot.source is not None,
        )
        for lot in held
    )


def tier_history(shop: Shop, actor: Actor, ref: str) -> tuple[TierMove, ...]:
    """Every change of the member's tier, newest first: sales, refunds, activities, the daily review, merges."""
    require(actor, Permission.BROWSE_MEMBERS)
    with shop.uow(write=False) as uow:
        member = find_member(uow, ref, shop.card_keys, follow=False)
        changes = uow.members.tier_changes(member.id)
    return tuple(
        TierMove(c.at, c.before, c.after, c.cause, c.ref)
        for c in sorted(changes, key=lambda c: c.at, reverse=True)
    )


def stage_changes(shop: Shop, actor: Actor, ref: str) -> tuple[StageChange, ...]:
    """The member's lifecycle stage since their first purchase, newest change first.

    Read from the member's own sales, net of refunds, under the programme's
    ``[lifecycle]`` rules in force now (the report's rules, applied to every day).
    """
    require(actor, Permission.BROWSE_MEMBERS)
    with shop.uow(write=False) as uow:
        member = find_member(uow, ref, shop.card_keys, follow=False)
        _, program = program_in_force(uow)
    rows, cursor = [], None
    while True:
        page = shop.reads.sales(member.id, cursor, 500)
        rows.extend(page)
        if len(page) < 500:
            break
        cursor = SaleCursor(page[-1].at, page[-1].id)
    today = shop.clock.now().astimezone(ZoneInfo(program.timezone)).date()
    sales = [(r.at, r.net - r.refunded_net) for r in rows]
    history = sales_stage_history(sales, program.timezone, today, program.lifecycle)
    return tuple(reversed(history))
