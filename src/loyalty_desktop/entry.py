"""The console scripts: ``loyalty`` and ``loyalty-desktop``, with the desktop application plugged into ``gui``.

The command line knows nothing of Qt; this module hands it the launcher, and
Qt is imported only when ``gui`` runs.
"""

from __future__ import annotations

import sys

from loyalty_desktop.cli.main import run
from loyalty_desktop.services.context import Shop


def _gui(shop: Shop, demo: bool) -> int:
    from loyalty_desktop.ui.launch import run_gui  # Qt loads only for the window

    return run_gui(shop, demo)


def main() -> None:
    """Console script ``loyalty``."""
    sys.exit(run(sys.argv[1:], gui=_gui))


def desktop_main() -> None:
    """Console script ``loyalty-desktop``: the same as ``loyalty gui``."""
    sys.exit(run(["gui", *sys.argv[1:]], gui=_gui))
