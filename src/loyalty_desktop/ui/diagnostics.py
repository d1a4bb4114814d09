"""What support asks first: the program's and its libraries' versions, and where its files are."""

from __future__ import annotations

import platform
import sys
from importlib import metadata
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion

from loyalty_desktop import __version__
from loyalty_desktop.installation import config_dir, data_dir, default_db_path, log_dir

_LIBRARIES = ("SQLAlchemy", "alembic", "zxing-cpp", "qrcode", "pillow", "pandas", "numpy")


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "missing"


def facts(database: Path | str | None = None, revision: str | None = None) -> list[tuple[str, str]]:
    """(name, value) lines: versions first, then paths; plain text so support can read a paste."""
    frozen = bool(getattr(sys, "frozen", False))
    lines = [
        ("loyalty-desktop", __version__ + (" (bundle)" if frozen else "")),
        ("Python", platform.python_version()),
        ("Qt", qVersion()),
        ("PySide6", pyside_version),
        *((name, _version(name)) for name in _LIBRARIES),
        ("System", platform.platform()),
        ("Database", str(database or default_db_path())),
    ]
    if revision:
        lines.append(("Schema revision", revision))
    lines += [
        ("Data folder", str(data_dir())),
        ("Settings folder", str(config_dir())),
        ("Log folder", str(log_dir())),
        ("Program", sys.executable),
    ]
    return lines


def as_text(lines: list[tuple[str, str]]) -> str:
    """The lines as ``name: value`` text, one a line."""
    return "\n".join(f"{name}: {value}" for name, value in lines) + "\n"
