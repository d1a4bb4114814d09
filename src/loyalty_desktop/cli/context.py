"""What every command handler shares: the database opened on first use, file reading and writing, refusals."""

from __future__ import annotations

from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import Any

from loyalty_desktop.app import Opened, open_database
from loyalty_desktop.domain.moments import parse_moment
from loyalty_desktop.services import programs


class Refused(Exception):
    """A refusal found by the command line itself (an unreadable file, a feature not here yet)."""

    def __init__(self, code: str, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.extra = extra


class Context:
    """The database the command works on, opened on first use."""

    def __init__(self, db: str | None, as_json: bool) -> None:
        self.db = db
        self.as_json = as_json

    @cached_property
    def opened(self) -> Opened:
        """The opened (created or migrated) database."""
        return open_database(self.db)

    @property
    def shop(self) -> Any:
        """The services' context."""
        return self.opened.shop

    def close(self) -> None:
        """Release the database connections, if the command opened any."""
        if "opened" in self.__dict__:
            self.opened.engine.dispose()

    def moment(self, text: str | None) -> datetime | None:
        """An ``--at``/``--from`` value in the shop's time zone, or None for now."""
        if text is None:
            return None
        with self.shop.uow(write=False) as uow:
            _, program = programs.program_in_force(uow)
        return parse_moment(text, program.timezone)


def read_text(path: str, what: str) -> str:
    """A text file's contents (UTF-8, with or without BOM), or a clear refusal."""
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise Refused("bad_file", f"{what} {path} does not exist") from None
    except UnicodeDecodeError:
        raise Refused("bad_file", f"{what} {path} is not UTF-8 text") from None
    except OSError as exc:
        raise Refused("bad_file", f"{what} {path} cannot be read: {exc.strerror}") from None


def write_file(path: str, data: bytes | str) -> Path:
    """Write text or bytes to ``path`` (folders made as needed), or refuse clearly."""
    target = Path(path).expanduser()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            target.write_bytes(data)
        else:
            target.write_text(data, encoding="utf-8")
    except (OSError, ValueError) as exc:
        raise Refused(
            "bad_file", f"cannot write {path}: {getattr(exc, 'strerror', None) or exc}"
        ) from None
    return target.resolve()


class AlreadyPrinted(Exception):
    """The command wrote its own output (CSV on standard output)."""
