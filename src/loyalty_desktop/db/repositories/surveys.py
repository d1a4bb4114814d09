"""Satisfaction survey answers: one row per answer, at most one per sale."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from loyalty_desktop.db.tables import members, survey_answers
from loyalty_desktop.domain.surveys import SurveyAnswer, SurveyScale

_COLUMNS = (*(c for c in survey_answers.c), members.c.member_no)
CHUNK = 500  # sale numbers per IN (...) list


def _answer(m: Any) -> SurveyAnswer:
    return SurveyAnswer(
        id=m["id"],
        member_id=m["member_id"],
        member_no=m["member_no"],
        score=int(m["score"]),
        scale=SurveyScale(m["scale"]),
        sale_no=m["sale_no"],
        store=m["store"],
        staff=m["staff"],
        tier=m["tier"],
        at=m["at"],
        recorded_at=m["recorded_at"],
    )


def _select() -> Any:
    return select(*_COLUMNS).join(members, members.c.id == survey_answers.c.member_id)


class SqlSurveys:
    """Answers by sale, by member, or in a period."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add_many(self, answers: Sequence[SurveyAnswer]) -> None:
        if not answers:
            return
        rows = []
        for answer in answers:
            values = dict(answer.__dict__)
            del values["member_no"]
            values["scale"] = answer.scale.value
            rows.append(values)
        self.conn.execute(insert(survey_answers), rows)

    def for_sales(self, sale_nos: Sequence[str]) -> dict[str, SurveyAnswer]:
        found: dict[str, SurveyAnswer] = {}
        wanted = list(dict.fromkeys(sale_nos))
        for i in range(0, len(wanted), CHUNK):
            query = _select().where(survey_answers.c.sale_no.in_(wanted[i : i + CHUNK]))
            for row in self.conn.execute(query):
                answer = _answer(row._mapping)
                assert answer.sale_no is not None
                found[answer.sale_no] = answer
        return found

    def of_members(self, member_ids: Sequence[str]) -> list[SurveyAnswer]:
        query = (
            _select()
            .where(survey_answers.c.member_id.in_(list(member_ids)))
            .order_by(survey_answers.c.at, survey_answers.c.id)
        )
        return [_answer(r._mapping) for r in self.conn.execute(query)]

    def between(self, start: datetime, end: datetime) -> list[SurveyAnswer]:
        query = (
            _select()
            .where(survey_answers.c.at > start, survey_answers.c.at <= end)
            .order_by(survey_answers.c.at, survey_answers.c.id)
        )
        return [_answer(r._mapping) for r in self.conn.execute(query)]

    def erase(self, member_ids: Sequence[str]) -> int:
        done = self.conn.execute(
            delete(survey_answers).where(survey_answers.c.member_id.in_(list(member_ids)))
        )
        return int(done.rowcount or 0)
