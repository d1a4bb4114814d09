from datetime import timedelta

import pytest

from loyalty_desktop.domain.errors import InvalidRequest
from loyalty_desktop.services import merge
from loyalty_desktop.services.auth import LOCAL_ADMIN
from tests.unit.services.conftest import ShopDriver


def test_merging_moves_points_with_their_expiry_and_history(driver: ShopDriver) -> None:
    keep = driver.enrol("张三", phone="13800138000")
    other = driver.enrol("张三", email="zs@example.com")
    driver.sell("S1", other.member_no, "80.00")
    driver.clock.advance(days=100)
    driver.sell("S2", keep.member_no, "20.00")
    result = merge.merge_members(driver.shop, LOCAL_ADMIN, keep.member_no, other.member_no)
    assert result.points == 100
    shown = driver.show(keep.member_no)
    assert shown.spend == 10000
    assert shown.email == "zs@example.com"
    assert [e.points for e in shown.expiring] == [80, 20]  # S1's points keep S1's expiry
    driver.clock.advance(days=266)
    assert driver.show(keep.member_no).points == 20


def test_the_duplicates_card_and_number_now_reach_the_kept_member(driver: ShopDriver) -> None:
    keep, other = driver.enrol(), driver.enrol()
    merge.merge_members(driver.shop, LOCAL_ADMIN, keep.member_no, other.member_no)
    sale = driver.sell("S1", other.card, "10.00")
    assert sale.member_no == keep.member_no
    assert driver.balance(other.member_no) == 0


def test_a_member_cannot_be_merged_with_themselves(driver: ShopDriver) -> None:
    keep = driver.enrol(phone="13800138000")
    with pytest.raises(InvalidRequest):
        merge.merge_members(driver.shop, LOCAL_ADMIN, keep.member_no, "13800138000")


def test_merging_a_member_in_debt_passes_the_debt_on(driver: ShopDriver) -> None:
    from tests.unit.services.test_refunds import refund

    keep, other = driver.enrol(), driver.enrol()
    driver.sell("S1", other.member_no, "100.00")
    driver.sell("S2", other.member_no, "10.00", redeem=100)
    refund(driver, "R1", "S1", amount="100.00")  # other now owes 91
    driver.sell("S3", keep.member_no, "200.00")
    driver.clock.advance(minutes=1)
    result = merge.merge_members(driver.shop, LOCAL_ADMIN, keep.member_no, other.member_no)
    assert result.points == 200 - 91
    assert (
        driver.show(keep.member_no, at=driver.clock.now() + timedelta(seconds=1)).spendable == 109
    )
