"""Members' profiles the stores changed: kept in one erasable record per member, handed out by pull.

``member.profile_changed`` version 2 carries the member's whole profile (name, phone,
e-mail, birthday), its consent, and the fields the till changed (``fields``). The server
keeps one record per member in ``member_profiles`` and sets in it only the fields a change
names, so changes of different fields at different stores all stand; a field changed at
two stores ends as the server applied last (pushes naming a member are serialised on the
member's balance row), and of two changes of one field by one till the later (by the till's
sequence number, kept per field in ``writers``) stands whatever order they arrive in, save
that a number the till used twice (restored from a backup) makes the change the newer. The
member's consent also goes to ``members``. The pull log's row says only that the profile
changed; the values are read from ``member_profiles`` when a store pulls (server/pull.py),
so an erasure, which deletes that row, leaves no copy anywhere on the server.

- A member erased on the server: the change is refused, so personal data never comes back.
- A member the server does not know yet: kept all the same, like a sale of a member whose
  enrolment is in a batch still on its way (the tills wait for the record by pull).
- Version 1 (an older till: field names only): the consent is kept, there is no profile.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.domain.profiles import PROFILE_FIELDS, latest_birthday, read_profile
from loyalty_desktop.server.bulk import any_of
from loyalty_desktop.server.facts import Rejected, as_moment, as_uuid
from loyalty_desktop.server.limits import check_moment
from loyalty_desktop.server.tables import erasures, inbox, member_profiles, members, merges

KIND = "member.profile_changed"
WITHHELD = "(withheld: personal data)"


def profile_row(
    store_id: uuid.UUID, device_id: uuid.UUID, seq: int, key: str, payload: Mapping[str, Any]
) -> dict[str, Any]:
    """The row a checked ``member.profile_changed`` asks for (``profile`` None for version 1)."""
    member_id = as_uuid(payload["member_id"], "profile member")
    if payload["consent_at"] is not None:  # a moment every till can read back
        check_moment(as_moment(payload["consent_at"], "consent_at"), "consent_at")
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
        # what the till changed: only these are set (see _kept); a version 1 change: its consent
        "fields": {f for f in payload["fields"] if isinstance(f, str) and f in _MERGED}
        if profile is not None
        else {"consent"},
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
    for r in rows:  # in the batch's order
        consent = _kept(conn, r, now)
        if consent is not None:
            conn.execute(
                update(members).where(members.c.id == r["member_id"]).values(consent=consent)
            )


def _number_used_again(conn: Connection, r: Mapping[str, Any]) -> bool:
    """Whether another event of this till carried this change's number (a restored till's).

    A till restored from a backup numbers its events again from where the backup stood, so
    such a change is newer than all the till sent before the restore, whatever its number
    says (server/devices.py lists such numbers as ``reused``).
    """
    other = conn.execute(
        select(inbox.c.key)
        .where(
            inbox.c.store_id == r["store_id"],
            inbox.c.device_id == r["device_id"],
            inbox.c.seq == r["seq"],
            inbox.c.key != r["event_key"],
        )
        .limit(1)
    )
    return other.first() is not None


def _kept(conn: Connection, r: Mapping[str, Any], now: datetime) -> bool | None:
    """Set the fields the change names in the member's record; the consent if it set it.

    A field is left as it is when the same till wrote it with a later change (its batches
    committed out of order). The first record of a member is the change's whole profile.
    """
    # the till, with its store: a store naming another store's till id writes its own key
    device, seq = f"{r['store_id']}:{r['device_id']}", r["seq"]
    mine = {f: [device, seq] for f in sorted(r["fields"])}
    origin = {
        "store_id": r["store_id"],
        "device_id": r["device_id"],
        "seq": seq,
        "event_key": r["event_key"],
        "received_at": now,
    }
    row = _record(conn, r["member_id"])
    if row is None and r["profile"] is not None:
        consent, consent_at = r["consent"], r["consent_at"]
        held = conn.execute(select(members.c.consent).where(members.c.id == r["member_id"]))
        known = held.scalar()
        if "consent" not in r["fields"] and known is not None and known != consent:
            # the till had not heard of a change of consent the server has (a withdrawal)
            consent, consent_at = known, None
        first = {
            **r["profile"],
            "consent": consent,
            "consent_at": consent_at,
            "writers": json.dumps(mine),
            **origin,
        }
        made = conn.execute(
            pg_insert(member_profiles)
            .values(member_id=r["member_id"], **first)
            .on_conflict_do_nothing()
            .returning(member_profiles.c.member_id)
        ).first()
        if made is not None:
            return bool(consent)
        row = _record(conn, r["member_id"])  # another batch made it meanwhile: merge into it
    if row is None:  # a version 1 change, no record: the consent alone, as before
        return bool(r["consent"])
    writers: dict[str, list[Any]] = json.loads(row.writers)
    changed: dict[str, Any] = {}
    restored: bool | None = None  # asked once, only of a change that looks late
    for name in sorted(r["fields"]):
        by = writers.get(name)
        if by is not None and by[0] == device and by[1] > seq:
            if restored is None:
                restored = _number_used_again(conn, r)
            if not restored:
                continue  # a later change of this till wrote it
            seq_kept = by[1]  # its numbers after a restore stay below this till's highest
        else:
            seq_kept = seq
        writers[name] = [device, seq_kept]
        if name == "consent":
            changed.update(consent=r["consent"], consent_at=r["consent_at"])
        else:
            changed[name] = r["profile"][name]
    if not changed:
        return None
    conn.execute(
        update(member_profiles)
        .where(member_profiles.c.member_id == r["member_id"])
        .values(**changed, writers=json.dumps(writers, sort_keys=True), **origin)
    )
    return bool(r["consent"]) if "consent" in changed else None


def _record(conn: Connection, member_id: uuid.UUID) -> Any:
    """The member's kept record, locked until the batch commits (None if there is none)."""
    return conn.execute(
        select(member_profiles.c.writers)
        .where(member_profiles.c.member_id == member_id)
        .with_for_update()
    ).first()


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
