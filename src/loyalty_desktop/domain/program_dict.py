"""The programme as JSON-ready data: every key filled in, money as decimal strings (``program show``)."""

from __future__ import annotations

from typing import Any

from loyalty_desktop.domain.money import format_money
from loyalty_desktop.domain.program import WEEKDAYS, Program, Reward
from loyalty_desktop.domain.program_lifecycle import lifecycle_data


def program_to_dict(program: Program) -> dict[str, Any]:
    """The programme with every key filled in, as JSON-ready data (money as decimal strings)."""
    cur = program.currency
    tiers = program.tiers
    return {
        "shop_name": program.shop_name,
        "currency": cur.code,
        "timezone": program.timezone,
        "campaign_policy": program.campaign_policy.value,
        "earn": {
            "points": program.earn.points,
            "per": format_money(program.earn.per, cur),
            "min_order": format_money(program.earn.min_order, cur),
            "exclude_categories": sorted(program.earn.exclude_categories),
            "exclude_skus": sorted(program.earn.exclude_skus),
        },
        "activity": dict(program.activity),
        "activity_limits": {
            name: program.daily_limit(name)
            for name in sorted({n for n, _ in program.activity} - {"birthday"})
        },
        "birthday_award": {"window_days": program.birthday_window_days},
        "expiry": {"days": program.expiry.days},
        "redeem": {
            "point_value": str(program.redeem.point_value),
            "min_points": program.redeem.min_points,
            "max_share": str(program.redeem.max_share),
        },
        "tiers": {
            "basis": tiers.basis.value,
            "window_days": tiers.window_days,
            "score": {
                "spend_full": str(tiers.score.spend_full),
                "visits_full": tiers.score.visits_full,
                "interactions_full": tiers.score.interactions_full,
                "spend_weight": str(tiers.score.spend_weight),
                "activity_weight": str(tiers.score.activity_weight),
                "interaction_weight": str(tiers.score.interaction_weight),
            },
            "levels": [
                {
                    "name": lvl.name,
                    "threshold": str(lvl.threshold),
                    "discount_pct": str(lvl.discount_pct),
                    "earn_multiplier": str(lvl.earn_multiplier),
                    # only when set, so programmes without colours print as they always did
                    **({"colour": lvl.colour} if lvl.colour else {}),
                }
                for lvl in reversed(tiers.levels)
            ],
        },
        "campaigns": [
            {
                "name": c.name,
                "start": c.start.isoformat(),
                "end": c.end.isoformat(),
                "multiplier": str(c.multiplier),
                "bonus": c.bonus,
                "weekdays": [WEEKDAYS[d] for d in sorted(c.weekdays)],
                "month_days": sorted(c.month_days),
                "categories": sorted(c.categories),
                "tiers": sorted(c.tiers),
                "birthday_month": c.birthday_month,
            }
            for c in program.campaigns
        ],
        "rewards": [_reward(r, program) for r in program.rewards],
        "lifecycle": lifecycle_data(program.lifecycle),
    }


def _reward(reward: Reward, program: Program) -> dict[str, Any]:
    """A reward as its ``[[rewards]]`` table reads: ``value`` or ``sku``, never both."""
    shown: dict[str, Any] = {"name": reward.name, "points": reward.points}
    if reward.value is not None:
        shown["value"] = format_money(reward.value, program.currency)
    if reward.sku is not None:
        shown["sku"] = reward.sku
    shown["start"] = reward.start.isoformat()
    shown["end"] = reward.end.isoformat()
    shown["tiers"] = sorted(reward.tiers)
    if reward.stock is not None:  # only when set, so older outputs read as before
        shown["stock"] = reward.stock
    return shown
