"""Each member's repeat-purchase summary (frequency, recency, age T, spend) as the CLV models read it.

The published BG/NBD and Gamma-Gamma results rest on conventions this module fixes in one place:

- a *purchase day* is a calendar day in the shop's time zone with at least one sale: several sales on
  the same day count as one purchase whose amount is their sum (the CDNOW summaries were built so);
- the first purchase day is not a repeat: ``frequency`` is purchase days minus one;
- ``recency`` runs from the first to the last purchase day, ``T`` from the first purchase day to the
  report day, both in whole days and then expressed in ``time_unit`` (a week is 7 days);
- ``monetary_value`` is the mean amount of the *repeat* purchase days (0 when there are none), the
  Gamma-Gamma convention: the first purchase often differs (a joining offer, a big first basket).

A sale refunded in full (amount 0 by the report moment) still makes its day a purchase day, with no
money: the member came back, which is what the purchase model counts, and the average spend per
purchase day then includes the refund, so purchases x spend still adds up. The published CDNOW
summary counts its zero-value purchases the same way. Gamma-Gamma fits only the repeat buyers
whose repeat days brought money.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

import numpy as np
import pandas as pd

TimeUnit = Literal["days", "weeks"]
DAYS_PER_UNIT: dict[str, int] = {"days": 1, "weeks": 7}

SUMMARY_COLUMNS = ("frequency", "recency", "T", "monetary_value", "purchase_days", "spend")
"""Columns of :func:`rfm_summary`, indexed by ``member_no``:

- ``frequency`` (int64): repeat purchase days;
- ``recency``, ``T`` (float64): in the chosen time unit;
- ``monetary_value`` (float64, minor units): mean amount per repeat purchase day, 0 without repeats;
- ``purchase_days`` (int64): all purchase days, the first included;
- ``spend`` (int64, minor units): everything the member paid, the first day included.
"""


def report_day(at: datetime) -> np.datetime64:
    """The calendar day of ``at`` as given: pass ``at`` in the shop's time zone so it is the local day."""
    return np.datetime64(at.date(), "D")


def _utc(moment: datetime) -> pd.Timestamp:
    stamp = pd.Timestamp(moment)
    return stamp.tz_localize("UTC") if stamp.tz is None else stamp


@dataclass(frozen=True)
class PurchaseDays:
    """Each member's purchase days, in member then day order (days count from 1970-01-01)."""

    members: pd.Index  # member numbers; ``member`` holds positions in it
    member: np.ndarray
    day: np.ndarray
    amount: np.ndarray  # minor units spent that day
    today: int  # the report day


def purchase_days(log: pd.DataFrame, at: datetime) -> PurchaseDays:
    """The purchase days in ``log`` at or before ``at``, the sales of each member's day summed.

    ``today`` is the calendar day of ``at`` (pass ``at`` in the shop's time zone), or the last
    purchase day if that is later (an ``at`` given in another zone), so that recency never exceeds T.
    """
    moments = log["at"]
    if getattr(moments.dt, "tz", None) is None:
        moments = moments.dt.tz_localize("UTC")
    keep = (moments <= _utc(at)).to_numpy()
    codes, members = pd.factorize(log["member_no"].to_numpy()[keep], sort=True)
    days = log["local_date"].to_numpy()[keep].astype("datetime64[D]").astype(np.int64)
    amounts = log["amount"].to_numpy()[keep].astype(np.int64)
    today = int(report_day(at).astype(np.int64))
    index = pd.Index(members, dtype=object, name="member_no")
    if codes.size == 0:
        empty = np.empty(0, dtype=np.int64)
        return PurchaseDays(index, empty, empty, empty, today)
    # One sort key, member then day: several times faster than np.lexsort on two columns.
    order = np.argsort(codes.astype(np.int64) << 32 | (days - days.min()))
    codes, days, amounts = codes[order], days[order], amounts[order]
    new_day = np.ones(codes.size, dtype=bool)
    new_day[1:] = (codes[1:] != codes[:-1]) | (days[1:] != days[:-1])
    starts = np.flatnonzero(new_day)
    return PurchaseDays(
        index,
        codes[starts].astype(np.int64),
        days[starts],
        np.add.reduceat(amounts, starts),
        max(today, int(days.max())),
    )


def summarise(days: PurchaseDays, time_unit: TimeUnit = "weeks") -> pd.DataFrame:
    """Per-member repeat-purchase summary (``SUMMARY_COLUMNS``) of their purchase days."""
    if time_unit not in DAYS_PER_UNIT:
        raise ValueError(f"time_unit must be 'days' or 'weeks', not {time_unit!r}")
    if days.member.size == 0:
        return _frame(days.members, *(np.empty(0),) * 6)
    first_row = np.flatnonzero(np.r_[True, days.member[1:] != days.member[:-1]])
    last_row = np.r_[first_row[1:] - 1, days.member.size - 1]
    purchase_count = np.diff(np.r_[first_row, days.member.size])
    spend = np.add.reduceat(days.amount, first_row)
    first_day, last_day = days.day[first_row], days.day[last_row]
    frequency = purchase_count - 1
    repeat_spend = spend - days.amount[first_row]
    monetary = np.divide(
        repeat_spend, frequency, out=np.zeros(frequency.size), where=frequency > 0, dtype=float
    )
    unit = DAYS_PER_UNIT[time_unit]
    return _frame(
        days.members,
        frequency,
        (last_day - first_day) / unit,
        (days.today - first_day) / unit,
        monetary,
        purchase_count,
        spend,
    )


def rfm_summary(log: pd.DataFrame, at: datetime, time_unit: TimeUnit = "weeks") -> pd.DataFrame:
    """Per-member repeat-purchase summary of the sales at or before ``at`` (``SUMMARY_COLUMNS``).

    ``log`` has the ``PURCHASE_COLUMNS`` of ``analytics.ports`` (only ``member_no``, ``at``,
    ``local_date`` and ``amount`` are read). ``T`` runs to the calendar day of ``at``, so pass
    ``at`` in the shop's time zone.
    """
    return summarise(purchase_days(log, at), time_unit)


def _frame(
    index: pd.Index,
    frequency: np.ndarray,
    recency: np.ndarray,
    age: np.ndarray,
    monetary: np.ndarray,
    purchase_days: np.ndarray,
    spend: np.ndarray,
) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "frequency": frequency.astype(np.int64),
            "recency": recency.astype(np.float64),
            "T": age.astype(np.float64),
            "monetary_value": monetary.astype(np.float64),
            "purchase_days": purchase_days.astype(np.int64),
            "spend": spend.astype(np.int64),
        },
        index=index,
        columns=list(SUMMARY_COLUMNS),
    )
