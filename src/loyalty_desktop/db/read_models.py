"""The screens' lists in SQL: keyset pages, sorted and filtered in the database.

Sorts walk an index in order and stop after one page; the next page starts
strictly after the last row's (sort value, id), so page 1,000 costs what page
1 does. Migration 0004 adds the indexes the sorts need.
"""

from __future__ import annotations

import unicodedata
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Engine, and_, func, or_, select, tuple_

from loyalty_desktop.db.errors import storage_errors
from loyalty_desktop.db.tables import audit, members, movements, sale_lines, sales
from loyalty_desktop.domain.ledger import MovementKind
from loyalty_desktop.domain.members import MemberStatus
from loyalty_desktop.domain.phones import (
    ascii_digits,
    looks_like_phone,
    mask_phone,
    normalize_phone,
)
from loyalty_desktop.services.read_models import (
    AuditFilter,
    AuditRow,
    LedgerCursor,
    LedgerRow,
    MemberCursor,
    MemberFilter,
    MemberRow,
    MemberSort,
    SaleCursor,
    SaleRow,
)

_SORT_COLUMN = {
    MemberSort.NUMBER: members.c.member_no,
    MemberSort.NAME: members.c.name,
    MemberSort.JOINED: members.c.created_at,
    MemberSort.BALANCE: members.c.balance,
    MemberSort.SPEND: members.c.lifetime_spend,
}
_ROW_COLUMNS = (
    members.c.id,
    members.c.member_no,
    members.c.name,
    members.c.phone,
    members.c.tier,
    members.c.balance,
    members.c.lifetime_spend,
    members.c.status,
    members.c.created_at,
    members.c.last_movement_at,
)


def _prefix(column: Any, text: str) -> ColumnElement[bool]:
    """``column`` starts with ``text``, as a range an index can answer (LIKE would scan)."""
    return and_(column >= text, column < text + "\U0010ffff")


def _text_branches(text: str) -> list[tuple[ColumnElement[bool], Any]]:
    """Each way typed text can match a member, with the order its index gives for free."""
    cleaned = " ".join(unicodedata.normalize("NFKC", text).split())
    if not cleaned:
        return []
    branches: list[tuple[ColumnElement[bool], Any]] = [
        (_prefix(members.c.member_no, cleaned), members.c.member_no),
        (_prefix(members.c.name, cleaned), members.c.name),
    ]
    digits = ascii_digits(cleaned.replace(" ", "").replace("-", ""))
    if digits.isascii() and digits.isdigit() and len(digits) == 4:
        branches.append((members.c.phone_tail == digits, members.c.member_no))
    elif looks_like_phone(cleaned):
        branches.append((members.c.phone == normalize_phone(cleaned), members.c.member_no))
    return branches


def _text_match(text: str) -> ColumnElement[bool] | None:
    branches = _text_branches(text)
    return or_(*(clause for clause, _ in branches)) if branches else None


def _where(where: MemberFilter) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = []
    if where.status is not None:
        clauses.append(members.c.status == where.status.value)
    if where.tier is not None:
        clauses.append(members.c.tier == where.tier)
    if where.owing:
        clauses.append(members.c.balance < 0)
    text = _text_match(where.text)
    if text is not None:
        clauses.append(text)
    return clauses


def _member_row(r: Any) -> MemberRow:
    return MemberRow(
        id=r[0],
        member_no=r[1],
        name=r[2],
        phone_masked=mask_phone(r[3]) if r[3] else None,
        tier=r[4],
        balance=r[5],
        lifetime_spend=r[6],
        status=MemberStatus(r[7]),
        created_at=r[8],
        last_movement_at=r[9],
    )


class SqlReadModels:
    """``ReadModels`` on one engine (SQLite or PostgreSQL)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def members(
        self,
        where: MemberFilter,
        sort: MemberSort,
        descending: bool,
        after: MemberCursor | None,
        limit: int,
    ) -> list[MemberRow]:
        key = _SORT_COLUMN[sort]
        clauses = _where(where)
        if after is not None:
            beyond = tuple_(key, members.c.id)
            mark = tuple_(after.value, after.id)
            clauses.append(beyond < mark if descending else beyond > mark)
        order = (key.desc(), members.c.id.desc()) if descending else (key, members.c.id)
        query = select(*_ROW_COLUMNS).where(*clauses).order_by(*order).limit(limit)
        with storage_errors(), self.engine.connect() as conn:
            return [_member_row(r) for r in conn.execute(query)]

    def search(self, text: str, limit: int) -> list[MemberRow]:
        # One short index walk per kind of match, merged: the OR of them all would
        # gather every "王…" in the shop before keeping ten.
        branches = [clause for clause in _text_branches(text) if clause is not None]
        found: dict[str, MemberRow] = {}
        with storage_errors(), self.engine.connect() as conn:
            for clause, order in branches:
                query = (
                    select(*_ROW_COLUMNS)
                    .where(members.c.status == MemberStatus.ACTIVE.value, clause)
                    .order_by(order)
                    .limit(limit)
                )
                for r in conn.execute(query):
                    found.setdefault(r[0], _member_row(r))
        return sorted(found.values(), key=lambda row: row.member_no)[:limit]

    def count_members(self, where: MemberFilter) -> int:
        with storage_errors(), self.engine.connect() as conn:
            if where == MemberFilter():
                # Everyone active: all members (a count the database keeps quick) less the
                # few closed or erased ones (a small partial index), not a scan of a million rows.
                everyone = conn.execute(select(func.count()).select_from(members)).scalar_one()
                inactive = conn.execute(
                    select(func.count()).select_from(members).where(members.c.status != "active")
                ).scalar_one()
                return int(everyone) - int(inactive)
            query = select(func.count()).select_from(members).where(*_where(where))
            return int(conn.execute(query).scalar_one())

    def movements(self, member_id: str, before: LedgerCursor | None, limit: int) -> list[LedgerRow]:
        m = movements.c
        query = select(
            m.seq,
            m.id,
            m.kind,
            m.points,
            m.at,
            m.recorded_at,
            m.sale_ref,
            m.reason,
            m.actor,
            m.activity,
        ).where(m.member_id == member_id)
        if before is not None:
            query = query.where(tuple_(m.at, m.seq) < tuple_(before.at, before.seq))
        query = query.order_by(m.at.desc(), m.seq.desc()).limit(limit)
        with storage_errors(), self.engine.connect() as conn:
            return [
                LedgerRow(
                    seq=r[0],
                    id=r[1],
                    kind=MovementKind(r[2]),
                    points=r[3],
                    at=r[4],
                    recorded_at=r[5],
                    balance_after=0,
                    sale_ref=r[6],
                    reason=r[7],
                    actor=r[8],
                    activity=r[9],
                )
                for r in conn.execute(query)
            ]

    def balance_through(self, member_id: str, at: datetime, seq: int) -> int:
        m = movements.c
        query = select(func.coalesce(func.sum(m.points), 0)).where(
            m.member_id == member_id, tuple_(m.at, m.seq) <= tuple_(at, seq)
        )
        with storage_errors(), self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def sales(self, member_id: str, before: SaleCursor | None, limit: int) -> list[SaleRow]:
        s = sales.c
        counted = (
            select(func.count())
            .where(sale_lines.c.sale_ref == s.id)
            .correlate(sales)
            .scalar_subquery()
        )
        query = select(
            s.id,
            s.sale_id,
            s.at,
            s.currency,
            s.net,
            s.paid,
            s.earned,
            s.points_redeemed,
            s.refunded_net,
            counted,
        ).where(s.member_id == member_id)
        if before is not None:
            query = query.where(tuple_(s.at, s.id) < tuple_(before.at, before.id))
        query = query.order_by(s.at.desc(), s.id.desc()).limit(limit)
        with storage_errors(), self.engine.connect() as conn:
            return [
                SaleRow(
                    id=r[0],
                    sale_no=r[1],
                    at=r[2],
                    currency=r[3],
                    net=r[4],
                    paid=r[5],
                    earned=r[6],
                    redeemed=r[7],
                    refunded_net=r[8],
                    lines=int(r[9]),
                )
                for r in conn.execute(query)
            ]

    def audit(self, where: AuditFilter, before: int | None, limit: int) -> list[AuditRow]:
        a = audit.c
        clauses: list[ColumnElement[bool]] = []
        if before is not None:
            clauses.append(a.seq < before)
        if where.actor:
            clauses.append(a.actor == where.actor)
        if where.action:
            clauses.append(_prefix(a.action, where.action))
        if where.subject:
            clauses.append(a.subject == where.subject)
        if where.start is not None:
            clauses.append(a.at > where.start)
        if where.end is not None:
            clauses.append(a.at <= where.end)
        query = (
            select(a.seq, a.at, a.actor, a.action, a.subject, a.reason, a.details)
            .where(*clauses)
            .order_by(a.seq.desc())
            .limit(limit)
        )
        with storage_errors(), self.engine.connect() as conn:
            return [
                AuditRow(
                    seq=r[0],
                    at=r[1],
                    actor=r[2],
                    action=r[3],
                    subject=r[4],
                    reason=r[5],
                    details=r[6],
                )
                for r in conn.execute(query)
            ]

    def audit_names(self) -> tuple[list[str], list[str]]:
        with storage_errors(), self.engine.connect() as conn:
            actors = conn.execute(select(audit.c.actor).distinct().order_by(audit.c.actor))
            named = [r[0] for r in actors]
            actions = conn.execute(select(audit.c.action).distinct().order_by(audit.c.action))
            return named, [r[0] for r in actions]
