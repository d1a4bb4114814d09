"""Importing members and past sales from CSV files (all or nothing, every bad row reported).

An import is one transaction. Every row is checked first; a rejected row means
nothing is written, unless the caller asked to skip invalid rows, in which case
the valid rows (for sales: the sales all of whose rows are valid) are written
and the rejected ones are still listed. Sales go through the same posting as
the till (earn, tiers, outbox), oldest first, so tiers and lots evolve as they
did in the shop; a sale number already in the database is skipped, so importing
the same file twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from loyalty_desktop.domain.errors import (
    DuplicateMember,
    InvalidRequest,
    LoyaltyError,
    MemberClosed,
    UnknownMember,
)
from loyalty_desktop.domain.json_data import JsonObject
from loyalty_desktop.domain.members import Member
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.checkout import SaleRequest, record_sale
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.csv_files import MEMBER_COLUMNS, SALE_COLUMNS, CsvTable, RowProblem
from loyalty_desktop.services.events import enrolled_event
from loyalty_desktop.services.import_rows import SaleRow, SalesFile, read_members, read_sales
from loyalty_desktop.services.journal import publish, write_audit
from loyalty_desktop.services.lookup import find_member
from loyalty_desktop.services.members import NewMember, check_member_no, new_member
from loyalty_desktop.services.ports import UnitOfWork
from loyalty_desktop.services.programs import program_in_force


@dataclass
class ImportReport:
    """What an import did: rows imported, rows rejected with their row number and reason."""

    imported: int = 0
    rejected: list[dict[str, Any]] = field(default_factory=list)
    skipped: int = 0
    created_members: int = 0

    def as_dict(self) -> dict[str, Any]:
        """The report as the command line prints it."""
        return {
            "imported": self.imported,
            "rejected": self.rejected,
            "skipped": self.skipped,
            "created_members": self.created_members,
        }


def _shop_today(shop: Shop, timezone: str) -> date:
    return shop.clock.now().astimezone(ZoneInfo(timezone)).date()


def _report(problems: Iterable[RowProblem], report: ImportReport) -> ImportReport:
    report.rejected = [p.as_dict() for p in sorted(problems, key=lambda p: p.row)]
    return report


def _audit(
    uow: UnitOfWork, shop: Shop, actor: Actor, action: str, table: CsvTable, report: ImportReport
) -> None:
    details: JsonObject = {
        "file": table.path.name,
        "encoding": table.encoding,
        "imported": report.imported,
        "rejected": len(report.rejected),
        "skipped": report.skipped,
        "created_members": report.created_members,
    }
    subject = f"file:{table.path.name}"[:120]
    write_audit(uow, shop, actor, action, subject, None, details, shop.clock.now())


def import_members(
    shop: Shop,
    actor: Actor,
    path: Path,
    *,
    skip_invalid: bool = False,
    encoding: str | None = None,
) -> ImportReport:
    """Enrol members from a CSV file with the columns ``member_no,name,phone,email,birthday,consent``.

    A member number already taken (in the file or the database) rejects the row.
    Any rejected row means nothing is imported, unless ``skip_invalid``. The
    file is read in ``encoding`` if given, else as UTF-8 or Chinese GBK.
    """
    require(actor, Permission.IMPORT)
    table = CsvTable(path, MEMBER_COLUMNS, encoding)
    with shop.uow(write=False) as uow:
        _, program = program_in_force(uow)
    found = read_members(table, _shop_today(shop, program.timezone))
    problems = list(found.problems)
    report = ImportReport()
    with shop.uow() as uow:
        fresh: list[tuple[int, NewMember]] = []
        for number, (row, data) in found.members.items():
            if uow.members.by_number(number) is None:
                fresh.append((row, data))
                continue
            problems.append(
                RowProblem(
                    row, f"member_no: member number {number} is already taken", DuplicateMember.code
                )
            )
        if problems and not skip_invalid:
            return _report(problems, report)
        now = shop.clock.now()
        for row, data in fresh:
            try:
                member = new_member(uow, data, now)
            except LoyaltyError as exc:  # new_member writes nothing before it refuses
                problems.append(RowProblem(row, exc.message, exc.code))
                continue
            publish(uow, shop.device_id, enrolled_event(member, now))
            report.imported += 1
        if problems and not skip_invalid:
            return _report(problems, ImportReport())
        _report(problems, report)
        _audit(uow, shop, actor, "import.members", table, report)
        uow.commit()
    return report


# ---------------------------------------------------------------- sales


@dataclass
class _Members:
    """Member references resolved once each, every reference to one member sharing one record."""

    uow: UnitOfWork
    shop: Shop
    by_id: dict[str, Member] = field(default_factory=dict)
    # A member id, the refusal, or None for an unknown reference to create.
    by_ref: dict[str, str | LoyaltyError | None] = field(default_factory=dict)
    unknown: dict[str, datetime] = field(default_factory=dict)  # ref -> its first sale

    def resolve(self, ref: str, at: datetime, *, create: bool) -> LoyaltyError | None:
        """Find the member a reference names, noting unknown ones to create; the refusal if any."""
        if ref not in self.by_ref:
            self.by_ref[ref] = self._find(ref, create=create)
        found = self.by_ref[ref]
        if found is None:
            self.unknown[ref] = min(self.unknown.get(ref, at), at)
        return found if isinstance(found, LoyaltyError) else None

    def _find(self, ref: str, *, create: bool) -> str | LoyaltyError | None:
        try:
            member = find_member(self.uow, ref, self.shop.card_keys, for_update=True)
        except UnknownMember as exc:
            if not create:
                return exc
            try:
                check_member_no(ref)
            except LoyaltyError as bad:
                return InvalidRequest(f"no such member, and {bad.message}")
            return None
        except LoyaltyError as exc:  # a payment code, an invalid card, a shared phone
            return exc
        if not member.active:
            return MemberClosed(f"member {member.member_no} is {member.status.value}")
        return self.by_id.setdefault(member.id, member).id

    def create_unknown(self) -> int:
        """Enrol a member, numbered as referenced, for each unknown reference; how many."""
        for ref, first_at in self.unknown.items():
            member = new_member(self.uow, NewMember(name=ref, member_no=ref), first_at)
            publish(self.uow, self.shop.device_id, enrolled_event(member, first_at))
            self.by_id[member.id] = member
            self.by_ref[ref] = member.id
        return len(self.unknown)

    def member(self, ref: str) -> Member | None:
        """The member a resolved reference names (None for a sale to a non-member)."""
        member_id = self.by_ref.get(ref) if ref else None
        return self.by_id[member_id] if isinstance(member_id, str) else None


@dataclass
class _Outcome:
    """What one attempt at writing the sales did."""

    report: ImportReport
    commit: bool
    # Sales refused while posting with --skip-invalid: the attempt must start again without them.
    late: dict[str, list[RowProblem]] = field(default_factory=dict)


def _sale_time(rows: list[SaleRow]) -> datetime:
    """A sale happened when its first line was scanned."""
    return min(row.at for row in rows)


def _write_sales(
    uow: UnitOfWork, shop: Shop, found: SalesFile, *, create_members: bool, skip_invalid: bool
) -> _Outcome:
    report = ImportReport()
    problems = dict(found.problems)
    members = _Members(uow, shop)
    ready: list[list[SaleRow]] = []
    already = uow.sales.existing(list(found.sales))
    for sid, rows in found.sales.items():
        if sid in already:
            report.skipped += len(rows)
            continue
        first = rows[0]
        at = _sale_time(rows)
        refusal = members.resolve(first.ref, at, create=create_members) if first.ref else None
        if refusal is None:
            ready.append(rows)
            continue
        for row in rows:
            problems[row.number] = RowProblem(
                row.number, f"member_ref: {refusal.message}", refusal.code
            )
    if problems and not skip_invalid:
        return _Outcome(_report(problems.values(), ImportReport(skipped=report.skipped)), False)
    report.created_members = members.create_unknown()
    program_id, program = program_in_force(uow)
    late: dict[str, list[RowProblem]] = {}
    for rows in sorted(ready, key=lambda sale: (_sale_time(sale), sale[0].number)):
        first = rows[0]
        request = SaleRequest(
            sale_no=first.sale_no,
            member_ref=first.ref or None,
            lines=tuple(r.line for r in rows),
            at=_sale_time(rows),
        )
        try:
            record_sale(
                uow,
                shop,
                program_id,
                program,
                request,
                _sale_time(rows),
                members.member(first.ref),
                allow_return=True,
                history=True,
            )
        except LoyaltyError as exc:
            late[first.sale_no] = [
                RowProblem(r.number, f"sale {r.sale_no} cannot be posted: {exc.message}", exc.code)
                for r in rows
            ]
            continue
        report.imported += len(rows)
    if late and skip_invalid:
        return _Outcome(report, False, late)
    problems.update((p.row, p) for sale in late.values() for p in sale)
    if problems and not skip_invalid:
        return _Outcome(_report(problems.values(), ImportReport(skipped=report.skipped)), False)
    return _Outcome(_report(problems.values(), report), True)


def import_sales(
    shop: Shop,
    actor: Actor,
    path: Path,
    *,
    create_members: bool,
    skip_invalid: bool,
    encoding: str | None = None,
) -> ImportReport:
    """Post past sales from a CSV file with the columns ``sale_id,member_ref,at,sku,qty,unit_price,category``.

    Rows sharing a sale number are one sale; a negative ``qty`` is a return line and
    a sale worth less than nothing an unlinked return. ``imported`` and
    ``skipped`` count rows. Any rejected row means nothing is imported, unless
    ``skip_invalid``; a sale with one bad row is rejected whole. The file is
    read in ``encoding`` if given, else as UTF-8 or Chinese GBK.
    """
    require(actor, Permission.IMPORT)
    table = CsvTable(path, SALE_COLUMNS, encoding)
    with shop.uow(write=False) as uow:
        _, program = program_in_force(uow)
    timezone = program.timezone
    found = read_sales(table, timezone, shop.clock.now())
    while True:
        with shop.uow() as uow:
            _, program = program_in_force(uow)
            if program.timezone != timezone:  # a new programme was loaded meanwhile
                timezone = program.timezone
                found = read_sales(table, timezone, shop.clock.now())
                continue
            outcome = _write_sales(
                uow, shop, found, create_members=create_members, skip_invalid=skip_invalid
            )
            if outcome.late:
                # A sale was refused part-way through posting: start again without it.
                for sid, rejected in outcome.late.items():
                    del found.sales[sid]
                    found.problems.update((p.row, p) for p in rejected)
                continue
            if outcome.commit:
                _audit(uow, shop, actor, "import.sales", table, outcome.report)
                uow.commit()
            return outcome.report
