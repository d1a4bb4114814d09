"""Backups of the shop's SQLite file: online copies while tills write, reading a candidate, putting one back.

Copies go through SQLite's online backup API on a connection of their own,
so a copy is one consistent moment of the database even while a sale commits.
A restore never copies bytes over the live file: the candidate is copied to a
temporary file beside the database, checked, and renamed into place after the
old database's write-ahead log was folded into it and removed, so nothing of
the old file's -wal or -shm can be applied to the new one.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine

from loyalty_desktop.db.migrate import head_revision, known_revisions
from loyalty_desktop.db.tables import metadata
from loyalty_desktop.domain.errors import BadDatabase, BadFile
from loyalty_desktop.output_files import check_target, put_new, same_file
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.ports import AuditEntry, BackupFacts, BackupFile, StaffFacts

FOLDER = "backups"
_JOURNALS = ("-wal", "-shm", "-journal")
_HEADER = b"SQLite format 3\x00"
_STAMP = "%Y%m%dT%H%M%SZ"
_NAMED = re.compile(r"\.backup-(?P<label>.+)-(?P<stamp>\d{8}T\d{6}Z?)(?:-\d+)?\.[^.]+$")
_WANTED_SETTINGS = ("device_id", "key_fingerprints", "till_rules")
# One step: in WAL mode the copy reads one snapshot while tills keep committing. In several
# steps, every commit by another connection in between would start the copy over.
_PAGES_PER_STEP = -1


def backups_folder(database: Path) -> Path:
    """The folder beside the database where its backups go."""
    return database.parent / FOLDER


def _fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` survive a power cut (not possible on Windows: skipped)."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _copy_online(source: Path, target: Path) -> None:
    """An online backup of ``source`` into the new file ``target`` (SQLite's backup API)."""
    reading = sqlite3.connect(source, timeout=30)
    try:
        writing = sqlite3.connect(target)
        try:
            reading.backup(writing, pages=_PAGES_PER_STEP)
            # A backup is a single file: it needs no -wal beside it to be whole.
            writing.execute("PRAGMA journal_mode=DELETE")
        finally:
            writing.close()
    finally:
        reading.close()
    with target.open("rb+") as handle:
        os.fsync(handle.fileno())


class SqliteBackups:
    """Backups of one SQLite database file, for the services' ``DatabaseBackups`` port."""

    def __init__(
        self,
        engine: Engine,
        database: Path,
        reopen: Callable[[], AbstractContextManager[Shop]],
        protected: Callable[[], list[Path]],
    ) -> None:
        self.engine = engine
        self.database = database
        self._reopen = reopen
        self._protected = protected

    def folder(self) -> Path:
        """The backups folder, made (private to this user, like the database) on first use."""
        folder = backups_folder(self.database)
        try:
            folder.mkdir(mode=0o700, exist_ok=True)
        except OSError as exc:
            raise BadFile(
                f"cannot make the backups folder {folder}: {exc.strerror or exc}",
                code="bad_file",
                reason="backup_folder_unwritable",
                folder=str(folder),
            ) from None
        return folder

    def listed(self) -> list[BackupFile]:
        """The backups in the folder, newest first."""
        folder = backups_folder(self.database)
        if not folder.is_dir():
            return []
        found = []
        for path in folder.iterdir():
            if path.name.startswith(".") or path.name.endswith(_JOURNALS) or not path.is_file():
                continue
            with contextlib.suppress(OSError):
                found.append(_described(path))
        return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)

    def make(self, label: str, at: datetime, target: Path | None = None) -> BackupFile:
        """Copy the database into a new file; never over an existing file or the shop's own."""
        if target is None:
            target = self._free_name(self.folder(), label, at)
        else:
            target = check_target(target, force=False, protected=self._protected())
        temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            _copy_online(self.database, temporary)
            put_new(temporary, target)
            _fsync_folder(target.parent)
        except sqlite3.Error as exc:
            raise BadDatabase(
                f"the database could not be copied: SQLite says {exc}",
                reason="backup_copy_failed",
                detail=str(exc),
            ) from None
        except OSError as exc:
            raise BadFile(
                f"cannot write the backup {target}: {exc.strerror or exc}",
                code="bad_file",
                reason="out_write_failed",
                file=str(target),
            ) from None
        finally:
            for leftover in (temporary, *(Path(f"{temporary}{end}") for end in _JOURNALS)):
                with contextlib.suppress(FileNotFoundError):
                    leftover.unlink()
        return replace_time(_described(target), at)

    def _free_name(self, folder: Path, label: str, at: datetime) -> Path:
        stem = f"{self.database.stem}.backup-{label}-{at.astimezone(UTC).strftime(_STAMP)}"
        target = folder / f"{stem}.db"
        number = 2
        while target.exists():
            target = folder / f"{stem}-{number}.db"
            number += 1
        return target

    def remove(self, backup: BackupFile) -> None:
        """Delete one backup file (only ever one inside the backups folder)."""
        if backup.path.parent.resolve() != backups_folder(self.database).resolve():
            raise BadFile(
                f"{backup.path} is not in the backups folder; it is not deleted",
                code="bad_file",
                reason="backup_outside_folder",
                file=str(backup.path),
            )
        backup.path.unlink(missing_ok=True)

    def inspect(self, path: Path) -> BackupFacts:
        """What the file is, read through a read-only connection (a copy is never changed)."""
        try:
            with path.open("rb") as handle:
                header = handle.read(len(_HEADER))
        except OSError as exc:
            raise BadFile(
                f"cannot read {path}: {exc.strerror or exc}",
                code="bad_file",
                reason="backup_unreadable",
                file=str(path),
            ) from None
        if header != _HEADER:
            return BackupFacts(False, (), None, False, (), {}, 0, ())
        try:
            return _facts(path)
        except sqlite3.DatabaseError as exc:
            return BackupFacts(True, (f"SQLite says {exc}",), None, False, (), {}, 0, ())

    def safety_target(self, at: datetime) -> Path:
        """A new name in the backups folder for the copy taken before a restore."""
        return self._free_name(self.folder(), "before-restore", at)

    def is_live(self, path: Path) -> bool:
        """Whether ``path`` is this database (links followed, letter case as the system compares)."""
        return same_file(path.expanduser(), self.database)

    @contextlib.contextmanager
    def staged(self, candidate: Path) -> Iterator[Path]:
        """A copy of ``candidate`` beside the database, as SQLite reads it; removed unless put in place.

        SQLite applies a -wal found beside a file when it opens it, so a check of
        the file alone could pass what the copy then brings in (an edited audit
        log, a newer schema). Everything is checked on this copy, and this copy
        is what a restore puts in place. A file SQLite cannot copy is copied as
        bytes, for the checks to say what is wrong with it.
        """
        folder = self.database.parent
        staged = folder / f".{self.database.name}.restore-{secrets.token_hex(4)}.tmp"
        try:
            try:
                with candidate.open("rb") as handle:  # never let SQLite create a missing file
                    header = handle.read(len(_HEADER))
                if header != _HEADER:
                    staged.write_bytes(header)  # not SQLite: its first bytes say so
                else:
                    try:
                        _copy_online(candidate, staged)
                    except sqlite3.DatabaseError:
                        _remove_with_journals(staged)
                        shutil.copyfile(candidate, staged)
            except OSError as exc:
                raise BadFile(
                    f"cannot read {candidate}: {exc.strerror or exc}",
                    code="bad_file",
                    reason="backup_unreadable",
                    file=str(candidate),
                ) from None
            yield staged
        finally:
            _remove_with_journals(staged)

    def replace_with(self, candidate: Path, safety: Path) -> None:
        """Close this program's connections, check nobody else has the file, swap in the staged copy.

        ``candidate`` is the copy ``staged`` made, already checked: it is beside
        the database, so the swap is a rename.
        """
        try:
            self.engine.dispose()  # this program's pooled connections
            self._swap(candidate, safety)
        except sqlite3.Error as exc:
            raise BadDatabase(
                f"the backup could not be put in place: SQLite says {exc}; nothing was changed",
                reason="backup_copy_failed",
                detail=str(exc),
            ) from None

    def _swap(self, staged: Path, safety: Path) -> None:
        live = self.database
        lock = sqlite3.connect(live, timeout=0, isolation_level=None)
        try:
            try:
                # Leaving WAL mode needs the only connection to the file: it fails while
                # another till has it open, and it folds the log into the file and removes it.
                mode = lock.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
                lock.execute("BEGIN IMMEDIATE")  # nobody writes until the copy is taken
            except sqlite3.OperationalError:
                mode = "busy"
            if str(mode).lower() != "delete":
                raise BadDatabase(
                    "another program (another till or the loyalty command) has the database "
                    "open; close it and restore again. Nothing was changed",
                    reason="restore_database_in_use",
                )
            safety.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(live, safety)  # in rollback mode the file alone is the database
            with safety.open("rb+") as handle:
                os.fsync(handle.fileno())
            lock.execute("ROLLBACK")
        finally:
            lock.close()
        for end in _JOURNALS:  # none should be left; any that is belongs to the old file
            with contextlib.suppress(FileNotFoundError):
                Path(f"{live}{end}").unlink()
        os.replace(staged, live)
        _fsync_folder(live.parent)

    def reopen(self) -> AbstractContextManager[Shop]:
        """The restored database, opened (migrated, keys checked) like at start-up."""
        return self._reopen()


def _remove_with_journals(path: Path) -> None:
    for leftover in (path, *(Path(f"{path}{end}") for end in _JOURNALS)):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()


def replace_time(backup: BackupFile, at: datetime) -> BackupFile:
    """The backup as made at ``at`` (the shop's clock), whatever the file system's clock says."""
    return BackupFile(backup.path, at, backup.size, backup.label)


def _described(path: Path) -> BackupFile:
    stat = path.stat()
    match = _NAMED.search(path.name)
    taken = datetime.fromtimestamp(stat.st_mtime, UTC)
    label = "other"
    if match:
        label = match["label"]
        stamp = match["stamp"].rstrip("Z")
        with contextlib.suppress(ValueError):
            taken = datetime.strptime(stamp, "%Y%m%dT%H%M%S").replace(tzinfo=UTC)
    return BackupFile(path, taken, stat.st_size, label)


def _integrity(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [str(r[0]) for r in conn.execute("PRAGMA integrity_check(20)")]
    finally:
        conn.close()


@contextlib.contextmanager
def _read_only(path: Path) -> Iterator[sqlite3.Connection]:
    # immutable: the candidate is never locked, changed, or given a -wal or -shm of its own.
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        yield conn
    finally:
        conn.close()


def _facts(path: Path) -> BackupFacts:
    with _read_only(path) as conn:
        problems = [str(r[0]) for r in conn.execute("PRAGMA integrity_check(20)")]
        if problems != ["ok"]:
            return BackupFacts(True, tuple(problems), None, False, (), {}, 0, ())
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        known = revision in known_revisions()
        expected = set(metadata.tables) if revision == head_revision() else _core_tables()
        missing = tuple(sorted(expected - tables))
        settings: dict[str, str] = {}
        members = 0
        entries: tuple[AuditEntry, ...] = ()
        people: tuple[StaffFacts, ...] = ()
        if known and not missing:
            wanted = ",".join("?" for _ in _WANTED_SETTINGS)
            settings = dict(
                conn.execute(
                    f"SELECT key, value FROM settings WHERE key IN ({wanted})",
                    _WANTED_SETTINGS,
                ).fetchall()
            )
            members = conn.execute("SELECT count(*) FROM members").fetchone()[0]
            entries = tuple(_audit_entries(conn))
            people = tuple(
                StaffFacts(str(name), str(role), bool(active), str(pin_hash))
                for name, role, active, pin_hash in conn.execute(
                    "SELECT name, role, active, pin_hash FROM staff"
                )
            )
    return BackupFacts(True, (), revision, known, missing, settings, members, entries, people)


def _core_tables() -> set[str]:
    """Tables every schema revision has had (an older backup lacks the newer ones)."""
    return {"members", "movements", "lots", "sales", "audit", "settings", "staff", "outbox"}


def _audit_entries(conn: sqlite3.Connection) -> Iterator[AuditEntry]:
    query = (
        "SELECT seq, at, actor, action, subject, reason, details, prev_hash, hash "
        "FROM audit ORDER BY seq"
    )
    for seq, at, actor, action, subject, reason, details, prev, sealed in conn.execute(query):
        yield AuditEntry(
            seq=int(seq),
            at=_utc(at),
            actor=actor,
            action=action,
            subject=subject,
            reason=reason,
            details=json.loads(details),
            prev_hash=prev,
            hash=sealed,
        )


def _utc(value: object) -> datetime:
    moment = datetime.fromisoformat(str(value))
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
