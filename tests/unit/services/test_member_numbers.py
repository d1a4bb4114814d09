"""Member numbers and phone numbers are separate namespaces; a reference names at most one member."""

from __future__ import annotations

import pytest

from loyalty_desktop.domain.errors import AmbiguousMember, InvalidRequest
from loyalty_desktop.services import member_view
from loyalty_desktop.services.auth import LOCAL_ADMIN
from tests.unit.services.conftest import ShopDriver


@pytest.mark.parametrize(
    "number", ["13912345678", "139-1234-5678", "+8613912345678", "010-6552-1234", "+1 4155550123"]
)
def test_a_phone_shaped_member_number_is_refused(driver: ShopDriver, number: str) -> None:
    with pytest.raises(InvalidRequest, match="phone"):
        driver.enrol("M", member_no=number)


def test_a_member_number_cannot_capture_another_members_phone(driver: ShopDriver) -> None:
    owner = driver.enrol("机主", phone="139 1234 5678")
    sale = driver.sell("S1", "139 1234 5678", "10.00")
    assert (sale.member_no, sale.matched) == (owner.member_no, "phone")


def test_full_width_digits_are_the_same_member_number(driver: ShopDriver) -> None:
    m = driver.enrol("全角", member_no="ＡＢ－１２３")
    assert m.member_no == "AB-123"
    assert driver.show("ＡＢ－１２３").member_no == "AB-123"
    plain = driver.enrol("半角")
    assert plain.member_no == "10000002"
    assert driver.show("１００００００２").member_no == "10000002"


def test_a_reference_matching_a_number_and_someone_elses_phone_is_refused_with_both(
    driver: ShopDriver,
) -> None:
    first = driver.enrol("甲")  # member number 10000001
    driver.enrol("乙", phone="10000001")  # an 8-digit landline that equals it
    with pytest.raises(AmbiguousMember) as refused:
        driver.sell("S1", first.member_no, "10.00")
    candidates = refused.value.details["candidates"]
    assert {c["matched"] for c in candidates} == {"member_no", "phone"}  # type: ignore[union-attr]
    pinned = driver.sell("S1", f"no:{first.member_no}", "10.00")
    assert (pinned.member_no, pinned.matched) == (first.member_no, "member_no")


def test_a_lookup_says_what_it_matched(driver: ShopDriver) -> None:
    m = driver.enrol("甲", phone="13800138000")
    for ref, matched in (
        (m.member_no, "member_no"),
        ("138-0013-8000", "phone"),
        (m.card, "card"),
        (m.id, "id"),
    ):
        assert member_view.show_member(driver.shop, LOCAL_ADMIN, ref).matched == matched
