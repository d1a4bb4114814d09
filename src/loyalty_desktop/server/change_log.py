"""The pull log: what a push (or the server's expiry) changed, one row per member, numbered in commit order.

A member's row carries the member's record as the server keeps it (number, status,
consent, created_at; never personal data: a profile change only says ``"profile": true``
and the pull reads the profile from its erasable record), the balance as of the
commit, and the ledger rows this transaction applied for that member (``movements``), so
another store can add the same facts to its own ledger instead of overwriting a balance.
Each movement names the lots it opened with the expiry **the server** keeps (its clock,
docs/sync.md "Expiry by the server's clock") and what it took from lots. Rows the server
wrote itself (its ``expire`` run, ``expire_undone``) say ``"server": true``: no store has
them, not even the store whose push made them. Rows logged before movements travelled
have no ``movements`` key; a reader treats that as an empty list.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Collection, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Connection,
    Select,
    Uuid,
    and_,
    bindparam,
    exists,
    func,
    select,
    true,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY

from loyalty_desktop.server.bulk import arrays, insert_from_arrays
from loyalty_desktop.server.lots import EXPIRE_UNDONE, SERVER_STORE, server_expiry
from loyalty_desktop.server.tables import (
    balances,
    change_clock,
    changes,
    member_cards,
    members,
    merges,
    number_clashes,
    reviews,
)

Row = dict[str, Any]


def logged_movements(
    moves: Sequence[Mapping[str, Any]], now: datetime
) -> dict[uuid.UUID, list[Row]]:
    """Ledger rows (with their lots and allocations, as push writes them) as the log shows them, by member."""
    found: dict[uuid.UUID, list[Row]] = {}
    for r in moves:
        entry: Row = {
            "id": str(r["id"]),
            "kind": r["kind"],
            "points": r["points"],
            "at": r["at"].isoformat(),
            "sale": r.get("sale"),
            "lots": [
                {
                    "id": str(lot["id"]),
                    "points": lot["points"],
                    "expires_at": _iso(server_expiry(r["at"], lot, now)),
                }
                for lot in r.get("lots") or []
            ],
            "allocations": [
                {"lot_id": str(a["lot_id"]), "points": a["points"]}
                for a in r.get("allocations") or []
            ],
            "server": r["store_id"] == SERVER_STORE or r["kind"] == EXPIRE_UNDONE,
        }
        found.setdefault(r["member_id"], []).append(entry)
    return found


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def log_changes(
    conn: Connection,
    store_id: uuid.UUID,
    touched: Mapping[uuid.UUID, str],
    used: Sequence[Mapping[str, Any]] = (),
    moved: Mapping[uuid.UUID, Sequence[Row]] | None = None,
    profiled: Collection[uuid.UUID] = (),
) -> None:
    """Append what changed to the pull log, numbered under the clock row's lock (held to commit).

    ``used``: coupons used (coupons.record_redemptions), one ``coupon`` change each after
    the members', so other stores can learn that a coupon is spent; and offers and coupons
    issued (offers.write_offer_facts: ``offer`` and ``coupons`` changes, each entry naming
    its ``kind``). ``moved``: the ledger rows applied for each member
    (``logged_movements``), carried in the member's change.
    ``profiled``: members whose profile changed; their change says ``"profile": true`` and
    the pull reads the profile itself from ``member_profiles`` (never kept in the log).
    """
    ids = sorted(touched)
    count = len(ids) + len(used)
    last = conn.execute(_TAKE_POSITIONS, {"count": count}).scalar_one()
    found = {r.id: r for r in conn.execute(_MEMBERS_NOW, {"ids": ids}).all()}
    rows = []
    first = last - count + 1
    for pos, member_id in enumerate(ids, start=first):
        m = found[member_id]
        known = m.member_no is not None  # the server has the member's record
        body = {
            "member_id": str(member_id),
            "points": m.points or 0,
            "member_no": m.member_no,
            "status": m.status,
            "consent": m.consent,
            "created_at": m.created_at.isoformat() if known else None,
            "card_no": m.card_no,
            # the serial of the member's newest card (None: never reprinted, so 0)
            "card_serial": m.card_serial,
            "merged_into": str(m.kept_id) if m.kept_id else None,
            "review": m.review,
            "number_clash": m.number_held_by is not None,
            "number_held_by": str(m.number_held_by) if m.number_held_by else None,
            "movements": list((moved or {}).get(member_id, [])),
        }
        if member_id in profiled:
            body["profile"] = True
        rows.append(
            {
                "pos": pos,
                "member_id": member_id,
                "store_id": store_id,
                "kind": touched[member_id],
                "body": json.dumps(body),
            }
        )
    for pos, coupon in enumerate(used, start=first + len(ids)):
        rows.append(
            {
                "pos": pos,
                "member_id": coupon["member_id"],
                "store_id": store_id,
                "kind": coupon.get("kind", "coupon"),  # or an offer's, server/offers.py
                "body": json.dumps(coupon["body"]),
            }
        )
    # One statement for the whole log: the server's engine sends arrays in binary, so the
    # JSON bodies are not quoted and escaped in Python as in an array literal (which cost
    # more than a prepared executemany of one row at a time).
    conn.execute(_LOG, arrays(rows, CHANGE_COLUMNS))


def _members_now() -> Select[Any]:
    """What a member's change says of them now, for the members given as ``{"ids": [...]}``.

    One read (a pull log row needs the balance, the record, the member holding the number
    it was enrolled with if that clashes and is not cleared, the member it was merged into,
    and whether it is under review): each a lookup by primary key per member, so a planner
    with stale statistics has no scan of a whole table to choose.
    """
    wanted = (
        func.unnest(bindparam("ids", type_=ARRAY(Uuid())))
        .table_valued("id")
        .render_derived("wanted")
    )
    record = (
        select(members, number_clashes.c.other_member_id.label("number_held_by"))
        .outerjoin(
            number_clashes,
            and_(
                number_clashes.c.member_id == members.c.id,
                number_clashes.c.cleared_at.is_(None),
            ),
        )
        .where(members.c.id == wanted.c.id)
        .lateral("record")
    )

    def one(column: Any, *where: Any) -> Any:
        return select(column).where(*where).scalar_subquery()

    return (
        select(
            wanted.c.id,
            record.c.member_no,
            record.c.status,
            record.c.consent,
            record.c.created_at,
            func.coalesce(
                one(member_cards.c.card_no, member_cards.c.member_id == wanted.c.id),
                record.c.card_no,
            ).label("card_no"),
            one(member_cards.c.serial, member_cards.c.member_id == wanted.c.id).label(
                "card_serial"
            ),
            record.c.number_held_by,
            one(balances.c.points, balances.c.member_id == wanted.c.id).label("points"),
            one(merges.c.kept_id, merges.c.member_id == wanted.c.id).label("kept_id"),
            exists()
            .where(reviews.c.member_id == wanted.c.id, reviews.c.cleared_at.is_(None))
            .label("review"),
        )
        .select_from(wanted)
        .outerjoin(record, true())
    )


_MEMBERS_NOW = _members_now()
_TAKE_POSITIONS = (
    update(change_clock)
    .where(change_clock.c.id == 1)
    .values(last=change_clock.c.last + bindparam("count", type_=BigInteger()))
    .returning(change_clock.c.last)
)
CHANGE_COLUMNS = tuple(c.name for c in changes.c)
_LOG = insert_from_arrays(changes, CHANGE_COLUMNS)
