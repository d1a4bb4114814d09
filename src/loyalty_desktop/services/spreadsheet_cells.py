"""CSV files a shop opens in Excel: text that would start a formula is written so it stays text.

Staff type reasons, names and product names; an export of them opened in
Excel or WPS must never run ``=HYPERLINK(...)`` or ``=cmd|...`` (CSV injection).
A cell whose text starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return gets a leading apostrophe, which Excel shows as nothing and reads as
"this is text" (OWASP's advice). Plain numbers, negative ones included, are
left as they are so they still add up.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import Any, Protocol

STARTS_FORMULA = ("=", "+", "-", "@", "\t", "\r")  # what Excel or WPS may run as a formula
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")


class _Writer(Protocol):
    def writerow(self, row: Iterable[Any], /) -> Any: ...


def safe_cell(value: object) -> object:
    """``value`` as a cell Excel shows and never evaluates: text starting a formula is quoted."""
    if not isinstance(value, str) or not value.startswith(STARTS_FORMULA):
        return value
    if _PLAIN_NUMBER.fullmatch(value):
        return value
    return "'" + value


def safe_text(text: str) -> str:
    """Text a spreadsheet shows as text, never runs as a formula (a text "-1" too: it is text)."""
    return "'" + text if text.startswith(STARTS_FORMULA) else text


class SafeCsvWriter:
    """A ``csv.writer`` whose every cell goes through ``safe_cell``."""

    def __init__(self, out: Any, **options: Any) -> None:
        self._writer: _Writer = csv.writer(out, **options)

    def writerow(self, row: Iterable[object]) -> None:
        """Write one row, its cells made safe."""
        self._writer.writerow([safe_cell(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        """Write every row, their cells made safe."""
        for row in rows:
            self.writerow(row)
