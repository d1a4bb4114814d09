"""The unit of work: one connection, one transaction, every repository on it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import TracebackType

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError, IntegrityError

from loyalty_desktop.db.errors import storage_errors, storage_refusal
from loyalty_desktop.db.repositories.ledger import SqlLedger
from loyalty_desktop.db.repositories.member_events import SqlMemberEvents
from loyalty_desktop.db.repositories.members import SqlMembers
from loyalty_desktop.db.repositories.offers import SqlOffers
from loyalty_desktop.db.repositories.products import SqlProducts
from loyalty_desktop.db.repositories.records import (
    SqlAudit,
    SqlOutbox,
    SqlPrograms,
    SqlSettings,
    SqlStaff,
)
from loyalty_desktop.db.repositories.sales import SqlSales
from loyalty_desktop.db.repositories.surveys import SqlSurveys
from loyalty_desktop.services.ports import Conflict


def is_unique_violation(exc: IntegrityError) -> bool:
    """Whether an integrity error is a taken unique key (a concurrent writer won), not a broken reference."""
    text = str(exc.orig)
    code = getattr(exc.orig, "sqlstate", None)
    return code == "23505" or "UNIQUE constraint failed" in text


class SqlUnitOfWork:
    """Repositories sharing one transaction; leaving without ``commit`` rolls everything back."""

    members: SqlMembers
    ledger: SqlLedger
    sales: SqlSales
    programs: SqlPrograms
    staff: SqlStaff
    outbox: SqlOutbox
    audit: SqlAudit
    settings: SqlSettings
    products: SqlProducts
    member_events: SqlMemberEvents
    surveys: SqlSurveys
    offers: SqlOffers

    def __init__(self, engine: Engine, *, write: bool = True, durable: bool = True) -> None:
        self.engine = engine
        self.write = write
        self.durable = durable
        self.conn: Connection | None = None
        self._after_commit: list[Callable[[], None]] = []

    def __enter__(self) -> SqlUnitOfWork:
        with storage_errors():
            return self._begin()

    def _begin(self) -> SqlUnitOfWork:
        conn = self.engine.connect()
        if self.engine.dialect.name == "sqlite":
            conn = conn.execution_options(
                sqlite_begin="IMMEDIATE" if self.write else "DEFERRED",
                sqlite_durable=self.durable,
            )
        self.conn = conn
        self.tx = conn.begin()
        self.members = SqlMembers(conn)
        self.ledger = SqlLedger(conn)
        self.sales = SqlSales(conn)
        self.programs = SqlPrograms(conn)
        self.staff = SqlStaff(conn)
        self.outbox = SqlOutbox(conn)
        self.audit = SqlAudit(conn)
        self.settings = SqlSettings(conn)
        self.products = SqlProducts(conn)
        self.member_events = SqlMemberEvents(conn)
        self.surveys = SqlSurveys(conn)
        self.offers = SqlOffers(conn)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self.conn is not None
        self._after_commit = []
        try:
            if self.tx.is_active:
                self.tx.rollback()
        except DBAPIError:
            if exc is None:
                raise
        finally:
            self.conn.close()
        if isinstance(exc, IntegrityError) and is_unique_violation(exc):
            raise Conflict(str(exc.orig)) from exc
        if isinstance(exc, DBAPIError) or (isinstance(exc, OverflowError) and "SQLite" in str(exc)):
            raise storage_refusal(exc) from exc

    def commit(self) -> None:
        """Commit; a taken unique key becomes ``Conflict``. Then run what waited for the commit."""
        try:
            self.tx.commit()
        except IntegrityError as exc:
            if is_unique_violation(exc):
                raise Conflict(str(exc.orig)) from exc
            raise storage_refusal(exc) from exc
        except DBAPIError as exc:
            raise storage_refusal(exc) from exc
        waiting, self._after_commit = self._after_commit, []
        for action in waiting:
            action()

    def after_commit(self, action: Callable[[], None]) -> None:
        """Run ``action`` after the commit (dropped if the unit of work rolls back)."""
        self._after_commit.append(action)

    def rollback(self) -> None:
        """Throw every change away."""
        self.tx.rollback()

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """A SAVEPOINT: what is written inside is rolled back alone if it raises."""
        assert self.conn is not None
        with storage_errors():
            saved = self.conn.begin_nested()
        try:
            yield
            with storage_errors():
                saved.commit()  # RELEASE: checks nothing (constraints are checked per row)
        except BaseException as exc:
            if saved.is_active:
                saved.rollback()
            if isinstance(exc, IntegrityError) and is_unique_violation(exc):
                raise Conflict(str(exc.orig)) from exc
            if isinstance(exc, DBAPIError) or (
                isinstance(exc, OverflowError) and "SQLite" in str(exc)
            ):
                raise storage_refusal(exc) from exc
            raise


class SqlUnitOfWorkFactory:
    """Opens units of work on one engine."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def __call__(self, *, write: bool = True, durable: bool = True) -> SqlUnitOfWork:
        """A new unit of work; ``write`` takes SQLite's write lock at BEGIN.

        ``durable=False`` commits without waiting for the disk (SQLite
        ``synchronous=NORMAL`` for that transaction): still all or nothing, but a
        power cut may lose it. PostgreSQL ignores it.
        """
        return SqlUnitOfWork(self.engine, write=write, durable=durable)
