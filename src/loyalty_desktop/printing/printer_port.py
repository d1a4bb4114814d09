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
  are refused, as for ``--out``.
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
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.output_files import check_target

RAW_PORT = 9100
TIMEOUT_SECONDS = 5.0
_WINDOWS_DEVICE = re.compile(r"^(\\\\\.\\)?(COM\d+|LPT\d|PRN)$", re.IGNORECASE)


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


def _send_path(data: bytes, target: str, timeout: float, protected: Iterable[Path]) -> None:
    path = Path(target).expanduser()
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise _opening_failed(target, exc) from None
    if mode is not None and (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        _send_device(data, path, target, timeout)
        return
    if mode is None and str(path).startswith("/dev/"):
        raise _opening_failed(target, FileNotFoundError())  # an unplugged USB printer
    checked = check_target(path, force=True, protected=list(protected))
    try:
        with checked.open("ab") as file:
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
