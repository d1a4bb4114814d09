"""Profile changes a careless or hostile store sends, and ones that race an erasure (attack15)."""

from __future__ import annotations

import threading
import uuid

import sqlalchemy

from loyalty_desktop.server.push import push_batch
from loyalty_desktop.services.pulled import MemberChange, read_changes
from tests.server.conftest import Server
from tests.server.direct import as_pushed, wait_for_lock
from tests.server.events import _wire, enrolled, sale
from tests.server.test_profile_pull import (
    GOOD,
    OLD_PHONE,
    _changed,
    _naming,
    _post,
    phone_elsewhere,
)


def test_a_consent_moment_no_till_can_read_back_is_refused_and_the_sale_beside_it_travels(
    server: Server,
) -> None:
    member_id = str(uuid.uuid4())
    _post(server, enrolled(member_id, 1))
    odd = _naming(_changed(member_id, 2, GOOD), "consent")
    odd["payload"].update(consent=True, consent_at="0001-01-01T00:00:00+01:00")

    code, answer = server.post("/v1/events", {"events": [odd, sale(member_id, 3)]})

    assert code == 200, answer
    assert [r["status"] for r in answer["results"]] == ["rejected", "applied"]
    assert answer["results"][0]["reason"] == "consent_at 0001-01-01T00:00:00+01:00 is out of range"
    page = read_changes(server.get("/v1/changes?after=0")["changes"])
    mine = [c for c in page.changes if getattr(c, "member_id", None) == member_id]
    assert mine  # was kept, and every till then read the member's changes as unreadable
    assert all(isinstance(c, MemberChange) for c in mine)


def test_a_withdrawal_before_any_record_stands_through_another_till_s_first_phone_change(
    server: Server,
) -> None:
    member_id = str(uuid.uuid4())
    _post(server, enrolled(member_id, 1))  # consent given; no profile record yet
    _post(server, _naming(_changed(member_id, 2, None, version=1), "consent"))  # withdrawn
    _post(server, phone_elsewhere(member_id, 4))

    assert server.sql(f"select consent from members where id = '{member_id}'") == [(False,)]
    assert server.sql(
        f"select phone, consent from member_profiles where member_id = '{member_id}'"
    ) == [(OLD_PHONE, False)]  # was consent True in both


def test_a_withdrawal_committed_before_the_enrolment_stands_in_the_member_record(
    server: Server,
) -> None:
    member_id = str(uuid.uuid4())
    _post(server, _naming(_changed(member_id, 3, GOOD), "consent"))  # consent withdrawn
    _post(server, enrolled(member_id, 1))  # consent given, sent earlier, committed later

    assert server.sql(f"select consent from members where id = '{member_id}'") == [(False,)]
    rows = [r for r in server.get("/v1/changes?after=0")["changes"] if r["member_id"] == member_id]
    assert rows[-1]["consent"] is False  # what a till creating the member is told


def test_a_first_profile_pushed_beside_the_member_s_erasure_is_refused_and_not_kept(
    server: Server,
) -> None:
    # Two batches of one till in flight: the erasure's and the profile's of a member whose
    # enrolment the server has not got. Apart, neither saw the other's uncommitted rows.
    member_id = str(uuid.uuid4())
    store = uuid.UUID(server.store_id)
    erased = _wire("member.erased", f"erased:{member_id}", 5, {"member_id": member_id})
    profile = _changed(member_id, 3, GOOD)
    engine = sqlalchemy.create_engine(server.db)
    got: list[str] = []
    try:
        erasing = engine.connect()
        erasing.begin()
        assert [a.status for a in push_batch(erasing, store, as_pushed([erased]))] == ["applied"]

        def other_worker() -> None:
            with engine.begin() as conn:
                got.extend(a.status for a in push_batch(conn, store, as_pushed([profile])))

        worker = threading.Thread(target=other_worker)
        worker.start()
        wait_for_lock(engine, "balances")  # the profile's batch waits for the erasure's
        erasing.commit()
        erasing.close()
        worker.join(30)
    finally:
        engine.dispose()

    assert got == ["rejected"]  # it waits for the erasure and then sees it
    assert server.sql(f"select count(*) from erasures where member_id = '{member_id}'") == [(1,)]
    assert server.sql(f"select count(*) from member_profiles where member_id = '{member_id}'") == [
        (0,)
    ]  # was 1: the erased member's name and phone kept and handed out
