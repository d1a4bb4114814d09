"""Where this installation keeps things: the database file, the configuration and the log directories."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "loyalty-desktop"


def data_dir() -> Path:
    """The per-user data directory (``LOYALTY_DATA_DIR`` overrides it)."""
    override = os.environ.get("LOYALTY_DATA_DIR")
    return (
        Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    )


def config_dir() -> Path:
    """The per-user configuration directory (``LOYALTY_CONFIG_DIR`` overrides it)."""
    override = os.environ.get("LOYALTY_CONFIG_DIR")
    return (
        Path(override)
        if override
        else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    )


def machine_config_dir() -> Path:
    """The per-machine configuration directory of a shared till (``LOYALTY_MACHINE_CONFIG_DIR`` overrides it)."""
    override = os.environ.get("LOYALTY_MACHINE_CONFIG_DIR")
    return (
        Path(override)
        if override
        else Path(platformdirs.site_config_dir(APP_NAME, appauthor=False))
    )


def default_db_path() -> Path:
    """``LOYALTY_DB`` if set, else ``loyalty.db`` in the data directory."""
    override = os.environ.get("LOYALTY_DB")
    return Path(override) if override else data_dir() / "loyalty.db"


def log_dir() -> Path:
    """The per-user log directory (``LOYALTY_LOG_DIR`` overrides it)."""
    override = os.environ.get("LOYALTY_LOG_DIR")
    return (
        Path(override) if override else Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    )


def demo_db_path() -> Path:
    """The labelled demo shop a first start shows, in the data directory."""
    return data_dir() / "demo.db"


def starts_as_demo(chosen: str | None) -> bool:
    """Whether ``loyalty-desktop`` shows the demo shop: no database chosen and none made yet."""
    return chosen is None and "LOYALTY_DB" not in os.environ and not default_db_path().exists()


def gui_database(chosen: str | None) -> Path | None:
    """The SQLite file the desktop application will open (None for a server URL)."""
    if chosen is not None and "://" in chosen:
        return None
    if starts_as_demo(chosen):
        # Our own per-user folder: made now, so the one-till lock beside the demo database can
        # be taken on the very first start (a chosen shop's missing folder is never made).
        demo = demo_db_path()
        demo.parent.mkdir(parents=True, exist_ok=True)
        return demo
    return (Path(chosen) if chosen is not None else default_db_path()).expanduser().resolve()
