"""Gamma-Gamma spend: shrinks each member's average towards the shop's, and refits known truths."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import approx_fprime

from loyalty_desktop.analytics import gamma_gamma
from loyalty_desktop.analytics.clv_simulation import simulate_customers
from loyalty_desktop.analytics.gamma_gamma import (
    GammaGammaParams,
    expected_average_spend,
    fit_gamma_gamma,
    log_likelihood,
)
from loyalty_desktop.analytics.likelihood import FitFailed

CDNOW = GammaGammaParams(p=6.25, q=3.74, gamma=15.44, loglik=0.0, customers=0)
TRUTH = (6.25, 3.74, 15.44)


def test_expected_spend_lies_between_the_members_own_average_and_the_shops() -> None:
    population = 6.25 * 15.44 / (3.74 - 1)  # about $35.22
    x = np.array([1, 5, 50, 1, 5, 50])
    own = np.array([10.0, 10.0, 10.0, 90.0, 90.0, 90.0])
    spend = expected_average_spend(CDNOW, x, own)
    low, high = np.minimum(own, population), np.maximum(own, population)
    assert ((spend > low) & (spend < high)).all()
    # More purchases, more weight on the member's own average.
    assert spend[0] > spend[1] > spend[2]
    assert spend[3] < spend[4] < spend[5]


def test_a_member_without_repeats_is_expected_to_spend_the_shops_average() -> None:
    spend = expected_average_spend(CDNOW, np.array([0]), np.array([0.0]))[0]
    assert spend == pytest.approx(6.25 * 15.44 / 2.74)


def test_a_spend_distribution_without_a_mean_is_refused() -> None:
    heavy_tailed = GammaGammaParams(p=2.0, q=0.9, gamma=10.0, loglik=0.0, customers=0)
    with pytest.raises(FitFailed, match="q <= 1"):
        expected_average_spend(heavy_tailed, np.array([2]), np.array([5.0]))


def test_the_analytic_gradient_is_the_likelihoods_slope() -> None:
    data = simulate_customers(4000, (0.243, 4.414, 0.793, 2.426), TRUTH, 78, seed=2)
    buyers = data[data["frequency"] > 0]
    x, m = buyers["frequency"].to_numpy(float), buyers["monetary_value"].to_numpy(float)
    buyers = gamma_gamma._Buyers.of(x, m, np.ones(x.size))
    for point in (np.log(TRUTH), np.log([1.0, 2.0, 40.0])):
        value, grad = gamma_gamma._objective(point, buyers)
        assert value == pytest.approx(-log_likelihood(tuple(np.exp(point)), x, m).mean())
        numeric = approx_fprime(point, lambda v: gamma_gamma._objective(v, buyers)[0], 1e-7)
        assert grad == pytest.approx(numeric, rel=1e-4, abs=1e-6)


def test_a_fit_recovers_the_parameters_amounts_were_drawn_from() -> None:
    data = simulate_customers(50_000, (0.243, 4.414, 0.793, 2.426), TRUTH, 78, seed=4)
    x, m = data["frequency"].to_numpy(float), data["monetary_value"].to_numpy(float)
    fit = fit_gamma_gamma(x, m)
    assert fit.customers == int((x > 0).sum())
    assert fit.p == pytest.approx(6.25, rel=0.1)
    assert fit.q == pytest.approx(3.74, rel=0.1)
    assert fit.gamma == pytest.approx(15.44, rel=0.2)
    # The population's mean spend is pinned down much better than the three parameters.
    assert fit.p * fit.gamma / (fit.q - 1) == pytest.approx(6.25 * 15.44 / 2.74, rel=0.02)
    at_truth = log_likelihood(TRUTH, x[x > 0], m[x > 0]).sum()
    assert 0 <= 2 * (fit.loglik - at_truth) < 16


def test_repeat_buyers_whose_repeats_were_all_refunded_are_left_out_of_the_fit() -> None:
    data = simulate_customers(3000, (0.243, 4.414, 0.793, 2.426), TRUTH, 78, seed=6)
    x, m = data["frequency"].to_numpy(float), data["monetary_value"].to_numpy(float)
    fit = fit_gamma_gamma(x, m)
    refunded = fit_gamma_gamma(np.r_[x, 3, 1], np.r_[m, 0.0, 0.0])
    assert refunded.customers == fit.customers
    assert (refunded.p, refunded.q, refunded.gamma) == pytest.approx((fit.p, fit.q, fit.gamma))


def test_fewer_than_two_different_repeat_buyers_cannot_be_fitted() -> None:
    with pytest.raises(FitFailed, match="two repeat buyers"):
        fit_gamma_gamma(np.array([0, 0, 2]), np.array([0.0, 0.0, 12.0]))
    with pytest.raises(FitFailed, match="two repeat buyers"):
        fit_gamma_gamma(np.array([1, 2, 3]), np.array([12.0, 12.0, 12.0]))
