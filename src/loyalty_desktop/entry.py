"""The console scripts: ``loyalty`` and ``loyalty-desktop``, with the desktop application plugged into ``gui``.

The command line knows nothing of Qt; this module hands it the launcher, and
Qt is imported only when ``gui`` runs.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from typing import TextIO

from loyalty_desktop.cli.context import Refused
from loyalty_desktop.cli.main import run
from loyalty_desktop.installation import gui_database
from loyalty_desktop.services.context import Shop


def _gui(shop: Shop, demo: bool, database: str) -> int:
    from loyalty_desktop.ui.launch import run_gui  # Qt loads only for the window

    return run_gui(shop, demo, database)


def _gui_alone(shop: Shop, demo: bool, database: str) -> int:
    """``loyalty gui``: the window, under the same one-till-per-database lock as ``loyalty-desktop``."""
    from loyalty_desktop.ui.single_instance import AlreadyRunning, claim

    path = gui_database(database)
    try:
        lock = claim(path) if path is not None else None
    except AlreadyRunning as exc:  # started from a terminal: said there, exit 1
        raise Refused("already_running", exc.message) from None
    try:
        return _gui(shop, demo, database)
    finally:
        if lock is not None:
            lock.unlock()


def main() -> None:
    """Console script ``loyalty``."""
    sys.exit(run(sys.argv[1:], gui=_gui_alone))


def _db_option(argv: list[str]) -> str | None:
    """The value of ``--db PATH`` or ``--db=PATH``, if given."""
    for i, arg in enumerate(argv):
        if arg == "--db" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--db="):
            return arg.removeprefix("--db=")
    return None


def _with_shop(argv: list[str]) -> list[str] | None:
    """``argv`` naming the shop: as chosen, else the settings file's, else the first-run wizard's.

    None when the wizard was closed without making a shop.
    """
    from loyalty_desktop.first_start import needs_wizard, settings_database

    if _db_option(argv) is not None or "LOYALTY_DB" in os.environ:
        return argv
    if needs_wizard(None):
        from loyalty_desktop.ui.first_start_run import run_first_start

        made = run_first_start()
        return None if made is None else ["--db", made, *argv]
    known = settings_database()
    return ["--db", known, *argv] if known else argv


class _Tee(io.TextIOBase):
    """Standard error, also kept: a refused start is then told in a box, not only on a terminal."""

    def __init__(self, real: TextIO | None) -> None:
        super().__init__()
        # None in a windowed program (the Windows bundle): then the copy is all there is.
        self.real, self.text = real, io.StringIO()

    def write(self, text: str) -> int:
        """Write to the real stream, if there is one, and keep a copy."""
        self.text.write(text)
        if self.real is not None:
            self.real.write(text)
        return len(text)

    def flush(self) -> None:
        """Flush the real stream."""
        if self.real is not None:
            self.real.flush()


def desktop_main() -> None:
    """Console script ``loyalty-desktop``: the same as ``loyalty gui``; ``--self-test`` checks the install."""
    argv = sys.argv[1:]
    if "--self-test" in argv:
        from loyalty_desktop.ui.self_test import self_test

        sys.exit(self_test(_db_option(argv)))
    from loyalty_desktop.logs import start_logging
    from loyalty_desktop.ui.single_instance import AlreadyRunning, claim, refuse

    start_logging()
    shop_argv = _with_shop(argv)
    if shop_argv is None:
        sys.exit(0)  # the wizard was closed: nothing made, the next start asks again
    argv = shop_argv
    database = gui_database(_db_option(argv))
    try:
        lock = claim(database) if database is not None else None
    except AlreadyRunning as exc:
        sys.exit(refuse(exc))
    printed = _Tee(sys.stderr)
    try:
        with contextlib.redirect_stderr(printed):
            code = run(["gui", *argv], gui=_gui)
    finally:
        if lock is not None:
            lock.unlock()
    if code != 0 and printed.text.getvalue().strip():
        from loyalty_desktop.ui.start_refused import tell_refusal

        tell_refusal(printed.text.getvalue())
    sys.exit(code)
