"""The installation's secrets, kept outside the database: card-signing keys and the audit key.

``card-keys.json`` in the configuration directory holds the keys member cards
are signed with and the key that seals the audit log, so a copied database
can neither mint cards nor rewrite its own history. ``audit-heads.json`` next
to it records the newest audit entry of each database (by device id), a
second place that shows when the newest entries were cut off.

The database stores only fingerprints of these keys: a lost or swapped key
file is a loud error with the way to restore it, never a silent new key.
"""

from __future__ import annotations

import dataclasses
import json
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from loyalty_desktop.domain.audit import entry_mac, fingerprint
from loyalty_desktop.domain.errors import BadInstallation, InvalidRequest
from loyalty_desktop.services.ports import KeyFingerprints

KEY_FILE = "card-keys.json"
HEADS_FILE = "audit-heads.json"
SECRETS_FILE = "secrets.json"
_MAX_KEYS = 10  # key ids are one digit in the card code


def _damaged(path: Path, why: str) -> BadInstallation:
    return BadInstallation(
        f"the key file {path} is damaged ({why}); restore it from your backup of the "
        "configuration directory",
        code="card_keys_damaged",
        file=str(path),
    )


@dataclass(frozen=True)
class CardKeyFile:
    """Card-signing keys and the audit key, as stored in the key file."""

    path: Path
    active_id: int
    _keys: Mapping[int, bytes]
    audit_key: bytes
    # The audit key was made just now (a new file, or one from before audit keys): only
    # then may a database's older, unkeyed audit log be sealed with it.
    audit_key_new: bool = False

    def keys(self) -> Mapping[int, bytes]:
        """Every card key still accepted, by key id."""
        return self._keys

    def fingerprints(self) -> KeyFingerprints:
        """One-way names of every key, for the database to remember."""
        return {
            "card": {str(k): fingerprint(v) for k, v in sorted(self._keys.items())},
            "audit": fingerprint(self.audit_key),
        }

    @classmethod
    def find(cls, directory: Path) -> CardKeyFile | None:
        """The key file in ``directory``; None if there is none; a refusal if it is damaged.

        A key file from before the audit key existed gets one added.
        """
        path = directory / KEY_FILE
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise _damaged(path, exc.strerror or "unreadable") from None
        try:
            data = json.loads(raw.decode("utf-8"))
            keys = {int(k): bytes.fromhex(v) for k, v in data["keys"].items()}
            active = int(data["active"])
            audit = bytes.fromhex(data["audit"]) if "audit" in data else None
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError, OverflowError):
            # OverflowError: a number too big for a float (1e400) read as infinity.
            raise _damaged(path, "not the JSON this program writes") from None
        if active not in keys or any(
            not 0 <= k < _MAX_KEYS or len(v) < 16 for k, v in keys.items()
        ):
            raise _damaged(path, "its keys are incomplete")
        made = audit is None
        if audit is None:
            audit = secrets.token_bytes(32)
            _write(path, {**data, "audit": audit.hex()})
        elif len(audit) < 16:
            raise _damaged(path, "its audit key is too short")
        return cls(path, active, keys, audit, made)

    @classmethod
    def create(cls, directory: Path) -> CardKeyFile:
        """A new key file with fresh random keys (another program creating one at once wins)."""
        path = directory / KEY_FILE
        data = {"active": 1, "keys": {"1": secrets.token_hex(32)}, "audit": secrets.token_hex(32)}
        _write(path, data, exclusive=True)
        found = cls.find(directory)
        assert found is not None
        return dataclasses.replace(found, audit_key_new=True)

    def rotate(self) -> CardKeyFile:
        """Add a new card key and sign new cards with it; cards signed with older keys stay valid."""
        free = [i for i in range(_MAX_KEYS) if i not in self._keys]
        if not free:
            raise InvalidRequest(
                "all ten card key ids are in use; cards must be reprinted before the keys can be retired",
                code="keys_exhausted",
                maximum=_MAX_KEYS,
            )
        keys = {
            **{str(k): v.hex() for k, v in self._keys.items()},
            str(free[0]): secrets.token_hex(32),
        }
        _write(self.path, {"active": free[0], "keys": keys, "audit": self.audit_key.hex()})
        found = CardKeyFile.find(self.path.parent)
        assert found is not None
        return found

    @classmethod
    def replace(cls, directory: Path, stamp: str) -> CardKeyFile:
        """New keys instead of lost or foreign ones; an existing file is kept beside, renamed."""
        path = directory / KEY_FILE
        if path.exists():
            path.rename(path.with_name(f"{KEY_FILE}.replaced-{stamp}"))
        return cls.create(directory)


class FileAuditSeal:
    """Seals audit entries with the audit key and keeps each database's newest entry in a file."""

    def __init__(self, key: bytes, directory: Path, device_id: str) -> None:
        self.key = key
        self.path = directory / HEADS_FILE
        self.device_id = device_id

    def seal(self, previous: str, body: Mapping[str, Any]) -> str:
        """The entry's HMAC over the previous seal."""
        return entry_mac(self.key, previous, body)

    def head(self) -> tuple[int, str] | None:
        """The newest entry recorded for this database, if any."""
        return _head_record((self._heads() or {}).get(self.device_id))

    def record_head(self, seq: int, seal: str) -> None:
        """Remember a committed entry as the newest, unless a newer one is already recorded.

        Only a log whose head is recorded here, or a log's first entry, moves
        the head: a database whose device id was changed, or a damaged head
        file, is never silently healed (the check keeps reporting it).
        """
        heads = self._heads()
        if heads is None:
            return
        known = heads.get(self.device_id)
        if not isinstance(known, dict):
            if seq != 1:
                return
        else:
            record = _head_record(known)
            if record is None or record[0] >= seq:
                return  # a damaged record is left for the check to report
        heads[self.device_id] = {"seq": seq, "seal": seal}
        _write(self.path, heads)

    def restart_head(self, seq: int, seal: str) -> None:
        """Record the head of a log just sealed again (a damaged head file is started afresh)."""
        heads = self._heads() or {}
        heads[self.device_id] = {"seq": seq, "seal": seal}
        _write(self.path, heads)

    def _heads(self) -> dict[str, Any] | None:
        """Every database's head; None if the file is damaged."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            return None  # shows as "no head recorded" in the check, and is never overwritten
        return data if isinstance(data, dict) else None


class MissingKeys:
    """Stands in for a key file that is missing or wrong, for the commands that repair or report it."""

    def __init__(self, problem: BadInstallation) -> None:
        self.problem = problem
        self.active_id = 0

    def keys(self) -> Mapping[int, bytes]:
        """No card can be checked or printed without the keys."""
        raise self.problem

    def seal(self, previous: str, body: Mapping[str, Any]) -> str:
        """No audit entry can be sealed without the key."""
        raise self.problem

    def head(self) -> tuple[int, str] | None:
        """Nothing is known without the key file's directory."""
        return None

    def record_head(self, seq: int, seal: str) -> None:
        """Nothing to record."""

    def restart_head(self, seq: int, seal: str) -> None:
        """Nothing to record."""


def _head_record(found: object) -> tuple[int, str] | None:
    """A database's head record as (seq, seal); None if absent or damaged."""
    if not isinstance(found, dict):
        return None
    try:
        return int(found["seq"]), str(found["seal"])
    except (KeyError, TypeError, ValueError, OverflowError):
        return None


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


class FileSecrets:
    """Secrets in a file beside the card keys (owner-only), one section per installation's device id."""

    def __init__(self, directory: Path, device_id: str) -> None:
        self.path, self.device_id = directory / SECRETS_FILE, device_id

    def _all(self) -> dict[str, Any]:
        try:
            found = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            raise _damaged(self.path, str(exc)) from exc
        return found if isinstance(found, dict) else {}

    def get(self, name: str) -> str | None:
        """The secret, or None."""
        value = self._all().get(self.device_id, {}).get(name)
        return value if isinstance(value, str) else None

    def put(self, name: str, value: str | None) -> None:
        """Keep (or, with None, forget) a secret; the file is rewritten whole."""
        every = self._all()
        mine = dict(every.get(self.device_id, {}))
        if value is None:
            mine.pop(name, None)
        else:
            mine[name] = value
        every[self.device_id] = mine
        _write(self.path, every)
