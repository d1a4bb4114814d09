"""An offer's measured lift: sales and visits per member of those offered against the control group.

Intention to treat: everyone the offer was given counts, whether they used
the coupon or not, against the control group the same audience rules chose
and the seed held back. The difference of the means gets a 95 % confidence
interval by Welch's t (unequal variances; with the normal approximation's
large-sample behaviour). With fewer than ``MIN_GROUP`` members on either side
no interval is given and the report says why, instead of a number that means
nothing.
"""

from __future__ import annotations

import math
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

import numpy as np
import pandas as pd
from scipy import stats

MIN_GROUP = 30  # below this a side's mean is too noisy for an interval to mean anything
CONFIDENCE = 0.95


@dataclass(frozen=True)
class Lift:
    """A per-member mean for each side (None: nobody on it), their difference, and its 95 % interval.

    The difference and interval are None with too few members on either side.
    """

    offered: float | None
    control: float | None
    difference: float | None
    low: float | None
    high: float | None


@dataclass(frozen=True)
class OfferOutcome:
    """What the offer's members and its control group did in the offer's window."""

    offered_members: int
    control_members: int
    sales: Lift  # minor units per member
    visits: Lift  # purchase days per member
    too_small: bool  # a side below MIN_GROUP: no interval


def welch_interval(a: np.ndarray, b: np.ndarray) -> tuple[float, float, float]:
    """Mean of ``a`` minus mean of ``b`` and its 95 % Welch interval."""
    diff = float(a.mean() - b.mean())
    va, vb = a.var(ddof=1) / len(a), b.var(ddof=1) / len(b)
    se = math.sqrt(va + vb)
    if se == 0:
        return diff, diff, diff
    df = (va + vb) ** 2 / (va**2 / (len(a) - 1) + vb**2 / (len(b) - 1))
    half = float(stats.t.ppf(0.5 + CONFIDENCE / 2, df)) * se
    return diff, diff - half, diff + half


def _lift(offered: np.ndarray, control: np.ndarray, small: bool) -> Lift:
    mean_o = float(offered.mean()) if len(offered) else None
    mean_c = float(control.mean()) if len(control) else None
    if small:
        return Lift(mean_o, mean_c, None, None, None)
    diff, low, high = welch_interval(offered, control)
    return Lift(mean_o, mean_c, diff, low, high)


def offer_outcome(
    log: pd.DataFrame,
    offered: Collection[str],
    control: Collection[str],
    start: datetime,
    end: datetime,
) -> OfferOutcome:
    """Per-member sales and visits in (start, end] of the offered members against the control group.

    ``log`` has ``analytics.ports.PURCHASE_COLUMNS``; members are member numbers.
    """
    at = pd.to_datetime(log["at"], utc=True)
    window = log[(at > pd.Timestamp(start)) & (at <= pd.Timestamp(end))]
    sales = window.groupby("member_no")["amount"].sum()
    bought = window[window["amount"] > 0]
    visits = bought.groupby("member_no")["local_date"].nunique()

    def column(series: pd.Series, members: Collection[str]) -> np.ndarray:
        found: np.ndarray = series.reindex(list(members), fill_value=0).to_numpy(dtype=float)
        return found

    small = min(len(offered), len(control)) < MIN_GROUP
    return OfferOutcome(
        offered_members=len(offered),
        control_members=len(control),
        sales=_lift(column(sales, offered), column(sales, control), small),
        visits=_lift(column(visits, offered), column(visits, control), small),
        too_small=small,
    )
