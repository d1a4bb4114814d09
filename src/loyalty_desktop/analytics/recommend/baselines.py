"""The next-basket baselines the blend is measured against (G-, P- and GP-TopFreq)."""

from __future__ import annotations

import numpy as np

from loyalty_desktop.analytics.recommend.model import Recommender


def global_top(model: Recommender, k: int) -> list[str]:
    """G-TopFreq: the items bought on the most member-days, for everyone."""
    days = np.asarray(model.matrices.day_counts.sum(axis=0)).ravel()
    order = np.argsort(-days, kind="stable")[:k]
    return [str(model.items[i]) for i in order]


def personal_top(model: Recommender, member_no: str, k: int) -> list[str]:
    """P-TopFreq: the member's own items by how many days they bought them (ties: latest first)."""
    row = model.member_row.get(member_no)
    if row is None:
        return []
    days = model.matrices.day_counts[row]
    last = model.matrices.last_day[row]  # same pattern of items as ``days``
    order = np.lexsort((-last.data, -days.data))[:k]
    return [str(model.items[i]) for i in days.indices[order]]


def personal_then_global(model: Recommender, member_no: str, k: int, top: list[str]) -> list[str]:
    """GP-TopFreq: the member's own items, then ``top`` (G-TopFreq) to fill ``k``."""
    own = personal_top(model, member_no, k)
    seen = set(own)
    return own + [sku for sku in top if sku not in seen][: k - len(own)]
