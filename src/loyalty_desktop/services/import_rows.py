"""Checking import rows with the till's own rules: members by number, sales grouped by sale number."""

from __future__ import annotations

import sys
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from loyalty_desktop.domain.errors import (
    DuplicateMember,
    InvalidAmount,
    InvalidRequest,
    LoyaltyError,
)
from loyalty_desktop.domain.members import check_email, check_name, parse_birthday
from loyalty_desktop.domain.moments import parse_moment
from loyalty_desktop.domain.money import parse_quantity, parse_unit_price
from loyalty_desktop.domain.phones import normalize_phone
from loyalty_desktop.services.checkout import LineRequest, check_sale_no
from loyalty_desktop.services.csv_files import CsvRow, CsvTable, RowCheck, RowProblem, iso_moment
from loyalty_desktop.services.long_jobs import Job
from loyalty_desktop.services.members import NewMember, check_member_no

MAX_TEXT = 64  # SKUs and categories, as sale lines hold them
# A till stamps each line as it is scanned; one sale's lines may be a few minutes apart.
SALE_TIME_SPREAD = timedelta(minutes=10)
_YES = frozenset({"true", "1", "yes", "y", "是"})
_NO = frozenset({"false", "0", "no", "n", "否", ""})


def _consent(text: str) -> bool:
    word = unicodedata.normalize("NFKC", text).strip().casefold()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise InvalidRequest(
        f"{text!r} is not yes or no (write yes/no, true/false, 1/0 or 是/否)",
        reason="consent_format",
        field="consent",
    )


def _member_row(row: CsvRow, today: date) -> NewMember | RowProblem:
    member_no, name, phone, email, birthday, consent = row.values
    check = RowCheck(row.number)
    number = check.value("member_no", lambda: check_member_no(member_no))
    full_name = check.value("name", lambda: check_name(name))
    phone_no = check.value("phone", lambda: normalize_phone(phone) if phone else None)
    address = check.value("email", lambda: check_email(email) if email else None)
    born = check.value(
        "birthday", lambda: parse_birthday(iso_moment(birthday), today) if birthday else None
    )
    agreed = check.value("consent", lambda: _consent(consent))
    if check.problem is not None or number is None or full_name is None or agreed is None:
        return check.problem or RowProblem(row.number, "incomplete row", "bad_row")
    return NewMember(full_name, phone_no, address, born, agreed, number)


@dataclass
class MembersFile:
    """A members file checked row by row: the members to enrol by number, and the problems."""

    members: dict[str, tuple[int, NewMember]] = field(default_factory=dict)  # no -> (row, member)
    problems: list[RowProblem] = field(default_factory=list)


def read_members(table: CsvTable, today: date, job: Job | None = None) -> MembersFile:
    """Check every row of a members file; a member number used twice rejects the later rows."""
    found = MembersFile()
    for done, row in enumerate(table.rows()):
        if job is not None and done % 500 == 0:
            job.step("checking", done)
        if isinstance(row, RowProblem):
            found.problems.append(row)
            continue
        parsed = _member_row(row, today)
        if isinstance(parsed, RowProblem):
            found.problems.append(parsed)
            continue
        number = parsed.member_no or ""
        if number in found.members:
            first = found.members[number][0]
            twice = DuplicateMember(
                f"member number {number} is already in row {first}",
                reason="import_member_twice",
                field="member_no",
                member_no=number,
                row=first,
            )
            found.problems.append(RowProblem.of(row.number, "member_no", twice))
        else:
            found.members[number] = (row.number, parsed)
    return found


@dataclass(frozen=True, slots=True)
class SaleRow:
    """A checked sales row: one line of the sale ``sale_no`` (texts shared between rows)."""

    number: int
    sale_no: str
    ref: str
    at: datetime
    sku: str
    qty: str
    unit_price: str
    category: str

    @property
    def line(self) -> LineRequest:
        """The row as a basket line."""
        return LineRequest(self.sku, self.qty, self.unit_price, self.category or None)


@dataclass
class SalesFile:
    """A sales file checked row by row: the sales whose rows are all good, and the problems."""

    sales: dict[str, list[SaleRow]] = field(default_factory=dict)
    problems: dict[int, RowProblem] = field(default_factory=dict)
    bad_rows: dict[str, list[int]] = field(default_factory=dict)  # sale number -> its bad rows

    def reject(self, problem: RowProblem, sale_no: str | None) -> None:
        """Note a bad row; the sale it belongs to cannot be imported."""
        self.problems[problem.row] = problem
        if sale_no:
            self.bad_rows.setdefault(sale_no, []).append(problem.row)


def _moment(text: str, timezone: str, now: datetime) -> datetime:
    if not text:
        raise InvalidRequest(
            "is empty; write it like 2025-03-01 14:30:00",
            code="invalid_time",
            reason="time_missing",
            field="at",
        )
    moment = parse_moment(iso_moment(text), timezone)
    if moment > now:
        raise InvalidRequest(
            f"{text} is in the future", code="invalid_time", reason="time_in_future", field="at"
        )
    return moment


def row_moment(text: str, timezone: str, now: datetime) -> datetime:
    """A file's time (Excel's ``2025/3/1 9:05`` too) in the shop's zone; empty or future refused."""
    return _moment(text, timezone, now)


def _short_text(text: str, what: str, *, required: bool) -> str:
    if required and not text:
        raise InvalidRequest(f"{what} is empty", reason="line_sku_missing", field="sku")
    if len(text) > MAX_TEXT or not text.isprintable():
        raise InvalidRequest(
            f"{what} {text!r} must be at most {MAX_TEXT} visible characters",
            reason="line_text_format",
            field=what.lower(),
            maximum=MAX_TEXT,
        )
    return text


def _unit_price(text: str) -> str:
    if parse_unit_price(text) < 0:
        raise InvalidAmount(
            f"unit price {text!r} may not be negative",
            reason="unit_price_negative",
            field="unit_price",
        )
    return text


def _sale_problem(row: CsvRow, timezone: str, now: datetime) -> tuple[RowProblem, str]:
    """Every reason a sales row is bad, column by column, and its sale number if that is readable."""
    sale_no, _, at, sku, qty, unit_price, category = row.values
    check = RowCheck(row.number)
    sid = check.value("sale_id", lambda: check_sale_no(sale_no))
    check.value("at", lambda: _moment(at, timezone, now))
    check.value("sku", lambda: _short_text(sku, "SKU", required=True))
    check.value("qty", lambda: parse_quantity(qty))
    check.value("unit_price", lambda: _unit_price(unit_price))
    check.value("category", lambda: _short_text(category, "category", required=False))
    return check.problem or RowProblem(row.number, "cannot be read", "bad_row"), sid or ""


@dataclass
class _SaleRowReader:
    """Checks sales rows, remembering texts already found good (a file repeats them a lot)."""

    timezone: str
    now: datetime
    moments: dict[str, datetime] = field(default_factory=dict)
    quantities: set[str] = field(default_factory=set)
    prices: set[str] = field(default_factory=set)
    skus: set[str] = field(default_factory=set)
    categories: set[str] = field(default_factory=set)

    def read(self, row: CsvRow) -> SaleRow | tuple[RowProblem, str]:
        """The checked row, or its problem and sale number."""
        sale_no, ref, at, sku, qty, unit_price, category = row.values
        try:
            sid = check_sale_no(sale_no)
            moment = self.moments.get(at)
            if moment is None:
                moment = self.moments[at] = _moment(at, self.timezone, self.now)
            if qty not in self.quantities:
                parse_quantity(qty)
                self.quantities.add(qty)
            if unit_price not in self.prices:
                _unit_price(unit_price)
                self.prices.add(unit_price)
            if sku not in self.skus:
                _short_text(sku, "SKU", required=True)
                self.skus.add(sku)
            if category not in self.categories:
                _short_text(category, "category", required=False)
                self.categories.add(category)
        except LoyaltyError:
            return _sale_problem(row, self.timezone, self.now)
        intern = sys.intern
        return SaleRow(
            row.number,
            intern(sid),
            intern(ref),
            moment,
            intern(sku),
            intern(qty),
            intern(unit_price),
            intern(category),
        )


def _local(moment: datetime, timezone: str) -> str:
    return moment.astimezone(ZoneInfo(timezone)).strftime("%Y-%m-%d %H:%M:%S")


def read_sales(table: CsvTable, timezone: str, now: datetime) -> SalesFile:
    """Check every row of a sales file and group the rows into sales by sale number.

    Rows of one sale must agree on ``member_ref`` and lie within a few minutes
    of each other (the sale takes its earliest time); a sale with a bad row is
    rejected whole, its other rows reported as belonging to a bad sale.
    Naive times are in ``timezone``; times after ``now`` are refused.
    """
    found = SalesFile()
    reader = _SaleRowReader(timezone, now)
    for row in table.rows():
        parsed = row if isinstance(row, RowProblem) else reader.read(row)
        if isinstance(parsed, RowProblem):
            found.reject(parsed, None)
        elif isinstance(parsed, tuple):
            found.reject(*parsed)
        else:
            found.sales.setdefault(parsed.sale_no, []).append(parsed)
    for sid, rows in found.sales.items():
        first = rows[0]
        earliest = min(row.at for row in rows)
        for other in rows[1:]:
            if other.ref != first.ref:  # never echoed: it may be a payment code
                column = "member_ref"
                error = InvalidRequest(
                    f"differs from row {first.number}, the first row of sale {sid}",
                    code="inconsistent_sale",
                    reason="import_sale_member_differs",
                    field="member_ref",
                    row=first.number,
                    sale=sid,
                )
            elif other.at - earliest > SALE_TIME_SPREAD:
                column = "at"
                error = InvalidRequest(
                    f"{_local(other.at, timezone)} is more than "
                    f"{SALE_TIME_SPREAD.seconds // 60} minutes after {_local(earliest, timezone)}, "
                    f"the first line of sale {sid}",
                    code="inconsistent_sale",
                    reason="import_sale_time_spread",
                    field="at",
                    at=_local(other.at, timezone),
                    first=_local(earliest, timezone),
                    minutes=SALE_TIME_SPREAD.seconds // 60,
                    sale=sid,
                )
            else:
                continue
            problem = RowProblem.of(other.number, column, error)
            found.reject(replace(problem, error=f"{column} {error.message}"), sid)
    for sid, bad in found.bad_rows.items():
        numbers = sorted(bad)
        listed = ", ".join(str(n) for n in numbers[:5]) + (", …" if len(numbers) > 5 else "")
        which = f"row {listed}" if len(numbers) == 1 else f"rows {listed}"
        for good in found.sales.pop(sid, []):
            if good.number not in found.problems:
                whole = InvalidRequest(
                    f"sale {sid} has a bad row ({which}); the whole sale was not imported",
                    code="bad_sale",
                    reason="import_sale_has_bad_row",
                    sale=sid,
                    rows=listed,
                )
                found.problems[good.number] = RowProblem.of(good.number, "", whole)
    return found
