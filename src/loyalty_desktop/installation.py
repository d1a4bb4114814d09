"""Where this installation keeps things: the database file, the card-signing keys, its device id."""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from loyalty_desktop.domain.errors import InvalidRequest

APP_NAME = "loyalty-desktop"
KEY_FILE = "card-keys.json"


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


def default_db_path() -> Path:
    """``LOYALTY_DB`` if set, else ``loyalty.db`` in the data directory."""
    override = os.environ.get("LOYALTY_DB")
    return Path(override) if override else data_dir() / "loyalty.db"


@dataclass(frozen=True)
class CardKeyFile:
    """Card-signing keys kept outside the database, so a copied database cannot mint cards."""

    path: Path
    active_id: int
    _keys: Mapping[int, bytes]

    def keys(self) -> Mapping[int, bytes]:
        """Every key still accepted, by key id."""
        return self._keys

    @classmethod
    def load(cls, directory: Path) -> CardKeyFile:
        """Read the key file, creating it with a fresh random key the first time."""
        path = directory / KEY_FILE
        if not path.exists():
            _write(path, {"active": 1, "keys": {"1": secrets.token_hex(32)}}, exclusive=True)
        data = json.loads(path.read_text(encoding="utf-8"))
        keys = {int(k): bytes.fromhex(v) for k, v in data["keys"].items()}
        return cls(path, int(data["active"]), keys)

    def rotate(self) -> CardKeyFile:
        """Add a new key and sign new cards with it; cards signed with older keys stay valid."""
        new_id = next(i for i in range(10) if i not in self._keys) if len(self._keys) < 10 else None
        if new_id is None:
            raise InvalidRequest(
                "all ten card key ids are in use; cards must be reprinted before the keys can be retired",
                code="keys_exhausted",
            )
        keys = {**{k: v.hex() for k, v in self._keys.items()}, new_id: secrets.token_hex(32)}
        _write(self.path, {"active": new_id, "keys": {str(k): v for k, v in keys.items()}})
        return CardKeyFile.load(self.path.parent)


def _write(path: Path, data: object, *, exclusive: bool = False) -> None:
    """Write whole or not at all; ``exclusive`` leaves an existing file (another process won) alone."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(data, handle)
        handle.flush()
        os.fsync(handle.fileno())
    if not exclusive:
        os.replace(temporary, path)
        return
    try:
        os.link(temporary, path)
    except FileExistsError:
        pass
    finally:
        temporary.unlink()
