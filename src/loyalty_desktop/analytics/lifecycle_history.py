"""A member's lifecycle stage over time: the days their stage changed, for their record.

Uses the rules of ``analytics.lifecycle`` on one member's sales; the stage is
only tried on days it can change, not on every day since the first purchase.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from loyalty_desktop.analytics.lifecycle import STAGE_KEYS, ShopDays, day_number, stage_figures
from loyalty_desktop.domain.program import LifecycleRule


@dataclass(frozen=True)
class StageChange:
    """From shop day ``day`` on, the member was in ``stage`` (until the next change)."""

    day: date
    stage: str


def stage_history(log: pd.DataFrame, today: date, rule: LifecycleRule) -> tuple[StageChange, ...]:
    """One member's stage changes, oldest first, from their purchase log up to the day ``today``.

    A stage can only change on a sale day or on a day a threshold runs out counted from one
    (new, quiet, lapsed and won-back days, the window and the window before it), so only
    those days are tried, not every day since the first purchase.
    """
    days = ShopDays.of(log[log["local_date"] <= pd.Timestamp(today)])
    if not days.bought.any():
        return ()
    sale_days = np.unique(days.day)
    spans = (
        0,
        rule.new_days + 1,
        rule.quiet_days + 1,
        rule.lapsed_days + 1,
        rule.won_back_days + 1,
        rule.window_days,
        2 * rule.window_days,
    )
    now = day_number(today)
    first = int(days.day[days.bought].min())
    shifted = [sale_days + span for span in spans]
    tried = np.unique(np.concatenate([*shifted, *_overdue_days(days, rule)]))
    tried = tried[(tried >= first) & (tried <= now)]
    changes: list[StageChange] = []
    for number in tried:
        day = date(1970, 1, 1) + timedelta(days=int(number))
        stage = STAGE_KEYS[int(stage_figures(days, day, rule)["stage"].iloc[0])]
        if not changes or changes[-1].stage != stage:
            changes.append(StageChange(day, stage))
    return tuple(changes)


def _overdue_days(days: ShopDays, rule: LifecycleRule) -> list[np.ndarray]:
    """The days after which the member is overdue against their habit as it stood at each purchase."""
    if not rule.overdue_times:
        return []
    kept = days.day[days.bought]
    if kept.size < 2:
        return []
    count = np.arange(1, kept.size + 1)
    after = kept[1:] + rule.overdue_times * (kept[1:] - kept[0]) // (count[1:] - 1) + 1
    return [after]


def sales_stage_history(
    sales: Sequence[tuple[datetime, int]], timezone: str, today: date, rule: LifecycleRule
) -> tuple[StageChange, ...]:
    """``stage_history`` of one member's sales given as (moment, net after refunds) pairs."""
    stamps = pd.to_datetime([at for at, _ in sales], utc=True)
    log = pd.DataFrame(
        {
            "member_no": pd.Series(["member"] * len(sales), dtype=object),
            "at": stamps,
            "local_date": stamps.tz_convert(ZoneInfo(timezone)).tz_localize(None).normalize(),
            "amount": pd.Series([amount for _, amount in sales], dtype="int64"),
        }
    )
    return stage_history(log, today, rule)
