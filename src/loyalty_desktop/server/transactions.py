"""The one way the server runs a transaction: short, and retried on serialization failures.

PostgreSQL answers 40001 (serialization_failure) and 40P01 (deadlock_detected) when two
transactions cannot both commit; CockroachDB and YugabyteDB answer 40001 far more often.
The work is a function of the connection so it can run again from the start.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import Connection, Engine, create_engine
from sqlalchemy.exc import DBAPIError

from loyalty_desktop.server.bulk import binary_arrays

T = TypeVar("T")
RETRYABLE = frozenset({"40001", "40P01"})


def server_engine(url: str) -> Engine:
    """The server's engine, as every process of it makes one (the CLI and each worker)."""
    engine = create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10)
    binary_arrays(engine)
    return engine


def sqlstate(exc: DBAPIError) -> str | None:
    """The SQLSTATE of a driver error, if the driver gives one."""
    return getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", None)


def in_transaction(
    engine: Engine,
    work: Callable[[Connection], T],
    *,
    attempts: int = 6,
    first_wait: float = 0.01,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """Run ``work`` in one transaction, again (with jittered backoff) after 40001/40P01."""
    for attempt in range(1, attempts + 1):
        try:
            with engine.begin() as conn:
                return work(conn)
        except DBAPIError as exc:
            if sqlstate(exc) not in RETRYABLE or attempt == attempts:
                raise
            sleep(first_wait * 2 ** (attempt - 1) * (0.5 + random.random()))
    raise AssertionError("unreachable")
