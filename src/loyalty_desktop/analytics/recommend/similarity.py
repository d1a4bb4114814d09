"""Item-item similarity from co-purchase: cosine over buyers, shrunk for rare items, top-N kept."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse

_BLOCK = 1024


@dataclass(frozen=True)
class Neighbours:
    """Each item's most similar items, as fixed-width rows (unused places: item 0, weight 0).

    Fixed width lets one member's scores be a ``bincount`` over the rows of the
    items they bought, with no sparse-matrix machinery per request.
    """

    items: np.ndarray  # items × width, int
    weights: np.ndarray  # items × width, float

    def matrix(self) -> sparse.csr_matrix:
        """The same similarities as a sparse items × items matrix."""
        size, width = self.items.shape
        rows = np.repeat(np.arange(size), width)
        kept = self.weights.ravel() > 0
        return sparse.csr_matrix(
            (self.weights.ravel()[kept], (rows[kept], self.items.ravel()[kept])),
            shape=(size, size),
        )

    def spread(self, items: np.ndarray, amounts: np.ndarray) -> np.ndarray:
        """Σ over ``items`` of ``amount × similarity`` to every item (dense over items)."""
        size = len(self.items)
        pulled = (self.weights[items] * amounts[:, None]).ravel()
        return np.bincount(self.items[items].ravel(), weights=pulled, minlength=size)

    def strongest(self, items: np.ndarray, amounts: np.ndarray, target: int) -> int:
        """Which of ``items`` pulls ``target`` most (its position in ``items``)."""
        hits = (self.items[items] == target) * self.weights[items]
        return int(np.argmax(hits.sum(axis=1) * amounts))


def co_purchase(bought: sparse.csr_matrix, shrink: float, neighbours: int) -> Neighbours:
    """Items × items: ``c_ij / (sqrt(n_i n_j) + shrink)``, each row's ``neighbours`` best kept.

    ``c_ij`` counts members who bought both items, ``n_i`` those who bought ``i``;
    ``shrink`` pulls the similarity of items few people bought towards nothing
    (two items with one shared buyer would otherwise look perfectly alike).
    The diagonal is dropped: an item is not "bought with" itself.
    """
    binary = bought.astype(np.float32).tocsc()
    size = bought.shape[1]
    n = np.asarray(binary.sum(axis=0)).ravel()
    root = np.sqrt(n)
    width = max(1, min(neighbours, size - 1))
    items = np.zeros((size, width), dtype=np.int64)
    weights = np.zeros((size, width))
    if size < 2 or neighbours <= 0:
        return Neighbours(items, weights)
    for first in range(0, size, _BLOCK):  # blocks of items: memory stays _BLOCK × items
        block = np.arange(first, min(first + _BLOCK, size))
        shared = (binary[:, block].T @ binary).toarray()
        value = shared / (root[block, None] * root[None, :] + shrink)
        value[np.arange(len(block)), block] = 0.0
        best = np.argpartition(-value, width - 1, axis=1)[:, :width]
        items[block] = best
        weights[block] = np.take_along_axis(value, best, axis=1)
    weights[weights < 0] = 0.0
    return Neighbours(items, weights)
