"""Sending a print job's bytes to a receipt printer: a device, a file, or a network printer's raw port.

A printer that is off, unplugged, out of paper or unreachable is an everyday
event at a till, not a crash: every way of failing is a
:class:`PrinterUnavailable` saying what to check, and no attempt waits longer
than its timeout. Targets:

- ``tcp://HOST[:PORT]``: a network printer's raw port (9100 unless given);
- a device: ``/dev/usb/lp0``, ``/dev/ttyUSB0``, ``COM3`` (or with its device prefix), ``LPT1``;
- any other path: a file that takes the place of a printer, each job added at
  its end (as a printer device takes them). The shop's own files (``protected``:
  the database, its journal, backups and key files) and any SQLite database
  are refused, as for ``--out``, also under another name: a symbolic or hard
  link to one of them, or its name in other letter case (Windows and macOS
  file systems ignore case). A disk (block device) is never a printer.

A target with a control character (a NUL or a line break from a damaged
settings file) names no printer and is refused as such before anything is
opened.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import select
import socket
import stat
import time
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

from loyalty_desktop.domain.errors import BadFile, LoyaltyError
from loyalty_desktop.output_files import check_target, describe_kept, kept_for_itself, same_file

RAW_PORT = 9100
TIMEOUT_SECONDS = 5.0
_WINDOWS_DEVICE = re.compile(r"^(\\\\\.\\)?(COM\d+|LPT\d|PRN)$", re.IGNORECASE)
# Control, format, separator and surrogate characters: never part of a name a printer goes by.
_NOT_IN_A_NAME = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})


class PrinterUnavailable(LoyaltyError):
    """The receipt could not be handed to the printer; nothing was printed (or only part)."""

    code = "printer_unavailable"


def send_to_printer(
    data: bytes,
    target: str,
    *,
    timeout: float = TIMEOUT_SECONDS,
    protected: Iterable[Path] = (),
) -> None:
    """Hand ``data`` to the printer named by ``target`` (see the module's list), within ``timeout`` seconds.

    Raises:
        PrinterUnavailable: the printer is missing, refuses, does not answer or cannot be written.
        BadFile: a path that is one of the shop's own files or a database.
    """
    cleaned = target.strip()
    if not cleaned:
        raise PrinterUnavailable(
            "no printer given", reason="printer_target_invalid", field="printer", target=target
        )
    if any(unicodedata.category(char) in _NOT_IN_A_NAME for char in cleaned):
        shown = _escaped(cleaned)
        raise PrinterUnavailable(
            f"{shown} is not a printer: it holds a control character (a damaged setting?)",
            reason="printer_target_invalid",
            field="printer",
            target=shown,
        )
    if cleaned.lower().startswith("tcp://"):
        _send_tcp(data, cleaned, timeout)
    elif _WINDOWS_DEVICE.match(cleaned):
        _send_windows_device(data, cleaned)
    else:
        _send_path(data, cleaned, timeout, protected)


def _send_tcp(data: bytes, target: str, timeout: float) -> None:
    try:
        parts = urlsplit(target)
        host, port, rest = parts.hostname, parts.port or RAW_PORT, parts.path
    except ValueError:  # a port that is not a number from 0 to 65535
        host, port, rest = None, RAW_PORT, ""
    if not host or rest not in ("", "/"):
        raise PrinterUnavailable(
            f"{target} is not a printer address; write it as tcp://host:port",
            reason="printer_target_invalid",
            field="printer",
            target=target,
        )
    shown = f"{host}:{port}"
    try:
        with socket.create_connection((host, port), timeout=timeout) as connection:
            connection.settimeout(timeout)
            connection.sendall(data)
            with contextlib.suppress(OSError):  # the printer may have closed its side already
                connection.shutdown(socket.SHUT_WR)
    except socket.gaierror:
        raise PrinterUnavailable(
            f"no printer is known by the name {host}",
            reason="printer_unknown_host",
            field="printer",
            target=host,
        ) from None
    except TimeoutError:
        raise _timed_out(shown, timeout) from None
    except ConnectionRefusedError:
        raise PrinterUnavailable(
            f"the printer at {shown} refused the connection; check that it is on and that "
            f"{port} is its raw printing port",
            reason="printer_refused",
            field="printer",
            target=shown,
        ) from None
    except OSError as exc:
        raise _failed(shown, exc) from None


def _timed_out(shown: str, timeout: float) -> PrinterUnavailable:
    seconds = f"{timeout:g}"
    return PrinterUnavailable(
        f"the printer at {shown} did not answer within {seconds} seconds; check that it is "
        "on, has paper and is connected",
        reason="printer_timeout",
        field="printer",
        target=shown,
        seconds=seconds,
    )


def _failed(shown: str, exc: OSError) -> PrinterUnavailable:
    problem = exc.strerror or type(exc).__name__
    return PrinterUnavailable(
        f"the receipt could not be sent to {shown} ({problem})",
        reason="printer_failed",
        field="printer",
        target=shown,
        problem=problem,
    )


def _opening_failed(target: str, exc: OSError) -> PrinterUnavailable:
    if isinstance(exc, FileNotFoundError):
        return PrinterUnavailable(
            f"no printer at {target}; check that it is plugged in and switched on",
            reason="printer_not_found",
            field="printer",
            target=target,
        )
    if isinstance(exc, PermissionError):
        return PrinterUnavailable(
            f"this program may not write to {target} (on Linux, the user must be in the "
            "group that owns the printer, usually lp)",
            reason="printer_no_permission",
            field="printer",
            target=target,
        )
    if exc.errno in (errno.ENXIO, errno.ENODEV, errno.EBUSY, errno.EAGAIN):
        return PrinterUnavailable(
            f"the printer at {target} is not ready to take a receipt",
            reason="printer_not_ready",
            field="printer",
            target=target,
        )
    return _failed(target, exc)


def _send_windows_device(data: bytes, target: str) -> None:
    """A Windows port (``COM3``, ``LPT1``, with or without its device prefix), set up as Windows has it."""
    name = target if target.startswith("\\\\") else f"\\\\.\\{target}"
    try:
        with open(name, "wb", buffering=0) as port:
            port.write(data)
    except OSError as exc:
        raise _opening_failed(target, exc) from None


def _escaped(target: str) -> str:
    r"""``target`` with its control characters written out (``\x00``), so a message shows them."""
    return "".join(
        repr(char)[1:-1] if unicodedata.category(char) in _NOT_IN_A_NAME else char
        for char in target
    )


def _identity(path: Path) -> tuple[int, int] | None:
    """The file ``path`` is (its device and inode, links followed), or None if there is none."""
    try:
        found = os.stat(path)
    except (OSError, ValueError):
        return None
    return found.st_dev, found.st_ino


def _comparable(path: Path) -> str:
    """``path`` resolved (links followed) and in the letter case the file system compares."""
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError):  # a link loop
        resolved = path.absolute()
    return os.path.normcase(str(resolved))


def _refuse_the_shops_files(path: Path, target: str, protected: list[Path]) -> None:
    """Refuse ``path`` if it is one of the shop's files under any name (links, letter case).

    Raises:
        BadFile: it is a protected file, a link to one, or has the name of one.
    """
    here = _comparable(path)
    for kept in protected:
        if same_file(path, kept):
            raise BadFile(
                f"{target} is the shop's own {describe_kept(kept)}; a receipt is never written to it",
                code="protected_file",
                file=target,
                file_kind=describe_kept(kept),
            )
    # The name as typed and the name a symbolic link leads to, in any letter case.
    for name in {path.name, Path(here).name}:
        if kept_for_itself(name):
            raise BadFile(
                f"{target} is a file the program keeps for itself",
                code="protected_file",
                reason="protected_file_name",
                file=target,
            )


def _not_a_printer(target: str, what: str) -> PrinterUnavailable:
    return PrinterUnavailable(
        f"{target} is {what}, not a printer; give the printer's device, a file or tcp://host:port",
        reason="printer_target_invalid",
        field="printer",
        target=target,
    )


def _send_path(data: bytes, target: str, timeout: float, protected: Iterable[Path]) -> None:
    path = Path(target).expanduser()
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise _opening_failed(target, exc) from None
    except ValueError:  # a character no file name may hold
        raise _not_a_printer(_escaped(target), "no file name") from None
    if mode is not None and (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        _send_device(data, path, target, timeout)
        return
    if mode is not None and stat.S_ISBLK(mode):
        raise _not_a_printer(target, "a disk")
    if mode is not None and stat.S_ISSOCK(mode):
        raise _not_a_printer(target, "a socket")
    if mode is None and str(path).startswith("/dev/"):
        raise _opening_failed(target, FileNotFoundError())  # an unplugged USB printer
    kept = list(protected)
    _refuse_the_shops_files(path, target, kept)
    checked = check_target(path, force=True, protected=kept)
    kept_identities = {found for found in map(_identity, kept) if found is not None}
    try:
        with checked.open("ab") as file:
            # What was opened is checked again, not only the name: a link could have
            # been put in its place since (nothing is written to it then).
            opened = os.fstat(file.fileno())
            if (opened.st_dev, opened.st_ino) in kept_identities:
                raise BadFile(
                    f"{target} is one of the shop's own files; a receipt is never written to it",
                    code="protected_file",
                    reason="protected_file_name",
                    file=target,
                )
            if not stat.S_ISREG(opened.st_mode):
                raise _not_a_printer(target, "no file to add a receipt to")
            file.write(data)
    except PermissionError as exc:
        raise _opening_failed(target, exc) from None
    except OSError as exc:  # a folder that does not exist, a full disk
        raise _failed(target, exc) from None


def _send_device(data: bytes, path: Path, target: str, timeout: float) -> None:
    """Write to a printer device without blocking: a printer out of paper times out, never hangs."""
    if os.name == "nt":  # no non-blocking device files there (NUL is the only one a path finds)
        _send_windows_device(data, str(path))
        return
    deadline = time.monotonic() + timeout
    try:
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise _opening_failed(target, exc) from None
    try:
        sent = 0
        while sent < len(data):
            left = deadline - time.monotonic()
            if left <= 0:
                raise _timed_out(target, timeout)
            _, ready, _ = select.select([], [fd], [], left)
            if not ready:
                continue
            try:
                sent += os.write(fd, data[sent:])
            except BlockingIOError:
                continue
            except OSError as exc:
                raise _opening_failed(target, exc) from None
    finally:
        os.close(fd)
