"""A member's record as the back office reads it: points lots with their expiry, and tier changes.

Both are a manager's view (``BROWSE_MEMBERS``): the till shows a member only
their balance and what expires soon.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.lookup import find_member


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
class TierChange:
    """A sale that moved the member from one tier to another."""

    at: datetime
    sale_no: str
    before: str | None
    after: str | None


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


def tier_history(shop: Shop, actor: Actor, ref: str) -> tuple[TierChange, ...]:
    """Every sale that changed the member's tier, newest first.

    The tier a sale began and ended with is stored on it; a change made by the
    nightly re-evaluation or a refund is not recorded, so only the current tier
    shows it.
    """
    require(actor, Permission.BROWSE_MEMBERS)
    with shop.uow(write=False) as uow:
        member = find_member(uow, ref, shop.card_keys, follow=False)
        sales = uow.sales.of_member(member.id)
    changes = [
        TierChange(s.at, s.sale_no, s.tier_before, s.tier_after)
        for s in sales
        if s.tier_after is not None and s.tier_before != s.tier_after
    ]
    return tuple(sorted(changes, key=lambda c: c.at, reverse=True))
