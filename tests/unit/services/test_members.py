import pytest

from loyalty_desktop.domain.errors import DuplicateMember, InvalidCard, InvalidRequest, MemberClosed
from loyalty_desktop.domain.members import Member
from loyalty_desktop.services import members, privacy
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.journal import audit_problems
from loyalty_desktop.services.lookup import search_phone_tail
from tests.unit.services.conftest import ShopDriver


def test_enrolment_gives_a_number_and_a_card_that_finds_the_member(driver: ShopDriver) -> None:
    m = driver.enrol("王五", phone="13900001111")
    assert m.member_no == "10000001"
    assert driver.show(m.card).name == "王五"


def test_a_phone_typed_in_arabic_indic_digits_is_the_same_phone(driver: ShopDriver) -> None:
    first = driver.enrol("甲", phone="13800138000")
    second = driver.enrol("乙", phone="١٣٨ ٠٠١٣ ٨٠٠٠")
    assert second.same_phone == (first.member_no,)
    assert driver.database.store.members[second.id].phone == "13800138000"
    with driver.shop.uow() as uow:
        found = search_phone_tail(uow, "٨٠٠٠")
    assert {m.member_no for m, _ in found} == {first.member_no, second.member_no}


def test_a_chosen_member_number_must_be_free(driver: ShopDriver) -> None:
    driver.enrol(member_no="A-100")
    with pytest.raises(DuplicateMember):
        driver.enrol(member_no="A-100")


def test_a_reprinted_card_revokes_the_old_one(driver: ShopDriver) -> None:
    m = driver.enrol()
    _, new_code, shop_name = reissue(driver, m.member_no)
    assert shop_name == "测试小店"
    assert driver.show(new_code).member_no == m.member_no
    with pytest.raises(InvalidCard, match="replaced"):
        driver.show(m.card)


def reissue(driver: ShopDriver, ref: str) -> tuple[Member, str, str]:
    return members.member_card(
        driver.shop, LOCAL_ADMIN, ref, reissue=True, deliver=lambda *printed: printed
    )


def test_no_reprint_ever_revives_an_old_card(driver: ShopDriver) -> None:
    m = driver.enrol()
    codes = [m.card] + [reissue(driver, m.member_no)[1] for _ in range(12)]
    assert len(set(codes)) == 13
    for old in codes[:-1]:
        with pytest.raises(InvalidCard):
            driver.show(old)
    assert driver.show(codes[-1]).member_no == m.member_no


def test_a_card_that_could_not_be_printed_does_not_revoke_the_old_one(driver: ShopDriver) -> None:
    m = driver.enrol()

    def jammed(*printed: object) -> None:
        raise OSError("printer jammed")

    with pytest.raises(OSError, match="jammed"):
        members.member_card(driver.shop, LOCAL_ADMIN, m.member_no, reissue=True, deliver=jammed)
    assert driver.show(m.card).member_no == m.member_no


def test_erasing_removes_personal_data_but_keeps_the_books(driver: ShopDriver) -> None:
    m = driver.enrol("王五", phone="13900001111", email="w@example.com", consent=True)
    driver.sell("S1", m.member_no, "100.00")
    privacy.erase_member(driver.shop, LOCAL_ADMIN, m.member_no)
    stored = driver.database.store.members[m.id]
    assert (stored.name, stored.phone, stored.email, stored.consent) == (
        "(erased)",
        None,
        None,
        False,
    )
    assert stored.balance == 100
    assert driver.database.store.sales["S1"].paid == 10000
    with pytest.raises(MemberClosed):
        driver.sell("S2", m.member_no, "1.00")


def test_export_holds_profile_sales_and_movements_and_is_audited(driver: ShopDriver) -> None:
    m = driver.enrol("王五", phone="13900001111", consent=True)
    driver.sell("S1", m.member_no, "100.00")
    data = privacy.export_member(driver.shop, LOCAL_ADMIN, m.member_no, deliver=lambda d: d)
    assert data["member"]["phone"] == "13900001111"
    assert data["sales"][0]["sale_id"] == "S1"
    assert data["movements"][0]["points"] == 100
    assert driver.database.store.audit[-1].action == "member.export"


def test_every_change_writes_an_outbox_event_with_a_unique_key(driver: ShopDriver) -> None:
    m = driver.enrol()
    driver.sell("S1", m.member_no, "100.00")
    keys = [event.key for _, _, event in driver.database.store.outbox]
    sale = driver.database.store.sales["S1"]
    assert keys[0] == f"member:{m.id}"
    assert keys[1].startswith("profile:")  # the enrolment's profile, for the other stores
    assert keys[2] == f"sale:{sale.id}"
    assert len(set(keys)) == 3
    assert [seq for _, seq, _ in driver.database.store.outbox] == [1, 2, 3]
    facts = driver.database.store.outbox[-1][2].payload
    assert facts["movements"][0]["points"] == 100
    assert "balance" not in facts


def test_the_audit_chain_shows_any_edit(driver: ShopDriver) -> None:
    from dataclasses import replace

    m = driver.enrol()
    driver.sell("S1", m.member_no, "100.00")
    from loyalty_desktop.services import points

    points.adjust(driver.shop, LOCAL_ADMIN, m.member_no, 5, "goodwill", "Q1")
    points.adjust(driver.shop, LOCAL_ADMIN, m.member_no, 6, "goodwill", "Q2")
    log = driver.database.store.audit
    assert audit_problems(log, driver.shop.audit_seal) == []
    log[1] = replace(log[1], reason="nothing to see")
    assert audit_problems(log, driver.shop.audit_seal)


def test_erasure_and_export_cover_duplicates_merged_into_the_member(driver: ShopDriver) -> None:
    from loyalty_desktop.services import merge

    a = driver.enrol("甲", phone="13800000001")
    b = driver.enrol("乙", phone="13800000002", email="b@example.com")
    c = driver.enrol("丙", phone="13800000003")
    driver.sell("S1", c.member_no, "30.00")
    merge.merge_members(driver.shop, LOCAL_ADMIN, b.member_no, c.member_no)
    merge.merge_members(driver.shop, LOCAL_ADMIN, a.member_no, b.member_no)
    data = privacy.export_member(driver.shop, LOCAL_ADMIN, a.member_no, deliver=lambda d: d)
    assert {p["phone"] for p in data["merged_members"]} == {"13800000002", "13800000003"}
    assert any(m["member_id"] == c.id and m["kind"] == "earn" for m in data["movements"])
    privacy.erase_member(driver.shop, LOCAL_ADMIN, a.member_no)
    stored = driver.database.store.members
    assert all(stored[x.id].phone is None and stored[x.id].name == "(erased)" for x in (a, b, c))
    assert privacy.erase_member(driver.shop, LOCAL_ADMIN, a.id).id == a.id  # again: no change


def test_a_failed_export_is_not_recorded(driver: ShopDriver) -> None:
    m = driver.enrol()
    audits = len(driver.database.store.audit)

    def disk_full(data: object) -> None:
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        privacy.export_member(driver.shop, LOCAL_ADMIN, m.member_no, deliver=disk_full)
    assert len(driver.database.store.audit) == audits


def test_erasing_a_merged_away_duplicate_points_at_the_member_holding_its_data(
    driver: ShopDriver,
) -> None:
    from loyalty_desktop.services import merge

    a = driver.enrol("甲")
    b = driver.enrol("乙", phone="13800000002", email="b@example.com")
    merge.merge_members(driver.shop, LOCAL_ADMIN, a.member_no, b.member_no)
    with pytest.raises(InvalidRequest) as refused:
        privacy.erase_member(driver.shop, LOCAL_ADMIN, b.member_no)
    assert refused.value.reason == "erase_merged_member"
    assert refused.value.details == {"member_no": b.member_no, "keeper": a.member_no}
    privacy.erase_member(driver.shop, LOCAL_ADMIN, a.member_no)
    stored = driver.database.store.members
    assert all(stored[x.id].phone is None and stored[x.id].email is None for x in (a, b))
