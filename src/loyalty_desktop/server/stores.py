"""Stores and their tokens: registered by an administrator, revocable, stored only as hashes."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import UTC, datetime

from sqlalchemy import Connection, select, update

from loyalty_desktop.server.tables import stores


def token_hash(token: str) -> str:
    """The stored form of a token (sha256: tokens are 32 random bytes, so no slow hash is needed)."""
    return hashlib.sha256(token.encode()).hexdigest()


TOKEN_PREFIX = "lst_"


def new_token() -> str:
    """A new store token: 32 random bytes behind a fixed prefix.

    A bare url-safe token starts with '-' one time in 64, and a command line reads `--token -xyz`
    as a missing value followed by an unknown option.
    """
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def add_store(conn: Connection, name: str) -> tuple[uuid.UUID, str]:
    """Register a store; returns its id and its token (shown once, never stored)."""
    store_id, token = uuid.uuid4(), new_token()
    conn.execute(
        stores.insert().values(
            id=store_id, name=name, token_hash=token_hash(token), created_at=datetime.now(UTC)
        )
    )
    return store_id, token


def revoke_store(conn: Connection, store_id: uuid.UUID) -> bool:
    """Revoke a store's token; False when there is no such store."""
    done = conn.execute(
        update(stores).where(stores.c.id == store_id).values(revoked_at=datetime.now(UTC))
    )
    return bool(done.rowcount)


def store_for_token(conn: Connection, token: str) -> uuid.UUID | None:
    """The store a token belongs to, unless it is unknown or revoked."""
    row = conn.execute(
        select(stores.c.id).where(
            stores.c.token_hash == token_hash(token), stores.c.revoked_at.is_(None)
        )
    ).first()
    return row[0] if row else None
