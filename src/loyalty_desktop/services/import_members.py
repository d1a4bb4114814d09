"""Importing members from a file: every row checked first, then written in short transactions.

A members import must not hold up the tills. Every row is checked before
anything is written; a rejected row means nothing is written, unless invalid
rows are to be skipped. The members are then written ``CHUNK`` at a time, each
chunk its own transaction (a till waiting for the write lock gets it between
two chunks), with one card-number read and one statement batch per chunk.

A member number the shop already has, with the same details as the row, is
counted as skipped: an import that stopped part-way (cancelled, or the program
closed) is finished by running it again. A number held with other details
rejects the row. A number a till took between the check and the write rejects
that row: with invalid rows skipped, the others are written; otherwise the
import stops there (``stopped``), keeping the chunks written before.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from zoneinfo import ZoneInfo

from loyalty_desktop.domain.errors import DuplicateMember
from loyalty_desktop.domain.members import Member
from loyalty_desktop.services import recommendations
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.csv_files import MEMBER_COLUMNS, CsvTable, RowProblem
from loyalty_desktop.services.events import enrolled_event, enrolment_profile_event
from loyalty_desktop.services.import_report import ImportReport, audit_import, rejected
from loyalty_desktop.services.import_rows import read_members
from loyalty_desktop.services.long_jobs import Job, JobCancelled
from loyalty_desktop.services.member_numbers import next_card_no
from loyalty_desktop.services.members import NewMember, member_from
from loyalty_desktop.services.programs import program_in_force

CHUNK = 500  # members per write transaction: about 60 ms here, so a till never waits long
BREATHER_SECONDS = 0.002  # between chunks, so a waiting till takes the lock

Row = tuple[int, NewMember]


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

    ``imported`` and ``skipped`` count rows; a number used twice in the file, or
    held in the shop with other details, rejects the row. The file is read in
    ``encoding`` if given, else as UTF-8 or Chinese GBK; ``mapping`` names the
    file's column for each field (see ``import_columns``). ``job`` receives
    progress (``reading``, ``checking``, ``writing``) and may cancel between
    chunks: the chunks written stay (``stopped``), and running the import again
    finishes it.
    """
    require(actor, Permission.IMPORT)
    job = job or Job()
    table = CsvTable(path, MEMBER_COLUMNS, encoding, mapping)
    job.step("reading", 0)
    with shop.uow(write=False) as uow:
        _, program = program_in_force(uow)
    today = shop.clock.now().astimezone(ZoneInfo(program.timezone)).date()
    found = read_members(table, today, job)
    problems = list(found.problems)
    fresh, skipped = _plan(shop, list(found.members.values()), problems)
    job.check("checking")  # cancelled before writing: nothing written, nothing audited
    report = ImportReport(skipped=skipped)
    if problems and not skip_invalid:
        report.rejected = rejected(problems)
        return report
    try:
        _write(shop, fresh, report, problems, job, skip_invalid=skip_invalid)
    except JobCancelled:
        report.stopped = True
        _audit(shop, actor, table, report, problems)
        if report.imported:
            recommendations.invalidate(shop)
        raise
    _audit(shop, actor, table, report, problems)
    if report.imported:
        recommendations.invalidate(shop)  # new members: the next suggestion rebuilds the model
    job.step("done", len(fresh), len(fresh), final=True)
    return report


def _plan(shop: Shop, rows: list[Row], problems: list[RowProblem]) -> tuple[list[Row], int]:
    """The rows to write, and how many the shop already has (same number, same details)."""
    with shop.uow(write=False) as uow:  # by_numbers asks a few hundred numbers per query
        numbers = [data.member_no or "" for _, data in rows]
        held = {m.member_no: m for m in uow.members.by_numbers(numbers)}
    fresh: list[Row] = []
    skipped = 0
    for row, data in rows:
        member = held.get(data.member_no or "")
        if member is None:
            fresh.append((row, data))
        elif _same(member, data):
            skipped += 1
        else:
            problems.append(RowProblem.of(row, "member_no", _taken(data)))
    return fresh, skipped


def _same(member: Member, data: NewMember) -> bool:
    """The member holds the row's details (the row was imported before)."""
    return (member.name, member.phone, member.email, member.birthday, member.consent) == (
        data.name,
        data.phone,
        data.email,
        data.birthday,
        data.consent,
    )


def _taken(data: NewMember) -> DuplicateMember:
    return DuplicateMember(
        f"member number {data.member_no} is already taken",
        field="member_no",
        member_no=data.member_no,
    )


def _write(
    shop: Shop,
    fresh: Sequence[Row],
    report: ImportReport,
    problems: list[RowProblem],
    job: Job,
    *,
    skip_invalid: bool,
) -> None:
    """Enrol the rows a chunk per transaction; a number taken meanwhile rejects its row.

    A number taken meanwhile with the row's very details (the same file imported at the
    same time on another computer) is skipped, as a second run would.
    """
    job.step("writing", 0, len(fresh), final=True)
    for start in range(0, len(fresh), CHUNK):
        job.check("writing")
        chunk = fresh[start : start + CHUNK]
        now = shop.clock.now()
        # A chunk lost to a power cut is written again by running the import again (its
        # members are not there, so not skipped); the audit row at the end is durable.
        with shop.uow(durable=False) as uow:
            taken = {
                m.member_no: m
                for m in uow.members.by_numbers([d.member_no or "" for _, d in chunk])
            }
            card = next_card_no(uow)
            added: list[Member] = []
            refused = skipped = 0
            for row, data in chunk:
                number = data.member_no or ""
                held = taken.get(number)
                if held is not None and _same(held, data):  # the same file, imported meanwhile
                    skipped += 1
                elif held is not None:  # a till enrolled this number after the check
                    problems.append(RowProblem.of(row, "member_no", _taken(data)))
                    refused += 1
                else:
                    added.append(member_from(data, number, card, now))
                    card += 1
            if refused and not skip_invalid:
                report.stopped = True  # nothing of this chunk is written
                break
            uow.members.add_many(added)
            # each member's enrolment, then the profile the other stores know them by
            events = [
                e for m in added for e in (enrolled_event(m, now), enrolment_profile_event(m, now))
            ]
            uow.outbox.add_many(events, shop.device_id)
            uow.commit()
        report.imported += len(added)
        report.skipped += skipped
        job.step("writing", start + len(chunk), len(fresh))
        time.sleep(BREATHER_SECONDS)


def _audit(
    shop: Shop, actor: Actor, table: CsvTable, report: ImportReport, problems: list[RowProblem]
) -> None:
    """Record the import, whatever part of it was written."""
    report.rejected = rejected(problems)
    with shop.uow() as uow:
        audit_import(uow, shop, actor, "import.members", table, report)
        uow.commit()
