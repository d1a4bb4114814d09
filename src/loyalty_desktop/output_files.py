"""Writing export files (``--out``) without ever destroying the shop's data.

An export never overwrites an existing file unless asked to (``force``), and
never, even then, the database, its journal and write-ahead log, its backups,
the key files, or anything that is a SQLite database: a mistyped ``--out``
must not cost a shop its members. The file is written beside its target and
renamed into place, so a crash leaves either the old file or the whole new one.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterable
from pathlib import Path

from loyalty_desktop.domain.errors import BadFile

_SQLITE_HEADER = b"SQLite format 3\x00"
_NEVER_NAMES = ("card-keys.json", "audit-heads.json")


def kept_for_itself(name: str) -> bool:
    """Key files, head files and the copies the program keeps of them, and database journals.

    In any letter case: Windows and macOS file systems ignore it (CARD-KEYS.JSON is the key file).
    """
    folded = name.casefold()
    never = tuple(n.casefold() for n in _NEVER_NAMES)
    return folded.startswith(never) or folded.endswith(("-wal", "-shm", "-journal"))


def same_file(target: Path, protected: Path) -> bool:
    """Whether ``target`` is ``protected`` under any name: links followed, letter case as the system compares."""
    try:
        if os.path.normcase(target.resolve()) == os.path.normcase(protected.resolve()):
            return True
        return target.exists() and protected.exists() and os.path.samefile(target, protected)
    except OSError:
        return False


def _is_database(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(_SQLITE_HEADER)) == _SQLITE_HEADER
    except OSError:
        return False


def check_target(path: Path, *, force: bool, protected: Iterable[Path]) -> Path:
    """The path to write to, or a refusal saying why it may not be written."""
    target = path.expanduser()
    for kept in protected:
        if same_file(target, kept):
            raise BadFile(
                f"{path} is the shop's own {describe_kept(kept)}; it is never overwritten by an "
                "export. Choose another file name.",
                code="protected_file",
                file=str(path),
                file_kind=describe_kept(kept),
            )
    if kept_for_itself(target.name):
        raise BadFile(
            f"{path} is a file the program keeps for itself",
            code="protected_file",
            reason="protected_file_name",
            file=str(path),
        )
    if target.is_dir():
        raise BadFile(
            f"{path} is a folder; give a file name",
            code="bad_file",
            reason="out_is_folder",
            file=str(path),
        )
    if target.exists() or target.is_symlink():
        if _is_database(target):
            raise BadFile(
                f"{path} is a database; an export never overwrites one, not even with --force",
                code="protected_file",
                reason="out_is_database",
                file=str(path),
            )
        if not force:
            raise BadFile(
                f"{path} already exists; give --force to replace it, or choose another name",
                code="file_exists",
                file=str(path),
            )
    return target


def describe_kept(kept: Path) -> str:
    """What one of the shop's own files is, in words for a refusal."""
    name = kept.name
    if name.endswith(("-wal", "-shm", "-journal")):
        return "database journal"
    if ".backup-" in name:
        return "database backup"
    if name.startswith(_NEVER_NAMES):
        return "key file"
    return "database"


def write_new_file(
    path: Path, data: bytes | str, *, force: bool = False, protected: Iterable[Path] = ()
) -> Path:
    """Write ``data`` to ``path`` whole or not at all, refusing what ``check_target`` refuses.

    Without ``force`` the file must not exist, also at the very moment it is
    put in place (another program creating it meanwhile wins).
    """
    target = check_target(path, force=force, protected=list(protected))
    body = data.encode("utf-8") if isinstance(data, str) else data
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        with temporary.open("xb") as handle:
            handle.write(body)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        raise BadFile(
            f"cannot write {path}: {exc.strerror or exc}",
            code="bad_file",
            reason="out_write_failed",
            file=str(path),
        ) from None
    try:
        if force:
            os.replace(temporary, target)
        else:
            _put_new(temporary, target, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
    return target.resolve()


def put_new(temporary: Path, target: Path) -> None:
    """Move a file written beside ``target`` into place, only if nothing is there yet."""
    _put_new(temporary, target, target)


def _put_new(temporary: Path, target: Path, shown: Path) -> None:
    """Move the written file into place only if nothing is there (atomic where links exist)."""
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise BadFile(
            f"{shown} was created by someone else meanwhile; nothing was overwritten",
            code="file_exists",
            reason="out_created_meanwhile",
            file=str(shown),
        ) from None
    except OSError:  # a file system without hard links (FAT on a USB stick)
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            raise BadFile(f"{shown} already exists", code="file_exists", file=str(shown)) from None
        os.close(fd)
        os.replace(temporary, target)
