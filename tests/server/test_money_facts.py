"""A sale's money as odd text is believed or refused by the server exactly as before.

The server reads net, paid, the points' value and each line's amount and discount with
``parse_money``, which takes a short way for plain digits (issue 12's throughput); text
off that way (spaces, other digits, exponents, signs) must meet the same answer.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from loyalty_desktop.server.facts import Rejected, check_event
from tests.server.events import sale

BASE = sale("11111111-1111-1111-1111-111111111111", 1)["payload"]  # one line at 105.00


def _answer(payload: dict[str, Any]) -> str:
    try:
        check_event("sale", 1, payload)
    except Rejected as exc:
        return exc.reason
    return "applied"


def _priced(text: str) -> dict[str, Any]:
    """A sale of one item at ``text``: its price, line amount, net and paid all ``text``."""
    p = copy.deepcopy(BASE)
    p["net"] = p["paid"] = p["lines"][0]["amount"] = p["lines"][0]["unit_price"] = text
    return p


def _points_value(text: str) -> dict[str, Any]:
    p = copy.deepcopy(BASE)
    p["points_value"] = text
    return p


def _discount(text: str) -> dict[str, Any]:
    p = copy.deepcopy(BASE)
    p["lines"][0]["discount"] = text
    return p


NOT_LESS = "sale: paid 105.00 is not net 105.00 less the points' value"
NOT_LINE = "sale: line 1 amount 105.00 is not 1 x 105.00 (105.00) less its discount"


@pytest.mark.parametrize(
    ("text", "priced", "points_value", "discount"),
    [
        (
            "1e3",
            "sale: line 1 amount: amount '1e3' has an exponent; write it in plain digits like 12.50",
            "sale: points_value: amount '1e3' has an exponent; write it in plain digits like 12.50",
            "sale: line 1 discount: amount '1e3' has an exponent; write it in plain digits like 12.50",
        ),
        (" 1.00", "applied", f"{NOT_LESS} 1.00", f"{NOT_LINE}  1.00"),
        ("１.00", "applied", f"{NOT_LESS} 1.00", f"{NOT_LINE} １.00"),
        ("-0.00", "applied", "applied", "applied"),
        ("0.00", "applied", "applied", "applied"),
        ("1.000", "applied", f"{NOT_LESS} 1.00", f"{NOT_LINE} 1.000"),
        ("+1.00", "applied", f"{NOT_LESS} 1.00", f"{NOT_LINE} +1.00"),
        ("1.", "applied", f"{NOT_LESS} 1.00", f"{NOT_LINE} 1."),
        (
            "1.001",
            "sale: line 1 amount: amount '1.001' has more decimals than CNY allows (2); "
            "amounts are never rounded",
            "sale: points_value: amount '1.001' has more decimals than CNY allows (2); "
            "amounts are never rounded",
            "sale: line 1 discount: amount '1.001' has more decimals than CNY allows (2); "
            "amounts are never rounded",
        ),
        (
            "",
            "sale: line 1 has no readable qty and unit_price",
            "sale: points_value: amount is empty; write it like 12.50",
            "sale: line 1 discount: amount is empty; write it like 12.50",
        ),
        (
            "1,00",
            "sale: line 1 has no readable qty and unit_price",
            "sale: points_value: amount '1,00' is not a number; write it like 12.50",
            "sale: line 1 discount: amount '1,00' is not a number; write it like 12.50",
        ),
        (
            "100000000000000.00",
            "sale: line 1 amount: amount is too large",
            "sale: points_value: amount is too large",
            "sale: line 1 discount: amount is too large",
        ),
        ("10000000000000.00", "applied", f"{NOT_LESS} 10000000000000.00", None),
    ],
)
def test_odd_money_text_in_a_sale_meets_the_same_answer(
    text: str, priced: str, points_value: str, discount: str | None
) -> None:
    assert _answer(_priced(text)) == priced
    assert _answer(_points_value(text)) == points_value
    if discount is not None:
        assert _answer(_discount(text)) == discount
