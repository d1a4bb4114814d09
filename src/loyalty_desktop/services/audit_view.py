"""The audit log as a manager reads it: filtered by staff, member, action and dates, and as CSV.

Entries name a member by their id (``member:<uuid>``); the lines here carry
the member number too, which is what a manager knows.
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from loyalty_desktop.domain.json_data import JsonValue
from loyalty_desktop.services import browsing
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.lookup import find_member
from loyalty_desktop.services.read_models import AuditFilter, AuditRow
from loyalty_desktop.services.spreadsheet_cells import SafeCsvWriter

_MEMBER = "member:"
_JUST_BEFORE = timedelta(microseconds=1)  # the filter's start is exclusive; ``since`` is not
CSV_COLUMNS = ("seq", "at", "staff", "action", "subject", "member_no", "reason", "details")


@dataclass(frozen=True)
class AuditQuery:
    """Which entries: by whom (staff name), about which member (any reference), what, when (inclusive)."""

    staff: str | None = None
    member: str | None = None
    action: str | None = None
    since: datetime | None = None
    until: datetime | None = None


@dataclass(frozen=True)
class AuditLine:
    """One entry as shown: its details parsed, the member's number when it is about a member."""

    seq: int
    at: datetime
    staff: str
    action: str
    subject: str
    member_no: str | None
    reason: str | None
    details: Mapping[str, JsonValue]


@dataclass(frozen=True)
class AuditLines:
    """Entries newest first; ``next`` continues below them (None: no more)."""

    lines: tuple[AuditLine, ...]
    next: int | None


@dataclass(frozen=True)
class AuditChoices:
    """The staff names and actions the log holds, for the filter's lists."""

    staff: tuple[str, ...]
    actions: tuple[str, ...]


def _filter(shop: Shop, query: AuditQuery) -> AuditFilter:
    subject = None
    if query.member and query.member.strip():
        with shop.uow(write=False) as uow:
            member = find_member(uow, query.member.strip(), shop.card_keys, follow=False)
        subject = f"{_MEMBER}{member.id}"
    return AuditFilter(
        actor=(query.staff or "").strip() or None,
        action=(query.action or "").strip() or None,
        subject=subject,
        start=query.since - _JUST_BEFORE if query.since else None,
        end=query.until,
    )


def audit_lines(
    shop: Shop,
    actor: Actor,
    query: AuditQuery = AuditQuery(),
    *,
    before: int | None = None,
    limit: int = 100,
) -> AuditLines:
    """A page of entries matching ``query``, newest first."""
    require(actor, Permission.AUDIT)
    page = browsing.audit_log(shop, actor, _filter(shop, query), before=before, limit=limit)
    return AuditLines(_lines(shop, page.rows), page.next)


def audit_choices(shop: Shop, actor: Actor) -> AuditChoices:
    """Who and what the log names, for the filter."""
    require(actor, Permission.AUDIT)
    staff, actions = shop.reads.audit_names()
    return AuditChoices(tuple(staff), tuple(actions))


@dataclass(frozen=True)
class AuditExport:
    """The CSV text of the entries exported, and how many there are."""

    text: str
    entries: int


def audit_csv(shop: Shop, actor: Actor, query: AuditQuery = AuditQuery()) -> AuditExport:
    """Every entry matching ``query`` as CSV (UTF-8 text, times in UTC ISO 8601), newest first."""
    require(actor, Permission.AUDIT)
    where = _filter(shop, query)
    out = io.StringIO()
    writer = SafeCsvWriter(out)
    writer.writerow(CSV_COLUMNS)
    before: int | None = None
    count = 0
    while True:
        page = browsing.audit_log(shop, actor, where, before=before, limit=browsing.MAX_PAGE)
        for line in _lines(shop, page.rows):
            writer.writerow(csv_row(line))
            count += 1
        if page.next is None:
            return AuditExport(out.getvalue(), count)
        before = page.next


def csv_row(line: AuditLine) -> list[str]:
    """An entry's cells, in ``CSV_COLUMNS`` order."""
    return [
        str(line.seq),
        line.at.astimezone(UTC).isoformat(),
        line.staff,
        line.action,
        line.subject,
        line.member_no or "",
        line.reason or "",
        json.dumps(dict(line.details), ensure_ascii=False, sort_keys=True),
    ]


def _lines(shop: Shop, rows: tuple[AuditRow, ...]) -> tuple[AuditLine, ...]:
    ids = sorted({r.subject[len(_MEMBER) :] for r in rows if r.subject.startswith(_MEMBER)})
    numbers: dict[str, str] = {}
    if ids:
        with shop.uow(write=False) as uow:
            numbers = {m.id: m.member_no for m in uow.members.get_many(ids)}
    return tuple(
        AuditLine(
            seq=r.seq,
            at=r.at,
            staff=r.actor,
            action=r.action,
            subject=r.subject,
            member_no=numbers.get(r.subject[len(_MEMBER) :])
            if r.subject.startswith(_MEMBER)
            else None,
            reason=r.reason,
            details=_details(r.details),
        )
        for r in rows
    )


def _details(text: str) -> Mapping[str, JsonValue]:
    try:
        parsed = json.loads(text)
    except ValueError:
        return {"text": text}
    return parsed if isinstance(parsed, dict) else {"value": parsed}
