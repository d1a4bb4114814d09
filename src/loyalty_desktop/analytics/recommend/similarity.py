"""Item-item similarity from co-purchase: cosine over buyers, shrunk for rare items, top-N kept."""

from __future__ import annotations

import numpy as np
from scipy import sparse

_BLOCK = 1024


def co_purchase(bought: sparse.csr_matrix, shrink: float, neighbours: int) -> sparse.csr_matrix:
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
    keep = max(0, min(neighbours, size - 1))
    rows, cols, values = [], [], []
    for first in range(0, size, _BLOCK):  # blocks of items: memory stays _BLOCK × items
        block = np.arange(first, min(first + _BLOCK, size))
        shared = (binary[:, block].T @ binary).toarray()
        value = shared / (root[block, None] * root[None, :] + shrink)
        value[np.arange(len(block)), block] = 0.0
        if keep == 0:
            break
        best = np.argpartition(-value, keep - 1, axis=1)[:, :keep]
        picked = np.take_along_axis(value, best, axis=1)
        found = picked > 0
        rows.append(np.broadcast_to(block[:, None], best.shape)[found])
        cols.append(best[found])
        values.append(picked[found].astype(np.float64))
    if not rows:
        return sparse.csr_matrix((size, size))
    return sparse.csr_matrix(
        (np.concatenate(values), (np.concatenate(rows), np.concatenate(cols))), shape=(size, size)
    )
