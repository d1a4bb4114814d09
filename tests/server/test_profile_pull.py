"""A member's profile changed at one store reaches the others: real tills, a real server on PostgreSQL.

Name, phone, e-mail, birthday and consent travel in ``member.profile_changed`` (version 2)
to the server, which keeps the latest in an erasable record, and come back by pull.
"""

from __future__ import annotations

import json
import uuid
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from loyalty_desktop.db.tables import outbox
from loyalty_desktop.domain.errors import AmbiguousMember
from loyalty_desktop.services import backups, members, privacy, sync
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.member_profile import ProfileEdit, edit_profile
from loyalty_desktop.services.member_view import show_member
from tests.conftest import FixedClock
from tests.server.conftest import Server
from tests.server.events import _wire, enrolled
from tests.server.test_store_pull import Till, _open
from tests.server.test_store_pull import tills as two_tills

tills = two_tills  # the two-till fixture, by the name the tests ask for

OLD_PHONE, NEW_PHONE = "13800138000", "13900139001"


def _shared_member(a: Till, b: Till) -> members.Enrolled:
    """A member enrolled at A with a name and phone, and known at B (by number only) after a pull."""
    member = members.enrol(a.shop, LOCAL_ADMIN, members.NewMember("王芳", phone=OLD_PHONE))
    a.sync()
    b.sync()
    return member


def test_a_member_enrolled_at_a_is_known_at_b_by_name_and_phone_after_the_next_pull(
    tills: tuple[Till, Till], server: Server
) -> None:
    a, b = tills
    member = members.enrol(
        a.shop,
        LOCAL_ADMIN,
        members.NewMember("王芳", phone=OLD_PHONE, birthday=date(1990, 3, 14), consent=True),
    )
    a.sync()
    b.sync()

    assert _profile(b, member.id) == ("王芳", OLD_PHONE, None, "1990-03-14", 1, "active")
    seen = show_member(b.shop, LOCAL_ADMIN, OLD_PHONE)  # a cashier at B types the phone
    assert (seen.id, seen.member_no, seen.name, seen.matched) == (
        member.id,
        member.member_no,
        "王芳",
        "phone",
    )
    assert server.sql(f"select name from member_profiles where member_id = '{member.id}'") == [
        ("王芳",)
    ]
    assert b.sql("select count(*) from outbox where kind like 'member.%'") == [(0,)]  # no echo
    assert a.check() == b.check() == ()


def _profile(till: Till, member_id: str) -> tuple[Any, ...]:
    return tuple(
        till.sql(
            f"select name, phone, email, birthday, consent, status from members "
            f"where id = '{member_id}'"
        )[0]
    )


def _file_bytes(till: Till) -> bytes:
    db = Path(str(till.opened.engine.url.database))
    parts = [db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")]
    return b"".join(p.read_bytes() for p in parts if p.exists())


def _profile_events(till: Till) -> list[dict[str, Any]]:
    """The till's member.profile_changed events as the wire carries them (sent or not)."""
    with till.opened.engine.connect() as conn:
        rows = conn.execute(
            select(outbox).where(outbox.c.kind == "member.profile_changed").order_by(outbox.c.seq)
        ).mappings()
        return [
            {
                "id": str(r["id"]),
                "device_id": str(r["device_id"]),
                "seq": r["seq"],
                "kind": r["kind"],
                "version": r["version"],
                "key": r["key"],
                "at": r["at"].isoformat(),
                "payload": json.loads(r["payload"]),
            }
            for r in rows
        ]


def test_a_profile_changed_at_a_reaches_b_where_the_new_phone_finds_the_member(
    tills: tuple[Till, Till], server: Server
) -> None:
    a, b = tills
    member = _shared_member(a, b)
    assert _profile(b, member.id)[:2] == ("王芳", OLD_PHONE)  # as enrolled at A
    edit_profile(
        a.shop,
        LOCAL_ADMIN,
        member.member_no,
        ProfileEdit(
            name="王芳芳",
            phone="139-0013-9001",
            email="fang@example.com",
            birthday="1990-05-31",
            consent=True,
        ),
    )
    a.sync()
    pulled = b.sync()

    assert pulled.pulled >= 1
    assert _profile(b, member.id) == (
        "王芳芳",
        NEW_PHONE,
        "fang@example.com",
        "1990-05-31",
        1,
        "active",
    )
    seen = show_member(b.shop, LOCAL_ADMIN, NEW_PHONE)  # a cashier at B types the new phone
    assert (seen.id, seen.name, seen.matched, seen.consent) == (member.id, "王芳芳", "phone", True)
    assert seen.birthday == date(1990, 5, 31)
    assert b.sql("select count(*) from outbox where kind = 'member.profile_changed'") == [(0,)]
    # the server keeps it once, in the erasable record; its pull log holds no copy
    assert server.sql(
        f"select name, phone from member_profiles where member_id = '{member.id}'"
    ) == [("王芳芳", NEW_PHONE)]
    assert server.sql(f"select consent from members where id = '{member.id}'") == [(True,)]
    assert server.sql(f"select count(*) from changes where strpos(body, '{NEW_PHONE}') > 0") == [
        (0,)
    ]
    assert a.check() == b.check() == ()


def test_an_erasure_after_a_profile_change_leaves_the_profile_nowhere(
    tills: tuple[Till, Till], server: Server
) -> None:
    a, b = tills
    member = _shared_member(a, b)
    edit_profile(a.shop, LOCAL_ADMIN, member.member_no, ProfileEdit(phone=NEW_PHONE))
    a.sync()
    b.sync()
    assert _profile(b, member.id)[1] == NEW_PHONE
    privacy.erase_member(a.shop, LOCAL_ADMIN, member.member_no)
    a.sync()
    b.sync()

    assert _profile(b, member.id) == ("(erased)", None, None, None, 0, "erased")
    assert server.sql(f"select count(*) from member_profiles where member_id = '{member.id}'") == [
        (0,)
    ]
    # the profile left both tills' outboxes too (A sent it; B never had it)
    for till in (a, b):
        assert till.sql(f"select count(*) from outbox where payload like '%{NEW_PHONE}%'") == [(0,)]
    # nor is it left in B's file, its log or free pages (B had it from the pull)
    assert NEW_PHONE.encode() not in _file_bytes(b)
    # pulling the whole log again brings nothing personal back
    with b.shop.uow() as uow:
        uow.settings.set(sync.PULL_CURSOR, "0")
        uow.commit()
    b.sync()
    assert _profile(b, member.id) == ("(erased)", None, None, None, 0, "erased")


def test_a_profile_changed_and_erased_before_the_till_synced_never_reaches_the_server(
    tills: tuple[Till, Till], server: Server
) -> None:
    a, b = tills
    member = _shared_member(a, b)
    edit_profile(a.shop, LOCAL_ADMIN, member.member_no, ProfileEdit(phone=NEW_PHONE))
    privacy.erase_member(a.shop, LOCAL_ADMIN, member.member_no)
    # the queued change keeps its place in the queue, without the profile
    assert a.sql(f"select count(*) from outbox where payload like '%{NEW_PHONE}%'") == [(0,)]
    report = a.sync()
    b.sync()

    assert report.rejected == 0
    assert server.sql(
        "select version, status from inbox where kind = 'member.profile_changed' order by seq"
    ) == [(2, "applied"), (1, "applied")]  # the enrolment's profile, then the scrubbed edit
    assert server.sql("select count(*) from member_profiles") == [(0,)]
    assert _profile(b, member.id) == ("(erased)", None, None, None, 0, "erased")


def test_a_profile_change_made_offline_after_an_erasure_elsewhere_is_refused_and_brings_nothing_back(
    tills: tuple[Till, Till], server: Server
) -> None:
    a, b = tills
    member = _shared_member(a, b)
    # B's clerk edits the member before B has heard of A's erasure
    edit_profile(b.shop, LOCAL_ADMIN, member.member_no, ProfileEdit(name="李雷", phone=NEW_PHONE))
    privacy.erase_member(a.shop, LOCAL_ADMIN, member.member_no)
    a.sync()
    report = b.sync()

    assert report.rejected == 1
    [(reason,)] = server.sql(
        "select reason from inbox where kind = 'member.profile_changed' and status = 'rejected'"
    )
    assert "erased" in reason
    assert NEW_PHONE not in reason
    assert server.sql(f"select count(*) from member_profiles where member_id = '{member.id}'") == [
        (0,)
    ]
    assert _profile(b, member.id) == ("(erased)", None, None, None, 0, "erased")
    assert b.sql(f"select count(*) from outbox where payload like '%{NEW_PHONE}%'") == [(0,)]
    a.sync()
    assert _profile(a, member.id) == ("(erased)", None, None, None, 0, "erased")


def test_two_stores_changing_one_member_both_end_with_the_change_the_server_applied_last(
    tills: tuple[Till, Till], server: Server
) -> None:
    a, b = tills
    member = _shared_member(a, b)
    edit_profile(a.shop, LOCAL_ADMIN, member.member_no, ProfileEdit(name="A 店", phone=OLD_PHONE))
    edit_profile(
        b.shop,
        LOCAL_ADMIN,
        member.member_no,
        ProfileEdit(name="B 店", phone=NEW_PHONE, consent=True),
    )
    a.sync()  # the server applies A's change first
    b.sync()  # then B's: B's is the later one, by the server's order
    a.sync()

    expected = ("B 店", NEW_PHONE, None, None, 1, "active")
    assert _profile(a, member.id) == _profile(b, member.id) == expected
    assert server.sql(f"select name from member_profiles where member_id = '{member.id}'") == [
        ("B 店",)
    ]
    a.sync()
    b.sync()  # settled: nothing moves any more, and nothing echoes
    assert _profile(a, member.id) == _profile(b, member.id) == expected
    assert a.sql("select count(*) from outbox where sent_at is null") == [(0,)]
    assert b.sql("select count(*) from outbox where sent_at is null") == [(0,)]


def test_two_stores_changing_different_fields_offline_both_keep_both_changes(
    tills: tuple[Till, Till], server: Server
) -> None:
    a, b = tills
    member = _shared_member(a, b)
    edit_profile(a.shop, LOCAL_ADMIN, member.member_no, ProfileEdit(phone=NEW_PHONE))
    edit_profile(
        b.shop, LOCAL_ADMIN, member.member_no, ProfileEdit(email="wang@example.com", consent=True)
    )
    a.sync()  # the server applies A's phone first,
    b.sync()  # then B's e-mail and consent, whose profile still has the old phone
    a.sync()

    expected = ("王芳", NEW_PHONE, "wang@example.com", None, 1, "active")
    assert _profile(a, member.id) == _profile(b, member.id) == expected
    assert server.sql(
        f"select phone, email, consent from member_profiles where member_id = '{member.id}'"
    ) == [(NEW_PHONE, "wang@example.com", True)]
    assert server.sql(f"select consent from members where id = '{member.id}'") == [(True,)]
    # A's next change of another field keeps B's e-mail too
    edit_profile(a.shop, LOCAL_ADMIN, member.member_no, ProfileEdit(name="王芳芳"))
    a.sync()
    b.sync()
    assert _profile(b, member.id) == ("王芳芳", *expected[1:])


def test_a_till_s_second_change_made_before_it_pulled_another_store_s_keeps_that_store_s(
    tills: tuple[Till, Till], server: Server
) -> None:
    a, b = tills
    member = _shared_member(a, b)
    edit_profile(a.shop, LOCAL_ADMIN, member.member_no, ProfileEdit(name="王芳芳"))
    a.sync()
    # B, offline from the pull (its pushes go through), changes two fields one after the other
    edit_profile(b.shop, LOCAL_ADMIN, member.member_no, ProfileEdit(email="wang@example.com"))
    assert sync.push_pending(b.shop, b.client).pushed == 1
    edit_profile(b.shop, LOCAL_ADMIN, member.member_no, ProfileEdit(birthday="1990-03-14"))
    assert sync.push_pending(b.shop, b.client).pushed == 1  # its whole profile: the old name
    a.sync()
    b.sync()

    expected = ("王芳芳", OLD_PHONE, "wang@example.com", "1990-03-14", 0, "active")
    assert _profile(a, member.id) == _profile(b, member.id) == expected


def test_a_replayed_profile_change_is_a_duplicate_and_never_undoes_a_later_one(
    tills: tuple[Till, Till], server: Server
) -> None:
    a, b = tills
    member = _shared_member(a, b)
    edit_profile(a.shop, LOCAL_ADMIN, member.member_no, ProfileEdit(name="First"))
    edit_profile(a.shop, LOCAL_ADMIN, member.member_no, ProfileEdit(name="Second"))
    a.sync()
    _enrolment, first, second = _profile_events(a)
    assert first["version"] == 2
    assert first["payload"]["profile"]["name"] == "First"

    code, body = server.post("/v1/events", {"events": [first, second]})  # a restored till
    assert code == 200
    assert [r["status"] for r in body["results"]] == ["duplicate", "duplicate"]
    assert server.sql(f"select name from member_profiles where member_id = '{member.id}'") == [
        ("Second",)
    ]
    b.sync()
    b.sync()
    assert _profile(b, member.id)[0] == "Second"


def test_a_name_changed_after_the_till_is_restored_from_a_backup_stands_everywhere(
    tills: tuple[Till, Till], server: Server, tmp_path: Path, clock: FixedClock
) -> None:
    a, b = tills
    member = _shared_member(a, b)
    backup = backups.back_up(a.shop, LOCAL_ADMIN).path
    for name in ("Before A", "Before B", "Before C", "Before D"):
        edit_profile(a.shop, LOCAL_ADMIN, member.member_no, ProfileEdit(name=name))
    a.sync()
    highest = _profile_events(a)[-1]["seq"]
    backups.restore_backup(a.shop, LOCAL_ADMIN, backup)  # the shop's PC was rebuilt
    path = Path(str(a.opened.engine.url.database))
    a.opened.engine.dispose()
    restored = _open(path, clock, tmp_path / "keys", server, server.token)
    try:
        edit_profile(restored.shop, LOCAL_ADMIN, member.member_no, ProfileEdit(name="After"))
        assert _profile_events(restored)[-1]["seq"] < highest  # a number used before
        restored.sync()
        b.sync()
        kept = f"select name from member_profiles where member_id = '{member.id}'"
        assert server.sql(kept) == [("After",)]  # was "Before D", the change answered applied
        assert _profile(b, member.id)[0] == "After"
        restored.sync()
        assert _profile(restored, member.id)[0] == "After"
        assert restored.check() == b.check() == ()
    finally:
        restored.opened.engine.dispose()


def test_a_phone_another_member_has_at_b_does_not_stop_b_s_pull(
    tills: tuple[Till, Till],
) -> None:
    a, b = tills
    member = _shared_member(a, b)
    local = members.enrol(b.shop, LOCAL_ADMIN, members.NewMember("本店", phone=NEW_PHONE))
    edit_profile(a.shop, LOCAL_ADMIN, member.member_no, ProfileEdit(phone=NEW_PHONE))
    later = members.enrol(a.shop, LOCAL_ADMIN, members.NewMember("后来"))
    a.sync()
    b.sync()

    assert _profile(b, member.id)[1] == NEW_PHONE
    assert _profile(b, local.id)[:2] == ("本店", NEW_PHONE)  # not overwritten, not moved
    assert show_member(b.shop, LOCAL_ADMIN, later.member_no).id == later.id  # the pull went on
    status = sync.status(b.shop)
    assert (status.skipped, status.clashes) == (0, 0)
    # the shared phone lists both, as when two members here share one
    with pytest.raises(AmbiguousMember) as found:
        show_member(b.shop, LOCAL_ADMIN, NEW_PHONE)
    listed = {c["member_no"] for c in found.value.details["candidates"]}
    assert listed == {member.member_no, local.member_no}


def _changed(member_id: str, seq: int, profile: Any, version: int = 2) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "member_id": member_id,
        "fields": ["phone"],
        "consent": False,
        "consent_at": None,
    }
    if profile is not None:
        payload["profile"] = profile
    event = _wire("member.profile_changed", f"profile:{uuid.uuid4()}", seq, payload)
    event["version"] = version
    return event


GOOD = {"name": "王芳", "phone": NEW_PHONE, "email": None, "birthday": "1990-05-31"}


@pytest.mark.parametrize(
    ("profile", "said"),
    [
        ({**GOOD, "phone": "1390013900a"}, "phone"),
        ({**GOOD, "phone": "139 0013 9001"}, "phone"),  # not as a till writes it
        ({**GOOD, "name": "  "}, "name"),
        ({**GOOD, "email": "not-an-address"}, "e-mail"),
        ({**GOOD, "birthday": "31/05/1990"}, "birthday"),
        ({**GOOD, "birthday": "2999-12-31"}, "birthday is in the future"),  # no till writes it
        ({**GOOD, "address": "1 Main St"}, "exactly name, phone, email and birthday"),
        ("王芳", "wrong type"),
        (None, "missing profile"),
    ],
)
def test_a_profile_change_with_a_bad_payload_is_rejected_with_its_reason(
    server: Server, profile: Any, said: str
) -> None:
    member = str(uuid.uuid4())
    events = [enrolled(member, 1), _changed(member, 2, profile), _changed(member, 3, GOOD)]
    code, body = server.post("/v1/events", {"events": events})
    assert code == 200
    assert [r["status"] for r in body["results"]] == ["applied", "rejected", "applied"]
    reason = body["results"][1]["reason"]
    assert said in reason
    for value in ("1390013900a", "1 Main St", "31/05/1990", "not-an-address", "2999"):
        assert value not in reason  # a refusal never repeats personal data
    # the good change after it is kept
    assert server.sql(f"select name, phone from member_profiles where member_id = '{member}'") == [
        ("王芳", NEW_PHONE)
    ]


def test_an_older_tills_profile_change_keeps_its_consent_and_carries_no_profile(
    server: Server,
) -> None:
    member = str(uuid.uuid4())
    older = _changed(member, 2, None, version=1)  # withdraws the consent given at enrolment
    code, body = server.post("/v1/events", {"events": [enrolled(member, 1), older]})
    assert code == 200
    assert [r["status"] for r in body["results"]] == ["applied", "applied"]
    assert server.sql(f"select consent from members where id = '{member}'") == [(False,)]
    assert server.sql("select count(*) from member_profiles") == [(0,)]


def test_a_profile_change_that_reaches_the_server_before_the_enrolment_is_kept_for_it(
    tills: tuple[Till, Till], server: Server
) -> None:
    _, b = tills
    member = str(uuid.uuid4())
    # the enrolling store's two batches committed out of order
    code, body = server.post("/v1/events", {"events": [_changed(member, 2, GOOD)]})
    assert (code, body["results"][0]["status"]) == (200, "applied")
    b.sync()  # the change waits at B for the member's record
    assert b.sql(f"select count(*) from members where id = '{member}'") == [(0,)]
    assert server.post("/v1/events", {"events": [enrolled(member, 1)]})[0] == 200
    b.sync()
    assert _profile(b, member)[:4] == ("王芳", NEW_PHONE, None, "1990-05-31")


def test_a_profile_change_sent_again_with_another_profile_is_quarantined_without_the_profile(
    server: Server,
) -> None:
    member = str(uuid.uuid4())
    first = _changed(member, 2, GOOD)
    assert server.post("/v1/events", {"events": [enrolled(member, 1), first]})[0] == 200
    again = {**first, "id": str(uuid.uuid4())}
    again["payload"] = {**first["payload"], "profile": {**GOOD, "phone": OLD_PHONE}}
    code, body = server.post("/v1/events", {"events": [again]})

    assert (code, body["results"][0]["status"]) == (200, "conflict")
    (kept,) = server.sql("select payload from quarantine")[0]
    assert json.loads(kept)["payload"]["profile"] == "(withheld: personal data)"
    assert OLD_PHONE not in kept
    assert server.sql(f"select phone from member_profiles where member_id = '{member}'") == [
        (NEW_PHONE,)
    ]


def test_an_erasure_committed_before_the_enrolment_still_wins(server: Server) -> None:
    # One till's two batches in flight: the later one, with the erasure, commits first.
    member_id = str(uuid.uuid4())
    erase = _wire("member.erased", f"erase:{member_id}", 3, {"member_id": member_id})
    code, answer = server.post("/v1/events", {"events": [erase]})
    assert code == 200, answer
    assert [r["status"] for r in answer["results"]] == ["applied"]

    code, answer = server.post(
        "/v1/events", {"events": [enrolled(member_id, 1), _changed(member_id, 2, GOOD)]}
    )

    assert code == 200, answer
    assert [r["status"] for r in answer["results"]] == ["applied", "rejected"]
    assert "erased" in str(answer["results"][1]["reason"])
    assert server.sql(f"select status from members where id = '{member_id}'") == [("erased",)]
    assert server.sql("select count(*) from member_profiles") == [(0,)]
    assert server.sql(f"select count(*) from changes where strpos(body, '{NEW_PHONE}') > 0") == [
        (0,)
    ]
    [(body,)] = server.sql(
        f"select body from changes where member_id = '{member_id}' order by pos desc limit 1"
    )
    assert json.loads(body)["status"] == "erased"  # the stores erase the member too


def test_of_two_changes_of_one_till_the_later_stands_whatever_order_they_commit_in(
    server: Server,
) -> None:
    member_id = str(uuid.uuid4())
    older = _changed(member_id, 5, {**GOOD, "name": "Old Name"})
    newer = _changed(member_id, 6, {**GOOD, "name": "New Name"})
    kept = f"select name from member_profiles where member_id = '{member_id}'"
    for batch in ([enrolled(member_id, 1)], [newer], [older]):  # two batches, newest first
        code, answer = server.post("/v1/events", {"events": batch})
        assert code == 200, answer
        assert [r["status"] for r in answer["results"]] == ["applied"]
    assert server.sql(kept) == [("New Name",)]

    # another till's change of the name applied later stands (its other fields are not
    # what it changed: they stay as kept)
    other = dict(
        _changed(member_id, 2, {**GOOD, "name": "Other Till", "email": "x@example.com"}),
        device_id=str(uuid.uuid4()),
    )
    other["payload"]["fields"] = ["name"]
    code, answer = server.post("/v1/events", {"events": [other]})
    assert code == 200, answer
    assert server.sql(kept) == [("Other Till",)]
    assert server.sql(f"select email from member_profiles where member_id = '{member_id}'") == [
        (None,)
    ]


def test_a_till_restored_from_a_backup_numbers_again_and_its_later_change_stands(
    server: Server,
) -> None:
    """Numbers a restored till uses again are newer than the ones it used before the restore."""
    member_id = str(uuid.uuid4())
    kept = f"select name from member_profiles where member_id = '{member_id}'"
    _post(server, enrolled(member_id, 1), _changed(member_id, 2, GOOD))  # the backup ends here
    _post(server, _name(member_id, 3, "Before A"))
    _post(server, _name(member_id, 4, "Before B"))
    # restored from the backup, the till numbers its next change 3 again
    _post(server, _name(member_id, 3, "After Restore"))
    assert server.sql(kept) == [("After Restore",)]  # was ("Before B",), answered applied
    _post(server, _name(member_id, 4, "After Again"))
    _post(server, _name(member_id, 5, "After, New Number"))
    assert server.sql(kept) == [("After, New Number",)]
    # still: a change of this till that comes late, its number not used twice, stays out
    _post(server, _name(member_id, 7, "Seventh"))
    _post(server, _name(member_id, 6, "Sixth, Late"))
    assert server.sql(kept) == [("Seventh",)]


def _post(server: Server, *events: dict[str, Any]) -> None:
    code, answer = server.post("/v1/events", {"events": list(events)})
    assert code == 200, answer
    assert [r["status"] for r in answer["results"]] == ["applied"] * len(events), answer


def _naming(event: dict[str, Any], *fields: Any) -> dict[str, Any]:
    event["payload"]["fields"] = list(fields)
    return event


def _name(member_id: str, seq: int, name: str) -> dict[str, Any]:
    """A change of the name alone, by the tests' till."""
    return _naming(_changed(member_id, seq, {**GOOD, "name": name}), "name")


def phone_elsewhere(member_id: str, seq: int) -> dict[str, Any]:
    """Another till's change of the phone alone, from a till that still has consent given."""
    other = dict(
        _naming(_changed(member_id, seq, {**GOOD, "phone": OLD_PHONE}), "phone"),
        device_id=str(uuid.uuid4()),
    )
    other["payload"]["consent"] = True  # that till has not heard of a withdrawal
    return other


def test_two_changes_of_different_fields_by_one_till_both_stand_whatever_order_they_commit_in(
    server: Server,
) -> None:
    member_id = str(uuid.uuid4())
    phone = _naming(_changed(member_id, 10, {**GOOD, "phone": OLD_PHONE}), "phone")
    email = _naming(_changed(member_id, 11, {**GOOD, "email": "w@example.com"}), "email")
    # (the till's profile at seq 11 still had its phone as before seq 10: GOOD's)
    _post(server, enrolled(member_id, 1), _changed(member_id, 2, GOOD))
    _post(server, email)  # two batches in flight: the later commits first
    _post(server, phone)

    assert server.sql(
        f"select phone, email from member_profiles where member_id = '{member_id}'"
    ) == [(OLD_PHONE, "w@example.com")]  # was (NEW_PHONE, …): the earlier change was lost


def test_an_older_till_s_consent_withdrawal_stands_through_a_later_change_of_the_phone(
    server: Server,
) -> None:
    member_id = str(uuid.uuid4())
    given = _naming(_changed(member_id, 2, GOOD), "name", "consent")
    given["payload"]["consent"] = True
    _post(server, enrolled(member_id, 1), given)
    withdrawn = _naming(_changed(member_id, 3, None, version=1), "consent")  # consent False
    _post(server, withdrawn)
    _post(server, phone_elsewhere(member_id, 4))

    assert server.sql(f"select consent from members where id = '{member_id}'") == [(False,)]
    assert server.sql(
        f"select phone, consent from member_profiles where member_id = '{member_id}'"
    ) == [(OLD_PHONE, False)]


def test_a_change_naming_fields_no_till_has_is_applied_and_changes_nothing(
    server: Server,
) -> None:
    member_id = str(uuid.uuid4())
    _post(server, enrolled(member_id, 1), _changed(member_id, 2, GOOD))
    odd = _naming(_changed(member_id, 3, {**GOOD, "name": "Other"}), {}, [1], "shoe size")

    _post(server, odd)  # a {} in fields was a 500 on every retry

    assert server.sql(f"select name from member_profiles where member_id = '{member_id}'") == [
        ("王芳",)
    ]
