"""Wiring only: builds the object graph (database, migrations, keys, clock) for the CLI and the GUI."""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError

from loyalty_desktop.db.backup_files import SqliteBackups, backups_folder
from loyalty_desktop.db.engine import make_engine, sqlite_url
from loyalty_desktop.db.housekeeping import SqlHousekeeping
from loyalty_desktop.db.integrity import SqlIntegrity
from loyalty_desktop.db.migrate import upgrade
from loyalty_desktop.db.read_models import SqlReadModels
from loyalty_desktop.db.report_queries import SqlReportSource
from loyalty_desktop.db.report_store import SqlReportStore
from loyalty_desktop.db.store_sales import SqlStoreSales
from loyalty_desktop.db.sync_queue import SqlSyncQueue
from loyalty_desktop.db.uow import SqlUnitOfWorkFactory
from loyalty_desktop.domain.errors import BadDatabase, BadInstallation
from loyalty_desktop.installation import config_dir, default_db_path
from loyalty_desktop.keyfiles import (
    HEADS_FILE,
    KEY_FILE,
    SECRETS_FILE,
    CardKeyFile,
    FileAuditSeal,
    FileSecrets,
    MissingKeys,
)
from loyalty_desktop.services import keys
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.ports import Clock
from loyalty_desktop.services.retry import once_more_on_conflict
from loyalty_desktop.sync.http import HttpSyncServer


def _device_id(uow: SqlUnitOfWorkFactory) -> str:
    """This installation's device id, made once; two programs opening a new database agree on one."""
    with uow(write=False) as reading:
        known = reading.settings.get("device_id")
    if known is not None:
        return known  # a read-only file opens too

    def attempt() -> str:
        with uow() as unit:
            device_id = unit.settings.get("device_id")
            if device_id is None:
                device_id = str(uuid.uuid4())
                unit.settings.set("device_id", device_id)
                unit.commit()
            return device_id

    return once_more_on_conflict(attempt)


class SystemClock:
    """The computer's clock, in UTC."""

    def now(self) -> datetime:
        """The current moment."""
        return datetime.now(UTC)


@dataclass(frozen=True)
class Opened:
    """An opened installation: the services' context plus what the command line reports."""

    shop: Shop
    engine: Engine
    integrity: SqlIntegrity
    location: str
    revision: str
    backup: Path | None
    keys_dir: Path
    path: Path | None = None
    key_problems: tuple[str, ...] = ()

    def protected_files(self) -> list[Path]:
        """Files no export may ever overwrite: the database, its journals and backups, the keys."""
        return shop_files(self.path, self.keys_dir)


def shop_files(path: Path | None, keys_dir: Path) -> list[Path]:
    """The shop's own files (database, journals, backups, keys): never written by an export or a printer."""
    found = [keys_dir / KEY_FILE, keys_dir / HEADS_FILE, keys_dir / SECRETS_FILE]
    if path is not None:
        found.append(path)
        found += [path.with_name(path.name + end) for end in ("-wal", "-shm", "-journal")]
        found += path.parent.glob(f"{path.stem}.backup-*")
        folder = backups_folder(path)
        if folder.is_dir():
            found += [kept for kept in folder.iterdir() if kept.is_file()]
    return found


def open_database(
    db: Path | str | None = None,
    *,
    clock: Clock | None = None,
    keys_dir: Path | None = None,
    synchronous: str = "FULL",
    strict_keys: bool = True,
) -> Opened:
    """Open (creating or migrating) a SQLite file or a database URL and wire the services to it.

    A key file that is missing, damaged or another shop's is refused loudly;
    with ``strict_keys=False`` (``check``, ``card-key replace``) the problems
    are reported in ``Opened.key_problems`` instead and nothing is signed.
    """
    if isinstance(db, str) and "://" in db:
        url, path = db, None
    else:
        path = _sqlite_path(db)
        url = sqlite_url(path)
    engine = make_engine(url, synchronous=synchronous)
    try:
        revision, backup = upgrade(engine, path)
        uow = SqlUnitOfWorkFactory(engine)
        device_id = _device_id(uow)
        where = keys_dir or config_dir()
        shop, problems = _with_keys(
            uow, clock or SystemClock(), device_id, engine, where, strict_keys
        )
    except DatabaseError as exc:
        engine.dispose()
        raise BadDatabase(
            f"{path or url} cannot be opened as a loyalty database: {exc.orig}",
            reason="database_unreadable",
        ) from exc
    except BaseException:
        engine.dispose()
        raise
    shop = replace(shop, own_files=partial(shop_files, path, where))
    shop = replace(
        shop,
        store_sales=SqlStoreSales(engine),
        sync_queue=SqlSyncQueue(engine),
        sync_server=HttpSyncServer,
        secrets=FileSecrets(where, shop.device_id),
        report_store=SqlReportStore(engine),
    )
    if path is not None:
        reopen = partial(_reopened, path, clock=clock, keys_dir=where, synchronous=synchronous)
        protected = partial(shop_files, path, where)
        shop = replace(shop, backups=SqliteBackups(engine, path, reopen, protected))
    return Opened(
        shop,
        engine,
        SqlIntegrity(engine),
        str(path) if path else url,
        revision,
        backup,
        where,
        path,
        tuple(problems),
    )


@contextlib.contextmanager
def _reopened(
    path: Path, *, clock: Clock | None, keys_dir: Path, synchronous: str
) -> Iterator[Shop]:
    """The file at ``path`` opened afresh (a restored backup: migrated, keys checked), then closed."""
    opened = open_database(path, clock=clock, keys_dir=keys_dir, synchronous=synchronous)
    try:
        yield opened.shop
    finally:
        opened.engine.dispose()


def _sqlite_path(db: Path | str | None) -> Path:
    """The database file: as given (its folder must exist), or the default in the data folder."""
    chosen = db is not None or bool(os.environ.get("LOYALTY_DB"))
    path = Path(db) if db is not None else default_db_path()
    try:
        path = path.expanduser().resolve()
        return _usable_file(path, chosen)
    except OSError as exc:
        # A read-only stick, a folder this user may not write, a name too long, a full disk.
        why = exc.strerror or type(exc).__name__
        raise BadDatabase(
            f"the database file {path} cannot be made or opened: {why}; "
            "choose a folder this user can write",
            code="bad_database",
            reason="database_not_created",
            file=str(path),
            problem=why,
        ) from None


def _usable_file(path: Path, chosen: bool) -> Path:
    """``path`` checked and made if new; OSError when the system will not have it."""
    if not path.parent.is_dir():
        if chosen:
            raise BadDatabase(
                f"the folder {path.parent} does not exist (or is not a folder); create it first, "
                "or check the path of the database",
                code="no_such_folder",
                folder=str(path.parent),
            )
        path.parent.mkdir(parents=True, exist_ok=True)  # the per-user data folder, first run
    if path.is_dir():
        raise BadDatabase(
            f"{path} is a folder; give the database file inside it",
            code="bad_database",
            reason="database_is_folder",
            file=str(path),
        )
    if not path.exists():
        # Only this user may read a new file: it holds staff PIN hashes and members' data.
        # SQLite gives its -wal and -shm files the same permissions.
        with contextlib.suppress(FileExistsError):
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    return path


def _with_keys(
    uow: SqlUnitOfWorkFactory,
    clock: Clock,
    device_id: str,
    engine: Engine,
    where: Path,
    strict: bool,
) -> tuple[Shop, list[str]]:
    """The shop wired to its key file, after checking the file against the database's memory of it."""
    try:
        found = CardKeyFile.find(where)
    except BadInstallation as exc:
        if strict:
            raise
        found, problems = None, [exc.message]
    else:
        with uow(write=False) as unit:
            known = keys.remembered(unit)
        present = found.fingerprints() if found else None
        if strict:
            keys.refuse_unless_fits(known, present, str(where))
        problems = keys.key_problems(known, present, str(where))
        if found is None and not problems:
            found = CardKeyFile.create(where)  # a new installation: its first keys
    housekeeping = SqlHousekeeping(engine)
    if found is None or problems:
        unusable = BadInstallation(
            problems[0], code="card_keys_missing", reason="card_keys_unusable", folder=str(where)
        )
        stand_in = MissingKeys(unusable)
        reports, reads = SqlReportSource(engine, clock), SqlReadModels(engine)
        return Shop(
            uow, clock, stand_in, device_id, stand_in, reports, reads, housekeeping
        ), problems
    seal = FileAuditSeal(found.audit_key, where, device_id)
    reports, reads = SqlReportSource(engine, clock), SqlReadModels(engine)
    shop = Shop(uow, clock, found, device_id, seal, reports, reads, housekeeping)
    keys.adopt(shop, found.fingerprints(), new_audit_key=found.audit_key_new)
    return shop, []
