"""Report tables as CSV and Excel files: Chinese intact in Excel, formulas never run, numbers typed."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

from openpyxl import load_workbook

from loyalty_desktop.services.report_files import (
    ExportTable,
    csv_bytes,
    safe_text,
    sheet_name,
    xlsx_bytes,
)

TABLE = ExportTable(
    "Best customers",
    ("Member number", "Name", "Spend", "Balance", "Joined"),
    (
        ("10000001", "王芳", Decimal("2390.24"), -50, date(2025, 3, 1)),
        ("10000002", '=HYPERLINK("http://x","点我")', Decimal("0.10"), 0, None),
        ("10000003", "@SUM(A1)", Decimal("1.00"), 7, None),
        ("10000004", "+86 138", Decimal("1.00"), 7, None),
        ("10000005", "-1", Decimal("1.00"), 7, None),
    ),
)


def test_formula_starts_get_an_apostrophe_and_other_text_is_untouched() -> None:
    for text in ("=1+1", "+1", "-1", "@A1", "\tx", "\rx"):
        assert safe_text(text) == "'" + text
    for text in ("王芳", "1-2", "a=b", ""):
        assert safe_text(text) == text


def test_csv_has_a_bom_and_excels_line_ends_and_neutralised_cells() -> None:
    data = csv_bytes([TABLE])
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in data
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == list(TABLE.headers)
    assert rows[1] == ["10000001", "王芳", "2390.24", "-50", "2025-03-01"], "numbers stay numbers"
    assert [row[1] for row in rows[2:]] == [
        '\'=HYPERLINK("http://x","点我")',
        "'@SUM(A1)",
        "'+86 138",
        "'-1",
    ]


def test_several_tables_follow_one_another_under_their_titles() -> None:
    other = ExportTable("Figures", ("Figure", "Value"), (("Members", 3),))
    rows = list(csv.reader(io.StringIO(csv_bytes([other, TABLE]).decode("utf-8-sig"))))
    assert rows[:3] == [["Figures"], ["Figure", "Value"], ["Members", "3"]]
    assert rows[3] == []
    assert rows[4] == ["Best customers"]


def test_a_workbook_keeps_text_as_text_and_numbers_as_numbers() -> None:
    book = load_workbook(io.BytesIO(xlsx_bytes([TABLE])))
    sheet = book["Best customers"]
    assert [c.value for c in sheet[1]] == list(TABLE.headers)
    assert sheet["B3"].value == '=HYPERLINK("http://x","点我")'
    assert sheet["B3"].data_type == "s", "stored as text, never as a formula"
    assert sheet["C2"].value == 2390.24
    assert sheet["C2"].number_format == "0.00"
    assert sheet["D2"].value == -50
    assert sheet["E2"].value.date() == date(2025, 3, 1)


def test_sheet_names_are_ones_excel_accepts_and_never_repeat() -> None:
    taken: set[str] = set()
    assert sheet_name("Sales / refunds [2026]", taken) == "Sales   refunds  2026"
    assert sheet_name("x" * 40, taken) == "x" * 31
    assert sheet_name("X" * 40, taken) == "X" * 27 + " (2)", "Excel ignores the letter case"
    assert len(taken) == 3
