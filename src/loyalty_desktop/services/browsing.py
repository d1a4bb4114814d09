"""Use cases behind the lists on screen: members, a member's ledger and sales, the audit log.

Each checks the caller's role like every other service: browsing all members
and reading the audit log are a manager's; a cashier may look up the member
in front of them, with their ledger and purchases.
"""

from __future__ import annotations

from datetime import datetime

from loyalty_desktop.domain.errors import InvalidRequest
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.lookup import find_member
from loyalty_desktop.services.read_models import (
    AuditFilter,
    AuditPage,
    LedgerCursor,
    LedgerPage,
    MemberCursor,
    MemberFilter,
    MemberPage,
    MemberRow,
    MemberSort,
    SaleCursor,
    SalePage,
    balances_down,
)

MAX_PAGE = 500
EVERYONE_ACTIVE = MemberFilter()
WHOLE_LOG = AuditFilter()


def _limit(limit: int) -> int:
    if not 1 <= limit <= MAX_PAGE:
        raise InvalidRequest(
            f"a page holds 1 to {MAX_PAGE} rows",
            reason="page_size_range",
            field="limit",
            limit=MAX_PAGE,
            minimum=1,
            maximum=MAX_PAGE,
        )
    return limit


def list_members(
    shop: Shop,
    actor: Actor,
    where: MemberFilter = EVERYONE_ACTIVE,
    *,
    sort: MemberSort = MemberSort.NUMBER,
    descending: bool = False,
    after: MemberCursor | None = None,
    limit: int = 100,
    count: bool = False,
) -> MemberPage:
    """A page of members, filtered and sorted by the database; ``count`` adds how many match."""
    require(actor, Permission.BROWSE_MEMBERS)
    limit = _limit(limit)
    if after is not None and (after.sort, after.descending) != (sort, descending):
        raise InvalidRequest(
            "this page continues a list sorted another way",
            reason="page_cursor_mismatch",
            field="after",
        )
    rows = shop.reads.members(where, sort, descending, after, limit + 1)
    more = len(rows) > limit
    rows = rows[:limit]
    last = rows[-1] if more else None
    cursor = MemberCursor(sort, descending, _sort_value(last, sort), last.id) if last else None
    total = shop.reads.count_members(where) if count else None
    return MemberPage(tuple(rows), cursor, total)


def _sort_value(row: MemberRow, sort: MemberSort) -> str | int | datetime:
    if sort is MemberSort.NUMBER:
        return row.member_no
    if sort is MemberSort.NAME:
        return row.name
    if sort is MemberSort.JOINED:
        return row.created_at
    if sort is MemberSort.BALANCE:
        return row.balance
    return row.lifetime_spend


def search_members(
    shop: Shop, actor: Actor, text: str, *, limit: int = 10
) -> tuple[MemberRow, ...]:
    """Members a cashier's typing could mean: number or name starting so, a phone, its last 4 digits."""
    require(actor, Permission.FIND_MEMBER)
    if not text.strip():
        return ()
    return tuple(shop.reads.search(text, _limit(limit)))


def member_ledger(
    shop: Shop, actor: Actor, ref: str, *, before: LedgerCursor | None = None, limit: int = 50
) -> LedgerPage:
    """A member's movements, newest first, each with the balance right after it."""
    require(actor, Permission.FIND_MEMBER)
    limit = _limit(limit)
    with shop.uow(write=False) as uow:
        member = find_member(uow, ref, shop.card_keys, follow=False)
    rows = shop.reads.movements(member.id, before, limit + 1)
    more = len(rows) > limit
    rows = rows[:limit]
    first = shop.reads.balance_through(member.id, rows[0].at, rows[0].seq) if rows else 0
    filled = balances_down(rows, first)
    nxt = LedgerCursor(filled[-1].at, filled[-1].seq) if more and filled else None
    return LedgerPage(tuple(filled), nxt, member.balance)


def member_sales(
    shop: Shop, actor: Actor, ref: str, *, before: SaleCursor | None = None, limit: int = 50
) -> SalePage:
    """A member's sales, newest first."""
    require(actor, Permission.FIND_MEMBER)
    limit = _limit(limit)
    with shop.uow(write=False) as uow:
        member = find_member(uow, ref, shop.card_keys)
    rows = shop.reads.sales(member.id, before, limit + 1)
    more = len(rows) > limit
    rows = rows[:limit]
    nxt = SaleCursor(rows[-1].at, rows[-1].id) if more and rows else None
    return SalePage(tuple(rows), nxt)


def audit_log(
    shop: Shop,
    actor: Actor,
    where: AuditFilter = WHOLE_LOG,
    *,
    before: int | None = None,
    limit: int = 100,
) -> AuditPage:
    """Audit entries, newest first, filtered by who, what, whom and when."""
    require(actor, Permission.AUDIT)
    limit = _limit(limit)
    rows = shop.reads.audit(where, before, limit + 1)
    more = len(rows) > limit
    rows = rows[:limit]
    return AuditPage(tuple(rows), rows[-1].seq if more and rows else None)
