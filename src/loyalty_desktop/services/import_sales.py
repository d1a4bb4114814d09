"""Importing past sales in short transactions, so the tills sharing the database keep working.

The whole file is checked first, against the database too (members, sale ids
already there), without taking the write lock: a bad row means nothing is
written unless the caller asked to skip invalid rows. The sales are then
posted oldest first through the till's own posting, a chunk at a time; each
chunk is one short write transaction (about ``CHUNK_SECONDS``), so a till
waits at most that long. Within a chunk the sales are posted in memory and
each table is written once at the commit (``batch_writes.py``), leaving the
rows posting sale by sale would leave. A sale id already in the database is
skipped, which makes an interrupted import resume where it stopped when it is
run again, and a finished one harmless to repeat.

A sale the posting itself refuses (a member closed meanwhile, a sale that
would earn beyond the limit) is found only while writing: with
``skip_invalid`` it is left out and listed; without, the import stops there,
the chunk it was in is rolled back, and the report says what was written
before it (``stopped``), so the shop can fix the row and run the file again.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path

from loyalty_desktop.domain.errors import InvalidRequest, LoyaltyError, MemberClosed, UnknownMember
from loyalty_desktop.domain.members import Member
from loyalty_desktop.domain.program import Program, TierBasis
from loyalty_desktop.services import recommendations
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.batch_writes import BatchUnitOfWork
from loyalty_desktop.services.checkout import SaleRequest, record_sale, require_same_sale
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.csv_files import SALE_COLUMNS, CsvTable, RowProblem
from loyalty_desktop.services.events import enrolled_event
from loyalty_desktop.services.import_report import ImportReport, audit_import, rejected
from loyalty_desktop.services.import_rows import SaleRow, SalesFile, read_sales
from loyalty_desktop.services.journal import publish
from loyalty_desktop.services.long_jobs import Job
from loyalty_desktop.services.lookup import find_member
from loyalty_desktop.services.members import NewMember, check_member_no, new_member
from loyalty_desktop.services.ports import UnitOfWork
from loyalty_desktop.services.programs import program_in_force

CHUNK_SECONDS = 0.08  # posting time per write transaction; the commit adds a few ms
# After each chunk the import lets go of the write lock this long, so a waiting till
# (which looks for the lock every 2 ms, db/engine.py) gets it before the next chunk.
BREATHER_SECONDS = 0.004
MAX_CHUNK_SALES = 2_000
# What writing a posted sale's rows costs at the commit, until a chunk has measured it.
FIRST_WRITE_SECONDS = 0.0002


@dataclass(frozen=True)
class Chunking:
    """How the writing is cut into transactions (tests make chunks tiny).

    ``batched``: a chunk's sales are posted in memory and each table is written
    once per chunk (``batch_writes.py``); without, every posting writes its rows
    at once, statement by statement, as a till does.
    """

    seconds: float = CHUNK_SECONDS
    max_sales: int = MAX_CHUNK_SALES
    batched: bool = True


Poster = Callable[..., object]  # ``record_sale``'s shape; tests wrap it to stop an import part-way


def _sale_time(rows: list[SaleRow]) -> datetime:
    """A sale happened when its first line was scanned."""
    return min(row.at for row in rows)


def _request(rows: list[SaleRow]) -> SaleRequest:
    first = rows[0]
    return SaleRequest(
        sale_no=first.sale_no,
        member_ref=first.ref or None,
        lines=tuple(r.line for r in rows),
        at=_sale_time(rows),
    )


def _refused_rows(rows: list[SaleRow], why: str, error: LoyaltyError) -> dict[int, RowProblem]:
    """Every row of a refused sale, by row number, with the refusal's message after ``why``."""
    column = why if why in SALE_COLUMNS else ""
    problems: dict[int, RowProblem] = {}
    for r in rows:
        problem = RowProblem.of(r.number, column, error)
        problems[r.number] = replace(problem, error=f"{why}: {error.message}")
    return problems


def _already_posted(uow: UnitOfWork, shop: Shop, rows: list[SaleRow]) -> LoyaltyError | None:
    """None if the sale in the database is this one (skip it); else why the number is taken."""
    existing = uow.sales.get(rows[0].sale_no)
    if existing is None:
        return None
    try:
        require_same_sale(uow, shop, existing, _request(rows))
    except LoyaltyError as exc:  # another basket, member or time under this sale number
        return exc
    return None


def _refusal(ref: str, uow: UnitOfWork, shop: Shop, *, create: bool) -> LoyaltyError | str | None:
    """Why sales to ``ref`` cannot be posted; else the member's id (None: one to create)."""
    try:
        member = find_member(uow, ref, shop.card_keys)
    except UnknownMember as exc:
        if not create:
            return exc
        try:
            check_member_no(ref)
        except LoyaltyError as bad:
            return InvalidRequest(
                f"no such member, and {bad.message}",
                reason="import_member_no_invalid",
                field="member_ref",
            )
        return None
    except LoyaltyError as exc:  # a payment code, an invalid card, a shared phone
        return exc
    if not member.active:
        return MemberClosed(
            f"member {member.member_no} is {member.status.value}",
            member_no=member.member_no,
            status=member.status.value,
        )
    return member.id


@dataclass
class _Plan:
    """What the check found: the sales to post, oldest first, and every problem."""

    ready: list[list[SaleRow]] = field(default_factory=list)
    problems: dict[int, RowProblem] = field(default_factory=dict)
    skipped: int = 0
    rows: int = 0  # rows of the sales to post
    member_ids: dict[str, str] = field(default_factory=dict)  # reference -> member id


def _plan(shop: Shop, found: SalesFile, *, create: bool, job: Job) -> _Plan:
    plan = _Plan(problems=dict(found.problems))
    refusals: dict[str, LoyaltyError | str | None] = {}
    with shop.uow(write=False) as uow:
        already = uow.sales.existing(list(found.sales))
        for done, (sid, rows) in enumerate(found.sales.items()):
            if done % 500 == 0:
                job.step("checking", done, len(found.sales))
            if sid in already:
                conflict = _already_posted(uow, shop, rows)
                if conflict is None:
                    plan.skipped += len(rows)
                else:
                    plan.problems.update(_refused_rows(rows, "sale_id", conflict))
                continue
            ref = rows[0].ref
            if ref and ref not in refusals:
                refusals[ref] = _refusal(ref, uow, shop, create=create)
            refusal = refusals.get(ref) if ref else None
            if isinstance(refusal, str):
                plan.member_ids[ref] = refusal
                refusal = None
            if refusal is None:
                plan.ready.append(rows)
                plan.rows += len(rows)
                continue
            plan.problems.update(_refused_rows(rows, "member_ref", refusal))
    plan.ready.sort(key=lambda sale: (_sale_time(sale), sale[0].number))
    return plan


class _Stop(Exception):
    """A sale refused while posting: the chunk it was in must be rolled back."""

    def __init__(self, rows: list[SaleRow], error: LoyaltyError) -> None:
        super().__init__(error.message)
        self.rows = rows
        self.error = error

    def problems(self) -> dict[int, RowProblem]:
        """The refused sale's rows, by row number."""
        why = f"sale {self.rows[0].sale_no} cannot be posted"
        return _refused_rows(self.rows, why, self.error)


@dataclass
class _Writer:
    """Posts the planned sales chunk by chunk; members are looked up again in every chunk."""

    shop: Shop
    timezone: str
    create: bool
    chunking: Chunking
    poster: Poster
    report: ImportReport = field(default_factory=ImportReport)
    member_ids: dict[str, str] = field(default_factory=dict)  # as the check found them
    last_posted: int = 25  # sales the previous chunk held: the next looks a little further
    write_seconds: float = FIRST_WRITE_SECONDS  # per sale posted in memory, at the commit

    def chunk(self, sales: list[list[SaleRow]]) -> int:
        """Post sales from the front of ``sales`` in one transaction; how many were posted."""
        deadline = time.perf_counter() + self.chunking.seconds
        # A power cut may lose the last chunks but never half of one; the run
        # that follows posts them again (the audit row at the end is durable and
        # forces everything before it to disk).
        with self.shop.uow(durable=False) as stored:
            program_id, program = program_in_force(stored)
            if program.timezone != self.timezone:
                raise InvalidRequest(
                    "the programme's time zone changed during the import; run it again",
                    reason="import_timezone_changed",
                )
            # Only the sales this chunk can reach are looked up (an IN list of 2,000
            # numbers per chunk cost more than the posting it guarded).
            head = sales[: min(self.chunking.max_sales, 2 * self.last_posted + 10)]
            batch = BatchUnitOfWork(stored) if self.chunking.batched else None
            uow: UnitOfWork = batch or stored
            already = uow.sales.existing([rows[0].sale_no for rows in head])
            if batch is not None:
                self._load(batch, program, head)
            write_seconds = self.write_seconds if batch is not None else 0.0
            members: dict[str, Member | None] = {}
            posted = rows_posted = created = skipped = 0
            for rows in head:
                first = rows[0]
                if first.sale_no in already:  # posted by a run that stopped, or by a till
                    conflict = _already_posted(uow, self.shop, rows)
                    if conflict is not None:
                        raise _Stop(rows, conflict)
                    skipped += len(rows)
                else:
                    at = _sale_time(rows)
                    request = _request(rows)
                    try:
                        member, new = self._member(uow, members, first.ref, at)
                        created += new
                        self.poster(
                            uow,
                            self.shop,
                            program_id,
                            program,
                            request,
                            at,
                            member,
                            allow_return=True,
                            history=True,
                        )
                    except LoyaltyError as exc:
                        raise _Stop(rows, exc) from exc
                    rows_posted += len(rows)
                posted += 1
                # Posted in memory, the sales are written at the commit: leave time for it.
                if time.perf_counter() + posted * write_seconds > deadline:
                    break
            uow.commit()
        if batch is not None:
            self.write_seconds = batch.flush_seconds / posted
        # Counted only once the chunk is in: a chunk rolled back is written again.
        self.report.imported += rows_posted
        self.report.skipped += skipped
        self.last_posted = posted
        self.report.created_members += created
        return posted

    def _load(self, batch: BatchUnitOfWork, program: Program, head: list[list[SaleRow]]) -> None:
        """Load the members the chunk is likely to post to, their lots and, if tiers need it, their spend.

        Likely: as many sales as the previous chunk posted. A member of a later
        sale is loaded when the posting first asks for them.
        """
        likely = head[: self.last_posted + 10]
        ids = [self.member_ids[rows[0].ref] for rows in likely if rows[0].ref in self.member_ids]
        since = None
        if program.tiers.basis in (TierBasis.ROLLING_SPEND, TierBasis.SCORE):
            earliest = min(_sale_time(head[0]), self.shop.clock.now())
            since = earliest - timedelta(days=program.tiers.window_days)
        batch.load(ids, spend_since=since)

    def _member(
        self, uow: UnitOfWork, members: dict[str, Member | None], ref: str, at: datetime
    ) -> tuple[Member | None, int]:
        if not ref:
            return None, 0
        if ref in members:
            return members[ref], 0
        known = self.member_ids.get(ref)
        found = uow.members.get(known, for_update=True) if known else None
        if found is not None and found.merged_into is None:  # as checked (a merge: look again)
            members[ref] = found
            return found, 0
        try:
            member: Member | None = find_member(uow, ref, self.shop.card_keys, for_update=True)
        except UnknownMember:
            if not self.create:
                raise
            member = new_member(uow, NewMember(name=ref, member_no=ref), at)
            publish(uow, self.shop.device_id, enrolled_event(member, at))
            members[ref] = member
            self.member_ids[ref] = member.id
            return member, 1
        members[ref] = member
        return member, 0


def import_sales(
    shop: Shop,
    actor: Actor,
    path: Path,
    *,
    create_members: bool,
    skip_invalid: bool,
    encoding: str | None = None,
    mapping: Mapping[str, str] | None = None,
    job: Job | None = None,
    chunking: Chunking | None = None,
    poster: Poster | None = None,
) -> ImportReport:
    """Post past sales from a CSV file with the columns ``sale_id,member_ref,at,sku,qty,unit_price,category``.

    Rows sharing a sale id are one sale; a negative ``qty`` is a return line and
    a sale worth less than nothing an unlinked return. ``imported`` and
    ``skipped`` count rows. Any rejected row means nothing is imported, unless
    ``skip_invalid``; a sale with one bad row is rejected whole. The file is
    read in ``encoding`` if given, else as UTF-8 or Chinese GBK; ``mapping``
    names the file's column for each field (see ``import_columns``). ``job``
    receives progress (phases ``reading``, ``checking``, ``writing``) and may
    cancel between chunks.
    """
    require(actor, Permission.IMPORT)
    job = job or Job()
    table = CsvTable(path, SALE_COLUMNS, encoding, mapping)
    with shop.uow(write=False) as uow:
        _, program = program_in_force(uow)
    job.step("reading", 0)
    with _rows_set_aside():
        found = read_sales(table, program.timezone, shop.clock.now())
        gc.freeze()
        plan = _plan(shop, found, create=create_members, job=job)
        if plan.problems and not skip_invalid:
            return ImportReport(skipped=plan.skipped, rejected=rejected(plan.problems.values()))
        gc.freeze()
        writer = _Writer(
            shop,
            program.timezone,
            create_members,
            chunking or Chunking(CHUNK_SECONDS, MAX_CHUNK_SALES),
            poster or record_sale,
        )
        report = _write(writer, plan, skip_invalid=skip_invalid, job=job)
    if report.imported or report.created_members or report.stopped:
        with shop.uow() as uow:
            audit_import(uow, shop, actor, "import.sales", table, report)
            uow.commit()
    if report.imported:
        recommendations.invalidate(shop)  # the next suggestion rebuilds with these sales
    job.step("done", plan.rows, plan.rows, final=True)
    return report


@contextmanager
def _rows_set_aside() -> Iterator[None]:
    """Inside, ``gc.freeze()`` keeps the garbage collector from walking what was frozen.

    The file's rows and the plan live until the import ends. Every full
    collection walked all of them: 2 s of a 370,000-row import, and chunks
    (with the tills waiting on them) stalled by 100 ms. Nothing among them is
    garbage; they are unfrozen, so collected as usual, when the import ends.
    """
    try:
        yield
    finally:
        gc.unfreeze()


def _write(writer: _Writer, plan: _Plan, *, skip_invalid: bool, job: Job) -> ImportReport:
    """Post the planned sales chunk by chunk; what was written, skipped and refused."""
    writer.report.skipped = plan.skipped
    writer.member_ids = plan.member_ids
    sales = plan.ready
    job.step("writing", 0, plan.rows, final=True)
    while sales:
        job.check("writing")
        try:
            posted = writer.chunk(sales)
        except _Stop as stop:
            plan.problems.update(stop.problems())
            if not skip_invalid:
                # Nothing of the refused chunk was written; what was before it stays.
                writer.report.stopped = True
                break
            sales = [sale for sale in sales if sale is not stop.rows]
            continue
        sales = sales[posted:]
        time.sleep(BREATHER_SECONDS)
        job.step(
            "writing", writer.report.imported + writer.report.skipped - plan.skipped, plan.rows
        )
    report = writer.report
    report.rejected = rejected(plan.problems.values())
    return report
