"""What every service call needs from its surroundings, gathered once by the wiring in ``app.py``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from loyalty_desktop.analytics.ports import ReportSource
from loyalty_desktop.analytics.store_sales import StoreSalesSource
from loyalty_desktop.services.ports import (
    AuditSeal,
    CardKeys,
    Clock,
    DatabaseBackups,
    Housekeeping,
    NoBackups,
    NothingToPurge,
    UnitOfWorkFactory,
)
from loyalty_desktop.services.read_models import ReadModels
from loyalty_desktop.services.report_store import ReportStore

if TYPE_CHECKING:
    from loyalty_desktop.services.sync import SyncQueue


@dataclass(frozen=True)
class Shop:
    """The storage, clock, keys and device identity of one installation."""

    uow: UnitOfWorkFactory
    clock: Clock
    card_keys: CardKeys
    device_id: str
    audit_seal: AuditSeal
    reports: ReportSource
    reads: ReadModels
    housekeeping: Housekeeping = field(default_factory=NothingToPurge)
    # The installation's own files (database, journals, backups, keys), found afresh each
    # call: a printer or export target must never be one of them, however it is named.
    own_files: Callable[[], Sequence[Path]] = field(default=lambda: ())
    # Copies of the database and restoring one (SQLite files only; nothing for the fakes).
    backups: DatabaseBackups = field(default_factory=lambda: NoBackups())
    # Sales by store and by day for the report filters and trends (None: the fakes have none).
    store_sales: StoreSalesSource | None = None
    # The outbox as the sync pump reads it (None: the fakes and databases that cannot sync).
    sync_queue: SyncQueue | None = None
    # Reports the nightly job computed ahead (None: the fakes store none, every report computes).
    report_store: ReportStore | None = None
