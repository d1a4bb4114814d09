"""Members' profiles the stores changed: kept in one erasable record per member, handed out by pull.

``member.profile_changed`` version 2 carries the member's whole profile (name, phone,
e-mail, birthday) and consent as the editing till left them. The server keeps the one it
applies last (pushes naming a member are serialised on the member's balance row, so "last"
is the server's commit order) in ``member_profiles``, and the member's consent in
``members``. The pull log's row says only that the profile changed; the values are read
from ``member_profiles`` when a store pulls (server/pull.py), so an erasure, which deletes
that row, leaves no copy anywhere on the server.

- A member erased on the server: the change is refused, so personal data never comes back.
- A member the server does not know yet: kept all the same, like a sale of a member whose
  enrolment is in a batch still on its way (the tills wait for the record by pull).
- Version 1 (an older till: field names only): the consent is kept, there is no profile.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.domain.profiles import PROFILE_FIELDS, latest_birthday, read_profile
from loyalty_desktop.server.bulk import any_of
from loyalty_desktop.server.facts import Rejected, as_moment, as_uuid
from loyalty_desktop.server.tables import erasures, member_profiles, members, merges

KIND = "member.profile_changed"
WITHHELD = "(withheld: personal data)"


def profile_row(
    store_id: uuid.UUID, device_id: uuid.UUID, seq: int, key: str, payload: Mapping[str, Any]
) -> dict[str, Any]:
    """The row a checked ``member.profile_changed`` asks for (``profile`` None for version 1)."""
    member_id = as_uuid(payload["member_id"], "profile member")
    if payload["consent_at"] is not None:
        as_moment(payload["consent_at"], "consent_at")
    if len(payload["consent_at"] or "") > 40:
        raise Rejected(f"{KIND}: consent_at is longer than a moment")
    profile = None
    if "profile" in payload:
        try:
            read = read_profile(payload["profile"], latest_birthday(datetime.now(UTC)))
        except LoyaltyError as exc:  # its message never repeats the value
            raise Rejected(f"{KIND}: {exc.message}") from exc
        profile = {
            "name": read.name,
            "phone": read.phone,
            "email": read.email,
            "birthday": read.birthday.isoformat() if read.birthday else None,
        }
    return {
        "member_id": member_id,
        "store_id": store_id,
        "device_id": device_id,
        "seq": seq,
        "event_key": key,
        "consent": payload["consent"],
        "consent_at": payload["consent_at"],
        "profile": profile,
        # what the till changed: only these are set (see _kept)
        "fields": {f for f in payload["fields"] if f in _MERGED},
    }


_MERGED = frozenset({*PROFILE_FIELDS, "consent"})


def write_profiles(conn: Connection, rows: Sequence[Mapping[str, Any]], now: datetime) -> None:
    """Keep each change's profile and consent; Rejected if one names an erased member."""
    ids = [r["member_id"] for r in rows]
    erased = set(
        conn.execute(
            select(members.c.id).where(members.c.id.in_(ids), members.c.status == "erased")
        ).scalars()
    ) | set(
        conn.execute(select(erasures.c.member_id).where(erasures.c.member_id.in_(ids))).scalars()
    )
    if erased:
        raise Rejected(f"{KIND}: the member was erased; their personal data is not kept")
    for r in rows:  # in the batch's order: the later change wins
        consent = r["consent"] if r["profile"] is None else _kept(conn, r, now)
        if consent is None:
            continue  # an older change of the till whose newer one is kept (batches reordered)
        conn.execute(update(members).where(members.c.id == r["member_id"]).values(consent=consent))


def _kept(conn: Connection, r: Mapping[str, Any], now: datetime) -> bool | None:
    """Keep the fields the change names unless the kept one is a later change of the same till.

    Only the fields a change names (``fields``) are set; the rest stay as kept. So two
    stores changing different fields offline (a phone at A, an e-mail at B) both stand,
    whichever the server applies last, and so does a till's later change made before it
    pulled another store's: its whole profile still holds the other field's old value. The
    same field changed at two stores ends as the server applied last. The member's consent
    as kept now; None if the change was not kept.
    """
    values = {
        **r["profile"],
        "consent": r["consent"],
        "consent_at": r["consent_at"],
        "store_id": r["store_id"],
        "device_id": r["device_id"],
        "seq": r["seq"],
        "event_key": r["event_key"],
        "received_at": now,
    }
    kept = member_profiles.c
    new = pg_insert(member_profiles).values(member_id=r["member_id"], **values)
    untouched = [n for n in (*PROFILE_FIELDS, "consent") if n not in r["fields"]]
    if "consent" in untouched:
        untouched.append("consent_at")
    merged = {**values, **{n: kept[n] for n in untouched}}
    done = conn.execute(
        new.on_conflict_do_update(
            index_elements=[kept.member_id],
            set_=merged,
            where=or_(new.excluded.device_id != kept.device_id, new.excluded.seq > kept.seq),
        ).returning(kept.consent)
    )
    found = done.first()
    return bool(found.consent) if found is not None else None


def erase_duplicates(
    conn: Connection,
    erased: Sequence[uuid.UUID],
    merged: Sequence[Mapping[str, Any]],
    now: datetime,
) -> list[uuid.UUID]:
    """Erase the duplicates merged into erased members; the ones erased now.

    A member asks to be erased at one store while another store merges a duplicate card
    into them: whichever fact comes first, the duplicate's personal data must go too (a
    till erasing a member erases the duplicates merged into them, privacy.erase_member).
    ``erased`` and ``merged`` are this batch's erasures and merges (duplicate -> kept).
    """
    asked = {*erased, *(r["kept_id"] for r in merged)}
    found: list[uuid.UUID] = []
    while asked:
        # not erased yet: those of an earlier round are in erasures now
        dups = list(
            conn.execute(
                select(merges.c.member_id).where(
                    any_of(merges.c.kept_id, "asked"),
                    merges.c.kept_id.in_(select(erasures.c.member_id)),
                    merges.c.member_id.not_in(select(erasures.c.member_id)),
                ),
                {"asked": list(asked)},
            ).scalars()
        )
        if not dups:
            break
        erase_members(conn, dups, now)
        found += dups
        asked = set(dups)  # a duplicate of a duplicate (A into B, B into C) goes too
    return found


def erase_members(conn: Connection, erased: Sequence[uuid.UUID], now: datetime) -> None:
    """Mark the members erased, keep each erasure by id and delete their profiles."""
    conn.execute(update(members).where(members.c.id.in_(erased)).values(status="erased"))
    kept = [{"member_id": m, "received_at": now} for m in dict.fromkeys(erased)]
    conn.execute(pg_insert(erasures).values(kept).on_conflict_do_nothing())
    forget_profiles(conn, erased)


def forget_profiles(conn: Connection, erased: Sequence[uuid.UUID]) -> None:
    """An erasure deletes the member's profile: the one copy of it the server holds."""
    conn.execute(delete(member_profiles).where(member_profiles.c.member_id.in_(erased)))


def withheld(kind: str, payload: Mapping[str, Any]) -> Mapping[str, Any]:
    """A payload as the quarantine may keep it: a profile's values are not copied there."""
    if kind != KIND or "profile" not in payload:
        return payload
    return {**payload, "profile": WITHHELD}
