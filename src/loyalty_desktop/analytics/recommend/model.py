"""The blended recommender: buy again, bought with, popular in a category, popular.

Built once from the purchase lines (``build``); a member's recommendations are
a few sparse row products and one ``argpartition`` over the items, no Python
loop over them. How much each candidate model counts depends on how much the
member has bought (``Weights``): nothing → popularity; fewer than
``little_history`` purchase days → their own items, the categories they buy from and
popularity; more → all four.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum

import numpy as np
import pandas as pd
from scipy import sparse

from loyalty_desktop.analytics.recommend.categories import category_shares
from loyalty_desktop.analytics.recommend.matrices import Matrices, build_matrices
from loyalty_desktop.analytics.recommend.similarity import Neighbours, co_purchase


class Reason(Enum):
    """Why an item is suggested (the model that gave it most of its score)."""

    AGAIN = "again"  # you often buy
    WITH = "with"  # often bought with <item>
    CATEGORY = "category"  # popular in <category>
    POPULAR = "popular"


@dataclass(frozen=True)
class Weights:
    """Each model's share of the blended score, and when a member counts as having a history.

    The defaults are what ``benchmarks/recommend_eval.py`` chose on Online Retail's
    validation cut-off (that data has no categories, so ``category`` was not tuned).
    """

    again: float = 1.0
    with_: float = 0.3
    category: float = 0.1
    popular: float = 0.1
    little_history: int = 2  # members with fewer purchase days than this: no co-purchase


@dataclass(frozen=True)
class Settings:
    """How the model is built: recency half-life, similarity shrinkage, neighbours per item."""

    half_life_days: float = 180.0
    shrink: float = 20.0
    neighbours: int = 50
    weights: Weights = field(default_factory=Weights)


@dataclass(frozen=True)
class Suggestion:
    """One recommended item: its score, why, and the item or category the reason names."""

    sku: str
    score: float
    reason: Reason
    related: str | None = None  # the item bought with it (WITH) or the category (CATEGORY)


def _scaled(values: np.ndarray) -> np.ndarray:
    top = values.max() if len(values) else 0.0
    return values / top if top > 0 else values


@dataclass(frozen=True)
class Recommender:
    """A built model: the matrices and each model's precomputed part."""

    matrices: Matrices
    neighbours: Neighbours
    popularity: np.ndarray  # per item, scaled to [0, 1]
    in_category: np.ndarray  # per item, popularity / the best in its category
    member_categories: sparse.csr_matrix  # members × categories, shares of decayed purchase days
    settings: Settings
    member_row: dict[str, int]

    @property
    def similar(self) -> sparse.csr_matrix:
        """Items × items co-purchase similarity (each row's best neighbours only)."""
        return self.neighbours.matrix()

    @property
    def items(self) -> pd.Index:
        """The model's items (skus), in the order of its matrices' columns."""
        return self.matrices.items

    def item_mask(self, skus: object) -> np.ndarray:
        """A boolean mask over the model's items, True for those in ``skus``."""
        return np.asarray(self.matrices.items.isin(list(skus)))  # type: ignore[call-overload]

    def scores(self, member_no: str | None) -> tuple[np.ndarray, int]:
        """The member's blended score for every item (components stacked), and their row or -1.

        Returns an array of shape (4, items): again, with, category, popular, each weighted.
        """
        w = self.settings.weights
        n = len(self.matrices.items)
        parts = np.zeros((4, n))
        row = self.member_row.get(member_no, -1) if member_no is not None else -1
        baskets = int(self.matrices.baskets[row]) if row >= 0 else 0
        if row < 0 or baskets == 0:
            parts[3] = self.popularity
            return parts, row
        items, amounts = self._history(row)
        again = np.zeros(n)
        again[items] = amounts
        cats = self.member_categories
        lo, hi = cats.indptr[row], cats.indptr[row + 1]
        share = np.zeros(cats.shape[1])
        share[cats.indices[lo:hi]] = cats.data[lo:hi]  # ``category_shares``: the row sums to 1
        parts[0] = w.again * _scaled(again)
        parts[2] = w.category * share[self.matrices.item_category] * self.in_category
        parts[3] = w.popular * self.popularity
        if baskets >= w.little_history:  # one basket says little about what goes with what
            parts[1] = w.with_ * _scaled(self.neighbours.spread(items, amounts))
        return parts, row

    def _history(self, row: int) -> tuple[np.ndarray, np.ndarray]:
        """The member's items and their decayed purchase days (straight from the CSR arrays)."""
        again = self.matrices.again
        lo, hi = again.indptr[row], again.indptr[row + 1]
        return again.indices[lo:hi], again.data[lo:hi]

    def recommend(
        self,
        member_no: str | None,
        k: int,
        *,
        exclude: np.ndarray | None = None,
        skip_bought_within_days: int | None = None,
        consumable: np.ndarray | None = None,
    ) -> list[Suggestion]:
        """The member's ``k`` best items with reasons; ``exclude``: a mask of items never to give.

        ``skip_bought_within_days``: leave out what the member bought in that many days
        before the model's day (0: today's purchases). ``consumable``: a mask of items
        bought again and again; one the member bought on two days or more is held back
        until their usual interval for it (``repeat_due``) has passed since they last
        bought it, and from then on suggested whatever ``skip_bought_within_days`` says.
        """
        parts, row = self.scores(member_no)
        total = parts.sum(axis=0)
        if exclude is not None:
            total[exclude] = -np.inf
        if row >= 0 and (skip_bought_within_days is not None or consumable is not None):
            items, last, due = self.repeat_due(row)
            today = self._today()
            timed = np.zeros(len(items), bool)
            if consumable is not None:
                timed = consumable[items] & (due > 0)
                total[items[timed & (today < due)]] = -np.inf
            if skip_bought_within_days is not None:
                recent = ~timed & (last >= today - skip_bought_within_days)
                total[items[recent]] = -np.inf
        total[total <= 0] = -np.inf  # no model gives it anything: no reason to suggest it
        k = min(k, int(np.isfinite(total).sum()))
        if k <= 0:
            return []
        top = np.argpartition(-total, k - 1)[:k]
        top = top[np.argsort(-total[top], kind="stable")]
        return [self._explain(int(i), float(total[i]), parts[:, i], row) for i in top]

    def _today(self) -> int:
        day: int = self.matrices.day.to_datetime64().astype("datetime64[D]").astype(np.int64)
        return day

    def repeat_due(self, row: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The member's items, the day each was last bought, and the day it is due again.

        Due again: the last purchase day plus the member's usual interval for the item
        (their first to last purchase day over the gaps between their purchase days,
        rounded); 0 for an item bought on one day only (no interval known). Days are
        counted from 1970-01-01.
        """
        m = self.matrices
        lo, hi = m.last_day.indptr[row], m.last_day.indptr[row + 1]
        items, last, first = (
            m.last_day.indices[lo:hi],
            m.last_day.data[lo:hi],
            m.first_day.data[lo:hi],
        )
        days = m.day_counts.data[lo:hi]
        gaps = np.maximum(days - 1, 1)
        usual = np.rint((last - first) / gaps).astype(np.int64)
        due = np.where(days >= 2, last + usual, 0)
        return items, last, due

    def _explain(self, item: int, score: float, parts: np.ndarray, row: int) -> Suggestion:
        sku = str(self.matrices.items[item])
        reason = list(Reason)[int(np.argmax(parts))]
        related = None
        if reason is Reason.WITH:
            items, amounts = self._history(row)
            related = str(
                self.matrices.items[items[self.neighbours.strongest(items, amounts, item)]]
            )
        elif reason is Reason.CATEGORY:
            related = str(self.matrices.categories[self.matrices.item_category[item]]) or None
            if related is None:
                reason = Reason.POPULAR
        return Suggestion(sku, round(score, 6), reason, related)


def build(
    lines: pd.DataFrame,
    day: date | pd.Timestamp,
    settings: Settings | None = None,
    *,
    window_days: int | None = None,
) -> Recommender:
    """The recommender over ``LINE_COLUMNS`` lines on or before ``day``.

    ``window_days``: only the lines of that many days up to ``day`` (a quick model).
    """
    settings = settings or Settings()
    day = pd.Timestamp(day).normalize()
    if window_days is not None:
        lines = lines[pd.to_datetime(lines["local_date"]) > day - pd.Timedelta(days=window_days)]
    m = build_matrices(lines, day, settings.half_life_days)
    similar = co_purchase(m.bought, settings.shrink, settings.neighbours)
    popularity = _scaled(np.asarray(m.again.sum(axis=0)).ravel())
    cats = len(m.categories)
    best = np.zeros(cats)
    np.maximum.at(best, m.item_category, popularity)
    in_category = np.divide(
        popularity,
        best[m.item_category],
        out=np.zeros_like(popularity),
        where=best[m.item_category] > 0,
    )
    return Recommender(
        matrices=m,
        neighbours=similar,
        popularity=popularity,
        in_category=in_category,
        member_categories=category_shares(m),
        settings=settings,
        member_row={str(no): i for i, no in enumerate(m.members)},
    )
