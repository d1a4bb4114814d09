"""Cards reprinted at the stores: each member's newest card, so the old one is refused at every store.

A ``member.card_reissued`` event says a till printed a member a new card, which revokes the
one before: the same card number with the next serial, or a new card number (serial 0)
once the one-digit serial is used up or the number is shared (services/members.py). The
server keeps each member's newest card in ``member_cards``: a card with the same number
replaces the kept one only with a higher serial (a till's own reprints count up, and two
batches in flight may commit out of order); one with another number, from the till that
sent the kept one, only with a higher sequence number (the tenth reprint takes a new number
at serial 0: a reordered ninth must not bring the old number back), and from another till
when applied. The member's pull-log change carries the card number and serial
(change_log.py), so every store's till reads the new card and refuses the old one
(``card_replaced``). Card numbers and serials are not personal data: an erasure keeps them.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, and_, func, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert

from loyalty_desktop.domain.cards import MAX_CARD_NO, MAX_CARD_SERIAL
from loyalty_desktop.server.facts import Rejected, as_uuid
from loyalty_desktop.server.tables import member_cards, members

KIND = "member.card_reissued"


def card_row(
    store_id: uuid.UUID, device_id: uuid.UUID, seq: int, key: str, payload: Mapping[str, Any]
) -> dict[str, Any]:
    """The card a reissue names, as ``member_cards`` keeps it; Rejected if no till could send it."""
    card_no, serial = payload["card_no"], payload["serial"]
    if not _whole(card_no) or not 0 < card_no < MAX_CARD_NO:
        raise Rejected(f"{KIND}: card_no is not a card number")
    if not _whole(serial) or not 0 <= serial <= MAX_CARD_SERIAL:
        raise Rejected(f"{KIND}: serial is not a card serial (0 to {MAX_CARD_SERIAL})")
    return {
        "member_id": as_uuid(payload["member_id"], "card member"),
        "card_no": card_no,
        "serial": serial,
        "store_id": store_id,
        "device_id": device_id,
        "seq": seq,
        "event_key": key,
    }


def _not_anothers(conn: Connection, member_id: uuid.UUID, card_no: int) -> None:
    """Rejected if ``card_no`` is not the member's own and another member holds it."""
    own = conn.execute(
        select(func.coalesce(member_cards.c.card_no, members.c.card_no))
        .select_from(members)
        .outerjoin(member_cards, member_cards.c.member_id == members.c.id)
        .where(members.c.id == member_id)
    ).scalar()
    if own == card_no:
        return
    # by the indexes on both card numbers: a member enrolled with it and never reprinted to
    # another, or a member reprinted to it
    enrolled_with = (
        select(members.c.id)
        .outerjoin(member_cards, member_cards.c.member_id == members.c.id)
        .where(
            members.c.card_no == card_no,
            members.c.id != member_id,
            or_(member_cards.c.card_no.is_(None), member_cards.c.card_no == card_no),
        )
    )
    reprinted_to = select(member_cards.c.member_id).where(
        member_cards.c.card_no == card_no, member_cards.c.member_id != member_id
    )
    if conn.execute(enrolled_with.union_all(reprinted_to).limit(1)).first() is not None:
        raise Rejected(f"{KIND}: card number {card_no} is another member's card")


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def write_cards(conn: Connection, rows: Sequence[Mapping[str, Any]], now: datetime) -> None:
    """Keep each member's newest card, in the order the reissues were sent.

    Rejected if a reprint moves a member to a card number another member holds (a till
    takes a new number from its own block): a forged one would revoke that member's card at
    every store. The member's own number again (the next serial) is always allowed, even
    one that older tills gave out twice.
    """
    for row in rows:
        _not_anothers(conn, row["member_id"], row["card_no"])
        new = pg_insert(member_cards).values(**row, received_at=now)
        kept = member_cards.c
        conn.execute(
            new.on_conflict_do_update(
                index_elements=[kept.member_id],
                set_={
                    "card_no": new.excluded.card_no,
                    "serial": new.excluded.serial,
                    "store_id": new.excluded.store_id,
                    "device_id": new.excluded.device_id,
                    "seq": new.excluded.seq,
                    "event_key": new.excluded.event_key,
                    "received_at": new.excluded.received_at,
                },
                where=or_(
                    and_(new.excluded.card_no == kept.card_no, new.excluded.serial > kept.serial),
                    and_(
                        new.excluded.card_no != kept.card_no,
                        or_(new.excluded.device_id != kept.device_id, new.excluded.seq > kept.seq),
                    ),
                ),
            )
        )
