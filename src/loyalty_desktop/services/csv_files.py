"""Import files read as shops save them from Excel, and checked row by row before anything is written.

UTF-8 (with or without BOM), Chinese text in GBK/GB18030, or the encoding the
caller names (``file_encodings`` decides); exactly the expected columns in any
order; rows numbered as Excel shows them (the header is row 1). Each row's
values are checked with the same rules as the till, and every reason a row is
bad is kept for the report.
"""

from __future__ import annotations

import csv
import os
import re
import stat
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from loyalty_desktop.domain.errors import (
    BadFile,
    LoyaltyError,
)
from loyalty_desktop.services.file_encodings import decode

MEMBER_COLUMNS = ("member_no", "name", "phone", "email", "birthday", "consent")
SALE_COLUMNS = ("sale_id", "member_ref", "at", "sku", "qty", "unit_price", "category")

T = TypeVar("T")

# Excel in a Chinese locale re-saves dates as 2025/3/1 or 2025/3/1 9:05.
_EXCEL_MOMENT = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$")


@dataclass(frozen=True)
class RowProblem:
    """A row that cannot be imported: its number as Excel shows it, a reason for a person, a stable code."""

    row: int
    error: str
    code: str

    def as_dict(self) -> dict[str, object]:
        """The problem as the command line prints it."""
        return {"row": self.row, "error": self.error, "code": self.code}


@dataclass(frozen=True)
class CsvRow:
    """One data row: its Excel row number and its values (trimmed) in the expected column order."""

    number: int
    values: tuple[str, ...]


# Far above any real import (a year of a busy shop is tens of MB), far below a PC's memory.
MAX_IMPORT_BYTES = 2 * 1024**3


def read_bytes(path: Path, *, limit: int = MAX_IMPORT_BYTES, what: str = "") -> bytes:
    """The file's bytes, or a clear refusal for a missing, special, unreadable or oversized file.

    Only regular files are read: ``/dev/zero``, a pipe or a terminal would never end.
    """
    name = f"{what} {path}".strip()
    try:
        with path.open("rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise BadFile(
                    f"{name} is not a regular file", reason="file_not_regular", file=str(path)
                )
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise BadFile(f"{name} does not exist", reason="file_missing", file=str(path)) from None
    except IsADirectoryError:
        raise BadFile(
            f"{name} is a folder, not a file", reason="file_is_folder", file=str(path)
        ) from None
    except OSError as exc:
        raise BadFile(
            f"{name} cannot be read: {exc.strerror}", reason="file_unreadable", file=str(path)
        ) from None
    if len(data) > limit:
        raise BadFile(
            f"{name} is larger than {limit // 1024**2} MB; split it into smaller files",
            reason="file_too_large",
            file=str(path),
            maximum=limit // 1024**2,
        )
    return data


class CsvTable:
    """A CSV file with exactly the expected columns (in any order); rows come out in expected order.

    Row numbers are Excel's: the header is row 1, the first data row is row 2,
    and a blank line or a value running over several lines still counts as one row.
    """

    def __init__(self, path: Path, columns: Sequence[str], encoding: str | None = None) -> None:
        self.path = path
        self.columns = tuple(columns)
        self.text, self.encoding = decode(read_bytes(path), path.name, encoding)
        self._order: list[int] = list(range(len(self.columns)))
        self._width = len(self.columns)
        self._read_header()

    def _lines(self) -> Iterator[str]:
        # One line at a time with its ending, as csv wants (a StringIO would copy the text).
        text = self.text
        end_of_line = "\n" if "\n" in text or "\r" not in text else "\r"
        start = 0
        while start < len(text):
            end = text.find(end_of_line, start)
            if end < 0:
                yield text[start:]
                return
            yield text[start : end + 1]
            start = end + 1

    def _records(self) -> Iterator[tuple[int, list[str]]]:
        """Every record with its Excel row number, the header first."""
        reader = csv.reader(self._lines(), strict=True)
        number = 0
        while True:
            number += 1
            try:
                record = next(reader, None)
            except csv.Error as exc:
                raise BadFile(
                    f"{self.path.name} is not a readable CSV file at row {number}: {exc} "
                    "(check the quotes in that row)",
                    reason="csv_unreadable",
                    file=self.path.name,
                    row=number,
                ) from None
            if record is None:
                return
            yield number, record

    def _read_header(self) -> None:
        header = next(self._records(), None)
        if header is None:  # an empty file: nothing to import
            return
        found = [name.strip().lower() for name in header[1]]
        while found and not found[-1]:  # Excel leaves empty columns after the last
            found.pop()
        self._width = len(found)
        if sorted(found) != sorted(self.columns):
            missing = [c for c in self.columns if c not in found]
            extra = [c for c in found if c not in self.columns]
            doubled = sorted({c for c in found if found.count(c) > 1})
            details = [
                *([f"missing {', '.join(missing)}"] if missing else []),
                *([f"unexpected {', '.join(repr(c) for c in extra)}"] if extra else []),
                *([f"repeated {', '.join(doubled)}"] if doubled else []),
            ]
            raise BadFile(
                f"{self.path.name} must have the columns {','.join(self.columns)}; "
                f"found {','.join(found) or '(nothing)'} ({'; '.join(details)})",
                reason="csv_columns",
                file=self.path.name,
                expected=",".join(self.columns),
                found=",".join(found),
            )
        self._order = [found.index(c) for c in self.columns]

    def rows(self) -> Iterator[CsvRow | RowProblem]:
        """Each non-blank data row, or a problem for a row with the wrong number of values.

        Every row comes out exactly as wide as the header: empty cells after the
        last column (Excel writes ``A,B,C,,,`` for a formatted empty column) are
        dropped, while a value there is a problem, never silently lost.
        """
        order = self._order
        width = self._width
        in_order = order == list(range(width))
        records = self._records()
        next(records, None)  # the header
        for number, record in records:
            if len(record) != width:
                if not any(value.strip() for value in record):
                    continue
                if len(record) < width or any(value.strip() for value in record[width:]):
                    hint = (
                        "a value is missing"
                        if len(record) < width
                        else "a value with a comma needs quotes"
                    )
                    yield RowProblem(
                        number,
                        f"has {len(record)} values, expected {width} "
                        f"({','.join(self.columns)}); {hint}",
                        "bad_row",
                    )
                    continue
                record = record[:width]
            values = tuple(
                [value.strip() for value in record]
                if in_order
                else [record[i].strip() for i in order]
            )
            if any(values):
                yield CsvRow(number, values)


def iso_moment(text: str) -> str:
    """Excel's ``2025/3/1 9:05`` as ISO ``2025-03-01 09:05:00``; any other text unchanged."""
    match = _EXCEL_MOMENT.match(text.strip())
    if match is None:
        return text
    year, month, day, hour, minute, second = match.groups()
    day_text = f"{year}-{int(month):02d}-{int(day):02d}"
    if hour is None:
        return day_text
    return f"{day_text} {int(hour):02d}:{minute}:{second or '00'}"


class RowCheck:
    """Collects every reason one row cannot be imported, column by column."""

    def __init__(self, number: int) -> None:
        self.number = number
        self.reasons: list[str] = []
        self.code = ""

    def value(self, column: str, parse: Callable[[], T]) -> T | None:
        """The parsed value, or None after noting why the column is wrong."""
        try:
            return parse()
        except LoyaltyError as exc:
            self.fail(column, exc.message, exc.code)
            return None

    def fail(self, column: str, reason: str, code: str) -> None:
        """Note a reason this row is bad."""
        self.reasons.append(f"{column}: {reason}")
        self.code = self.code or code

    @property
    def problem(self) -> RowProblem | None:
        """The row's problem, if any column was wrong."""
        if not self.reasons:
            return None
        return RowProblem(self.number, "; ".join(self.reasons), self.code)
