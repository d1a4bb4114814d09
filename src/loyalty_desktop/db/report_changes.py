"""What changed since a stored report's data version, and the touched members' own rows.

A report stored by the nightly job can be brought up to date later that day
when only a few members changed (``services/updated_reports.py``). This
module says which members and how far back the changes reach, or why they
cannot be followed member by member:

- ``programme``: a programme was loaded; ``members_closed``: a member was
  merged, closed or erased (numbers and histories move between members);
- ``backdated``: a sale or refund arrived dated at or before the stored
  moment (the counts dated after it do not add up to the new rows).

Every query reads an index: sales and new members by their moments,
movements and tier changes by their sequence numbers; refunds are few.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Any

import pandas as pd
from sqlalchemy import Connection, select

from loyalty_desktop.db.report_frames import member_frame, purchase_frame, roots
from loyalty_desktop.db.tables import members, movements, refunds, sales, tier_changes
from loyalty_desktop.services.report_store import Changes


def _parts(version: str) -> dict[str, str]:
    """``report_store.data_version`` text as its named parts."""
    return dict(part.split("=", 1) for part in version.split(";") if "=" in part)


def _number(text: str | None) -> int:
    """A count or highest number of the version (empty: none yet)."""
    return int(text) if text else 0


_CHUNK = 500  # ids bound in one IN list (SQLite allows a few thousand parameters at most)


def _rows(conn: Connection, query: Any) -> list[Any]:
    """Rows through the column types (ids as UUIDs, moments as aware datetimes): a few hundred."""
    return list(conn.execute(query).all())


def changes_since(conn: Connection, version: str, since: datetime, current: str) -> Changes:
    """The members touched since ``version`` (the data as of ``since``) and the earliest moment touched.

    ``current`` is the data version now. Sales, refunds and new members dated
    after ``since`` must account for every new row (else ``backdated``).
    """
    old, new = _parts(version), _parts(current)
    if set(old) != set(new):
        return Changes(frozenset(), None, "version_format")
    if old["programme"] != new["programme"]:
        return Changes(frozenset(), None, "programme")
    if old["closed"] != new["closed"]:
        return Changes(frozenset(), None, "members_closed")
    new_sales = _rows(conn, select(sales.c.member_id, sales.c.at).where(sales.c.at > since))
    # A refund reaches back to its sale: the sale's moment is what it changes.
    new_refunds = _rows(
        conn,
        select(sales.c.member_id, sales.c.at)
        .select_from(refunds)
        .join(sales, sales.c.id == refunds.c.sale_ref)
        .where(refunds.c.at > since),
    )
    joined = _rows(
        conn, select(members.c.id, members.c.created_at).where(members.c.created_at > since)
    )
    counted = (
        (new_sales, "sales"),
        (new_refunds, "refunds"),
        (joined, "members"),
    )
    if any(len(rows) != _number(new[name]) - _number(old[name]) for rows, name in counted):
        return Changes(frozenset(), None, "backdated")
    new_movements = _rows(
        conn,
        select(movements.c.member_id, movements.c.at).where(
            movements.c.seq > _number(old["last_movement"])
        ),
    )
    new_tiers = _rows(
        conn,
        select(tier_changes.c.member_id, tier_changes.c.at).where(
            tier_changes.c.seq > _number(old["last_tier_change"])
        ),
    )
    dated = [*new_sales, *new_refunds, *joined, *new_movements, *new_tiers]
    ids = {member_id for member_id, _ in dated if member_id is not None}
    earliest = min((at for _, at in dated), default=None)
    return Changes(frozenset(_numbers_of(conn, ids)), earliest, None)


def _numbers_of(conn: Connection, ids: Collection[Any]) -> list[str]:
    """The numbers of the members who keep the history of ``ids`` (a merged duplicate's: the survivor's)."""
    if not ids:
        return []
    merged = dict(
        _rows(
            conn,
            # Merged duplicates are closed: the partial index of members not active finds them.
            select(members.c.id, members.c.merged_into).where(
                members.c.status != "active", members.c.merged_into.is_not(None)
            ),
        )
    )
    kept = list(set(roots(merged, ids).values()))
    found: list[str] = []
    for begin in range(0, len(kept), _CHUNK):
        part = kept[begin : begin + _CHUNK]
        query = select(members.c.member_no).where(members.c.id.in_(part))
        found += [no for (no,) in _rows(conn, query)]
    return found


def touched_log(conn: Connection, numbers: Collection[str], end: datetime) -> pd.DataFrame:
    """The purchase log (``ports.PURCHASE_COLUMNS``) of the members ``numbers`` only, up to ``end``."""
    return purchase_frame(conn, end, only=frozenset(numbers))


def touched_members(conn: Connection, numbers: Collection[str], at: datetime) -> pd.DataFrame:
    """The live member snapshot (``ports.MEMBER_COLUMNS``) of the members ``numbers`` only."""
    return member_frame(conn, at, live=True, only=frozenset(numbers))
