"""Wiring only: builds the object graph (database, migrations, keys, clock) for the CLI and the GUI."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError

from loyalty_desktop.db.engine import make_engine, sqlite_url
from loyalty_desktop.db.housekeeping import SqlHousekeeping
from loyalty_desktop.db.integrity import SqlIntegrity
from loyalty_desktop.db.migrate import upgrade
from loyalty_desktop.db.uow import SqlUnitOfWorkFactory
from loyalty_desktop.domain.errors import BadDatabase
from loyalty_desktop.installation import CardKeyFile, config_dir, default_db_path
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.ports import Clock
from loyalty_desktop.services.retry import once_more_on_conflict


def _device_id(uow: SqlUnitOfWorkFactory) -> str:
    """This installation's device id, made once; two programs opening a new database agree on one."""

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


def open_database(
    db: Path | str | None = None,
    *,
    clock: Clock | None = None,
    keys_dir: Path | None = None,
    synchronous: str = "FULL",
) -> Opened:
    """Open (creating or migrating) a SQLite file or a database URL and wire the services to it."""
    if isinstance(db, str) and "://" in db:
        url, path = db, None
    else:
        path = Path(db) if db is not None else default_db_path()
        path = path.expanduser().resolve()
        path.parent.mkdir(parents=True, exist_ok=True)
        url = sqlite_url(path)
    engine = make_engine(url, synchronous=synchronous)
    try:
        revision, backup = upgrade(engine, path)
        uow = SqlUnitOfWorkFactory(engine)
        device_id = _device_id(uow)
    except DatabaseError as exc:
        engine.dispose()
        raise BadDatabase(
            f"{path or url} cannot be opened as a loyalty database: {exc.orig}"
        ) from exc
    except BaseException:
        engine.dispose()
        raise
    shop = Shop(
        uow=uow,
        clock=clock or SystemClock(),
        card_keys=CardKeyFile.load(keys_dir or config_dir()),
        device_id=device_id,
        housekeeping=SqlHousekeeping(engine),
    )
    return Opened(shop, engine, SqlIntegrity(engine), str(path) if path else url, revision, backup)
