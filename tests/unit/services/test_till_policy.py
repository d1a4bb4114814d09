"""The till rules: refunds and discounts a cashier may give alone, enforced by the services."""

import pytest
from argon2 import PasswordHasher

from loyalty_desktop.domain.errors import InvalidAmount, InvalidRequest, PermissionDenied
from loyalty_desktop.services import checkout, refunds, staff, till_policy
from loyalty_desktop.services.auth import LOCAL_ADMIN, Actor
from loyalty_desktop.services.checkout import LineRequest, SaleRequest
from loyalty_desktop.services.refunds import RefundRequest
from tests.unit.services.conftest import ShopDriver

FAST = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


@pytest.fixture
def people(driver: ShopDriver) -> dict[str, Actor]:
    shop = driver.shop
    staff.add_staff(shop, LOCAL_ADMIN, "Boss", "admin", "9999", FAST)
    boss = staff.sign_in(shop, "Boss", "9999", FAST)
    staff.add_staff(shop, boss, "Mia", "manager", "1111", FAST)
    staff.add_staff(shop, boss, "Cai", "cashier", "2222", FAST)
    return {
        "Boss": boss,
        "Mia": staff.sign_in(shop, "Mia", "1111", FAST),
        "Cai": staff.sign_in(shop, "Cai", "2222", FAST),
    }


@pytest.fixture
def member_no(driver: ShopDriver) -> str:
    member = driver.enrol()
    driver.sell("S1", member.member_no, "200.00")
    return member.member_no


def test_by_default_every_refund_needs_a_manager_as_before(
    driver: ShopDriver, people: dict[str, Actor], member_no: str
) -> None:
    rules = till_policy.till_rules(driver.shop, people["Cai"])
    assert (rules.refund_limit, rules.discount_limit) == (0, 100)
    with pytest.raises(PermissionDenied) as refused:
        refunds.refund(driver.shop, people["Cai"], RefundRequest("R1", "S1", amount="0.01"))
    assert refused.value.reason == "role_too_low"
    assert driver.show(member_no).points == 200


def test_a_cashier_refunds_up_to_the_limit_alone_and_above_it_is_refused(
    driver: ShopDriver, people: dict[str, Actor], member_no: str
) -> None:
    till_policy.set_till_rules(driver.shop, people["Boss"], refund_limit="50.00")
    cai = people["Cai"]
    done = refunds.refund(driver.shop, cai, RefundRequest("R1", "S1", amount="50.00"))
    assert done.amount == 5000
    assert driver.database.store.audit[-1].actor == "Cai"  # in the cashier's own name
    with pytest.raises(PermissionDenied) as refused:
        refunds.refund(driver.shop, cai, RefundRequest("R2", "S1", amount="50.01"))
    assert refused.value.reason == "refund_above_cashier_limit"
    assert refused.value.details["limit"] == "50.00"
    assert driver.show(member_no).points == 150
    # A manager refunds what the cashier may not, as today.
    refunds.refund(driver.shop, people["Mia"], RefundRequest("R2", "S1", amount="50.01"))
    assert driver.show(member_no).points == 99  # 100.01 of 200.00 kept earns 99


def test_goods_returned_by_item_count_at_their_value(
    driver: ShopDriver, people: dict[str, Actor]
) -> None:
    member = driver.enrol("李四")
    basket = (LineRequest("A", "2", "30.00", "food"), LineRequest("B", "1", "40.00", "drinks"))
    driver.sell("S2", member.member_no, lines=basket)
    till_policy.set_till_rules(driver.shop, people["Boss"], refund_limit="35.00")
    refunds.refund(driver.shop, people["Cai"], RefundRequest("R1", "S2", lines=(("A", "1"),)))
    with pytest.raises(PermissionDenied) as refused:
        refunds.refund(driver.shop, people["Cai"], RefundRequest("R2", "S2", lines=(("B", "1"),)))
    assert refused.value.details["amount"] == "40.00"


def test_only_an_admin_sets_the_rules_and_each_change_is_audited(
    driver: ShopDriver, people: dict[str, Actor]
) -> None:
    for who in ("Cai", "Mia"):
        with pytest.raises(PermissionDenied):
            till_policy.set_till_rules(driver.shop, people[who], refund_limit="999.00")
    rules = till_policy.set_till_rules(
        driver.shop, people["Boss"], refund_limit="20", discount_limit="15%"
    )
    assert (rules.refund_limit_text, rules.discount_limit) == ("20.00", 15)
    rules = till_policy.set_till_rules(driver.shop, people["Boss"], discount_limit="5")
    assert (rules.refund_limit_text, rules.discount_limit) == ("20.00", 5)  # the other kept
    entry = driver.database.store.audit[-1]
    assert entry.action == "till.rules"
    assert entry.details["was_discount_limit"] == 15
    assert entry.details["discount_limit"] == 5


@pytest.mark.parametrize("percent", ["101", "-1", "5.5", "ten", ""])
def test_a_discount_limit_is_a_whole_percentage(
    driver: ShopDriver, people: dict[str, Actor], percent: str
) -> None:
    with pytest.raises(InvalidRequest) as refused:
        till_policy.set_till_rules(driver.shop, people["Boss"], discount_limit=percent)
    assert refused.value.reason == "discount_limit_range"


def test_a_refund_limit_is_money(driver: ShopDriver, people: dict[str, Actor]) -> None:
    for amount in ("-5", "1.234", "lots"):
        with pytest.raises(InvalidAmount):
            till_policy.set_till_rules(driver.shop, people["Boss"], refund_limit=amount)


def test_a_cashiers_discount_above_the_limit_is_refused_in_the_quote_and_the_sale(
    driver: ShopDriver, people: dict[str, Actor], member_no: str
) -> None:
    till_policy.set_till_rules(driver.shop, people["Boss"], discount_limit="10")
    cai = people["Cai"]
    lines = (LineRequest("A", "1", "100.00", "food", discount="10.00"),)
    checkout.checkout(driver.shop, cai, SaleRequest("S-ok", member_no, lines=lines))
    too_much = (
        SaleRequest("S-a", member_no, lines=(LineRequest("A", "1", "100.00", discount="10.01"),)),
        SaleRequest("S-b", member_no, total="100.00", discount="10.01"),
        # two discounts each within the limit, together above it
        SaleRequest("S-c", member_no, lines=lines, discount="5.00"),
    )
    for request in too_much:
        for call in (checkout.quote, checkout.checkout):
            with pytest.raises(PermissionDenied) as refused:
                call(driver.shop, cai, request)
            assert refused.value.reason == "discount_above_cashier_limit"
            assert refused.value.details["percent"] == 10
    for request in too_much:
        checkout.checkout(driver.shop, people["Mia"], request)  # a manager may


def test_with_no_discount_limit_a_cashier_gives_any_discount(
    driver: ShopDriver, people: dict[str, Actor], member_no: str
) -> None:
    request = SaleRequest("S-x", member_no, total="100.00", discount="90.00")
    assert checkout.checkout(driver.shop, people["Cai"], request).net == 1000


def test_nobody_signed_in_cannot_read_the_rules(
    driver: ShopDriver, people: dict[str, Actor]
) -> None:
    with pytest.raises(PermissionDenied) as refused:
        till_policy.till_rules(driver.shop, staff.unsigned_actor(driver.shop))
    assert refused.value.code == "sign_in_required"
