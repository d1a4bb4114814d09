"""A card reprinted at one store revokes the old one at every store: real tills, a real server.

A member reports a lost card at store A; A prints a new one. After A and B sync, B reads the
new card and refuses the old one (``card_replaced``), as A does.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
from sqlalchemy import select

from loyalty_desktop.db.tables import outbox
from loyalty_desktop.domain.errors import InvalidCard
from loyalty_desktop.domain.members import Member
from loyalty_desktop.services import members
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.member_view import show_member
from tests.server.conftest import Server
from tests.server.events import _wire, enrolled
from tests.server.test_store_pull import Till
from tests.server.test_store_pull import tills as two_tills

tills = two_tills  # the two-till fixture, by the name the tests ask for


def _card(till: Till, member_no: str, *, reprint: bool = False) -> str:
    """The member's card code at this till; ``reprint`` prints a new one, revoking the old."""

    def deliver(_member: Member, code: str, _shop: str) -> str:
        return code

    return members.member_card(till.shop, LOCAL_ADMIN, member_no, reissue=reprint, deliver=deliver)


def _scan(till: Till, code: str) -> str:
    """The member a scan of ``code`` finds at this till (its id), or the refusal's reason."""
    try:
        return show_member(till.shop, LOCAL_ADMIN, code).id
    except InvalidCard as refused:
        return f"refused: {refused.reason}"


def _shared(a: Till, b: Till) -> members.Enrolled:
    member = members.enrol(a.shop, LOCAL_ADMIN, members.NewMember("王芳"))
    a.sync()
    b.sync()
    return member


def test_a_card_reprinted_at_a_is_refused_at_b_and_the_new_one_read_after_both_sync(
    tills: tuple[Till, Till], server: Server
) -> None:
    a, b = tills
    member = _shared(a, b)
    old = _card(a, member.member_no)
    assert _scan(b, old) == member.id  # the card works at both stores

    new = _card(a, member.member_no, reprint=True)  # lost: A prints a new card
    assert (_scan(a, old), _scan(b, new)) == ("refused: card_replaced", "refused: card_replaced")
    a.sync()
    b.sync()

    assert _scan(b, old) == "refused: card_replaced"
    assert _scan(b, new) == member.id
    assert server.sql(
        f"select card_no, serial from member_cards where member_id = '{member.id}'"
    ) == [(int(b.sql(f"select card_no from members where id = '{member.id}'")[0][0]), 1)]
    assert b.sql("select count(*) from outbox where kind = 'member.card_reissued'") == [(0,)]
    # B prints the next card: it counts on from A's, and A follows it in turn
    newest = _card(b, member.member_no, reprint=True)
    b.sync()
    a.sync()
    assert [_scan(t, c) for t in (a, b) for c in (new, newest)] == [
        "refused: card_replaced",
        member.id,
        "refused: card_replaced",
        member.id,
    ]
    assert a.check() == b.check() == ()


def test_an_older_reprint_arriving_late_never_brings_an_old_card_back(
    tills: tuple[Till, Till], server: Server
) -> None:
    a, b = tills
    member = _shared(a, b)
    _card(a, member.member_no, reprint=True)
    second = _card(a, member.member_no, reprint=True)
    a.sync()
    queued = _reprints(a)
    assert [e["payload"]["serial"] for e in queued] == [1, 2]

    # the first reprint again under another key (a restored till): the server keeps serial 2
    again = dict(
        queued[0], id=str(uuid.uuid4()), key=queued[0]["key"] + ":again", seq=queued[1]["seq"] + 5
    )
    code, answer = server.post("/v1/events", {"events": [again]})

    assert code == 200, answer
    assert [r["status"] for r in answer["results"]] == ["applied"]
    assert server.sql(f"select serial from member_cards where member_id = '{member.id}'") == [(2,)]
    b.sync()
    assert _scan(b, second) == member.id


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"serial": 10}, "member.card_reissued: serial is not a card serial (0 to 9)"),
        ({"serial": True}, "member.card_reissued: serial has the wrong type"),
        ({"card_no": 0}, "member.card_reissued: card_no is not a card number"),
        ({"card_no": 10**12}, "member.card_reissued: card_no is not a card number"),
        ({"member_id": "not-a-uuid"}, "card member 'not-a-uuid' is not a UUID"),
    ],
)
def test_a_reprint_no_till_could_send_is_rejected_alone(
    server: Server, change: dict[str, Any], reason: str
) -> None:
    member_id = str(uuid.uuid4())
    good = {"member_id": member_id, "card_no": 10000001, "serial": 1}
    event = _wire("member.card_reissued", f"card:{uuid.uuid4()}", 2, {**good, **change})
    member = enrolled(member_id, 1)

    code, answer = server.post("/v1/events", {"events": [member, event]})

    assert code == 200, answer
    results = [(r["status"], r.get("reason")) for r in answer["results"]]
    assert results[0] == ("applied", None)
    assert results[1] == ("rejected", reason)
    assert server.sql("select count(*) from member_cards") == [(0,)]


def _reprints(till: Till) -> list[dict[str, Any]]:
    """The till's card reprints as the wire carries them (sent or not)."""
    with till.opened.engine.connect() as conn:
        rows = conn.execute(
            select(outbox).where(outbox.c.kind == "member.card_reissued").order_by(outbox.c.seq)
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


def test_the_tenth_reprint_s_new_number_stands_when_the_ninth_arrives_after_it(
    server: Server,
) -> None:
    member_id = str(uuid.uuid4())

    def reprint(card_no: int, serial: int, seq: int) -> dict[str, Any]:
        body = {"member_id": member_id, "card_no": card_no, "serial": serial}
        return _wire("member.card_reissued", f"card:{card_no}:{serial}", seq, body)

    ninth, tenth = reprint(10000001, 9, 10), reprint(10000002, 0, 11)
    for batch in ([enrolled(member_id, 1)], [tenth], [ninth]):  # two batches, newest first
        code, answer = server.post("/v1/events", {"events": batch})
        assert code == 200, answer
        assert [r["status"] for r in answer["results"]] == ["applied"]
    kept = f"select card_no, serial from member_cards where member_id = '{member_id}'"
    assert server.sql(kept) == [(10000002, 0)]

    # another till's later reprint with another number is the newest card when applied
    other = dict(reprint(10000003, 0, 2), device_id=str(uuid.uuid4()))
    code, answer = server.post("/v1/events", {"events": [other]})
    assert code == 200, answer
    assert server.sql(kept) == [(10000003, 0)]


def test_a_reprint_to_a_number_another_member_holds_is_rejected_alone(server: Server) -> None:
    thief, victim = str(uuid.uuid4()), str(uuid.uuid4())
    members_in = []
    for seq, (member_id, card_no) in enumerate(((thief, 10000001), (victim, 10000002)), start=1):
        event = enrolled(member_id, seq)
        event["payload"]["card_no"] = card_no
        members_in.append(event)

    def reprint(member_id: str, card_no: int, serial: int, seq: int) -> dict[str, Any]:
        body = {"member_id": member_id, "card_no": card_no, "serial": serial}
        return _wire("member.card_reissued", f"card:{uuid.uuid4()}", seq, body)

    code, answer = server.post(
        "/v1/events",
        {
            "events": [
                *members_in,
                reprint(thief, 10000002, 0, 3),  # the victim's card number: refused
                reprint(thief, 10000001, 1, 4),  # its own number, next serial
                reprint(thief, 10000009, 0, 5),  # a number nobody holds
                reprint(victim, 10000009, 0, 6),  # now the thief's: refused
            ]
        },
    )

    assert code == 200, answer
    assert [(r["status"], r.get("reason")) for r in answer["results"]] == [
        ("applied", None),
        ("applied", None),
        ("rejected", "member.card_reissued: card number 10000002 is another member's card"),
        ("applied", None),
        ("applied", None),
        ("rejected", "member.card_reissued: card number 10000009 is another member's card"),
    ]
    assert server.sql("select member_id::text, card_no, serial from member_cards") == [
        (thief, 10000009, 0)
    ]
