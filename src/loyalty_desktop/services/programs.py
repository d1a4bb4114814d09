"""Loading and reading the loyalty programme; every version is kept so old sales replay their rules."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from loyalty_desktop.domain.errors import BadFile, BadProgram
from loyalty_desktop.domain.program import Program
from loyalty_desktop.domain.program_file import parse_program
from loyalty_desktop.domain.program_writer import write_program
from loyalty_desktop.output_files import write_new_file
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.csv_files import read_bytes
from loyalty_desktop.services.events import program_loaded_event
from loyalty_desktop.services.journal import publish, write_audit
from loyalty_desktop.services.ports import UnitOfWork
from loyalty_desktop.services.read_models import AuditFilter

# The setting that names the central server while this till is connected (services/sync.py).
SYNC_SERVER = "sync.server"
DEFAULT_PROGRAM_ID = 0  # the built-in defaults, in force until a programme file is loaded
_LOAD = "program.load"  # the audit's action for a new version


@lru_cache(maxsize=32)
def _parsed(text: str) -> Program:
    # Stored texts were checked when loaded; parsing is pure, so a memo is safe.
    return parse_program(text, "<stored programme>")


def program_in_force(uow: UnitOfWork) -> tuple[int, Program]:
    """The newest programme and its version id."""
    current = uow.programs.current()
    if current is None:
        return DEFAULT_PROGRAM_ID, Program()
    program_id, text = current
    return program_id, _parsed(text)


def program_version(uow: UnitOfWork, program_id: int) -> Program:
    """The programme a sale was posted under."""
    if program_id == DEFAULT_PROGRAM_ID:
        return Program()
    text = uow.programs.text(program_id)
    if text is None:
        raise LookupError(f"programme version {program_id} is missing")
    return _parsed(text)


def program_digest(uow: UnitOfWork, program_id: int) -> str | None:
    """The SHA-256 (hex) of the text of a programme version, as its ``program.loaded`` sent it.

    The built-in defaults are sent written out (``publish_programs``). None if the
    version is missing.
    """
    if program_id == DEFAULT_PROGRAM_ID:
        return _digest(_defaults_text())
    current = uow.programs.current()  # a sale's is the one in force: the prepared read
    text = current[1] if current and current[0] == program_id else uow.programs.text(program_id)
    return _digest(text) if text is not None else None


@lru_cache(maxsize=32)
def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def _defaults_text() -> str:
    return write_program(Program())


@dataclass(frozen=True)
class ProgramVersion:
    """A programme and the version number it is stored under."""

    version: int
    program: Program


def load_program(shop: Shop, actor: Actor, text: str, source: str) -> ProgramVersion:
    """Check a programme file and put it in force; a bad file changes nothing."""
    require(actor, Permission.PROGRAM)
    program = parse_program(text, source)
    with shop.uow() as uow:
        _, current = program_in_force(uow)
        if program.currency != current.currency and uow.sales.any():
            raise BadProgram(
                f"{source}: currency: sales were recorded in {current.currency.code}; "
                f"changing to {program.currency.code} would change what every stored amount "
                "means. Start a new database for a new currency.",
                key="currency",
                code="currency_change",
                recorded=current.currency.code,
                wanted=program.currency.code,
            )
        at = shop.clock.now()
        program_id = uow.programs.add(text, at)
        write_audit(uow, shop, actor, _LOAD, f"program:{program_id}", None, {"source": source}, at)
        if uow.settings.get(SYNC_SERVER):  # the server recomputes sales' points from it
            publish(uow, shop.device_id, program_loaded_event(program_id, text, at))
        uow.commit()
    return ProgramVersion(program_id, program)


def show_program(shop: Shop, actor: Actor) -> ProgramVersion:
    """The programme in force, every key filled in."""
    require(actor, Permission.VIEW_PROGRAM)
    with shop.uow(write=False) as uow:
        program_id, program = program_in_force(uow)
    return ProgramVersion(program_id, program)


def publish_programs(uow: UnitOfWork, shop: Shop) -> None:
    """Queue every programme version for the server (``sync connect``), in the caller's transaction.

    Programmes loaded while not connected (or before tills sent programmes) go now, oldest
    version to newest, so the server can check the points of every sale still queued,
    whichever version it was made under (the pump sends programme events ahead of the
    queue, ``db/sync_queue.py``); one loaded while connected goes with ``load_program``.
    A version the server has already is kept once. The built-in defaults go only while no
    file was ever loaded: sales made under them before the first file stay unchecked.
    """
    now = shop.clock.now()
    versions = uow.programs.versions() or [(DEFAULT_PROGRAM_ID, _defaults_text())]
    for program_id, text in versions:
        publish(uow, shop.device_id, program_loaded_event(program_id, text, now))


@dataclass(frozen=True)
class ProgramFile:
    """The programme file in force, as text, and its version (0: the built-in defaults)."""

    version: int
    text: str


def export_program(shop: Shop, actor: Actor) -> ProgramFile:
    """The programme file in force, exactly as it was loaded (the defaults written out if none was)."""
    require(actor, Permission.PROGRAM)
    with shop.uow(write=False) as uow:
        current = uow.programs.current()
    if current is None:
        return ProgramFile(DEFAULT_PROGRAM_ID, write_program(Program()))
    return ProgramFile(*current)


@dataclass(frozen=True)
class LoadedVersion:
    """One programme version: when it was loaded, by whom, from where, and whether it is in force."""

    version: int
    loaded_at: datetime
    loaded_by: str
    source: str
    in_force: bool


def program_versions(shop: Shop, actor: Actor, limit: int = 100) -> tuple[LoadedVersion, ...]:
    """The newest programme versions first, as the audit log records their loading."""
    require(actor, Permission.PROGRAM)
    with shop.uow(write=False) as uow:
        current = uow.programs.current()
    in_force = current[0] if current else DEFAULT_PROGRAM_ID
    rows = shop.reads.audit(AuditFilter(action=_LOAD), None, limit)
    found = []
    for row in rows:
        if row.action != _LOAD or not row.subject.startswith("program:"):
            continue
        version = int(row.subject.removeprefix("program:"))
        try:
            source = str(json.loads(row.details).get("source", ""))
        except (ValueError, AttributeError):
            source = ""
        found.append(LoadedVersion(version, row.at, row.actor, source, version == in_force))
    return tuple(found)


MAX_PROGRAM_BYTES = 1024**2  # a programme file is a page or two; anything bigger is a mistake


def read_program_file(actor: Actor, path: Path) -> tuple[str, Program]:
    """A programme file's text and programme, checked but not loaded (the back office's import)."""
    require(actor, Permission.PROGRAM)
    data = read_bytes(path, limit=MAX_PROGRAM_BYTES, what="programme file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BadFile(
            f"programme file {path} is not UTF-8 text",
            reason="file_not_utf8",
            file=str(path),
        ) from None
    return text, parse_program(text, path.name)


def write_program_file(shop: Shop, actor: Actor, path: Path, program: Program) -> Path:
    """Write ``program`` as its file at ``path`` (the person already agreed to replace it).

    Never over the shop's own database, journals, backups or key files.
    """
    require(actor, Permission.PROGRAM)
    return write_new_file(path, write_program(program), force=True, protected=shop.own_files())
