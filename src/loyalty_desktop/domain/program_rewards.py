"""Reading the programme file's ``[[rewards]]`` tables: coupons and item rewards bought with points.

Kept apart from ``program_file`` (which calls it) so that module stays one
idea: the refusals use the same reader, so they name file, line and key.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from loyalty_desktop.domain.money import Currency
from loyalty_desktop.domain.program import Reward, TierRule
from loyalty_desktop.domain.toml_lines import KeyPath

if TYPE_CHECKING:
    from loyalty_desktop.domain.program_file import _Reader

REWARD_KEYS = {"name", "points", "value", "sku", "start", "end", "tiers", "stock"}
MAX_STOCK = 100_000_000
MAX_REWARD_POINTS = 100_000_000  # far above any real reward; keeps sums inside 64 bits
MAX_NAME = 40  # shown on a till button and printed on a receipt line


def parse_rewards(
    r: _Reader, value: Any, tiers: TierRule, currency: Currency
) -> tuple[Reward, ...]:
    """The ``[[rewards]]`` tables in file order (the till's hotkey order).

    Raises:
        BadProgram: a table is malformed, two rewards share a name, a reward
            names an unknown tier, or it has both or neither of value and sku.
    """
    if not isinstance(value, list):
        raise r.fail(
            ("rewards",),
            "must be written as [[rewards]] tables",
            reason="program_rewards_not_tables",
        )
    result: list[Reward] = []
    for i, raw in enumerate(value):
        reward = _reward(r, raw, ("rewards", i), tiers, currency)
        if any(other.name == reward.name for other in result):
            raise r.fail(
                ("rewards", i, "name"),
                f"reward {reward.name!r} is named twice",
                reason="program_reward_named_twice",
                reward=reward.name,
            )
        result.append(reward)
    return tuple(result)


def _reward(r: _Reader, raw: Any, path: KeyPath, tiers: TierRule, currency: Currency) -> Reward:
    t = r.table(raw, path, REWARD_KEYS)
    if "name" not in t:
        raise r.fail(path, "a reward needs a name", reason="program_reward_unnamed")
    name = r.text(t["name"], (*path, "name"))
    if len(name) > MAX_NAME:
        raise r.fail(
            (*path, "name"),
            f"a reward's name is at most {MAX_NAME} characters",
            reason="program_reward_name_long",
            maximum=MAX_NAME,
        )
    if "points" not in t:
        raise r.fail(
            path, f"reward {name!r} needs its cost in points", reason="program_reward_no_points"
        )
    points = r.integer(t["points"], (*path, "points"), minimum=1, maximum=MAX_REWARD_POINTS)
    if ("value" in t) == ("sku" in t):
        raise r.fail(
            path,
            f"reward {name!r} needs either a value (a coupon) or a sku (an item), not both",
            reason="program_reward_value_or_sku",
            reward=name,
        )
    money = None
    if "value" in t:
        money = r.money(t["value"], (*path, "value"), currency)
        if money <= 0:
            raise r.fail((*path, "value"), "must be more than 0", reason="program_not_positive")
    sku = r.text(t["sku"], (*path, "sku")) if "sku" in t else None
    start = r.day(t.get("start", "0001-01-01"), (*path, "start"))
    end = r.day(t.get("end", "9999-12-31"), (*path, "end"))
    if end < start:
        raise r.fail(
            (*path, "end"),
            f"ends ({end}) before it starts ({start})",
            reason="program_reward_ends_before_start",
            start=start.isoformat(),
            end=end.isoformat(),
        )
    tier_names = r.texts(t.get("tiers", []), (*path, "tiers"))
    for tier in sorted(tier_names):
        if tiers.level(tier) is None:
            raise r.fail(
                (*path, "tiers"),
                f"no tier is called {tier!r}",
                reason="program_unknown_tier",
                tier=tier,
            )
    stock = r.integer(t["stock"], (*path, "stock"), maximum=MAX_STOCK) if "stock" in t else None
    return Reward(name, points, money, sku, start, end, tier_names, stock)
