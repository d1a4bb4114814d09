"""Synthetic customers drawn from known BG/NBD and Gamma-Gamma parameters, to check that fits recover them.

Vectorised: a customer's repeat purchases in (0, T] are Poisson(lambda T) while alive, and they
drop out after the k-th repeat with probability p(1-p)^(k-1), so the purchases seen are the smaller
of the two counts; given n arrivals in (0, T] the x-th is the x-th order statistic of n uniforms,
T * Beta(x, n - x + 1). Times are then floored to whole days, as a shop's records are.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def simulate_customers(
    size: int,
    bgnbd: tuple[float, float, float, float],
    gamma_gamma: tuple[float, float, float],
    max_age: float,
    seed: int = 0,
    days_per_unit: int = 7,
) -> pd.DataFrame:
    """``frequency``, ``recency``, ``T`` (in the parameters' unit) and ``monetary_value`` per customer.

    Each customer's age ``T`` is uniform on (0, ``max_age``] in whole days.
    """
    r, alpha, a, b = bgnbd
    p, q, gamma = gamma_gamma
    rng = np.random.default_rng(seed)
    days = rng.integers(1, round(max_age * days_per_unit) + 1, size=size)
    age = days / days_per_unit
    rate = rng.gamma(r, 1.0 / alpha, size=size)
    drop = rng.beta(a, b, size=size)
    arrivals = rng.poisson(rate * age)
    lives_for = rng.geometric(drop)  # the repeat purchase after which the customer drops out
    x = np.minimum(arrivals, lives_for)
    bought = x > 0
    last = np.zeros(size)
    last[bought] = age[bought] * rng.beta(x[bought], arrivals[bought] - x[bought] + 1)
    recency = np.floor(last * days_per_unit) / days_per_unit
    spend_rate = rng.gamma(q, 1.0 / gamma, size=size)
    monetary = np.zeros(size)
    monetary[bought] = rng.gamma(p * x[bought], 1.0 / (x[bought] * spend_rate[bought]))
    return pd.DataFrame(
        {"frequency": x, "recency": recency, "T": age, "monetary_value": monetary},
        index=pd.RangeIndex(size, name="customer"),
    )
