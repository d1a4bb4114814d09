"""Excel workbooks (.xlsx) read as import files: the first sheet's rows, each cell as the text a CSV would hold.

The one place that knows openpyxl. The workbook is opened read-only with
values only (a formula gives the value Excel last saved, never the formula),
so a large sheet streams instead of loading whole. Cells become the text the
row checks expect: a date cell ``2025-03-01`` (with its time when it has one),
a whole number without ``.0`` (a phone typed as a number stays
``13800138000``), ``true``/``false`` for a tick box.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from loyalty_desktop.domain.errors import BadFile

WORKBOOK = "xlsx"  # what an import says it was read as, in place of a text encoding
_ZIP_MAGIC = b"PK\x03\x04"
_OLD_EXCEL_MAGIC = b"\xd0\xcf\x11\xe0"  # the compound file every .xls is


def is_workbook(path: Path, head: bytes) -> bool:
    """Whether a file is an Excel workbook: named .xlsx, or a zip archive (a renamed workbook).

    A workbook of Excel 97–2003 (.xls) is refused, saying how to save it so it can be read.
    """
    if head.startswith(_OLD_EXCEL_MAGIC) or path.suffix.lower() == ".xls":
        raise BadFile(
            f"{path.name} is an Excel 97-2003 workbook (.xls); open it in Excel and save it "
            "as .xlsx or as CSV UTF-8",
            reason="workbook_old_format",
            file=path.name,
        )
    return path.suffix.lower() in {".xlsx", ".xlsm"} or head.startswith(_ZIP_MAGIC)


def cell_text(value: Any) -> str:
    """A cell's value as the text a CSV export of it would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        if value.time() == time(0):
            return value.date().isoformat()
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def workbook_records(path: Path) -> Iterator[tuple[int, list[str]]]:
    """Every row of the workbook's first sheet with its row number (the header is row 1)."""
    # Imported here: openpyxl takes a while to load, and most imports are CSV files.
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise BadFile(
            f"{path.name} is not an Excel workbook that can be read ({type(exc).__name__}); "
            "save it again in Excel as .xlsx, or as CSV UTF-8",
            reason="workbook_unreadable",
            file=path.name,
        ) from None
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            return
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, [cell_text(value) for value in row]
    finally:
        book.close()
