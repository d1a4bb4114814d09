"""The offer report's lift on a synthetic shop whose true lift is known."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pandas as pd
import pytest

from loyalty_desktop.analytics.offer_lift import MIN_GROUP, offer_outcome

START = datetime(2026, 3, 1, tzinfo=UTC)
END = START + timedelta(days=30)


def _shop(
    seed: int, members: int, lift_visits: float, ticket: int
) -> tuple[pd.DataFrame, list[str], list[str]]:
    """Control members visit Poisson(2) times in the month, offered ones Poisson(2 + lift)."""
    rng = np.random.default_rng(seed)
    rows = []
    offered = [f"O{i}" for i in range(members)]
    control = [f"C{i}" for i in range(members)]
    for group, rate in ((offered, 2 + lift_visits), (control, 2.0)):
        for member in group:
            days = rng.choice(30, size=min(rng.poisson(rate), 30), replace=False)
            for day in days:
                at = START + timedelta(days=int(day), hours=3)
                rows.append((member, at, pd.Timestamp(at.date()), ticket, False, "s1"))
            # a sale before the offer started never counts
            rows.append(
                (
                    member,
                    START - timedelta(days=3),
                    pd.Timestamp((START - timedelta(days=3)).date()),
                    999_999,
                    False,
                    "s1",
                )
            )
    log = pd.DataFrame(
        rows, columns=["member_no", "at", "local_date", "amount", "campaign", "store"]
    )
    log["at"] = pd.to_datetime(log["at"], utc=True)
    return log, offered, control


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_the_interval_contains_the_true_lift_in_sales_and_visits(seed: int) -> None:
    log, offered, control = _shop(seed, 2000, lift_visits=0.5, ticket=4000)
    found = offer_outcome(log, offered, control, START, END)
    assert not found.too_small
    assert found.visits.low is not None
    assert found.visits.low <= 0.5 <= found.visits.high  # type: ignore[operator]
    assert found.sales.low <= 0.5 * 4000 <= found.sales.high  # type: ignore[operator]
    assert found.visits.low > 0  # 2,000 a side is plenty to see half a visit


def test_no_lift_gives_an_interval_around_zero() -> None:
    log, offered, control = _shop(9, 2000, lift_visits=0.0, ticket=4000)
    found = offer_outcome(log, offered, control, START, END)
    assert found.visits.low < 0 < found.visits.high  # type: ignore[operator]


def test_too_few_members_give_means_but_no_interval() -> None:
    log, offered, control = _shop(1, MIN_GROUP - 1, lift_visits=0.5, ticket=4000)
    found = offer_outcome(log, offered, control, START, END)
    assert found.too_small
    assert (found.sales.difference, found.sales.low, found.sales.high) == (None, None, None)
    assert found.sales.offered > 0
    assert found.sales.control is not None


def test_an_empty_control_group_has_no_mean_rather_than_a_mean_of_zero() -> None:
    """Three members chosen and none held back: '63.33 vs 0.00' read as if the control bought nothing."""
    log, offered, _ = _shop(1, 3, lift_visits=0.5, ticket=4000)
    found = offer_outcome(log, offered, [], START, END)
    assert found.sales.control is None
    assert found.visits.control is None
    assert found.sales.offered is not None
