"""BG/NBD forecasts agree with the model they come from, stay finite for heavy buyers, and refit known truths."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.integrate import quad
from scipy.optimize import approx_fprime
from scipy.special import beta as beta_fn
from scipy.stats import beta as beta_dist

from loyalty_desktop.analytics import bgnbd
from loyalty_desktop.analytics.bgnbd import (
    BgNbdParams,
    expected_purchases,
    fit_bgnbd,
    log_likelihood,
    probability_alive,
)
from loyalty_desktop.analytics.clv_simulation import simulate_customers
from loyalty_desktop.analytics.likelihood import FitFailed

CDNOW = BgNbdParams(r=0.243, alpha=4.414, a=0.793, b=2.426, loglik=0.0, customers=0)
TRUTH = (0.243, 4.414, 0.793, 2.426)


def by_integration(params: BgNbdParams, t: float, x: float, t_x: float, age: float) -> float:
    """E[purchases in (T, T+t]] straight from the model's story, without the paper's closed form.

    Alive at T, the rate is Gamma(r+x, alpha+T) and the drop-out probability Beta(a, b+x); a
    customer with rate lambda and drop-out p buys (1 - exp(-lambda p t)) / p times in t on average.
    """
    r, alpha, a, b = params.r, params.alpha, params.a, params.b

    def given_p(p: float) -> float:
        if p == 0:  # the limit as p -> 0: buying at the mean rate for all of t
            return (r + x) * t / (alpha + age)
        return float(-np.expm1(-(r + x) * np.log1p(p * t / (alpha + age))) / p)

    def with_survival(p: float) -> float:
        return given_p(p) * float(np.exp((b + x - 1) * np.log1p(-p)))

    # Beta(a, b+x) lies near 0 when x is large: integrate where its mass is, p^(a-1) as the weight.
    upper = min(1.0, float(beta_dist.ppf(1 - 1e-15, a, b + x)) * 2)
    integral, _ = quad(with_survival, 0, upper, weight="alg", wvar=(a - 1, 0), limit=200)
    alive = probability_alive(params, np.array([x]), np.array([t_x]), np.array([age]))[0]
    return float(alive * integral / beta_fn(a, b + x))


@pytest.mark.parametrize(
    ("x", "t_x", "age", "t"),
    [
        (0, 0.0, 38.86, 39.0),
        (2, 30.43, 38.86, 39.0),
        (1, 1.71, 38.86, 52.0),
        (7, 29.43, 32.71, 10.0),
        (40, 77.0, 78.0, 78.0),
        (3, 5.0, 60.0, 500.0),
    ],
)
def test_expected_purchases_match_the_model_integrated_numerically(
    x: int, t_x: float, age: float, t: float
) -> None:
    closed = expected_purchases(CDNOW, t, np.array([x]), np.array([t_x]), np.array([age]))[0]
    assert closed == pytest.approx(by_integration(CDNOW, t, x, t_x, age), rel=1e-7)


def test_a_customer_with_thousands_of_purchases_gets_finite_sensible_figures() -> None:
    x = np.array([5000.0, 5000.0, 100_000.0])
    t_x = np.array([99.9, 50.0, 1000.0])
    age = np.array([100.0, 100.0, 1000.0])
    ll = log_likelihood(TRUTH, x, t_x, age)
    alive = probability_alive(CDNOW, x, t_x, age)
    future = expected_purchases(CDNOW, 10.0, x, t_x, age)
    assert np.isfinite(ll).all()
    assert alive[0] > 0.9  # bought until the end: surely still a customer
    assert alive[1] < 1e-100  # 50 weeks silent after buying 100 times a week: gone
    assert future[0] == pytest.approx(by_integration(CDNOW, 10.0, 5000, 99.9, 100.0), rel=1e-6)
    assert 400 < future[0] < 500  # about 50 a week for 10 weeks


def test_without_repeats_a_customer_is_surely_alive() -> None:
    alive = probability_alive(CDNOW, np.zeros(3), np.zeros(3), np.array([0.0, 5.0, 80.0]))
    assert (alive == 1.0).all()


def test_nothing_is_expected_in_no_time() -> None:
    assert expected_purchases(CDNOW, 0, np.array([3]), np.array([2.0]), np.array([4.0]))[0] == 0


def test_the_analytic_gradient_is_the_likelihoods_slope() -> None:
    data = simulate_customers(2000, TRUTH, (6.25, 3.74, 15.44), 78, seed=3)
    x, t_x, age = (data[c].to_numpy(float) for c in ("frequency", "recency", "T"))
    customers = bgnbd._Customers.of(x, t_x, age, np.ones(x.size))
    for point in (np.log(TRUTH), np.log([1.0, 2.0, 3.0, 0.5])):
        value, grad = bgnbd._objective(point, customers)
        assert value == pytest.approx(-log_likelihood(tuple(np.exp(point)), x, t_x, age).mean())
        numeric = approx_fprime(point, lambda p: bgnbd._objective(p, customers)[0], 1e-7)
        assert grad == pytest.approx(numeric, rel=1e-4, abs=1e-6)


def test_a_fit_recovers_the_parameters_customers_were_drawn_from() -> None:
    data = simulate_customers(50_000, TRUTH, (6.25, 3.74, 15.44), 78, seed=4)
    x, t_x, age = (data[c].to_numpy(float) for c in ("frequency", "recency", "T"))
    fit = fit_bgnbd(x, t_x, age)
    assert fit.r == pytest.approx(0.243, rel=0.05)
    assert fit.alpha == pytest.approx(4.414, rel=0.06)
    assert fit.a == pytest.approx(0.793, rel=0.15)
    assert fit.b == pytest.approx(2.426, rel=0.15)
    assert fit.a / (fit.a + fit.b) == pytest.approx(0.793 / (0.793 + 2.426), rel=0.03)
    # The truth is not significantly worse than the optimum (likelihood ratio, 4 parameters).
    at_truth = log_likelihood(TRUTH, x, t_x, age).sum()
    assert 0 <= 2 * (fit.loglik - at_truth) < 20


def test_fitting_identical_customers_once_with_counts_gives_the_same_optimum() -> None:
    data = simulate_customers(5000, TRUTH, (6.25, 3.74, 15.44), 78, seed=5)
    x, t_x, age = (data[c].to_numpy(float) for c in ("frequency", "recency", "T"))
    fit = fit_bgnbd(x, t_x, age)
    loglik = log_likelihood((fit.r, fit.alpha, fit.a, fit.b), x, t_x, age).sum()
    assert fit.loglik == pytest.approx(loglik, rel=1e-12)
    twice = fit_bgnbd(np.r_[x, x], np.r_[t_x, t_x], np.r_[age, age])
    assert (twice.r, twice.alpha, twice.a, twice.b) == pytest.approx(
        (fit.r, fit.alpha, fit.a, fit.b), rel=1e-4
    )


def test_no_repeat_purchases_cannot_be_fitted() -> None:
    with pytest.raises(FitFailed, match="repeat purchase"):
        fit_bgnbd(np.zeros(10), np.zeros(10), np.full(10, 5.0))
    with pytest.raises(FitFailed, match="two customers"):
        fit_bgnbd(np.array([3]), np.array([2.0]), np.array([4.0]))


def test_a_recency_after_the_age_is_refused() -> None:
    with pytest.raises(ValueError, match="recency <= T"):
        fit_bgnbd(np.array([1, 2]), np.array([5.0, 1.0]), np.array([4.0, 4.0]))


def test_members_buying_at_one_steady_rate_get_that_rate_as_their_forecast() -> None:
    # No spread in rates (r, alpha huge, r/alpha = 0.2 a week) and no drop-outs (a tiny): the
    # closed form's hypergeometric function gives up here, the forecast must not.
    steady = BgNbdParams(r=6.8e6, alpha=3.4e7, a=2e-8, b=7900.0, loglik=0.0, customers=0)
    x = np.array([0.0, 10.0, 40.0])
    t_x = np.array([0.0, 45.0, 98.0])
    age = np.array([3.0, 50.0, 100.0])
    future = expected_purchases(steady, 52.0, x, t_x, age)
    assert future == pytest.approx(0.2 * 52, rel=1e-4)
    assert probability_alive(steady, x, t_x, age) == pytest.approx(1.0)


def test_the_numerical_fallback_agrees_with_the_closed_form() -> None:
    x = np.array([0.0, 1.0, 2.0, 7.0, 40.0, 300.0])
    t_x = np.array([0.0, 1.71, 30.43, 29.43, 77.0, 99.0])
    age = np.array([38.86, 38.86, 38.86, 32.71, 78.0, 100.0])
    closed = expected_purchases(CDNOW, 39.0, x, t_x, age)
    alive = probability_alive(CDNOW, x, t_x, age)
    numeric = bgnbd._while_alive_by_quadrature(CDNOW, 39.0, x, age) * alive
    assert numeric == pytest.approx(closed, rel=1e-4)
