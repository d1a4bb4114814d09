"""BG/NBD: how many purchases a member will make and whether they are still a customer.

Fader, Hardie & Lee (2005), "Counting Your Customers the Easy Way: An Alternative to the
Pareto/NBD Model", Marketing Science 24(2). While alive a customer buys at rate lambda ~
Gamma(r, alpha); after each purchase they drop out with probability p ~ Beta(a, b). The
likelihood of one customer with ``x`` repeat purchases, the last at ``t_x``, observed for ``T``
(equation 6) is

    L = B(a, b+x)/B(a, b) * Gamma(r+x) alpha^r / Gamma(r)
        * [ (alpha+T)^-(r+x) + [x>0] a/(b+x-1) (alpha+t_x)^-(r+x) ],

evaluated here in log space (``gammaln``, ``betaln``, ``logaddexp``) so that a member with
thousands of purchases neither overflows nor loses the second term. Times are in the unit of
the summary (weeks or days); alpha is in that unit too.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.special import (
    betaincinv,
    betaln,
    digamma,
    expit,
    gammaln,
    hyp2f1,
    roots_legendre,
)

from loyalty_desktop.analytics.likelihood import (
    FitFailed,
    Levels,
    distinct_rows,
    dot,
    group_rows,
    maximise,
)


@dataclass(frozen=True)
class BgNbdParams:
    """Fitted BG/NBD parameters and the total log-likelihood at them."""

    r: float
    alpha: float
    a: float
    b: float
    loglik: float
    customers: int


@dataclass(frozen=True)
class _Customers:
    """Customers' (x, t_x, T) with their weights, prepared once for many likelihood evaluations."""

    x: np.ndarray
    weight: np.ndarray
    repeat: np.ndarray
    counts: Levels
    lasts: Levels
    ages: Levels
    weight_by_count: np.ndarray

    @classmethod
    def of(cls, x: np.ndarray, t_x: np.ndarray, age: np.ndarray, weight: np.ndarray) -> _Customers:
        counts = Levels.of(x)
        return cls(x, weight, x > 0, counts, Levels.of(t_x), Levels.of(age), counts.totals(weight))


def _parts(
    theta: np.ndarray, c: _Customers
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The likelihood's head per purchase count; per row, logs of alpha+T, alpha+t_x and the bracket.

    The bracket's log comes twice: its first ("still alive") term alone, then the whole.
    """
    r, alpha, a, b = theta
    xv = c.counts.values
    head = gammaln(r + xv) - gammaln(r) + r * np.log(alpha) + betaln(a, b + xv) - betaln(a, b)
    log_age = np.log(alpha + c.ages.values)[c.ages.index]
    log_last = np.log(alpha + c.lasts.values)[c.lasts.index]
    stay = -(r + c.x) * log_age
    with np.errstate(divide="ignore", invalid="ignore"):  # x = 0 has no second term
        drop_head = np.where(xv > 0, np.log(a) - np.log(b + xv - 1), -np.inf)
        drop = np.where(c.repeat, drop_head[c.counts.index] - (r + c.x) * log_last, -np.inf)
    return head, log_age, log_last, stay, np.logaddexp(stay, drop)


def log_likelihood(
    params: tuple[float, float, float, float], x: np.ndarray, t_x: np.ndarray, age: np.ndarray
) -> np.ndarray:
    """Each customer's log-likelihood at ``(r, alpha, a, b)``."""
    x, t_x, age = (np.asarray(v, dtype=np.float64) for v in (x, t_x, age))
    c = _Customers.of(x, t_x, age, np.ones(x.size))
    head, _, _, _, bracket = _parts(np.asarray(params, dtype=np.float64), c)
    return np.asarray(head[c.counts.index] + bracket)


def _objective(log_params: np.ndarray, c: _Customers) -> tuple[float, np.ndarray]:
    """Negative mean log-likelihood and its gradient in the log-parameters."""
    theta = np.exp(log_params)
    r, alpha, a, b = theta
    head, log_age, log_last, stay, bracket = _parts(theta, c)
    total = c.weight.sum()
    value = -(dot(c.weight_by_count, head) + dot(c.weight, bracket)) / total
    if not np.isfinite(value):
        return float(np.finfo(np.float64).max), np.zeros(4)
    # Weight of the bracket's "still alive" term and of its "dropped out" term, per row.
    alive = c.weight * np.exp(stay - bracket)
    gone = c.weight - alive
    xv, by_count = c.counts.values, c.weight_by_count
    rate = r + c.x
    d_r = dot(by_count, digamma(r + xv) - digamma(r) + np.log(alpha))
    d_r -= dot(alive, log_age) + dot(gone, log_last)
    d_alpha = total * r / alpha
    d_alpha -= dot(alive * rate, np.exp(-log_age)) + dot(gone * rate, np.exp(-log_last))
    d_a = dot(by_count, digamma(a + b) - digamma(a + b + xv)) + gone.sum() / a
    d_b = dot(by_count, digamma(b + xv) - digamma(a + b + xv) - digamma(b) + digamma(a + b))
    with np.errstate(divide="ignore"):
        d_b -= dot(c.counts.totals(gone), np.where(xv > 0, 1 / (b + xv - 1), 0.0))
    grad = np.array([d_r, d_alpha, d_a, d_b]) * theta / total  # d/d log(theta) = theta d/d theta
    return float(value), -grad


def fit_bgnbd(frequency: np.ndarray, recency: np.ndarray, age: np.ndarray) -> BgNbdParams:
    """Maximum-likelihood BG/NBD parameters for customers' ``(x, t_x, T)``."""
    x, t_x, big_t = (np.asarray(v, dtype=np.float64) for v in (frequency, recency, age))
    if x.size < 2 or not np.any(x > 0):
        raise FitFailed("BG/NBD needs at least two customers and one repeat purchase")
    if np.any(x < 0) or np.any(t_x < 0) or np.any(t_x > big_t) or np.any((x == 0) & (t_x != 0)):
        raise ValueError("each customer needs 0 <= recency <= T, and recency 0 without repeats")
    (ux, ut, u_age), counts = distinct_rows(x, t_x, big_t)
    customers = _Customers.of(ux, ut, u_age, counts)
    start = np.log([1.0, max(float(np.mean(big_t)), 1e-3), 1.0, 1.0])
    best = maximise(lambda p: _objective(p, customers), start, float(counts.sum()))
    r, alpha, a, b = best.params
    return BgNbdParams(r, alpha, a, b, best.loglik, int(x.size))


def _alive_odds(params: BgNbdParams, x: np.ndarray, t_x: np.ndarray, age: np.ndarray) -> np.ndarray:
    """The log-odds of having dropped out: log of [x>0] a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x)."""
    odds = np.full(x.shape, -np.inf)
    k = x > 0
    odds[k] = (
        np.log(params.a)
        - np.log(params.b + x[k] - 1)
        + (params.r + x[k]) * (np.log(params.alpha + age[k]) - np.log(params.alpha + t_x[k]))
    )
    return odds


def probability_alive(
    params: BgNbdParams, frequency: np.ndarray, recency: np.ndarray, age: np.ndarray
) -> np.ndarray:
    """P(still a customer at T | x, t_x, T) (Fader, Hardie & Lee 2008 note, equation 4)."""
    x, t_x, big_t = (np.asarray(v, dtype=np.float64) for v in (frequency, recency, age))
    return np.asarray(expit(-_alive_odds(params, x, t_x, big_t)))


def expected_purchases(
    params: BgNbdParams, t: float, frequency: np.ndarray, recency: np.ndarray, age: np.ndarray
) -> np.ndarray:
    """Expected purchases in (T, T + t] given each customer's history (FHL 2005, equation 10).

    The paper's ((alpha+T)/(alpha+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; z) is rewritten with Euler's
    transformation as (1-z)^(a-1) 2F1(a+b-1-r, a-1; a+b+x-1; z), z = t/(alpha+T+t): the same
    value, but its series converges faster as x grows instead of overflowing. Where even that
    fails (``hyp2f1`` gives up when r runs into the millions, as it does when a shop's members
    all buy at one steady rate), the expectation is integrated numerically instead.
    """
    x, t_x, big_t = (np.asarray(v, dtype=np.float64) for v in (frequency, recency, age))
    r, alpha, a, b = params.r, params.alpha, params.a, params.b
    if t <= 0:
        return np.zeros(x.shape)
    if abs(a - 1.0) < 1e-9:  # the formula's 0/0 limit; nudging a is far below the fit's precision
        a = 1.0 + 1e-9
    z = t / (alpha + big_t + t)
    with np.errstate(all="ignore"):
        tail = np.exp((a - 1) * np.log1p(-z)) * hyp2f1(a + b - 1 - r, a - 1, a + b + x - 1, z)
        while_alive = (a + b + x - 1) / (a - 1) * (1.0 - tail)
    # Alive, a customer buys at most at their mean rate: (r+x)/(alpha+T) per unit of time.
    most = (r + x) * t / (alpha + big_t)
    failed = ~np.isfinite(while_alive) | (while_alive < 0) | (while_alive > most * (1 + 1e-9))
    if failed.any():
        while_alive[failed] = _while_alive_by_quadrature(params, t, x[failed], big_t[failed])
    return np.asarray(while_alive * expit(-_alive_odds(params, x, t_x, big_t)))


_NODES, _WEIGHTS = roots_legendre(64)


def _while_alive_by_quadrature(
    params: BgNbdParams, t: float, x: np.ndarray, age: np.ndarray
) -> np.ndarray:
    """E[purchases in t | alive] = E_p[(1 - (1 + p t/(alpha+T))^-(r+x)) / p], p ~ Beta(a, b+x).

    Integrated over the quantiles of p (Gauss-Legendre, 64 nodes), where the integrand is bounded
    whatever the parameters; it agrees with the closed form to about 1e-5 where both work.
    """
    (x, age), _, group = group_rows(x, age)  # a shop's ages are whole days: few distinct rows
    quantiles = (_NODES + 1) / 2
    weights = _WEIGHTS / 2
    distinct, which = np.unique(x, return_inverse=True)
    p: np.ndarray = betaincinv(params.a, params.b + distinct[:, None], quantiles[None, :])[which]
    # p -> 0 is the integrand's limit (r+x) u; a p this small reaches it without dividing by 0.
    p = np.maximum(p, 1e-290)
    rate = (params.r + x)[:, None]
    u = (t / (params.alpha + age))[:, None]
    bought = -np.expm1(-rate * np.log1p(p * u)) / p
    expected: np.ndarray = np.asarray(bought @ weights)
    return np.take(expected, group)
