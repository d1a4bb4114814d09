"""Import files read as shops save them from Excel, and checked row by row before anything is written.

A CSV file in UTF-8 (with or without BOM), Chinese text in GBK/GB18030, or the
encoding the caller names (``file_encodings`` decides), or an Excel workbook
(``workbooks``). Without a column mapping the file has exactly the expected
columns in any order; with one, each field is read from the column it names
(``import_columns``) and other columns are ignored. Rows are numbered as Excel
shows them (the header is row 1). Each row's values are checked with the same
rules as the till, and every reason a row is bad is kept for the report, with
its reason code and details so a screen can say it in the person's language.
"""

from __future__ import annotations

import codecs
import csv
import os
import re
import stat
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from loyalty_desktop.domain.errors import BadFile, InvalidRequest, LoyaltyError
from loyalty_desktop.services.file_encodings import decode
from loyalty_desktop.services.import_columns import OPTIONAL_FIELDS, column_order
from loyalty_desktop.services.workbooks import WORKBOOK, is_workbook, workbook_records

MEMBER_COLUMNS = ("member_no", "name", "phone", "email", "birthday", "consent")
SALE_COLUMNS = ("sale_id", "member_ref", "at", "sku", "qty", "unit_price", "category")

T = TypeVar("T")

# Excel in a Chinese locale re-saves dates as 2025/3/1 or 2025/3/1 9:05.
_EXCEL_MOMENT = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$")


@dataclass(frozen=True)
class RowIssue:
    """One reason a row is bad: the field (our column name, "" for the whole row) and the refusal."""

    column: str
    reason: str
    details: Mapping[str, object]
    message: str

    @classmethod
    def of(cls, column: str, error: LoyaltyError) -> RowIssue:
        """The issue a refusal raised while checking ``column`` makes."""
        return cls(column, error.reason, dict(error.details), error.message)


@dataclass(frozen=True)
class RowProblem:
    """A row that cannot be imported: its number as Excel shows it, a reason for a person, a stable code.

    ``issues`` say each reason with its code and details, for a screen to word.
    """

    row: int
    error: str
    code: str
    issues: tuple[RowIssue, ...] = field(default=(), compare=False)

    @classmethod
    def of(cls, row: int, column: str, error: LoyaltyError) -> RowProblem:
        """The problem one refusal makes of a row (``column: message``, or the message alone)."""
        text = f"{column}: {error.message}" if column else error.message
        return cls(row, text, error.code, (RowIssue.of(column, error),))

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

    def __init__(
        self,
        path: Path,
        columns: Sequence[str],
        encoding: str | None = None,
        mapping: Mapping[str, str] | None = None,
        *,
        preview: bool = False,
        optional: frozenset[str] = OPTIONAL_FIELDS,
    ) -> None:
        self.path = path
        self.columns = tuple(columns)
        self.mapping = mapping
        self.optional = optional  # fields a mapping may leave without a column
        self._preview = preview  # any header: the person is about to choose the columns
        data = read_bytes(path)
        self.workbook = is_workbook(path, data[:4])
        self.bom = data.startswith(codecs.BOM_UTF8)
        if self.workbook:
            del data  # openpyxl reads the file itself, row by row
            self.text, self.encoding = "", WORKBOOK
        else:
            self.text, self.encoding = decode(data, path.name, encoding)
        self._order: list[int] = list(range(len(self.columns)))
        self._width = len(self.columns)
        self.headers: list[str] = []
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

    def _records(self) -> Generator[tuple[int, list[str]]]:
        """Every record with its Excel row number, the header first."""
        if self.workbook:
            yield from workbook_records(self.path)
            return
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
        headers = [name.strip() for name in header[1]]
        while headers and not headers[-1]:  # Excel leaves empty columns after the last
            headers.pop()
        self.headers = headers
        self._width = len(headers)
        if self._preview:
            return
        if self.mapping is not None:
            self._order = column_order(
                self.path.name, self.columns, headers, self.mapping, self.optional
            )
            return
        found = [name.lower() for name in headers]
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

    def head(self, limit: int) -> list[list[str]]:
        """The first ``limit`` non-blank data rows as they are in the file (trimmed), for a preview."""
        found: list[list[str]] = []
        records = self._records()
        next(records, None)  # the header
        for _, record in records:
            if len(found) >= limit:
                break
            values = [value.strip() for value in record]
            if any(values):
                found.append(values)
        records.close()  # a workbook is closed now, not when the reader is collected
        return found

    def rows(self) -> Iterator[CsvRow | RowProblem]:
        """Each non-blank data row, or a problem for a row with the wrong number of values.

        Every row comes out exactly as wide as the header: empty cells after the
        last column (Excel writes ``A,B,C,,,`` for a formatted empty column) are
        dropped, while a value there is a problem, never silently lost.
        """
        order = self._order
        width = self._width
        in_order = order == list(range(width))
        if -1 in order:  # a field the file does not have reads as empty
            order = [i if i >= 0 else width for i in order]
        records = self._records()
        next(records, None)  # the header
        for number, record in records:
            if len(record) != width:
                if not any(value.strip() for value in record):
                    continue
                if len(record) < width or any(value.strip() for value in record[width:]):
                    yield self._width_problem(number, len(record))
                    continue
                record = record[:width]
            if width in order:
                record = [*record, ""]
            values = tuple(
                [value.strip() for value in record]
                if in_order
                else [record[i].strip() for i in order]
            )
            if any(values):
                yield CsvRow(number, values)

    def _width_problem(self, number: int, found: int) -> RowProblem:
        short = found < self._width
        hint = "a value is missing" if short else "a value with a comma needs quotes"
        named = ",".join(self.headers) if self.mapping is not None else ",".join(self.columns)
        message = f"has {found} values, expected {self._width} ({named}); {hint}"
        if short:
            error = InvalidRequest(
                message,
                code="bad_row",
                reason="import_row_short",
                found=found,
                expected=self._width,
            )
        else:
            error = InvalidRequest(
                message, code="bad_row", reason="import_row_long", found=found, expected=self._width
            )
        return RowProblem.of(number, "", error)


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
        self.issues: list[RowIssue] = []
        self.code = ""

    def value(self, column: str, parse: Callable[[], T]) -> T | None:
        """The parsed value, or None after noting why the column is wrong."""
        try:
            return parse()
        except LoyaltyError as exc:
            self.fail(column, exc)
            return None

    def fail(self, column: str, error: LoyaltyError) -> None:
        """Note a reason this row is bad."""
        self.reasons.append(f"{column}: {error.message}")
        self.issues.append(RowIssue.of(column, error))
        self.code = self.code or error.code

    @property
    def problem(self) -> RowProblem | None:
        """The row's problem, if any column was wrong."""
        if not self.reasons:
            return None
        return RowProblem(self.number, "; ".join(self.reasons), self.code, tuple(self.issues))
