"""Fingerprints of requests: the same id with the same request replays, with another it is refused.

A till retries a sale after a timeout, a script runs twice, a double click
sends a refund again: all carry the same id and the same request, and get the
first result back. The same id with a different basket, amount or reason is a
mistake (or an attack) and is refused with ``id_conflict``, as Square does
with a reused idempotency key. The fingerprint is a hash of the request as
parsed (``"1"`` and ``"1.00"`` are the same quantity), stored with what the
request created.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from decimal import Decimal

from loyalty_desktop.domain.errors import IdConflict


def number_text(value: Decimal) -> str:
    """A decimal as plain text without trailing zeros, so equal numbers read alike."""
    text = format(value.normalize(), "f")
    return text if text not in ("-0",) else "0"


def fingerprint(kind: str, fields: dict[str, object]) -> str:
    """SHA-256 of the request's canonical JSON."""
    body = json.dumps(
        {"kind": kind, **fields}, sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def require_same(
    stored: str | None,
    asked: str,
    what: str,
    ident: str,
    *,
    stored_at: datetime | None = None,
    asked_at: datetime | None = None,
) -> None:
    """Refuse a request whose fingerprint differs from the one stored under its id.

    The time is compared only when the retry names one: a retry without
    ``--at`` happens later than the first try by nature. Records written
    before fingerprints were kept (``stored`` is None) replay as before.
    """
    moved = asked_at is not None and stored_at is not None and asked_at != stored_at
    if (stored is not None and stored != asked) or moved:
        raise IdConflict(
            f"{what} {ident} was already used for a different request; "
            f"use a new {what} for a new request",
            field=what.replace(" ", "_"),
            id=ident,
        )
