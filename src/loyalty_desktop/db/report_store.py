"""Stored reports in SQL, and the fingerprint of the data they were computed on.

The fingerprint is a handful of counts and highest numbers, each read from an
index (a few milliseconds on the benchmark shop's 400,000 sales): rows are
only ever added to sales, refunds, movements and tier changes, never deleted,
so a count and a highest number move with every change that matters to a
report. A refund adds a refund row; a balance changes only with a movement;
a tier with a tier change; a merge or an erasure closes a member (the count
of members not active grows) and moves points; loading a programme adds a
programme row. Anything else on a member (name, phone, consent) is not read
by the stored reports.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, func, select

from loyalty_desktop.analytics.ports import TouchedRows
from loyalty_desktop.db.errors import storage_errors
from loyalty_desktop.db.report_changes import changes_since, touched_log, touched_members
from loyalty_desktop.db.tables import (
    members,
    movements,
    programs,
    refunds,
    report_snapshots,
    sales,
    tier_changes,
)
from loyalty_desktop.services.report_store import Changes, StoredReport

_VERSION = select(
    select(func.max(programs.c.id)).scalar_subquery(),
    select(func.count()).select_from(members).scalar_subquery(),
    select(func.count()).where(members.c.status != "active").scalar_subquery(),
    select(func.count()).select_from(sales).scalar_subquery(),
    select(func.max(sales.c.at)).scalar_subquery(),
    select(func.count()).select_from(refunds).scalar_subquery(),
    select(func.count()).select_from(movements).scalar_subquery(),
    select(func.max(movements.c.seq)).scalar_subquery(),
    select(func.count()).select_from(tier_changes).scalar_subquery(),
    select(func.max(tier_changes.c.seq)).scalar_subquery(),
)
_PARTS = (
    "programme",
    "members",
    "closed",
    "sales",
    "last_sale",
    "refunds",
    "movements",
    "last_movement",
    "tier_changes",
    "last_tier_change",
)


def data_version(conn: Connection) -> str:
    """The counts and highest numbers of what reports read, as ``name=value`` text."""
    row = conn.execute(_VERSION).one()
    return ";".join(f"{name}={_text(value)}" for name, value in zip(_PARTS, row, strict=True))


class SqlReportStore:
    """Reports stored in one engine's database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        # The last answer of ``changes_since``: RFM then churn ask the same question, and
        # while the data version is the same the answer is too.
        self._changes: tuple[tuple[str, datetime, str], Changes] | None = None

    def data_version(self) -> str:
        """The counts and highest numbers of what reports read, as ``name=value`` text."""
        with storage_errors(), self.engine.connect() as conn:
            return data_version(conn)

    def last_sale_at(self) -> datetime | None:
        """The latest moment any sale is dated (None: no sale yet), from the index on ``at``."""
        with storage_errors(), self.engine.connect() as conn:
            found: datetime | None = conn.execute(select(func.max(sales.c.at))).scalar()
        return found

    def changes_since(self, version: str, since: datetime) -> Changes:
        """What changed since the data ``version`` (see ``report_changes.changes_since``)."""
        with storage_errors(), self.engine.connect() as conn:
            asked = (version, since, data_version(conn))
            kept = self._changes  # one read: a report in another thread may replace it
            if kept is None or kept[0] != asked:
                kept = (asked, changes_since(conn, *asked))
                self._changes = kept
            return kept[1]

    def touched(self, members: Collection[str], at: datetime) -> TouchedRows:
        """The purchase log up to ``at`` and the live member snapshot of ``members`` alone."""
        with storage_errors(), self.engine.connect() as conn:
            return TouchedRows(touched_log(conn, members, at), touched_members(conn, members, at))

    def stored(self, key: str) -> StoredReport | None:
        """The report stored under ``key``, or None."""
        with storage_errors(), self.engine.connect() as conn:
            row = conn.execute(
                select(report_snapshots).where(report_snapshots.c.key == key)
            ).one_or_none()
        if row is None:
            return None
        return StoredReport(
            key=row.key,
            at=row.at,
            start=row.start,
            computed_at=row.computed_at,
            data_version=row.data_version,
            payload=row.payload,
        )

    def store(self, report: StoredReport) -> None:
        """Replace whatever was stored under the report's key."""
        values = {
            "key": report.key,
            "at": report.at,
            "start": report.start,
            "computed_at": report.computed_at,
            "data_version": report.data_version,
            "payload": report.payload,
        }
        with storage_errors(), self.engine.begin() as conn:
            conn.execute(report_snapshots.delete().where(report_snapshots.c.key == report.key))
            conn.execute(report_snapshots.insert().values(**values))


def _text(value: Any) -> str:
    """A fingerprint part as text (a moment in ISO form; nothing as an empty string)."""
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
