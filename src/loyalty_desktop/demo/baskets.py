"""What a shopper puts in the basket on a given day: categories they like, favourites, the season.

Product weights per day are worked out once and cached, since a year of
sales draws tens of thousands of baskets.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from itertools import accumulate

from loyalty_desktop.demo.catalogue import (
    CATALOGUE,
    CATEGORIES,
    Product,
    category_factor,
    in_mooncake_season,
    in_spring_festival_run_up,
    season_factor,
)
from loyalty_desktop.domain.money import Currency, format_money, line_amount

Basket = dict[str, tuple[Product, Decimal]]  # SKU -> product and quantity
_CNY = Currency.of("CNY")


@dataclass(frozen=True)
class _Day:
    """What a shop day means for baskets, worked out once per day."""

    categories: tuple[float, ...]  # how well each category sells, aligned with CATEGORIES
    new_year_shopping: bool
    mooncakes: bool
    promotion: bool  # 满减 on bigger baskets


class Shelf:
    """Picks products as they sell on a given day (weights cached per day)."""

    def __init__(self) -> None:
        self.by_category: dict[str, list[Product]] = defaultdict(list)
        for product in CATALOGUE:
            self.by_category[product.category].append(product)
        self.cache: dict[tuple[str, date], tuple[list[Product], list[float]]] = {}
        self.days: dict[date, _Day] = {}

    def day(self, day: date) -> _Day:
        """The day's selling conditions."""
        found = self.days.get(day)
        if found is None:
            run_up = in_spring_festival_run_up(day)
            found = _Day(
                tuple(category_factor(c, day) for c in CATEGORIES),
                run_up,
                in_mooncake_season(day),
                run_up or (day.month == 10 and day.day <= 7),
            )
            self.days[day] = found
        return found

    def pick(self, rng: random.Random, category: str, day: date) -> Product | None:
        """A product of ``category`` as they sell on ``day`` (None if none is on the shelf)."""
        key = (category, day)
        if key not in self.cache:
            products = self.by_category[category]
            self.cache[key] = (
                products,
                list(accumulate(p.popularity * season_factor(p, day) for p in products)),
            )
        products, cumulative = self.cache[key]
        if not cumulative[-1]:
            return None
        return rng.choices(products, cum_weights=cumulative)[0]


def _poisson(rng: random.Random, mean: float) -> int:
    limit, k, p = math.exp(-mean), 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


def _quantity(rng: random.Random, product: Product) -> Decimal:
    if product.weighed:
        return Decimal(f"{rng.uniform(0.25, 2.0):.3f}")
    if product.category in ("drinks", "alcohol", "dairy"):
        return Decimal(rng.choice((1, 1, 1, 1, 1, 2, 2, 3, 4, 6)))
    if product.category == "snacks":
        return Decimal(rng.choice((1, 1, 1, 2)))
    return Decimal(1)


def basket(
    rng: random.Random,
    shelf: Shelf,
    day: date,
    weights: Sequence[float],
    favourites: Sequence[Product],
    mean_lines: float,
) -> Basket:
    """A basket of ``mean_lines`` lines on average: half favourites, half what the day sells."""
    conditions = shelf.day(day)
    lines = 1 + _poisson(rng, mean_lines - 1 + (1.5 if conditions.new_year_shopping else 0))
    by_day = list(accumulate(w * f for w, f in zip(weights, conditions.categories, strict=True)))
    items: Basket = {}

    def add(product: Product | None) -> None:
        if product is None or season_factor(product, day) == 0:
            return
        qty = _quantity(rng, product)
        if product.sku in items:
            if product.weighed:
                return
            qty += items[product.sku][1]
        items[product.sku] = (product, qty)

    for _ in range(min(lines, 12)):
        favourite = rng.choice(favourites) if favourites and rng.random() < 0.5 else None
        # Even a favourite ice cream is left on the shelf more often in winter.
        if favourite and rng.random() < season_factor(favourite, day):
            add(favourite)
        else:
            add(shelf.pick(rng, rng.choices(CATEGORIES, cum_weights=by_day)[0], day))
    if conditions.mooncakes and rng.random() < 0.2:
        add(shelf.pick(rng, "mooncake", day))
    if rng.random() < (0.03 if conditions.new_year_shopping else 0.003):
        add(shelf.pick(rng, "gift_card", day))
    if not items:
        add(shelf.pick(rng, "drinks", day))
    return items


def promotion_discount(items: Basket) -> str | None:
    """满减: the holiday promotion's money off a basket (10 off 100, 25 off 200), if any."""
    subtotal = sum(line_amount(q, Decimal(p.price), _CNY) for p, q in items.values())
    off = 2500 if subtotal >= 20000 else 1000 if subtotal >= 10000 else 0
    return format_money(off, _CNY) if off else None
