"""Bringing the server's database to the newest schema (its own Alembic history and version table)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS = Path(__file__).with_name("migrations")


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    """The newest server schema revision."""
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def upgrade(engine: Engine, to: str = "head") -> str:
    """Migrate the server database to the newest schema (or to revision ``to``); returns it."""
    config = _config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, to)
    return head_revision() if to == "head" else to


def downgrade(engine: Engine, to: str) -> None:
    """Take the server database back to revision ``to`` (what each migration's downgrade does)."""
    config = _config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, to)
