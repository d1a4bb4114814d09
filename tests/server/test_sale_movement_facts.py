"""A sale's movements are what a sale posts: the server refuses a sale that credits anything but its earn.

A sale event's earn is recomputed from the programme and its redemption priced by its
money; a movement of another kind beside them (an adjustment of +1,000,000, an activity
bonus) was applied unchecked (attack12). What a till's sales post: tests/integration/
test_demo_facts_pass_the_server.py passes a year of demo trade through the same check.
"""

from __future__ import annotations

import copy
import uuid
from typing import Any

import pytest

from loyalty_desktop.server.facts import Rejected, check_event
from tests.server.events import sale

MEMBER = "11111111-1111-1111-1111-111111111111"


def _with(kind: str, points: int) -> dict[str, Any]:
    p = copy.deepcopy(sale(MEMBER, 1)["payload"])
    extra = dict(p["movements"][0], id=str(uuid.uuid4()), kind=kind, points=points)
    p["movements"].append(extra | {"lots": [], "allocations": []})
    return p


@pytest.mark.parametrize(
    ("kind", "points"),
    [
        ("adjust", 1_000_000),
        ("activity", 500),
        ("refund_restore", 50),
        ("expire", 10),  # a write-off never credits
        ("return_reversal", 5),
    ],
)
def test_a_sale_that_credits_other_than_its_earn_is_refused(kind: str, points: int) -> None:
    with pytest.raises(Rejected, match=f"a {kind} movement of {points} points is not a sale's"):
        check_event("sale", 1, _with(kind, points))


@pytest.mark.parametrize(("kind", "points"), [("expire", -30), ("return_reversal", -20)])
def test_a_sales_write_offs_and_return_reversals_pass(kind: str, points: int) -> None:
    check_event("sale", 1, _with(kind, points))


def test_a_plain_sale_passes() -> None:
    check_event("sale", 1, sale(MEMBER, 1)["payload"])
