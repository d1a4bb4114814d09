"""Stores and their tokens: registered by an administrator, revocable, stored only as hashes.

Each store gets a store number when it is registered (1, 2, 3 …): its block of member
numbers (domain/member_numbers.py), which ``GET /v1/store`` tells the till.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import UTC, datetime

from sqlalchemy import Connection, func, select, update
from sqlalchemy.exc import IntegrityError

from loyalty_desktop.domain.member_numbers import MAX_STORE_NO
from loyalty_desktop.server.tables import stores

# Each failed attempt lost to a registration that committed meanwhile, so n registrations at
# the same moment need at most n attempts; registering is an administrator's rare act.
NUMBER_ATTEMPTS = 100


class StoreNumbersUsedUp(Exception):
    """Every store number (and so every block of member numbers) is taken."""


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


def add_store(conn: Connection, name: str) -> tuple[uuid.UUID, str, int]:
    """Register a store; returns its id, its token (shown once, never stored) and its number.

    The number is one more than the highest; two registrations at once both read the same
    highest, and the second's insert fails on the unique number, so it reads again.
    """
    store_id, token = uuid.uuid4(), new_token()
    for attempt in range(1, NUMBER_ATTEMPTS + 1):
        number = int(
            conn.execute(select(func.coalesce(func.max(stores.c.store_no), 0))).scalar_one()
        )
        if number >= MAX_STORE_NO:
            raise StoreNumbersUsedUp(f"every store number up to {MAX_STORE_NO} is taken")
        saved = conn.begin_nested()
        try:
            conn.execute(
                stores.insert().values(
                    id=store_id,
                    name=name,
                    token_hash=token_hash(token),
                    created_at=datetime.now(UTC),
                    store_no=number + 1,
                )
            )
        except IntegrityError:
            saved.rollback()
            if attempt == NUMBER_ATTEMPTS:
                raise
            continue
        saved.commit()
        return store_id, token, number + 1
    raise AssertionError("unreachable")  # the loop returns or raises


def store_number(conn: Connection, store_id: uuid.UUID) -> int:
    """The store's number (its block of member numbers)."""
    return int(conn.execute(select(stores.c.store_no).where(stores.c.id == store_id)).scalar_one())


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
