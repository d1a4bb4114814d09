"""Gamma-Gamma: what a member is likely to spend per purchase, shrunk towards the shop's average.

Fader, Hardie & Lee (2005), "RFM and CLV: Using Iso-Value Curves for Customer Base Analysis",
Journal of Marketing Research 42(4), after Colombo & Jiang (1999). A customer's purchase amounts
are Gamma(p, nu) with nu ~ Gamma(q, gamma) across customers. Fitted on repeat buyers only
(``x`` >= 1 repeat purchases with mean amount ``m``), by the likelihood of the observed mean

    f(m | x) = Gamma(px+q) / (Gamma(px) Gamma(q)) * gamma^q m^(px-1) x^(px) / (gamma + m x)^(px+q),

in log space. It assumes amount and purchase frequency are independent; the report states it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.special import digamma, gammaln

from loyalty_desktop.analytics.likelihood import FitFailed, Levels, distinct_rows, dot, maximise


@dataclass(frozen=True)
class GammaGammaParams:
    """Fitted Gamma-Gamma parameters (gamma in the money unit of the amounts fitted)."""

    p: float
    q: float
    gamma: float
    loglik: float
    customers: int


def log_likelihood(
    params: tuple[float, float, float], frequency: np.ndarray, monetary: np.ndarray
) -> np.ndarray:
    """Each repeat buyer's log-likelihood at ``(p, q, gamma)``."""
    p, q, gamma = params
    x, m = np.asarray(frequency, dtype=np.float64), np.asarray(monetary, dtype=np.float64)
    px = p * x
    return np.asarray(
        gammaln(px + q)
        - gammaln(px)
        - gammaln(q)
        + q * np.log(gamma)
        + (px - 1) * np.log(m)
        + px * np.log(x)
        - (px + q) * np.log(gamma + m * x)
    )


@dataclass(frozen=True)
class _Buyers:
    """Repeat buyers' (x, m) with weights, and the sums over them the parameters do not change."""

    weight: np.ndarray
    weighted_x: np.ndarray
    spent: np.ndarray  # m x, all the buyer's repeat spend
    counts: Levels
    weight_by_count: np.ndarray
    total: float
    log_spend: float  # sum of w x (log m + log x)
    log_mean: float  # sum of w log m

    @classmethod
    def of(cls, x: np.ndarray, m: np.ndarray, weight: np.ndarray) -> _Buyers:
        counts = Levels.of(x)
        return cls(
            weight=weight,
            weighted_x=weight * x,
            spent=m * x,
            counts=counts,
            weight_by_count=counts.totals(weight),
            total=float(weight.sum()),
            log_spend=dot(weight * x, np.log(m) + np.log(x)),
            log_mean=dot(weight, np.log(m)),
        )


def _objective(log_params: np.ndarray, c: _Buyers) -> tuple[float, np.ndarray]:
    """Negative mean log-likelihood and its gradient in the log-parameters.

    The terms in x alone (gammaln, digamma) run once per distinct x; per buyer there is one log.
    """
    theta = np.exp(log_params)
    p, q, gamma = theta
    px = p * c.counts.values
    by_count = c.weight_by_count
    log_total = np.log(gamma + c.spent)
    inverse = 1.0 / (gamma + c.spent)
    loglik = (
        dot(by_count, gammaln(px + q) - gammaln(px))
        + c.total * (q * np.log(gamma) - gammaln(q))
        + p * c.log_spend
        - c.log_mean
        - p * dot(c.weighted_x, log_total)
        - q * dot(c.weight, log_total)
    )
    if not np.isfinite(loglik):
        return float(np.finfo(np.float64).max), np.zeros(3)
    ahead = digamma(px + q)
    d_p = dot(by_count * c.counts.values, ahead - digamma(px)) + c.log_spend
    d_p -= dot(c.weighted_x, log_total)
    d_q = dot(by_count, ahead) - c.total * (digamma(q) - np.log(gamma))
    d_q -= dot(c.weight, log_total)
    d_gamma = c.total * q / gamma - p * dot(c.weighted_x, inverse) - q * dot(c.weight, inverse)
    grad = np.array([d_p, d_q, d_gamma]) * theta / c.total
    return -float(loglik) / c.total, -grad


def fit_gamma_gamma(frequency: np.ndarray, monetary: np.ndarray) -> GammaGammaParams:
    """Maximum-likelihood Gamma-Gamma parameters over the customers with repeats that brought money.

    A repeat buyer whose repeat purchases were all refunded has a mean amount of 0, which a Gamma
    distribution cannot produce: they are left out of the fit (and still get a forecast).
    """
    x, m = np.asarray(frequency, dtype=np.float64), np.asarray(monetary, dtype=np.float64)
    buyers = (x > 0) & (m > 0)
    x, m = x[buyers], m[buyers]
    if x.size < 2 or np.unique(m).size < 2:
        raise FitFailed("Gamma-Gamma needs at least two repeat buyers who spent differently")
    (ux, um), counts = distinct_rows(x, m)
    # Start where the Gamma-Gamma mean p*gamma/(q-1) equals the observed mean amount.
    start = np.log([1.0, 2.0, float(np.mean(m))])
    prepared = _Buyers.of(ux, um, counts)
    best = maximise(lambda v: _objective(v, prepared), start, float(counts.sum()))
    p, q, gamma = best.params
    return GammaGammaParams(p, q, gamma, best.loglik, int(x.size))


def expected_average_spend(
    params: GammaGammaParams, frequency: np.ndarray, monetary: np.ndarray
) -> np.ndarray:
    """E[amount per purchase | x, m] (FHL 2005 RFM and CLV, equation 5); the population mean at x = 0.

    Needs q > 1 (otherwise the spend distribution has no mean); then it is a weighted average of
    the population mean p*gamma/(q-1) and the customer's own mean, weighted by px against q-1.
    """
    if params.q <= 1:
        raise FitFailed("Gamma-Gamma fitted q <= 1: amounts too spread out to have a mean")
    x, m = np.asarray(frequency, dtype=np.float64), np.asarray(monetary, dtype=np.float64)
    p, q, gamma = params.p, params.q, params.gamma
    m = np.where(x > 0, m, 0.0)
    return np.asarray(p * (gamma + x * m) / (p * x + q - 1))
