"""Maximum-likelihood plumbing shared by the CLV models: grouping identical rows, fitting log-parameters.

Customers with the same summary contribute the same log-likelihood, and shop data measured in whole
days repeats summaries a lot (every one-off buyer of a day shares one row), so models fit on the
distinct rows weighted by their counts: the same optimum, a fraction of the work.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy.optimize import minimize

Objective = Callable[[np.ndarray], tuple[float, np.ndarray]]
"""Log-parameters -> (negative mean log-likelihood, its gradient in the log-parameters)."""


class FitFailed(ValueError):
    """The data cannot identify the model (too few customers or repeat buyers) or the fit diverged."""


@dataclass(frozen=True)
class Optimum:
    """Where the optimiser stopped: parameters, total log-likelihood, iterations."""

    params: tuple[float, ...]
    loglik: float
    iterations: int


def group_rows(*columns: np.ndarray) -> tuple[list[np.ndarray], np.ndarray, np.ndarray]:
    """The distinct rows of equal-length columns, how often each occurs, and each row's group."""
    cols = [np.asarray(c, dtype=np.float64) for c in columns]
    if cols[0].size == 0:
        return cols, np.empty(0), np.empty(0, dtype=np.intp)
    order = np.lexsort(cols[::-1])
    ordered = [c[order] for c in cols]
    starts = np.ones(cols[0].size, dtype=bool)
    starts[1:] = np.logical_or.reduce([c[1:] != c[:-1] for c in ordered])
    first = np.flatnonzero(starts)
    counts = np.diff(np.r_[first, cols[0].size]).astype(np.float64)
    group = np.empty(cols[0].size, dtype=np.intp)
    group[order] = np.cumsum(starts) - 1
    return [c[first] for c in ordered], counts, group


def distinct_rows(*columns: np.ndarray) -> tuple[list[np.ndarray], np.ndarray]:
    """The distinct rows of equal-length columns, and how often each occurs."""
    rows, counts, _ = group_rows(*columns)
    return rows, counts


def dot(u: np.ndarray, v: np.ndarray) -> float:
    """The sum of u * v without BLAS: a vector dot product there can wait on idle BLAS threads."""
    return float(np.einsum("i,i->", u, v))


@dataclass(frozen=True)
class Levels:
    """A column's distinct values and each row's position among them.

    Customers' purchase counts and (in whole days) ages take few distinct values, so the special
    functions and logarithms of a likelihood run on those values and are gathered back per row.
    """

    values: np.ndarray
    index: np.ndarray

    @classmethod
    def of(cls, column: np.ndarray) -> Levels:
        """The levels of ``column``."""
        values, index = np.unique(column, return_inverse=True)
        return cls(values, index.reshape(-1))

    def totals(self, weights: np.ndarray) -> np.ndarray:
        """The sum of ``weights`` over the rows at each level."""
        return np.bincount(self.index, weights=weights, minlength=self.values.size)


def maximise(objective: Objective, start: np.ndarray, total_weight: float) -> Optimum:
    """Minimise ``objective`` over log-parameters with L-BFGS-B and its analytic gradient.

    The objective is a *mean* so the optimiser's tolerances do not depend on how many customers
    there are; the log-likelihood reported is the total (the mean times ``total_weight``).
    """
    result = minimize(
        objective,
        start,
        jac=True,
        method="L-BFGS-B",
        bounds=[(-20.0, 20.0)] * start.size,
        options={"maxiter": 2000, "ftol": 1e-13, "gtol": 1e-9},
    )
    if not np.all(np.isfinite(result.x)) or not np.isfinite(result.fun):
        raise FitFailed("the likelihood could not be evaluated at the optimum")
    return Optimum(
        params=tuple(float(v) for v in np.exp(result.x)),
        loglik=-float(result.fun) * total_weight,
        iterations=int(result.nit),
    )
