"""Coupons through the services on a fake shop: every refusal's reason, the budget, each kind's value."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from loyalty_desktop.domain.coupons import InvalidCoupon
from loyalty_desktop.domain.errors import IdConflict, InvalidRequest
from loyalty_desktop.server.facts import check_event
from loyalty_desktop.services import checkout, coupons, offers, privacy
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.baskets import LineRequest, SaleRequest
from tests.unit.services.conftest import ShopDriver
from tests.unit.services.test_refunds import refund


def _coupons(
    driver: ShopDriver, gives: str, *, extra: str = "", per_member: int = 1
) -> tuple[str, list[str]]:
    """A consenting member and an offer of ``gives`` for them from today for a week; their codes."""
    member = driver.enrol("王芳", consent=True)
    today = driver.clock.now().date()
    text = (
        f'name = "Test offer {member.member_no}"\n{gives}\nstart = "{today}"\nend = "{today + timedelta(days=6)}"\n'
        f'control_share = "0"\nper_member = {per_member}\n{extra}\n'
        f'[audience]\nmembers = ["{member.member_no}"]\n'
    )
    offer = offers.create_offer(driver.shop, LOCAL_ADMIN, text, "t.toml")
    offers.issue_offer(driver.shop, LOCAL_ADMIN, offer.id)
    codes = [c.code for c in offers.coupon_list(driver.shop, LOCAL_ADMIN, offer.id)]
    return member.member_no, codes


def _sell(driver: ShopDriver, sale: str, member_no: str, code: str, **basket: object) -> object:
    request = SaleRequest(sale, member_no, coupon=code, **basket)  # type: ignore[arg-type]
    return checkout.checkout(driver.shop, LOCAL_ADMIN, request)


def test_a_coupon_is_expired_after_its_last_day_and_not_yet_valid_before_its_first(
    driver: ShopDriver,
) -> None:
    member_no, (code,) = _coupons(driver, 'kind = "money_off"\namount = "5.00"')
    early = driver.clock.now() - timedelta(days=1)
    with pytest.raises(InvalidCoupon) as refused:
        coupons.check_coupon(driver.shop, LOCAL_ADMIN, code, member_no, early)
    assert refused.value.reason == "coupon_not_yet"
    driver.clock.advance(days=7)
    with pytest.raises(InvalidCoupon) as refused:
        _sell(driver, "S1", member_no, code, total="50.00")
    assert refused.value.reason == "coupon_expired"
    assert refused.value.details["end"].endswith("23:59")  # the last day, as the shop says it


def test_the_budget_cap_refuses_the_coupon_that_would_overspend(driver: ShopDriver) -> None:
    member_no, codes = _coupons(
        driver, 'kind = "money_off"\namount = "30.00"', extra='budget = "50.00"', per_member=2
    )
    first = _sell(driver, "S1", member_no, codes[0], total="100.00")
    assert first.coupon.money_off == 3000  # type: ignore[attr-defined]
    with pytest.raises(InvalidCoupon) as refused:
        _sell(driver, "S2", member_no, codes[1], total="100.00")
    assert refused.value.reason == "coupon_budget_spent"
    assert "S2" not in driver.database.store.sales  # refused whole: no sale, coupon unused
    assert (
        coupons.check_coupon(driver.shop, LOCAL_ADMIN, codes[1], member_no).offer
        == f"Test offer {member_no}"
    )


def test_each_kind_gives_what_it_says(driver: ShopDriver) -> None:
    member_no, (pct,) = _coupons(driver, 'kind = "percent_off"\npercent = "15"')
    sold = _sell(driver, "S1", member_no, pct, total="33.33")
    assert sold.coupon.money_off == 499  # type: ignore[attr-defined]  # 15 % of 33.33, floored
    assert sold.paid == 3333 - 499  # type: ignore[attr-defined]
    member_no, (free,) = _coupons(driver, 'kind = "free_item"\nsku = "TEA"')
    with pytest.raises(InvalidRequest) as refused:
        _sell(driver, "S2", member_no, free, total="10.00")
    assert refused.value.reason == "coupon_item_missing"
    lines = (LineRequest("TEA", "2", "12.00"), LineRequest("CAKE", "1", "8.00"))
    sold = _sell(driver, "S3", member_no, free, lines=lines)
    assert sold.coupon.money_off == 1200  # type: ignore[attr-defined]
    member_no, (bonus,) = _coupons(driver, 'kind = "bonus_points"\npoints = 200')
    sold = _sell(driver, "S4", member_no, bonus, total="10.00")
    assert (sold.earned, sold.coupon.points) == (10, 200)  # type: ignore[attr-defined]
    assert driver.balance(member_no) == 210


def test_a_sale_id_posted_again_with_another_coupon_is_a_conflict(driver: ShopDriver) -> None:
    member_no, codes = _coupons(driver, 'kind = "money_off"\namount = "5.00"', per_member=2)
    first = _sell(driver, "S1", member_no, codes[0], total="50.00")
    again = _sell(driver, "S1", member_no, codes[0], total="50.00")
    assert again.replayed  # type: ignore[attr-defined]
    assert again.coupon == first.coupon  # type: ignore[attr-defined]
    with pytest.raises(IdConflict) as refused:
        _sell(driver, "S1", member_no, codes[1], total="50.00")
    assert refused.value.reason == "coupon_other_sale"
    with pytest.raises(IdConflict):
        checkout.checkout(driver.shop, LOCAL_ADMIN, SaleRequest("S1", member_no, total="50.00"))
    assert coupons.check_coupon(driver.shop, LOCAL_ADMIN, codes[1], member_no).number > 0


def test_the_audience_leaves_out_members_without_consent_or_who_opted_out(
    driver: ShopDriver,
) -> None:
    yes = driver.enrol("甲", consent=True)
    no = driver.enrol("乙")
    out = driver.enrol("丙", consent=True)
    offers.set_offer_opt_out(driver.shop, LOCAL_ADMIN, out.member_no, True)
    today = driver.clock.now().date()
    offer = offers.create_offer(
        driver.shop, LOCAL_ADMIN,
        f'name = "All"\nkind = "bonus_points"\npoints = 5\nstart = "{today}"\nend = "{today}"\n'
        'control_share = "0"\n',
    )  # fmt: skip
    issued = offers.issue_offer(driver.shop, LOCAL_ADMIN, offer.id)
    assert (issued.given, issued.opted_out, issued.without_consent) == (1, 1, 1)
    listed = offers.coupon_list(driver.shop, LOCAL_ADMIN, offer.id)
    assert [c.member_no for c in listed] == [yes.member_no]
    assert no.member_no not in {c.member_no for c in listed}


def test_a_refund_takes_back_the_coupon_points_the_kept_goods_would_not_have_had(
    driver: ShopDriver,
) -> None:
    member_no, (double,) = _coupons(driver, 'kind = "points_multiplier"\nmultiplier = "2"')
    lines = (LineRequest("TEA", "1", "60.00"), LineRequest("CAKE", "1", "40.00"))
    sold = _sell(driver, "S1", member_no, double, lines=lines)
    assert (sold.earned, sold.coupon.points) == (100, 100)  # type: ignore[attr-defined]
    assert driver.balance(member_no) == 200
    refund(driver, "R1", "S1", lines=(("CAKE", "1"),))
    assert driver.balance(member_no) == 120  # 60 kept, doubled
    refund(driver, "R2", "S1", lines=(("TEA", "1"),))
    assert driver.balance(member_no) == 0
    member_no, (bonus,) = _coupons(driver, 'kind = "bonus_points"\npoints = 50')
    _sell(driver, "S2", member_no, bonus, lines=lines)
    refund(driver, "R3", "S2", lines=(("CAKE", "1"),))
    assert driver.balance(member_no) == 60 + 50  # a bonus stays while anything is kept
    refund(driver, "R4", "S2", lines=(("TEA", "1"),))
    assert driver.balance(member_no) == 0


def test_the_servers_checks_take_the_refunds_a_till_makes_with_coupon_points_back(
    driver: ShopDriver,
) -> None:
    """What the server refuses, a store could never send again: real refund facts must pass."""
    lines = (LineRequest("TEA", "1", "60.00"), LineRequest("CAKE", "1", "40.00"))
    member_no, (double,) = _coupons(driver, 'kind = "points_multiplier"\nmultiplier = "2"')
    _sell(driver, "S1", member_no, double, lines=lines)
    refund(driver, "R1", "S1", lines=(("CAKE", "1"),))
    refund(driver, "R2", "S1", lines=(("TEA", "1"),))
    member_no, (bonus,) = _coupons(driver, 'kind = "bonus_points"\npoints = 50')
    _sell(driver, "S2", member_no, bonus, lines=lines)
    refund(driver, "R3", "S2", lines=(("CAKE", "1"), ("TEA", "1")))

    facts = [event for _, _, event in driver.database.store.outbox]
    refunds = [e for e in facts if e.kind == "refund"]
    assert len(refunds) == 3
    for event in facts:
        check_event(event.kind, event.version, event.payload)  # raises Rejected if refused


def test_erasing_a_member_forgets_why_an_offer_chose_them(driver: ShopDriver) -> None:
    """The rule that chose a member ("birthday_month=3; category=tea") is their profile: it goes.

    Their member id stays on the offer (the control group and the lift are counted by it, as the
    ledger keeps its totals), but nothing said about the person does.
    """
    member = driver.enrol("王芳", consent=True, birthday=date(1990, 3, 14))
    today = driver.clock.now().date()
    offer = offers.create_offer(
        driver.shop, LOCAL_ADMIN,
        f'name = "March birthdays"\nkind = "bonus_points"\npoints = 5\nstart = "{today}"\n'
        f'end = "{today}"\ncontrol_share = "0"\n[audience]\nbirthday_months = [3]\n',
    )  # fmt: skip
    offers.issue_offer(driver.shop, LOCAL_ADMIN, offer.id)
    [target] = driver.database.store.offer_targets.values()
    assert target.rule == "birthday_month=3"
    privacy.erase_member(driver.shop, LOCAL_ADMIN, member.member_no)
    [target] = driver.database.store.offer_targets.values()
    assert target.member_id == member.id
    assert "birthday" not in target.rule
    assert "3" not in target.rule


def test_an_erased_members_unused_coupon_is_refused_not_shown_as_valid(
    driver: ShopDriver,
) -> None:
    """The till must not show a tick for a coupon whose sale can only be refused."""
    member_no, (code,) = _coupons(driver, 'kind = "money_off"\namount = "5.00"')
    privacy.erase_member(driver.shop, LOCAL_ADMIN, member_no)
    for ref in (None, member_no):
        with pytest.raises(InvalidCoupon) as refused:
            coupons.check_coupon(driver.shop, LOCAL_ADMIN, code, ref)
        assert refused.value.reason == "coupon_member_erased"


def test_a_name_two_offers_share_is_refused_as_shared_not_as_unknown(driver: ShopDriver) -> None:
    today = driver.clock.now().date()
    text = f'name = "Ten off"\nkind = "money_off"\namount = "10.00"\nstart = "{today}"\nend = "{today}"\n'
    first = offers.create_offer(driver.shop, LOCAL_ADMIN, text)
    driver.clock.advance(days=1)  # the first is over: next time's offer may have its name
    later = driver.clock.now().date()
    offers.create_offer(driver.shop, LOCAL_ADMIN, text.replace(str(today), str(later)))
    driver.clock.advance(days=-1)
    with pytest.raises(InvalidRequest) as refused:
        offers.issue_offer(driver.shop, LOCAL_ADMIN, "Ten off")
    assert refused.value.reason == "offer_name_shared"
    assert refused.value.details["count"] == 2
    assert offers.issue_offer(driver.shop, LOCAL_ADMIN, first.id).offer.id == first.id


def test_a_second_offer_may_not_take_the_name_of_one_still_running(driver: ShopDriver) -> None:
    today = driver.clock.now().date()
    text = f'name = "Ten off"\nkind = "money_off"\namount = "10.00"\nstart = "{today}"\nend = "{today}"\n'
    first = offers.create_offer(driver.shop, LOCAL_ADMIN, text)
    with pytest.raises(InvalidRequest, match="still running") as refused:
        offers.create_offer(driver.shop, LOCAL_ADMIN, text)
    assert refused.value.reason == "offer_name_taken"
    assert [o.offer.id for o in offers.list_offers(driver.shop, LOCAL_ADMIN)] == [first.id]


def test_an_offer_over_is_not_issued_and_the_refusal_names_its_last_day(
    driver: ShopDriver,
) -> None:
    driver.enrol("甲", consent=True)
    today = driver.clock.now().date()
    last = today - timedelta(days=1)
    offer = offers.create_offer(
        driver.shop, LOCAL_ADMIN,
        f'name = "Last week"\nkind = "bonus_points"\npoints = 5\n'
        f'start = "{today - timedelta(days=7)}"\nend = "{last}"\n',
    )  # fmt: skip
    with pytest.raises(InvalidRequest) as refused:
        offers.issue_offer(driver.shop, LOCAL_ADMIN, offer.id)
    assert refused.value.reason == "offer_over"
    assert refused.value.details["end"] == last.isoformat()  # the end day is included


def test_an_offer_is_not_issued_as_of_a_moment_still_to_come(driver: ShopDriver) -> None:
    today = driver.clock.now().date()
    offer = offers.create_offer(
        driver.shop, LOCAL_ADMIN,
        f'name = "Next year"\nkind = "bonus_points"\npoints = 5\n'
        f'start = "{today}"\nend = "{today + timedelta(days=400)}"\n',
    )  # fmt: skip
    with pytest.raises(InvalidRequest) as refused:
        offers.issue_offer(
            driver.shop, LOCAL_ADMIN, offer.id, driver.clock.now() + timedelta(days=300)
        )
    assert refused.value.reason == "backdate_future"
