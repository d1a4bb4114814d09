"""What every service call needs from its surroundings, gathered once by the wiring in ``app.py``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

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
    from loyalty_desktop.services.sync import SyncQueue, SyncServer


class SecretStore(Protocol):
    """Secrets kept outside the database (a store's sync token).

    The database is copied to backups and USB sticks; a token found there would let anyone
    push events as this store, so ``app.py`` wires a file beside the card keys.
    """

    def get(self, name: str) -> str | None:
        """The secret, or None."""
        ...

    def put(self, name: str, value: str | None) -> None:
        """Keep (or, with None, forget) a secret."""
        ...


class MemorySecrets:
    """Secrets held in memory (the fakes, and a shop opened without its configuration folder)."""

    def __init__(self) -> None:
        self._held: dict[str, str] = {}

    def get(self, name: str) -> str | None:
        """The secret, or None."""
        return self._held.get(name)

    def put(self, name: str, value: str | None) -> None:
        """Keep (or, with None, forget) a secret."""
        if value is None:
            self._held.pop(name, None)
        else:
            self._held[name] = value


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
    # The central server's client for a URL and token (None: no network here, as in the fakes).
    sync_server: Callable[[str, str], SyncServer] | None = None
    # Secrets that must not live in the database file (see SecretStore).
    secrets: SecretStore = field(default_factory=MemorySecrets)
    # Reports the nightly job computed ahead (None: the fakes store none, every report computes).
    report_store: ReportStore | None = None
