"""The seed articles' lifetime value: average purchase x purchases per month x retention x lifetime.

Shown beside the BG/NBD / Gamma-Gamma figures so a manager can compare a rule of thumb with the
model. The seeds leave each factor to the reader; here they are measured from the purchase days:

- *average purchase*: money per purchase day (same-day sales count once, first purchase included);
- *purchases per month*: purchase days per month since the member's first purchase (a month is
  365.25/12 days; members younger than a month count as one month old, so a first-day buyer
  does not read as thirty purchases a month);
- *retention*: of the members who bought in one period, the share who bought again in the next
  one, the two periods ending on the report day; a period is the horizon, or half the history
  when the history is shorter than two horizons;
- *lifetime*: the horizon in months, so the seed figure covers the same future as the model's.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from loyalty_desktop.analytics.repeat_purchases import PurchaseDays

DAYS_PER_MONTH = 365.25 / 12


@dataclass(frozen=True)
class SeedFormula:
    """Shop-wide factors of the seed formula and its value for a member with the shop's averages.

    Money in minor units; ``retention_rate`` and ``clv`` are None when the history is too short
    (or no one bought in the earlier period) to measure retention.
    """

    average_purchase: int
    purchases_per_month: float
    retention_rate: float | None
    retention_days: int
    lifetime_months: float
    clv: int | None


def retention(days: PurchaseDays, period: int) -> float | None:
    """Share of the members who bought in (today-2p, today-p] who bought again in (today-p, today]."""
    if period < 1:
        return None
    earlier = (days.day > days.today - 2 * period) & (days.day <= days.today - period)
    later = days.day > days.today - period
    before = np.unique(days.member[earlier])
    if before.size == 0:
        return None
    kept = np.isin(before, days.member[later], assume_unique=False)
    return float(kept.mean())


def seed_formula(days: PurchaseDays, horizon_days: int) -> tuple[SeedFormula, np.ndarray | None]:
    """The shop-wide factors, and each member's seed value (minor units, in ``days.members`` order)."""
    members = days.members.size
    lifetime = horizon_days / DAYS_PER_MONTH
    if members == 0:
        return SeedFormula(0, 0.0, None, 0, lifetime, None), None
    first = np.full(members, np.iinfo(np.int64).max)
    np.minimum.at(first, days.member, days.day)
    visits = np.bincount(days.member, minlength=members)
    spend = np.bincount(days.member, weights=days.amount, minlength=members)
    months = np.maximum((days.today - first) / DAYS_PER_MONTH, 1.0)
    history = int(days.today - first.min())
    period = min(horizon_days, history // 2)
    kept = retention(days, period)
    total_days = int(visits.sum())
    average = float(spend.sum()) / total_days
    per_month = total_days / float(months.sum())
    shop = SeedFormula(
        average_purchase=round(average),
        purchases_per_month=per_month,
        retention_rate=kept,
        retention_days=period,
        lifetime_months=lifetime,
        clv=None if kept is None else round(average * per_month * kept * lifetime),
    )
    if kept is None:
        return shop, None
    # A member's average purchase times their purchases per month is their spend per month.
    return shop, np.rint(spend / months * kept * lifetime).astype(np.int64)
