"""The port for reports computed ahead (by the nightly job) and read back, and what a stored one holds."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


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
