"""What the screens read: members page by page, a member's ledger and sales, the audit log.

Every list is a keyset page: sorted and filtered in the database, ``limit``
rows at a time, the next page found from the last row's sort key (never an
OFFSET that grows with the page number), so the member list stays quick at a
million members. Results are typed: money in minor units, points as integers,
moments as aware datetimes; the screen or the command formats them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from loyalty_desktop.domain.ledger import MovementKind
from loyalty_desktop.domain.members import MemberStatus


class MemberSort(StrEnum):
    """What the member list can be sorted by."""

    NUMBER = "member_no"
    NAME = "name"
    JOINED = "joined"
    BALANCE = "balance"
    SPEND = "spend"


@dataclass(frozen=True)
class MemberFilter:
    """Which members a list shows; everything left empty matches everyone active.

    ``text`` is what a person types into one search box: the start of a member
    number or a name, a whole phone number, or its last four digits.
    """

    text: str = ""
    tier: str | None = None
    status: MemberStatus | None = MemberStatus.ACTIVE
    owing: bool = False  # only members whose balance is below zero


@dataclass(frozen=True)
class MemberRow:
    """One line of the member list (the phone masked: lists are seen over shoulders)."""

    id: str
    member_no: str
    name: str
    phone_masked: str | None
    tier: str | None
    balance: int
    lifetime_spend: int
    status: MemberStatus
    created_at: datetime
    last_movement_at: datetime | None


@dataclass(frozen=True)
class MemberCursor:
    """Where the next page of a member list starts: the last row's sort value and id."""

    sort: MemberSort
    descending: bool
    value: str | int | datetime
    id: str


@dataclass(frozen=True)
class MemberPage:
    """A page of the member list; ``next`` is None on the last page."""

    rows: tuple[MemberRow, ...]
    next: MemberCursor | None
    total: int | None = None


@dataclass(frozen=True)
class LedgerRow:
    """One movement of a member's points, with the balance right after it."""

    seq: int
    id: str
    kind: MovementKind
    points: int
    at: datetime
    recorded_at: datetime
    balance_after: int
    sale_ref: str | None
    reason: str | None
    actor: str | None
    activity: str | None


@dataclass(frozen=True)
class LedgerCursor:
    """Where the next (older) ledger page starts."""

    at: datetime
    seq: int


@dataclass(frozen=True)
class LedgerPage:
    """Newest movements first, each with the running balance after it."""

    rows: tuple[LedgerRow, ...]
    next: LedgerCursor | None
    balance: int


@dataclass(frozen=True)
class SaleRow:
    """One sale of a member, as a list shows it (money in minor units)."""

    id: str
    sale_no: str
    at: datetime
    currency: str
    net: int
    paid: int
    earned: int
    redeemed: int
    refunded_net: int
    lines: int


@dataclass(frozen=True)
class SaleCursor:
    """Where the next (older) page of a member's sales starts."""

    at: datetime
    id: str


@dataclass(frozen=True)
class SalePage:
    """A member's sales, newest first."""

    rows: tuple[SaleRow, ...]
    next: SaleCursor | None


@dataclass(frozen=True)
class AuditFilter:
    """Which audit entries to show: by who, what (prefix, e.g. ``points.``), whom, and when."""

    actor: str | None = None
    action: str | None = None
    subject: str | None = None
    start: datetime | None = None
    end: datetime | None = None


@dataclass(frozen=True)
class AuditRow:
    """One audit entry."""

    seq: int
    at: datetime
    actor: str
    action: str
    subject: str
    reason: str | None
    details: str


@dataclass(frozen=True)
class AuditPage:
    """Audit entries, newest first; ``next`` is the sequence number to continue below."""

    rows: tuple[AuditRow, ...]
    next: int | None


class ReadModels(Protocol):
    """The queries behind the lists, done by the storage (SQL-side sorting and filtering)."""

    def members(
        self,
        where: MemberFilter,
        sort: MemberSort,
        descending: bool,
        after: MemberCursor | None,
        limit: int,
    ) -> list[MemberRow]:
        """Up to ``limit`` members after the cursor, in the order asked for."""
        ...

    def search(self, text: str, limit: int) -> list[MemberRow]:
        """Active members whose number or name starts with ``text``, or whose phone (or its last 4) it is."""
        ...

    def count_members(self, where: MemberFilter) -> int:
        """How many members the filter matches."""
        ...

    def movements(self, member_id: str, before: LedgerCursor | None, limit: int) -> list[LedgerRow]:
        """Movements newest first (their ``balance_after`` left at 0 for the caller to fill)."""
        ...

    def balance_through(self, member_id: str, at: datetime, seq: int) -> int:
        """The sum of the member's movements up to and including (at, seq)."""
        ...

    def sales(self, member_id: str, before: SaleCursor | None, limit: int) -> list[SaleRow]:
        """A member's sales, newest first."""
        ...

    def audit(self, where: AuditFilter, before: int | None, limit: int) -> list[AuditRow]:
        """Audit entries newest first, below sequence number ``before``."""
        ...

    def audit_names(self) -> tuple[list[str], list[str]]:
        """Who appears in the audit log and which actions it holds, each sorted."""
        ...


def balances_down(rows: Sequence[LedgerRow], first_balance: int) -> list[LedgerRow]:
    """Newest-first movements with the balance after each, from the balance after the first."""
    out = []
    balance = first_balance
    for row in rows:
        out.append(replace(row, balance_after=balance))
        balance -= row.points
    return out
