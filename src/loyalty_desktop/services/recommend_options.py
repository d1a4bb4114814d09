"""What a manager leaves out of suggestions, kept in the shop's settings and audited when changed."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from loyalty_desktop.domain.errors import InvalidRequest
from loyalty_desktop.domain.json_data import JsonValue
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.journal import write_audit
from loyalty_desktop.services.ports import UnitOfWork

SETTING = "recommend_options"
MAX_SKIP_DAYS = 3650


@dataclass(frozen=True)
class RecommendOptions:
    """What a manager leaves out of suggestions.

    ``skip_bought_within_days``: items the member bought in that many days (None: keep them).
    ``excluded_categories``: never suggested. ``active_only``: products switched off (out
    of stock, withdrawn) are not suggested; items sold but never in the product list are
    kept. ``consumable_categories``: goods bought again and again (milk, rice, cat food):
    an item of theirs the member bought on two days or more is suggested again once their
    usual interval for it has passed since they last bought it, and not before, whatever
    ``skip_bought_within_days`` says; bought on one day only, it is treated like any item.
    """

    skip_bought_within_days: int | None = None
    excluded_categories: frozenset[str] = frozenset()
    active_only: bool = True
    consumable_categories: frozenset[str] = frozenset()


def check_skip_days(days: int | None) -> None:
    """Refuse a "bought in the last N days" outside 0..MAX_SKIP_DAYS (stored or for one request)."""
    if days is not None and not 0 <= days <= MAX_SKIP_DAYS:
        raise InvalidRequest(
            f"leave out what was bought in 0 to {MAX_SKIP_DAYS} days, or nothing",
            reason="recommend_skip_days_range",
            field="skip_bought_within_days",
        )


def options_in_force(uow: UnitOfWork) -> RecommendOptions:
    """The stored options; a shop that never set them suggests everything it has."""
    stored = uow.settings.get(SETTING)
    saved = json.loads(stored) if stored else {}
    skip = saved.get("skip_bought_within_days")
    return RecommendOptions(
        skip_bought_within_days=None if skip is None else int(skip),
        excluded_categories=frozenset(saved.get("excluded_categories", ())),
        active_only=bool(saved.get("active_only", True)),
        consumable_categories=frozenset(saved.get("consumable_categories", ())),
    )


def _names(categories: Iterable[str]) -> frozenset[str]:
    return frozenset(c.strip() for c in categories if c.strip())


def recommend_options(shop: Shop, actor: Actor) -> RecommendOptions:
    """The options in force, for the screen that edits them (manager)."""
    require(actor, Permission.PRODUCTS)
    with shop.uow(write=False) as uow:
        return options_in_force(uow)


def set_recommend_options(
    shop: Shop,
    actor: Actor,
    *,
    skip_bought_within_days: int | None,
    excluded_categories: Iterable[str] = (),
    active_only: bool = True,
    consumable_categories: Iterable[str] = (),
) -> RecommendOptions:
    """Replace the options (manager); audited with the options before and after."""
    require(actor, Permission.PRODUCTS)
    check_skip_days(skip_bought_within_days)
    after = RecommendOptions(
        skip_bought_within_days,
        _names(excluded_categories),
        active_only,
        _names(consumable_categories),
    )
    both = after.excluded_categories & after.consumable_categories
    if both:
        raise InvalidRequest(
            f"a category is either left out or consumable, not both: {', '.join(sorted(both))}",
            reason="recommend_category_both",
            field="consumable_categories",
            categories=", ".join(sorted(both)),
        )
    categories: list[JsonValue] = [*sorted(after.excluded_categories)]
    consumables: list[JsonValue] = [*sorted(after.consumable_categories)]
    was: list[JsonValue] = []
    was_consumables: list[JsonValue] = []
    text: dict[str, JsonValue] = {
        "skip_bought_within_days": after.skip_bought_within_days,
        "excluded_categories": categories,
        "active_only": after.active_only,
        "consumable_categories": consumables,
    }
    with shop.uow() as uow:
        before = options_in_force(uow)
        was.extend(sorted(before.excluded_categories))
        was_consumables.extend(sorted(before.consumable_categories))
        uow.settings.set(SETTING, json.dumps(text, ensure_ascii=False))
        write_audit(
            uow,
            shop,
            actor,
            "recommend.options",
            f"setting:{SETTING}",
            None,
            {
                **text,
                "was_skip_bought_within_days": before.skip_bought_within_days,
                "was_excluded_categories": was,
                "was_active_only": before.active_only,
                "was_consumable_categories": was_consumables,
            },
            shop.clock.now(),
        )
        uow.commit()
    return after
