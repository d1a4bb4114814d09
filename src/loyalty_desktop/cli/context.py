"""What every command handler shares: the database opened on first use, file reading and writing, refusals."""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Callable
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import Any

from loyalty_desktop.app import Opened, open_database
from loyalty_desktop.domain.errors import InvalidRequest
from loyalty_desktop.domain.moments import parse_moment
from loyalty_desktop.output_files import check_target, write_new_file
from loyalty_desktop.services import programs, staff
from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.csv_files import read_bytes


class Refused(Exception):
    """A refusal found by the command line itself (an unreadable file, a feature not here yet)."""

    def __init__(self, code: str, message: str, *, reason: str | None = None, **extra: Any) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.reason = reason or code
        self.extra = extra


GuiLauncher = Callable[[Shop, bool, str], int]  # (shop, is the demo, database) -> exit code


class Context:
    """The database the command works on, opened on first use, and who is asking."""

    def __init__(
        self,
        db: str | None,
        as_json: bool,
        staff: str | None = None,
        *,
        strict_keys: bool = True,
        gui: GuiLauncher | None = None,
    ) -> None:
        self.gui = gui
        self.db = db
        self.as_json = as_json
        self.staff = staff
        self.strict_keys = strict_keys

    @cached_property
    def opened(self) -> Opened:
        """The opened (created or migrated) database."""
        return open_database(self.db, strict_keys=self.strict_keys)

    @property
    def shop(self) -> Shop:
        """The services' context."""
        return self.opened.shop

    @cached_property
    def actor(self) -> Actor:
        """The signed-in staff member (``--staff``), or who an unsigned request runs as."""
        if self.staff is None:
            return staff.unsigned_actor(self.shop)
        return staff.sign_in(self.shop, self.staff, read_pin(f"PIN for {self.staff}: "))

    def check_out(self, path: str, *, force: bool) -> None:
        """Refuse an ``--out`` file that may not be written, before any work is done."""
        check_target(Path(path), force=force, protected=self.opened.protected_files())

    def write_out(self, path: str, data: bytes | str, *, force: bool) -> Path:
        """Write an ``--out`` file whole, never over the shop's own files (see ``output_files``)."""
        return write_new_file(
            Path(path), data, force=force, protected=self.opened.protected_files()
        )

    def close(self) -> None:
        """Release the database connections, if the command opened any."""
        if "opened" in self.__dict__:
            self.opened.engine.dispose()

    def moment(self, text: str | None, field: str = "at") -> datetime | None:
        """An ``--at``/``--from`` value in the shop's time zone, or None for now."""
        if text is None:
            return None
        with self.shop.uow(write=False) as uow:
            _, program = programs.program_in_force(uow)
        return parse_moment(text, program.timezone, field=field)


def read_pin(prompt: str) -> str:
    """A PIN from ``LOYALTY_PIN``, else a prompt at a terminal, else one line of standard input."""
    pin = os.environ.get("LOYALTY_PIN")
    if pin:
        return pin
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    line = sys.stdin.readline()
    if not line.strip():
        raise InvalidRequest(
            f"{prompt.strip().rstrip(':')} is missing: give it on standard input "
            "(echo 1234 | loyalty --staff NAME ...) or in LOYALTY_PIN",
            reason="pin_missing",
            field="pin",
        )
    return line.strip()


# A programme file is a page or two of TOML; anything bigger is a mistake.
MAX_PROGRAMME_BYTES = 1024**2


def read_text(path: str, what: str) -> str:
    """A small text file's contents (UTF-8, with or without BOM), or a clear refusal."""
    data = read_bytes(Path(path), limit=MAX_PROGRAMME_BYTES, what=what)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Refused(
            "bad_file", f"{what} {path} is not UTF-8 text", reason="file_not_utf8", file=path
        ) from None


class NotOk(Exception):
    """A command whose result is its own verdict (``check``): printed whole, exit 1."""

    def __init__(self, result: dict[str, Any]) -> None:
        super().__init__("not ok")
        self.result = result


class AlreadyPrinted(Exception):
    """The command wrote its own output (CSV on standard output)."""
