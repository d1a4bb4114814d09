import pytest

from loyalty_desktop.domain.errors import DuplicateMember, InvalidCard, MemberClosed
from loyalty_desktop.services import members
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.journal import audit_problems
from tests.unit.services.conftest import ShopDriver


def test_enrolment_gives_a_number_and_a_card_that_finds_the_member(driver: ShopDriver) -> None:
    m = driver.enrol("王五", phone="13900001111")
    assert m["member_no"] == "10000001"
    assert driver.show(m["card"])["name"] == "王五"


def test_a_chosen_member_number_must_be_free(driver: ShopDriver) -> None:
    driver.enrol(member_no="A-100")
    with pytest.raises(DuplicateMember):
        driver.enrol(member_no="A-100")


def test_a_reprinted_card_revokes_the_old_one(driver: ShopDriver) -> None:
    m = driver.enrol()
    _, new_code, shop_name = members.member_card(
        driver.shop, LOCAL_ADMIN, m["member_no"], reissue=True
    )
    assert shop_name == "测试小店"
    assert driver.show(new_code)["member_no"] == m["member_no"]
    with pytest.raises(InvalidCard, match="replaced"):
        driver.show(m["card"])


def test_erasing_removes_personal_data_but_keeps_the_books(driver: ShopDriver) -> None:
    m = driver.enrol("王五", phone="13900001111", email="w@example.com", consent=True)
    driver.sell("S1", m["member_no"], "100.00")
    members.erase_member(driver.shop, LOCAL_ADMIN, m["member_no"])
    stored = driver.database.store.members[m["id"]]
    assert (stored.name, stored.phone, stored.email, stored.consent) == (
        "(erased)",
        None,
        None,
        False,
    )
    assert stored.balance == 100
    assert driver.database.store.sales["S1"].paid == 10000
    with pytest.raises(MemberClosed):
        driver.sell("S2", m["member_no"], "1.00")


def test_export_holds_profile_sales_and_movements_and_is_audited(driver: ShopDriver) -> None:
    m = driver.enrol("王五", phone="13900001111", consent=True)
    driver.sell("S1", m["member_no"], "100.00")
    data = members.export_member(driver.shop, LOCAL_ADMIN, m["member_no"])
    assert data["member"]["phone"] == "13900001111"
    assert data["sales"][0]["sale_id"] == "S1"
    assert data["movements"][0]["points"] == 100
    assert driver.database.store.audit[-1].action == "member.export"


def test_every_change_writes_an_outbox_event_with_a_unique_key(driver: ShopDriver) -> None:
    m = driver.enrol()
    driver.sell("S1", m["member_no"], "100.00")
    keys = [event.key for _, _, event in driver.database.store.outbox]
    sale = driver.database.store.sales["S1"]
    assert keys == [f"member:{m['id']}", f"sale:{sale.id}"]
    assert [seq for _, seq, _ in driver.database.store.outbox] == [1, 2]
    facts = driver.database.store.outbox[-1][2].payload
    assert facts["movements"][0]["points"] == 100
    assert "balance" not in facts


def test_the_audit_chain_shows_any_edit(driver: ShopDriver) -> None:
    from dataclasses import replace

    m = driver.enrol()
    driver.sell("S1", m["member_no"], "100.00")
    from loyalty_desktop.services import points

    points.adjust(driver.shop, LOCAL_ADMIN, m["member_no"], 5, "goodwill", "Q1")
    points.adjust(driver.shop, LOCAL_ADMIN, m["member_no"], 6, "goodwill", "Q2")
    log = driver.database.store.audit
    assert audit_problems(log) == []
    log[1] = replace(log[1], reason="nothing to see")
    assert audit_problems(log)
