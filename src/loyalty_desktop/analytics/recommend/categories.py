"""Each member's share of their purchases in each category, decayed by age.

The recommender's category model weighs a category by this share, and an
offer's audience rule ``categories`` reads its category affinity from it, so
"likes tea" means the same thing to a suggestion at the till and to a
campaign: a purchase day counts ``0.5 ** (age / half_life)`` (see
``matrices``), so what a member buys lately outweighs what they bought long ago.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

from loyalty_desktop.analytics.recommend.matrices import NO_CATEGORY, Matrices


def category_shares(m: Matrices) -> sparse.csr_matrix:
    """Members × categories: each member's decayed purchase days per category over all of theirs.

    A row sums to 1 (0 for a member with nothing bought); items without a
    category count in the whole but as no category anyone likes.
    """
    items, cats = len(m.items), max(len(m.categories), 1)
    one_hot = sparse.csr_matrix(
        (np.ones(items), (np.arange(items), m.item_category)), shape=(items, cats)
    )
    decayed = (m.again @ one_hot).tocsr()
    totals = np.asarray(decayed.sum(axis=1)).ravel()
    inverse = np.divide(1.0, totals, out=np.zeros_like(totals), where=totals > 0)
    shares: sparse.csr_matrix = (sparse.diags(inverse) @ decayed).tocsr()
    return shares


def category_affinities(m: Matrices, min_share: float) -> dict[str, frozenset[str]]:
    """Per member number, the categories of at least ``min_share`` of their decayed purchases."""
    shares = category_shares(m).tocoo()
    names = np.asarray(m.categories, dtype=object)
    keep = shares.data >= min_share
    if len(names):
        keep &= names[shares.col] != NO_CATEGORY
    found: dict[str, set[str]] = {}
    for row, col in zip(shares.row[keep], shares.col[keep], strict=True):
        found.setdefault(str(m.members[row]), set()).add(str(names[col]))
    return {member: frozenset(liked) for member, liked in found.items()}
