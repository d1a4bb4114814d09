"""The duplicate of an erased member is erased too, whichever of the merge and the erasure comes first.

Store B merges a duplicate card into a member while store A, not yet having pulled the
merge, erases that member: the duplicate's name and phone must go from the server and from
both tills' files, as an erasure at one till takes the duplicates merged into the member.
"""

from __future__ import annotations

from pathlib import Path

from loyalty_desktop.services import members, privacy
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.merge import merge_members
from tests.server.conftest import Server
from tests.server.test_store_pull import Till
from tests.server.test_store_pull import tills as two_tills

tills = two_tills  # the two-till fixture, by the name the tests ask for

DUP_PHONE = "13900139055"


def _bytes(till: Till) -> bytes:
    db = Path(str(till.opened.engine.url.database))
    parts = [db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")]
    return b"".join(p.read_bytes() for p in parts if p.exists())


def _shared_pair(a: Till, b: Till) -> tuple[members.Enrolled, members.Enrolled]:
    keep = members.enrol(
        a.shop, LOCAL_ADMIN, members.NewMember("Quinn Keeper", phone="13900139044")
    )
    dup = members.enrol(a.shop, LOCAL_ADMIN, members.NewMember("Quinn Dupe", phone=DUP_PHONE))
    a.sync()
    b.sync()
    return keep, dup


def _settle(a: Till, b: Till) -> None:
    for till in (a, b, a, b):
        till.sync()


def _gone_everywhere(server: Server, a: Till, b: Till, dup_id: str) -> None:
    assert server.sql(f"select count(*) from member_profiles where member_id = '{dup_id}'") == [
        (0,)
    ]
    assert server.sql(f"select status from members where id = '{dup_id}'") == [("erased",)]
    for till in (a, b):
        assert till.sql(f"select status, phone from members where id = '{dup_id}'") == [
            ("erased", None)
        ]
    assert DUP_PHONE.encode() not in _bytes(a) + _bytes(b)


def test_a_merge_into_a_member_erased_elsewhere_meanwhile_erases_the_duplicate(
    tills: tuple[Till, Till], server: Server
) -> None:
    a, b = tills
    keep, dup = _shared_pair(a, b)
    merge_members(b.shop, LOCAL_ADMIN, keep.member_no, dup.member_no)  # B: the same person
    privacy.erase_member(a.shop, LOCAL_ADMIN, keep.member_no)  # A: the person asks for erasure
    a.sync()  # the erasure reaches the server first, then B's merge

    _settle(a, b)

    _gone_everywhere(server, a, b, dup.id)


def test_an_erasure_arriving_after_a_merge_made_elsewhere_erases_the_duplicate(
    tills: tuple[Till, Till], server: Server
) -> None:
    a, b = tills
    keep, dup = _shared_pair(a, b)
    merge_members(b.shop, LOCAL_ADMIN, keep.member_no, dup.member_no)
    privacy.erase_member(a.shop, LOCAL_ADMIN, keep.member_no)
    b.sync()  # the merge reaches the server first, then A's erasure

    _settle(a, b)

    _gone_everywhere(server, a, b, dup.id)
