"""Report tables as files a manager opens in Excel: CSV (UTF-8 with BOM) and workbooks (.xlsx).

Excel reads a CSV file without a byte-order mark in the PC's code page, so
Chinese turns to mojibake; with the BOM it reads UTF-8. A text cell that
starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return would be
run as a formula when the file is opened (CSV injection: a member named
``=HYPERLINK(...)``), so it gets a leading apostrophe, which Excel shows as
text. Numbers stay numbers (a negative balance is no formula). In a
workbook every text cell is written as text, never as a formula.

Several tables in one CSV file follow one another, each under its title and
after an empty row; a workbook gets a sheet per table.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from loyalty_desktop.services.spreadsheet_cells import safe_text

Cell = str | int | Decimal | date | datetime | None

BOM = "\ufeff"
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")
_SHEET_NAME_MAX = 31


@dataclass(frozen=True)
class ExportTable:
    """A table to write: its title, column headings and rows of plain values.

    ``texts`` are the cells as the screen words them (``90.42%``, ``1,245.51``), for a
    printed page; files for spreadsheets get the exact values.
    """

    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    texts: tuple[tuple[str, ...], ...] = ()


def _csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):  # a bool is an int; say it in words
        return "true" if value else "false"
    if isinstance(value, int | Decimal):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return safe_text(value)


def csv_bytes(tables: Sequence[ExportTable]) -> bytes:
    """The tables as one UTF-8 CSV file with a BOM and the CRLF line ends Excel writes."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    several = len(tables) > 1
    for n, table in enumerate(tables):
        if several:
            if n:
                writer.writerow([])
            writer.writerow([safe_text(table.title)])
        writer.writerow([safe_text(h) for h in table.headers])
        for row in table.rows:
            writer.writerow([_csv_cell(v) for v in row])
    return (BOM + out.getvalue()).encode("utf-8")


def sheet_name(title: str, taken: set[str]) -> str:
    """A worksheet name Excel accepts (31 characters at most, none of its forbidden ones), unique."""
    base = _SHEET_NAME_BAD.sub(" ", title).strip().strip("'") or "Sheet"
    base = base[:_SHEET_NAME_MAX]
    name, n = base, 2
    while name.casefold() in taken:
        suffix = f" ({n})"
        name = base[: _SHEET_NAME_MAX - len(suffix)] + suffix
        n += 1
    taken.add(name.casefold())
    return name


def xlsx_bytes(tables: Sequence[ExportTable]) -> bytes:
    """The tables as an Excel workbook, a sheet each; numbers and dates typed, text as text."""
    from openpyxl import Workbook  # loaded only when a workbook is written
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    taken: set[str] = set()
    for table in tables:
        sheet = book.create_sheet(sheet_name(table.title, taken))
        for column, heading in enumerate(table.headers, start=1):
            cell = sheet.cell(row=1, column=column, value=heading)
            cell.data_type = "s"
            cell.font = Font(bold=True)
        widths = [len(h) for h in table.headers]
        for r, row in enumerate(table.rows, start=2):
            for column, value in enumerate(row, start=1):
                cell = sheet.cell(row=r, column=column)
                if isinstance(value, str):
                    cell.value = value
                    cell.data_type = "s"  # "=..." stays text: openpyxl would make it a formula
                elif isinstance(value, datetime):
                    cell.value = value.replace(tzinfo=None)  # Excel has no time zones
                    cell.number_format = "yyyy-mm-dd hh:mm"
                else:
                    cell.value = value
                    if isinstance(value, Decimal) and value.as_tuple().exponent == -2:
                        cell.number_format = "0.00"  # money keeps its fen
                if column <= len(widths):
                    widths[column - 1] = max(widths[column - 1], len(_csv_cell(value)))
        for column, width in enumerate(widths, start=1):
            letter = sheet.cell(row=1, column=column).column_letter
            sheet.column_dimensions[letter].width = min(60, max(8, width * 1.3 + 2))
        sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
