"""Editing a member's profile: enrolment's rules, an audit entry and an outbox fact without personal data."""

from __future__ import annotations

import pytest

from loyalty_desktop.domain.errors import (
    InvalidRequest,
    MemberClosed,
    PermissionDenied,
    UnknownMember,
)
from loyalty_desktop.services import member_profile, merge, privacy
from loyalty_desktop.services.auth import LOCAL_ADMIN, Actor, Role
from loyalty_desktop.services.events import PERSONAL_FIELDS
from loyalty_desktop.services.member_profile import ProfileEdit
from tests.unit.services.conftest import ShopDriver

MANAGER = Actor("Mei", Role.MANAGER)
CASHIER = Actor("Cai", Role.CASHIER)


def edit(driver: ShopDriver, ref: str, actor: Actor = MANAGER, **fields: object) -> object:
    return member_profile.edit_profile(driver.shop, actor, ref, ProfileEdit(**fields))  # type: ignore[arg-type]


def test_a_manager_changes_the_fields_given_and_leaves_the_rest(driver: ShopDriver) -> None:
    m = driver.enrol("张三", phone="13800138000", email="zs@example.com")
    done = member_profile.edit_profile(
        driver.shop,
        MANAGER,
        m.member_no,
        ProfileEdit(
            name=" 张三丰 ", phone="+86 139-0000-1111", birthday="1990-05-31", consent=True
        ),
    )
    assert done.changed == ("name", "phone", "birthday", "consent")
    shown = driver.show(m.member_no)
    assert (shown.name, shown.phone, shown.email) == ("张三丰", "13900001111", "zs@example.com")
    assert shown.birthday is not None
    assert shown.consent
    assert driver.show("13900001111").id == m.id  # the new phone finds them; the old does not
    with pytest.raises(UnknownMember):
        driver.show("13800138000")


def test_an_empty_value_clears_a_field_but_a_name_is_always_needed(driver: ShopDriver) -> None:
    m = driver.enrol("李四", phone="13800138000", email="ls@example.com")
    edit(driver, m.member_no, phone="", email=" ")
    shown = driver.show(m.member_no)
    assert (shown.phone, shown.email) == (None, None)
    with pytest.raises(InvalidRequest) as refused:
        edit(driver, m.member_no, name="  ")
    assert refused.value.reason == "name_missing"


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"phone": "12"}, "phone_length"),
        ({"phone": "138-abc"}, "phone_not_digits"),
        ({"email": "not an address"}, "email_format"),
        ({"birthday": "31/05/1990"}, "birthday_format"),
        ({"birthday": "2999-01-01"}, "birthday_future"),
    ],
)
def test_the_rules_of_enrolment_apply(
    driver: ShopDriver, fields: dict[str, str], reason: str
) -> None:
    m = driver.enrol()
    with pytest.raises(InvalidRequest) as refused:
        edit(driver, m.member_no, **fields)
    assert refused.value.reason == reason


def test_a_phone_another_member_has_is_allowed_and_reported(driver: ShopDriver) -> None:
    a = driver.enrol(phone="13800138000")
    b = driver.enrol()
    done = member_profile.edit_profile(
        driver.shop, MANAGER, b.member_no, ProfileEdit(phone="13800138000")
    )
    assert done.same_phone == (a.member_no,)


def test_the_edit_is_audited_by_field_names_and_published_with_the_profile_for_other_stores(
    driver: ShopDriver,
) -> None:
    m = driver.enrol()
    edit(driver, m.member_no, name="王五", phone="13911112222", consent=True)
    entry = driver.database.store.audit[-1]
    assert (entry.action, entry.actor, dict(entry.details)) == (
        "member.edit",
        "Mei",
        {"fields": ["name", "phone", "consent"]},
    )
    assert "王五" not in str(entry)
    assert "13911112222" not in str(entry)
    event = driver.database.store.outbox[-1][2]
    assert event.kind == "member.profile_changed"
    assert event.payload["fields"] == ["name", "phone", "consent"]
    assert event.payload["consent"] is True
    assert not PERSONAL_FIELDS & set(event.payload)  # only inside its erasable profile
    assert event.payload["profile"] == {
        "name": "王五",
        "phone": "13911112222",
        "email": None,
        "birthday": None,
    }


def test_an_edit_that_changes_nothing_records_nothing(driver: ShopDriver) -> None:
    m = driver.enrol("赵六")
    audited, queued = len(driver.database.store.audit), len(driver.database.store.outbox)
    done = member_profile.edit_profile(driver.shop, MANAGER, m.member_no, ProfileEdit(name="赵六"))
    assert done.changed == ()
    assert (len(driver.database.store.audit), len(driver.database.store.outbox)) == (
        audited,
        queued,
    )


def test_consent_withdrawn_clears_its_date(driver: ShopDriver) -> None:
    m = driver.enrol(consent=True)
    edit(driver, m.member_no, consent=False)
    stored = next(x for x in driver.database.store.members.values() if x.id == m.id)
    assert (stored.consent, stored.consent_at) == (False, None)


def test_a_merged_or_erased_member_cannot_be_edited(driver: ShopDriver) -> None:
    keep, other, gone = driver.enrol(), driver.enrol(), driver.enrol()
    merge.merge_members(driver.shop, LOCAL_ADMIN, keep.member_no, other.member_no)
    privacy.erase_member(driver.shop, LOCAL_ADMIN, gone.member_no)
    for ref in (f"id:{other.id}", gone.member_no):
        with pytest.raises(MemberClosed) as refused:
            edit(driver, ref, name="新名字")
        assert refused.value.reason == "member_closed_no_edit"


def test_a_cashier_may_not_edit_a_profile(driver: ShopDriver) -> None:
    m = driver.enrol()
    with pytest.raises(PermissionDenied) as refused:
        edit(driver, m.member_no, CASHIER, name="王五")
    assert refused.value.details["permission"] == "edit_member"
    assert driver.show(m.member_no).name == "张三"
