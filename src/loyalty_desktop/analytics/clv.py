"""Customer lifetime value per member: BG/NBD purchases x Gamma-Gamma spend, beside the seed formula.

CLV over the horizon = sum over the horizon's months of (expected purchases that month) x
(expected spend per purchase) / (1 + monthly discount rate)^month. With the default discount of 0
this is simply expected purchases over the horizon x expected spend per purchase. Months are
365.25/12 days; the last one may be short. Money is in minor units, rounded to whole units.

When the history cannot identify a model (no repeat purchases yet, a single member, every
purchase on one day), the report still lists members and the seed formula, with the model's
figures None and ``unfitted`` saying why: a new shop sees "not enough history", not an error.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np
import pandas as pd

from loyalty_desktop.analytics.bgnbd import (
    BgNbdParams,
    expected_purchases,
    fit_bgnbd,
    probability_alive,
)
from loyalty_desktop.analytics.gamma_gamma import (
    GammaGammaParams,
    expected_average_spend,
    fit_gamma_gamma,
)
from loyalty_desktop.analytics.likelihood import FitFailed
from loyalty_desktop.analytics.ports import ReportSource
from loyalty_desktop.analytics.repeat_purchases import (
    DAYS_PER_UNIT,
    TimeUnit,
    purchase_days,
    summarise,
)
from loyalty_desktop.analytics.seed_clv import DAYS_PER_MONTH, SeedFormula, seed_formula


@dataclass(frozen=True)
class MemberClv:
    """One member's history summary and forecast; money in minor units, times in the report's unit."""

    member_no: str
    frequency: int
    recency: float
    T: float  # the published name for a customer's age
    monetary_value: float
    expected_purchases: float | None
    p_alive: float | None
    expected_value: int | None  # expected spend per purchase
    clv: int | None
    seed_clv: int | None


@dataclass(frozen=True)
class ClvReport:
    """Fitted models, the seed formula, and every member who had bought by ``at``."""

    at: datetime
    horizon_days: int
    time_unit: TimeUnit
    monthly_discount: float
    bgnbd: BgNbdParams | None
    gamma_gamma: GammaGammaParams | None
    unfitted: str | None  # why a model could not be fitted, None when both were
    seed: SeedFormula
    members: tuple[MemberClv, ...]

    def as_dict(self, money: Callable[[int], Any] = int) -> dict[str, Any]:
        """The ``loyalty report clv`` JSON shape; ``money`` formats minor units (e.g. as "12.50")."""

        def cash(value: int | None) -> Any:
            return None if value is None else money(value)

        def num(value: float | None, places: int = 6) -> float | None:
            return None if value is None else round(value, places)

        bg, gg, seed = self.bgnbd, self.gamma_gamma, self.seed
        return {
            "at": self.at.isoformat(),
            "horizon_days": self.horizon_days,
            "time_unit": self.time_unit,
            "monthly_discount": self.monthly_discount,
            "bgnbd": None
            if bg is None
            else {"r": bg.r, "alpha": bg.alpha, "a": bg.a, "b": bg.b, "loglik": bg.loglik},
            "gamma_gamma": None if gg is None else {"p": gg.p, "q": gg.q, "gamma": gg.gamma},
            "unfitted": self.unfitted,
            "seed": {
                "average_purchase": cash(seed.average_purchase),
                "purchases_per_month": num(seed.purchases_per_month),
                "retention_rate": num(seed.retention_rate),
                "retention_days": seed.retention_days,
                "lifetime_months": num(seed.lifetime_months),
                "clv": cash(seed.clv),
            },
            "members": [
                {
                    "member_no": m.member_no,
                    "frequency": m.frequency,
                    "recency": num(m.recency),
                    "T": num(m.T),
                    "monetary_value": cash(round(m.monetary_value)),
                    "expected_purchases": num(m.expected_purchases),
                    "p_alive": num(m.p_alive),
                    "expected_value": cash(m.expected_value),
                    "clv": cash(m.clv),
                    "seed_clv": cash(m.seed_clv),
                }
                for m in self.members
            ],
        }


def discounted_purchases(
    params: BgNbdParams,
    summary: pd.DataFrame,
    horizon_days: int,
    time_unit: TimeUnit,
    monthly_discount: float,
) -> np.ndarray:
    """Expected purchases over the horizon, each month's share divided by (1 + rate)^month."""
    x, t_x, age = (summary[c].to_numpy(np.float64) for c in ("frequency", "recency", "T"))
    unit = DAYS_PER_UNIT[time_unit]
    if monthly_discount == 0:
        return expected_purchases(params, horizon_days / unit, x, t_x, age)
    months = int(np.ceil(horizon_days / DAYS_PER_MONTH))
    total, before = np.zeros(x.size), np.zeros(x.size)
    for month in range(1, months + 1):
        until = min(month * DAYS_PER_MONTH, horizon_days) / unit
        so_far = expected_purchases(params, until, x, t_x, age)
        total += (so_far - before) / (1.0 + monthly_discount) ** month
        before = so_far
    return total


def _finite(*figures: np.ndarray) -> tuple[np.ndarray, ...]:
    """The figures, if every one is a number: a model that cannot forecast is reported, not shown."""
    if not all(np.isfinite(f).all() for f in figures):
        raise FitFailed("the fitted model gives no finite forecast for some members")
    return figures


def clv_from_log(
    log: pd.DataFrame,
    at: datetime,
    horizon_days: int,
    time_unit: TimeUnit = "weeks",
    monthly_discount: float = 0.0,
) -> ClvReport:
    """CLV of every member in a purchase log (``analytics.ports.PURCHASE_COLUMNS``) as of ``at``."""
    if horizon_days < 0 or monthly_discount < 0:
        raise ValueError("the horizon and the discount rate cannot be negative")
    days = purchase_days(log, at)
    summary = summarise(days, time_unit)
    seed, seed_values = seed_formula(days, horizon_days)
    x, t_x, age, m = (
        summary[c].to_numpy(np.float64) for c in ("frequency", "recency", "T", "monetary_value")
    )
    bg = gg = None
    unfitted = None
    purchases = alive = spend = clv = None
    try:
        bg = fit_bgnbd(x, t_x, age)
        alive, purchases = _finite(
            probability_alive(bg, x, t_x, age),
            expected_purchases(bg, horizon_days / DAYS_PER_UNIT[time_unit], x, t_x, age),
        )
        gg = fit_gamma_gamma(x, m)
        value = (
            discounted_purchases(bg, summary, horizon_days, time_unit, monthly_discount)
            if monthly_discount
            else purchases
        )
        exact_spend, clv = _finite(expected_average_spend(gg, x, m), value)
        clv = np.rint(clv * exact_spend)
        spend = np.rint(exact_spend)
    except FitFailed as failed:
        unfitted = str(failed)

    def column(values: np.ndarray | None, kind: type) -> list[Any]:
        """Plain Python numbers (``tolist`` converts in C), or None for every member."""
        if values is None:
            return [None] * len(summary)
        return list(values.astype(np.int64 if kind is int else np.float64).tolist())

    members = tuple(
        map(
            MemberClv,
            [str(number) for number in summary.index],
            column(x, int),
            column(t_x, float),
            column(age, float),
            column(m, float),
            column(purchases, float),
            column(alive, float),
            column(spend, int),
            column(clv, int),
            column(seed_values, int),
        )
    )
    return ClvReport(at, horizon_days, time_unit, monthly_discount, bg, gg, unfitted, seed, members)


def expected_purchases_by_member(
    log: pd.DataFrame, at: datetime, horizon_days: int, time_unit: TimeUnit = "weeks"
) -> pd.Series:
    """BG/NBD expected purchases over the horizon per member number; empty when it cannot be fitted.

    Fits BG/NBD alone (no spend model): the churn back-test's baseline ranks members by it.
    """
    summary = summarise(purchase_days(log, at), time_unit)
    x, t_x, age = (summary[c].to_numpy(np.float64) for c in ("frequency", "recency", "T"))
    try:
        params = fit_bgnbd(x, t_x, age)
        (purchases,) = _finite(
            expected_purchases(params, horizon_days / DAYS_PER_UNIT[time_unit], x, t_x, age)
        )
    except FitFailed:
        return pd.Series([], index=summary.index[:0], dtype=np.float64, name="expected_purchases")
    return pd.Series(purchases, index=summary.index, name="expected_purchases")


def clv_report(
    source: ReportSource,
    at: datetime,
    horizon_days: int,
    time_unit: TimeUnit = "weeks",
    monthly_discount: float = 0.0,
) -> ClvReport:
    """CLV as of ``at`` (in the shop's time zone: its calendar day is the report day)."""
    return clv_from_log(source.purchase_log(at), at, horizon_days, time_unit, monthly_discount)
