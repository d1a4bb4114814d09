"""Driver errors turned into refusals a person can act on, without echoing SQL or its values.

A driver's message carries the statement and its parameters (names, phones);
none of that may reach the screen or a log. The SQLite error code says enough.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import DBAPIError

from loyalty_desktop.domain.errors import BadDatabase, LoyaltyError, StorageBusy, StorageError

# SQLite primary result codes (the low byte of an extended code).
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _TOOBIG, _NOTADB = (
    5,
    6,
    8,
    10,
    11,
    13,
    14,
    18,
    26,
)


def storage_refusal(error: BaseException) -> LoyaltyError:
    """The refusal a person sees for a driver error (or an integer too large for a column)."""
    if isinstance(error, OverflowError) or "integer overflow" in str(error):
        return StorageError(
            "a total came out larger than the database can hold; nothing was changed",
            code="too_large",
        )
    orig = getattr(error, "orig", error)
    code = getattr(orig, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary in (_BUSY, _LOCKED):
        return StorageBusy("the database is busy (another till is writing); try again")
    if primary == _READONLY:
        return StorageError(
            "the database file is read-only; nothing was changed. Check that the file and its "
            "folder may be written by this user (and that the disk is not write-protected)",
            code="database_read_only",
        )
    if primary == _FULL:
        return StorageError(
            "the disk is full; nothing was changed. Free some space and try again",
            code="disk_full",
        )
    if primary in (_CORRUPT, _NOTADB):
        return BadDatabase(
            "the database file is damaged; restore the newest backup, or run 'loyalty check' "
            "to see what is wrong",
            code="database_damaged",
        )
    if primary == _IOERR:
        return StorageError(
            "the disk could not be read or written; nothing was changed. Check the disk",
            code="disk_error",
        )
    if primary == _CANTOPEN:
        return StorageError(
            "the database file cannot be opened; check that it and its folder exist and may be "
            "read and written",
            code="cannot_open",
        )
    if primary == _TOOBIG:
        return StorageError("a value is too large to store; nothing was changed", code="too_large")
    if getattr(orig, "sqlstate", None) is None and primary is None and _is_connection(error):
        return StorageError(
            "the database server cannot be reached; check that it is running", code="server_down"
        )
    return StorageError(
        "the database refused the request; nothing was changed "
        "(run again with LOYALTY_DEBUG=1 to see the details)",
    )


def _is_connection(error: BaseException) -> bool:
    return isinstance(error, DBAPIError) and bool(error.connection_invalidated)


@contextmanager
def storage_errors() -> Iterator[None]:
    """Turn driver errors raised inside into ``storage_refusal``s."""
    try:
        yield
    except (DBAPIError, OverflowError) as exc:
        raise storage_refusal(exc) from exc
