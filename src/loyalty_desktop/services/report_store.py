"""The port for reports computed ahead (by the nightly job) and read back, and what a stored one holds."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from loyalty_desktop.analytics.ports import TouchedRows


@dataclass(frozen=True)
class StoredReport:
    """A report as the nightly job stored it.

    ``key`` names the report and its options (``stored_reports.snapshot_key``);
    ``at`` is the moment the report is as of and ``start`` its period's start;
    ``computed_at`` when it was computed; ``data_version`` what the storage
    held then (``ReportStore.data_version``); ``payload`` the report as JSON
    text (``report_codec``).
    """

    key: str
    at: datetime
    start: datetime
    computed_at: datetime
    data_version: str
    payload: str


@dataclass(frozen=True)
class Changes:
    """What changed since a stored data version, member by member.

    ``members``: the numbers of the members whose sales, refunds, points,
    tier or membership changed (a merged duplicate's change is its
    survivor's); ``earliest``: the earliest moment any of those changes is
    dated (a refund: its sale's moment); ``reason``: why the changes cannot be
    followed member by member (``programme``, ``members_closed``,
    ``backdated``), None when they can.
    """

    members: frozenset[str]
    earliest: datetime | None
    reason: str | None


class ReportStore(Protocol):
    """Reports stored for reading back, and a fingerprint of the data they were computed on."""

    def data_version(self) -> str:
        """Text that changes whenever anything a report reads changes.

        Sales, refunds, points movements, members (joined, merged, closed,
        erased), tier changes and the programme; two equal versions mean the
        same data.
        """
        ...

    def last_sale_at(self) -> datetime | None:
        """The latest moment any sale is dated (None: no sale yet)."""
        ...

    def stored(self, key: str) -> StoredReport | None:
        """The report stored under ``key``, or None."""
        ...

    def store(self, report: StoredReport) -> None:
        """Keep ``report`` under its key, in place of any stored before."""
        ...

    def changes_since(self, version: str, since: datetime) -> Changes:
        """What changed since the data ``version``, taken when the data was as of ``since``."""
        ...

    def touched(self, members: Collection[str], at: datetime) -> TouchedRows:
        """The purchase log up to ``at`` and the live member snapshot of ``members`` alone."""
        ...
