"""Importing members and past sales from CSV files (all or nothing, every bad row reported).

A members import is one transaction. Every row is checked first; a rejected
row means nothing is written, unless the caller asked to skip invalid rows, in
which case the valid rows are written and the rejected ones are still listed.
Sales are imported in short transactions (``services/import_sales.py``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from loyalty_desktop.domain.errors import DuplicateMember, LoyaltyError
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.csv_files import MEMBER_COLUMNS, CsvTable, RowProblem
from loyalty_desktop.services.events import enrolled_event
from loyalty_desktop.services.import_report import ImportReport, audit_import, rejected
from loyalty_desktop.services.import_rows import read_members
from loyalty_desktop.services.import_sales import import_sales
from loyalty_desktop.services.journal import publish
from loyalty_desktop.services.long_jobs import Job
from loyalty_desktop.services.members import NewMember, new_member
from loyalty_desktop.services.programs import program_in_force

__all__ = ["ImportReport", "import_members", "import_sales"]


def _shop_today(shop: Shop, timezone: str) -> date:
    return shop.clock.now().astimezone(ZoneInfo(timezone)).date()


def import_members(
    shop: Shop,
    actor: Actor,
    path: Path,
    *,
    skip_invalid: bool = False,
    encoding: str | None = None,
    mapping: Mapping[str, str] | None = None,
    job: Job | None = None,
) -> ImportReport:
    """Enrol members from a CSV file or workbook with the columns ``member_no,name,phone,email,birthday,consent``.

    A member number already taken (in the file or the database) rejects the row.
    Any rejected row means nothing is imported, unless ``skip_invalid``. The
    file is read in ``encoding`` if given, else as UTF-8 or Chinese GBK;
    ``mapping`` names the file's column for each field (see ``import_columns``).
    One transaction: ``job`` cancelled part-way leaves the database unchanged.
    """
    require(actor, Permission.IMPORT)
    job = job or Job()
    table = CsvTable(path, MEMBER_COLUMNS, encoding, mapping)
    job.step("reading", 0)
    with shop.uow(write=False) as uow:
        _, program = program_in_force(uow)
    found = read_members(table, _shop_today(shop, program.timezone), job)
    problems = list(found.problems)
    report = ImportReport()
    with shop.uow() as uow:
        fresh: list[tuple[int, NewMember]] = []
        for number, (row, data) in found.members.items():
            if uow.members.by_number(number) is None:
                fresh.append((row, data))
                continue
            taken = DuplicateMember(
                f"member number {number} is already taken",
                field="member_no",
                member_no=number,
            )
            problems.append(RowProblem.of(row, "member_no", taken))
        if problems and not skip_invalid:
            report.rejected = rejected(problems)
            return report
        now = shop.clock.now()
        for done, (row, data) in enumerate(fresh):
            if done % 200 == 0:
                job.step("writing", done, len(fresh))
            try:
                member = new_member(uow, data, now)
            except LoyaltyError as exc:  # new_member writes nothing before it refuses
                problems.append(RowProblem.of(row, "", exc))
                continue
            publish(uow, shop.device_id, enrolled_event(member, now))
            report.imported += 1
        if problems and not skip_invalid:
            return ImportReport(rejected=rejected(problems))
        report.rejected = rejected(problems)
        audit_import(uow, shop, actor, "import.members", table, report)
        job.check("writing")
        uow.commit()
    return report
