"""Exported CSV cells that Excel would run as a formula are kept as text; numbers stay numbers."""

from __future__ import annotations

import csv
import io

import pytest

from loyalty_desktop.services.spreadsheet_cells import SafeCsvWriter, safe_cell


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("http://evil.example","x")',
        "=cmd|' /C calc'!A0",
        "+1+1",
        "-2+3",
        "@SUM(A1)",
        "\t=1",
        "\r=1",
        "-",
    ],
)
def test_text_that_starts_a_formula_is_quoted(text: str) -> None:
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["-5", "-12.50", "+3", "0.5", "会员", "a=b", "", 7, None])
def test_numbers_and_ordinary_text_are_unchanged(value: object) -> None:
    assert safe_cell(value) == value


def test_the_writer_quotes_every_cell_of_every_row() -> None:
    out = io.StringIO()
    SafeCsvWriter(out).writerows([["=1+1", -4, "-4"], ["ok", "@x", "+"]])
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows == [["'=1+1", "-4", "-4"], ["ok", "'@x", "'+"]]
