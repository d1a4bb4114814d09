"""The members repository on SQLite and PostgreSQL: what goes in comes back, and every till lookup finds it."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from loyalty_desktop.app import Opened
from loyalty_desktop.db.repositories.members import SqlMembers
from loyalty_desktop.domain.members import Member, MemberStatus
from loyalty_desktop.domain.phones import normalize_phone

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _member(no: str, card_no: int, **fields: object) -> Member:
    defaults: dict[str, object] = {
        "id": str(uuid.uuid4()),
        "member_no": no,
        "card_no": card_no,
        "name": f"会员{no}",
        "created_at": datetime(2026, 3, 2, 10, 0, tzinfo=SHANGHAI),
    }
    return Member(**{**defaults, **fields})  # type: ignore[arg-type]


def _assert_utc(moment: datetime | None) -> None:
    assert moment is not None
    assert moment.tzinfo is not None, "a stored moment must come back timezone-aware"
    assert moment.utcoffset() == timedelta(0), "stored moments come back in UTC"


def test_a_member_comes_back_exactly_as_stored(opened: Opened) -> None:
    joined = datetime(2026, 3, 2, 10, 15, 30, 123456, tzinfo=SHANGHAI)
    member = _member(
        "A-001",
        10_000_001,
        name="欧阳娜娜",
        created_at=joined,
        phone=normalize_phone("+86 138-0013-8000"),
        email="nana@example.cn",
        birthday=date(1990, 2, 28),
        consent=True,
        consent_at=joined,
        card_serial=3,
        tier="金卡",
        balance=-15,
        lifetime_spend=1_234_567,
        points_earned=9_999_999_999,  # beyond 32 bits
        last_movement_at=datetime(2026, 12, 31, 23, 59, 59, 999999, tzinfo=UTC),
    )
    with opened.shop.uow() as uow:
        uow.members.add(member)
        uow.commit()

    with opened.shop.uow(write=False) as uow:
        back = uow.members.get(member.id)

    assert back == member
    assert back is not None
    assert back.name == "欧阳娜娜"
    assert back.phone == "13800138000"
    assert back.birthday == date(1990, 2, 28)
    assert type(back.birthday) is date
    _assert_utc(back.created_at)
    _assert_utc(back.consent_at)
    _assert_utc(back.last_movement_at)
    assert back.created_at == joined
    assert back.created_at.replace(tzinfo=None) == datetime(2026, 3, 2, 2, 15, 30, 123456)
    assert back.status is MemberStatus.ACTIVE


def test_empty_optional_fields_come_back_empty(opened: Opened) -> None:
    member = _member("B-1", 10_000_002)
    with opened.shop.uow() as uow:
        uow.members.add(member)
        uow.commit()
    with opened.shop.uow(write=False) as uow:
        back = uow.members.get(member.id)
    assert back == member
    assert back is not None
    assert (back.phone, back.email, back.birthday, back.consent_at, back.tier) == (None,) * 5
    assert back.last_movement_at is None
    assert back.consent is False


def test_saving_a_member_changes_profile_totals_and_phone_lookups(opened: Opened) -> None:
    member = _member("C-1", 10_000_003, phone="13900001111")
    with opened.shop.uow() as uow:
        uow.members.add(member)
        uow.commit()

    member.name = "张小明"
    member.phone = "13922223333"
    member.balance = 120
    member.tier = "Silver"
    member.status = MemberStatus.ERASED
    with opened.shop.uow() as uow:
        uow.members.save(member)
        uow.commit()

    with opened.shop.uow(write=False) as uow:
        assert uow.members.get(member.id) == member
        assert uow.members.by_phone_tail("1111") == []
        assert uow.members.by_phone_tail("3333") == [], (
            "an erased member is not offered at the till"
        )
        member.status = MemberStatus.ACTIVE
    with opened.shop.uow() as uow:
        uow.members.save(member)
        uow.commit()
    with opened.shop.uow(write=False) as uow:
        assert [m.id for m in uow.members.by_phone_tail("3333")] == [member.id]
        assert uow.members.by_phone("13900001111") == []


def test_a_member_is_found_by_number_card_phone_and_phone_tail(opened: Opened) -> None:
    ann = _member("1001", 10_000_011, phone="13800000001", name="安娜")
    ben = _member("1002", 10_000_012, phone="13800000001", name="本")
    cai = _member("1003", 10_000_013, phone="13900000001", name="蔡")
    gone = _member(
        "1004", 10_000_014, phone="13800000001", status=MemberStatus.CLOSED, merged_into=ann.id
    )
    with opened.shop.uow() as uow:
        for member in (cai, ann, gone, ben):
            uow.members.add(member)
        uow.commit()

    with opened.shop.uow(write=False) as uow:
        assert uow.members.by_number("1002") == ben
        assert uow.members.by_number("9999") is None
        assert uow.members.by_card(10_000_013) == cai
        assert uow.members.by_card(10_000_099) is None
        assert [m.id for m in uow.members.by_phone("13800000001")] == [ann.id, ben.id]
        assert uow.members.by_phone("13800000001", limit=1) in ([ann], [ben])
        assert [m.member_no for m in uow.members.by_phone_tail("0001")] == ["1001", "1002", "1003"]
        assert [m.member_no for m in uow.members.by_phone_tail("0001", limit=2)] == [
            "1001",
            "1002",
        ]
        assert uow.members.by_phone_tail("9999") == []


def test_locked_lookups_return_the_same_member(opened: Opened) -> None:
    member = _member("L-1", 10_000_021)
    with opened.shop.uow() as uow:
        uow.members.add(member)
        uow.commit()
    with opened.shop.uow() as uow:
        assert uow.members.get(member.id, for_update=True) == member
        assert uow.members.by_number("L-1", for_update=True) == member
        assert uow.members.by_card(10_000_021, for_update=True) == member


def test_card_numbers_continue_after_the_highest_one(opened: Opened) -> None:
    with opened.shop.uow(write=False) as uow:
        assert uow.members.next_card_no() == 10_000_001
    with opened.shop.uow() as uow:
        uow.members.add(_member("X", 12_345_678))
        uow.commit()
    with opened.shop.uow(write=False) as uow:
        assert uow.members.next_card_no() == 12_345_679


def test_merged_into_follows_chains_of_merges(opened: Opened) -> None:
    keep = _member("K", 10_000_031)
    middle = _member("M", 10_000_032, status=MemberStatus.CLOSED, merged_into=keep.id)
    first = _member("F", 10_000_033, status=MemberStatus.CLOSED, merged_into=middle.id)
    other = _member("O", 10_000_034)
    with opened.shop.uow() as uow:
        for member in (keep, middle, first, other):
            uow.members.add(member)
        uow.commit()
    with opened.shop.uow(write=False) as uow:
        assert sorted(uow.members.merged_into(keep.id)) == sorted([middle.id, first.id])
        assert uow.members.merged_into(other.id) == []


def test_active_members_are_listed_across_batches(opened: Opened) -> None:
    batch = [_member(f"N{i:05d}", 20_000_000 + i) for i in range(2_105)]
    closed = _member("Z", 30_000_000, status=MemberStatus.CLOSED)
    with opened.shop.uow() as uow:
        assert isinstance(uow.members, SqlMembers)  # bulk insert is the adapter's own extra
        uow.members.add_many(batch)
        uow.members.add(closed)
        uow.commit()
    with opened.shop.uow(write=False) as uow:
        listed = [m.id for m in uow.members.active()]
    assert sorted(listed) == sorted(m.id for m in batch)
    assert len(set(listed)) == len(listed)
