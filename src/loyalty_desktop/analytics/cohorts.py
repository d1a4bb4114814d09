"""Retention by monthly cohort: of the members who first bought in a month, how many bought again later.

A member's cohort is the shop month (in the shop's time zone) of their first
purchase ever, and only members whose first purchase falls in the report's
period form cohorts: someone who first bought years ago is not new this
year. A purchase is a sale the member kept something of (not refunded in
full by the report's end, not a return). Month 0 is the cohort's own month,
so its rate is 1; month k is the share of the cohort buying in the k-th month
after it. The report's last month is usually still running, which the
report says, so a manager does not read its low rate as a fall.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from loyalty_desktop.analytics.frames import (
    bought,
    just_before,
    month_label,
    month_numbers,
    shop_day,
)
from loyalty_desktop.analytics.kpis import rate
from loyalty_desktop.analytics.ports import ReportSource
from loyalty_desktop.domain.program import Program


@dataclass(frozen=True)
class Cohort:
    """Members who first bought in ``month`` and how many of them bought in each month since."""

    month: str  # YYYY-MM in the shop's time zone
    members: int
    buyers: tuple[int, ...]  # [k]: members of the cohort buying in the k-th month after ``month``
    retention: tuple[Decimal | None, ...]  # [k]: buyers[k] / members, to four decimals


@dataclass(frozen=True)
class CohortReport:
    """Cohorts of first purchases in (start, end], oldest first, followed to the end's month."""

    start: datetime
    end: datetime
    store: str | None
    timezone: str
    last_month: str  # the end's month: its figures are partial unless the end closes it
    last_month_partial: bool
    cohorts: tuple[Cohort, ...]
    average: tuple[Decimal | None, ...]  # [k]: buyers / members over the cohorts that reached k


def cohort_report(
    source: ReportSource,
    program: Program,
    start: datetime,
    end: datetime,
    store: str | None = None,
) -> CohortReport:
    """Monthly cohorts of members whose first purchase is in (start, end]."""
    log = bought(source.purchase_log(end))
    if store is not None:
        log = log[log["store"] == store]
    month = pd.Series(month_numbers(log["local_date"]), index=log.index)
    first = log.drop_duplicates("member_no")  # the log is oldest first
    first = first[first["at"] > pd.Timestamp(start)]
    cohort_of = pd.Series(month[first.index].to_numpy(), index=first["member_no"].to_numpy())
    active = pd.DataFrame({"member_no": log["member_no"], "month": month})
    active = active[active["member_no"].isin(cohort_of.index)].drop_duplicates()
    active["cohort"] = active["member_no"].map(cohort_of).to_numpy(dtype=np.int64)
    active["offset"] = active["month"] - active["cohort"]
    counts = active.groupby(["cohort", "offset"]).size()
    sizes = cohort_of.value_counts()
    # The last month is the one holding the last moment before the end: a report to midnight
    # on 1 October ends with September, complete.
    last_day = shop_day(just_before(end), program.timezone)
    last = last_day.year * 12 + last_day.month - 1
    local_end = end.astimezone(ZoneInfo(program.timezone))
    closed = local_end.day == 1 and local_end.time() == time(0)
    cohorts = []
    for cohort in sorted(int(c) for c in sizes.index if c <= last):
        size = int(sizes[cohort])
        buyers = tuple(int(counts.get((cohort, k), 0)) for k in range(last - cohort + 1))
        cohorts.append(
            Cohort(month_label(cohort), size, buyers, tuple(rate(b, size) for b in buyers))
        )
    span = max((len(c.buyers) for c in cohorts), default=0)
    average = tuple(
        rate(
            sum(c.buyers[k] for c in cohorts if len(c.buyers) > k),
            sum(c.members for c in cohorts if len(c.buyers) > k),
        )
        for k in range(span)
    )
    return CohortReport(
        start=start,
        end=end,
        store=store,
        timezone=program.timezone,
        last_month=month_label(last),
        last_month_partial=not closed,
        cohorts=tuple(cohorts),
        average=average,
    )
