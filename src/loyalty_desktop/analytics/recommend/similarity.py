"""Item-item similarity from co-purchase: cosine over buyers, shrunk for rare items, top-N kept."""

from __future__ import annotations

import numpy as np
from scipy import sparse


def co_purchase(bought: sparse.csr_matrix, shrink: float, neighbours: int) -> sparse.csr_matrix:
    """Items × items: ``c_ij / (sqrt(n_i n_j) + shrink)``, each row's ``neighbours`` best kept.

    ``c_ij`` counts members who bought both items, ``n_i`` those who bought ``i``;
    ``shrink`` pulls the similarity of items few people bought towards nothing
    (two items with one shared buyer would otherwise look perfectly alike).
    The diagonal is dropped: an item is not "bought with" itself.
    """
    binary = bought.astype(np.float32).tocsc()
    counts = (binary.T @ binary).tocoo()
    n = np.asarray(binary.sum(axis=0)).ravel()
    keep = counts.row != counts.col
    row, col, shared = counts.row[keep], counts.col[keep], counts.data[keep]
    value = shared / (np.sqrt(n[row] * n[col]) + shrink)
    order = np.lexsort((-value, row))  # by row, best first
    row, col, value = row[order], col[order], value[order]
    starts = np.searchsorted(row, np.arange(bought.shape[1]))
    rank = np.arange(len(row)) - starts[row]
    best = rank < neighbours
    size = bought.shape[1]
    return sparse.csr_matrix(
        (value[best].astype(np.float64), (row[best], col[best])), shape=(size, size)
    )
