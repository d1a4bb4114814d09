"""Running ``loyalty-desktop`` as a real process, as a shop PC's launcher would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

_LAUNCH = (
    "import sys; sys.argv[0] = 'loyalty-desktop'; "
    "from loyalty_desktop.entry import desktop_main; desktop_main()"
)


def desktop(
    *args: str, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """``loyalty-desktop ARGS`` in a fresh interpreter with this test's folders; waits for it."""
    return subprocess.run(
        [sys.executable, "-c", _LAUNCH, *args],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def spawn(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """``loyalty-desktop ARGS`` started and left running (the caller ends it)."""
    return subprocess.Popen(
        [sys.executable, "-c", _LAUNCH, *args],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def log_dir() -> Path:
    """The log folder the tests point the program at."""
    return Path(os.environ["LOYALTY_LOG_DIR"])
