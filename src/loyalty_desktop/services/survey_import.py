"""``loyalty import surveys``: answers a survey tool or a paper form collected, from CSV or Excel.

Columns ``member_ref,score,at,sale_id``: the member (number, phone, card
text), the score on the shop's scale, when it was given (empty: the sale's
time) and the sale it was about (empty: none). Like the other imports it is
all or nothing: any rejected row means nothing is imported, unless
``skip_invalid``; an answer already stored (the same file imported again) is
counted as skipped, not twice.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from pathlib import Path

from loyalty_desktop.domain.errors import InvalidRequest, LoyaltyError
from loyalty_desktop.domain.surveys import SurveyAnswer, check_score, parse_score
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.csv_files import CsvRow, CsvTable, RowCheck, RowProblem
from loyalty_desktop.services.import_report import ImportReport, audit_import, rejected
from loyalty_desktop.services.import_rows import row_moment
from loyalty_desktop.services.long_jobs import Job
from loyalty_desktop.services.ports import UnitOfWork
from loyalty_desktop.services.programs import program_in_force
from loyalty_desktop.services.surveys import (
    after_sale,
    already_answered,
    answered_sale,
    answering_member,
    settings_in,
)

SURVEY_COLUMNS = ("member_ref", "score", "at", "sale_id")
# A survey tool's file may have no sale (the time is then needed: each row says so).
SURVEY_OPTIONAL = frozenset({"at", "sale_id"})


class _Reader:
    """Checks rows against the stored members and sales in one transaction."""

    def __init__(self, shop: Shop, actor: Actor, uow: UnitOfWork) -> None:
        self.shop, self.actor, self.uow = shop, actor, uow
        _, program = program_in_force(uow)
        self.timezone = program.timezone
        self.scale = settings_in(uow).scale
        self.now = shop.clock.now()
        self.sales_in_file: dict[str, int] = {}
        self.skipped = 0

    def read(self, row: CsvRow) -> SurveyAnswer | RowProblem | None:
        """The row's answer; a problem; or None for an answer already stored (skipped)."""
        ref, score_text, at_text, sale_text = row.values
        check = RowCheck(row.number)
        score = check.value("score", lambda: parse_score(score_text))
        if score is not None:
            check.value("score", lambda: check_score(score, self.scale))
        member = check.value(
            "member_ref", lambda: answering_member(self.uow, ref, self.shop.card_keys)
        )
        at = None
        if at_text or not sale_text:
            at = check.value("at", lambda: row_moment(at_text, self.timezone, self.now))
        if member is None or score is None or check.problem is not None:
            return check.problem or RowProblem(row.number, "incomplete row", "bad_row")
        store, sale_no = self.shop.device_id, None
        if sale_text:
            try:
                sale, first = answered_sale(self.uow, member, sale_text)
            except LoyaltyError as refused:
                return RowProblem.of(row.number, "sale_id", refused)
            try:
                at = after_sale(sale, at, self.timezone) if at is not None else None
            except LoyaltyError as refused:
                return RowProblem.of(row.number, "at", refused)
            if sale.sale_no in self.sales_in_file:
                twice = InvalidRequest(
                    f"sale {sale.sale_no} is already answered at row "
                    f"{self.sales_in_file[sale.sale_no]} of this file",
                    code="bad_row",
                    reason="survey_sale_twice_in_file",
                    field="sale_id",
                    sale=sale.sale_no,
                    row=self.sales_in_file[sale.sale_no],
                )
                return RowProblem.of(row.number, "sale_id", twice)
            self.sales_in_file[sale.sale_no] = row.number
            if first is not None:
                if first.score == score and first.scale is self.scale:
                    self.skipped += 1
                    return None
                return RowProblem.of(row.number, "score", already_answered(first, self.timezone))
            store, sale_no, at = sale.device_id or store, sale.sale_no, at or sale.at
        assert at is not None
        return SurveyAnswer(
            id=str(uuid.uuid4()),
            member_id=member.id,
            member_no=member.member_no,
            score=score,
            scale=self.scale,
            sale_no=sale_no,
            store=store,
            staff=None,  # taken outside the till: nobody here asked
            tier=member.tier,
            at=at,
            recorded_at=self.now,
        )


def import_surveys(
    shop: Shop,
    actor: Actor,
    path: Path,
    *,
    skip_invalid: bool = False,
    encoding: str | None = None,
    mapping: Mapping[str, str] | None = None,
    job: Job | None = None,
) -> ImportReport:
    """Import answers from ``path`` (see the module's rules); audited like the other imports."""
    require(actor, Permission.IMPORT)
    job = job or Job()
    table = CsvTable(path, SURVEY_COLUMNS, encoding, mapping, optional=SURVEY_OPTIONAL)
    job.step("reading", 0)
    with shop.uow() as uow:
        reader = _Reader(shop, actor, uow)
        answers: list[SurveyAnswer] = []
        problems: list[RowProblem] = []
        for done, row in enumerate(table.rows()):
            if done % 500 == 0:
                job.step("checking", done)
            found = row if isinstance(row, RowProblem) else reader.read(row)
            if isinstance(found, RowProblem):
                problems.append(found)
            elif found is not None:
                answers.append(found)
        if problems and not skip_invalid:
            return ImportReport(rejected=rejected(problems), skipped=reader.skipped)
        job.step("writing", 0, len(answers), final=True)
        uow.surveys.add_many(answers)
        report = ImportReport(
            imported=len(answers), skipped=reader.skipped, rejected=rejected(problems)
        )
        audit_import(uow, shop, actor, "import.surveys", table, report)
        job.check("writing")
        uow.commit()
    return report
