"""Writing a ``Program`` back as a programme file (TOML): ``parse_program(write_program(p)) == p``.

The back office edits a programme and saves it as text through the same
loader a shop's own file goes through, and exports it in the CONTRACT format.
Every key is written, so the file shows the shop what is in force.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from loyalty_desktop.domain.money import format_money
from loyalty_desktop.domain.program import WEEKDAYS, Campaign, Program, Reward, TierLevel
from loyalty_desktop.domain.program_lifecycle import lifecycle_data
from loyalty_desktop.domain.toml_writer import dump_toml


def number_text(value: Decimal) -> str:
    """A programme decimal as the file writes it: plain digits, never an exponent."""
    return format(value, "f")


def _day(value: date) -> str:
    return value.isoformat()


def program_data(program: Program) -> dict[str, Any]:
    """The programme as the tables of its file (TOML-ready: text, whole numbers, lists)."""
    cur = program.currency
    data: dict[str, Any] = {}
    if program.shop_name:
        data["shop_name"] = program.shop_name
    data |= {
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
        "activity_limits": dict(program.activity_limits),
        "birthday_award": {"window_days": program.birthday_window_days},
        "expiry": {"days": program.expiry.days},
        "redeem": {
            "point_value": number_text(program.redeem.point_value),
            "min_points": program.redeem.min_points,
            "max_share": number_text(program.redeem.max_share),
        },
        "tiers": _tiers(program),
        "lifecycle": lifecycle_data(program.lifecycle),
    }
    if program.campaigns:  # an empty list would read as a key, not as tables
        data["campaigns"] = [_campaign(c) for c in program.campaigns]
    if program.rewards:
        data["rewards"] = [_reward(r, program) for r in program.rewards]
    return data


def _tiers(program: Program) -> dict[str, Any]:
    tiers = program.tiers
    score = tiers.score
    return {
        "basis": tiers.basis.value,
        "window_days": tiers.window_days,
        "score": {
            "spend_full": number_text(score.spend_full),
            "visits_full": score.visits_full,
            "interactions_full": score.interactions_full,
            "spend_weight": number_text(score.spend_weight),
            "activity_weight": number_text(score.activity_weight),
            "interaction_weight": number_text(score.interaction_weight),
        },
        # lowest first, as people write them; the reader sorts them again
        "levels": [_level(lvl) for lvl in reversed(tiers.levels)],
    }


def _level(level: TierLevel) -> dict[str, Any]:
    written: dict[str, Any] = {
        "name": level.name,
        "threshold": number_text(level.threshold),
        "discount_pct": number_text(level.discount_pct),
        "earn_multiplier": number_text(level.earn_multiplier),
    }
    if level.colour:
        written["colour"] = level.colour
    return written


def _campaign(campaign: Campaign) -> dict[str, Any]:
    return {
        "name": campaign.name,
        "start": _day(campaign.start),
        "end": _day(campaign.end),
        "multiplier": number_text(campaign.multiplier),
        "bonus": campaign.bonus,
        "weekdays": [WEEKDAYS[d] for d in sorted(campaign.weekdays)],
        "month_days": sorted(campaign.month_days),
        "categories": sorted(campaign.categories),
        "tiers": sorted(campaign.tiers),
        "birthday_month": campaign.birthday_month,
    }


def _reward(reward: Reward, program: Program) -> dict[str, Any]:
    written: dict[str, Any] = {"name": reward.name, "points": reward.points}
    if reward.value is not None:
        written["value"] = format_money(reward.value, program.currency)
    if reward.sku is not None:
        written["sku"] = reward.sku
    written |= {
        "start": _day(reward.start),
        "end": _day(reward.end),
        "tiers": sorted(reward.tiers),
    }
    if reward.stock is not None:
        written["stock"] = reward.stock
    return written


def write_program(program: Program) -> str:
    """The programme file (TOML) that reads back as ``program``."""
    return "# Loyalty programme (written by loyalty-desktop)\n" + dump_toml(program_data(program))
