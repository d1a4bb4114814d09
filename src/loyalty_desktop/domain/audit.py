"""The audit log's hash chain: each entry seals the one before, so an edit anywhere shows."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

GENESIS = "0" * 64


def entry_hash(previous: str, entry: Mapping[str, Any]) -> str:
    """SHA-256 over the previous hash and the entry's canonical JSON."""
    body = json.dumps(entry, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256((previous + body).encode("utf-8")).hexdigest()
