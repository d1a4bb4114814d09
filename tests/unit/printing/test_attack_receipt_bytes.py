# ruff: noqa: D205  (findings are described in prose, one paragraph each)
"""Attacks on receipt bytes (review branch ``attack``): names a shop really types into its catalogue."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from loyalty_desktop.domain.money import Currency
from loyalty_desktop.printing.escpos import _gb_char, columns_for
from loyalty_desktop.printing.receipt_text import receipt_lines
from loyalty_desktop.printing.text_columns import clusters, printable
from loyalty_desktop.services.receipts import Receipt, ReceiptLine
from loyalty_desktop.ui.preferences import TillPreferences
from loyalty_desktop.ui.screens.receipt_desk import receipt_bytes


def _receipt(name: str) -> Receipt:
    line = ReceiptLine("SKU1", name, Decimal(1), Decimal("5.00"), 500, 500)
    return Receipt(
        "T20261205-142501-3f9a", "Shop", datetime(2026, 1, 1, tzinfo=UTC), Currency.of("CNY"),
        (line,), 500, 0, 0, 500, 0, 500, 5, 0, "****0001", 10, None,
    )  # fmt: skip


@pytest.mark.parametrize(
    "name",
    ["🍵 Green tea", "Tea\u2028Cup", "שלום tea", "Thé ☕"],
    ids=["emoji", "line-separator", "hebrew", "hot-beverage-sign"],
)
def test_one_undrawable_character_in_a_product_name_does_not_stop_the_raster_receipt(
    name: str,
) -> None:
    """In text mode a character the printer cannot print becomes ``?``. In raster mode (the
    setting for printers without a Chinese font) ``render_lines`` asks ``font_for`` for a font
    with every character of the receipt and refuses the whole receipt (``FontMissing``, worded
    "to print the card") when one product name holds an emoji, a Hebrew word or U+2028 (which
    ``printable`` keeps: it is Zl, not Cc/Cf). Every sale with that product is then unprintable.
    """
    data = receipt_bytes(_receipt(name), TillPreferences(encoding="raster", paper=58), "en")
    assert data.startswith(b"\x1b@")


def test_printable_drops_line_and_paragraph_separators() -> None:
    """U+2028/U+2029 end a line in Qt's receipt view and in many printers' UTF-8 mode."""
    assert printable("Tea\u2028Cup\u2029") == "Tea Cup "


def test_no_gb18030_line_prints_wider_than_the_paper() -> None:
    """``ǹ`` (pinyin, U+01F9) has East Asian width N, so the layout counts one column, but
    GB 18030 sends it as the two-byte A8BF that a Chinese printer draws two columns wide:
    a name of them overflows the 32 columns of 58 mm paper and the printer wraps the line,
    pushing the amounts out of their column.
    """
    columns = columns_for(58)
    for line in receipt_lines(_receipt("ǹ" * 40), columns):
        printed = sum(
            2 if len(_gb_char(cluster, "gb18030")) > 1 else len(_gb_char(cluster, "gb18030"))
            for cluster in clusters(printable(line))
        )
        assert printed <= columns, f"{printed} columns: {line!r}"
