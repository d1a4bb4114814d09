"""The audit log's chain: each entry seals the one before with a key kept outside the database.

A plain hash chain shows an edit only to someone who does not re-hash: anyone
who can write the database could change an entry and recompute every hash
after it. So each seal is an HMAC with the installation's audit key, which
lives in the configuration directory, not in the database.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from typing import Any

GENESIS = "0" * 64


def canonical(entry: Mapping[str, Any]) -> str:
    """The entry's canonical JSON: what its seal covers."""
    return json.dumps(entry, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def entry_hash(previous: str, entry: Mapping[str, Any]) -> str:
    """SHA-256 over the previous hash and the entry (the unkeyed chain of earlier versions)."""
    return hashlib.sha256((previous + canonical(entry)).encode("utf-8")).hexdigest()


def entry_mac(key: bytes, previous: str, entry: Mapping[str, Any]) -> str:
    """HMAC-SHA256 with the audit key over the previous seal and the entry."""
    message = (previous + canonical(entry)).encode("utf-8")
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def fingerprint(key: bytes) -> str:
    """A short, one-way name for a key, safe to store in the database."""
    return hashlib.sha256(b"loyalty-key-fingerprint:" + key).hexdigest()[:16]
