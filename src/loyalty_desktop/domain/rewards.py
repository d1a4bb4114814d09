"""Rewards taken at checkout: which may be taken today, and the money each takes off the basket.

A reward is bought with points like a redemption: its points and its value
join the sale's points redeemed and points value, so the part of the basket
it pays earns nothing and a refund gives its points back in proportion.
Rewards are not bound by the programme's ``redeem`` share or minimum (those
are for plain points), but all rewards together never pay more than the net.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from loyalty_desktop.domain.errors import InvalidRequest, RedemptionNotAllowed
from loyalty_desktop.domain.pricing import SaleLine
from loyalty_desktop.domain.program import Program, Reward


@dataclass(frozen=True)
class RewardUse:
    """A reward taken on a sale: its name, the points it cost and the money (minor units) it paid."""

    name: str
    points: int
    value: int


def item_value(reward_sku: str, lines: Sequence[SaleLine]) -> int | None:
    """One unit's net worth of an item in a priced basket (never more than its lines' net); None if absent."""
    bought = [ln for ln in lines if ln.sku == reward_sku and ln.quantity > 0]
    if not bought:
        return None
    net = sum(ln.net for ln in bought)
    quantity = sum((ln.quantity for ln in bought), Decimal(0))
    unit = int((Decimal(net) / quantity).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return max(min(unit, net), 0)


def check_reward(reward: Reward, day: date, tier: str | None) -> None:
    """Refuse a reward that is not on this shop day or not for this tier."""
    if not reward.valid_on(day):
        raise RedemptionNotAllowed(
            f"the reward {reward.name!r} can be taken from {reward.start} to {reward.end}, "
            "not today",
            reason="reward_not_today",
            field="reward",
            reward=reward.name,
            start=reward.start.isoformat(),
            end=reward.end.isoformat(),
        )
    if not reward.allowed_for(tier):
        raise RedemptionNotAllowed(
            f"the reward {reward.name!r} is only for {', '.join(sorted(reward.tiers))}",
            reason="reward_wrong_tier",
            field="reward",
            reward=reward.name,
            tiers=sorted(reward.tiers),
        )


def use_rewards(
    names: Sequence[str],
    program: Program,
    lines: Sequence[SaleLine],
    net: int,
    *,
    day: date,
    tier: str | None,
) -> tuple[RewardUse, ...]:
    """The rewards named, in the order named, each worth at most what is left of ``net``.

    Raises:
        RedemptionNotAllowed: a reward is unknown, named twice, not on ``day``,
            not for ``tier``, gives an item not in the basket, or finds nothing
            left of the basket to pay.
    """
    used: list[RewardUse] = []
    left = max(net, 0)
    for asked in names:
        name = asked.strip()
        reward = program.reward(name)
        if reward is None:
            raise RedemptionNotAllowed(
                f"there is no reward called {name!r}",
                reason="reward_unknown",
                field="reward",
                reward=name,
            )
        if any(u.name == name for u in used):
            raise RedemptionNotAllowed(
                f"the reward {name!r} is chosen twice; a sale takes each reward once",
                reason="reward_twice",
                field="reward",
                reward=name,
            )
        check_reward(reward, day, tier)
        worth = reward.value
        if reward.sku is not None:
            worth = item_value(reward.sku, lines)
            if worth is None:
                raise InvalidRequest(
                    f"the reward {name!r} gives {reward.sku}: put it in the basket first",
                    reason="reward_item_missing",
                    field="reward",
                    reward=name,
                    sku=reward.sku,
                )
        value = min(worth or 0, left)
        if value <= 0:
            raise RedemptionNotAllowed(
                f"nothing is left of the basket for the reward {name!r} to pay",
                reason="reward_nothing_left",
                field="reward",
                reward=name,
            )
        left -= value
        used.append(RewardUse(name, reward.points, value))
    return tuple(used)
