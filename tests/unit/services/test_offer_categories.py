"""An offer's category audience follows the recommendation model: what a member buys lately counts most."""

from __future__ import annotations

from datetime import timedelta

from loyalty_desktop.services import members, offers
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.baskets import LineRequest
from tests.unit.services.conftest import ShopDriver


def _member(driver: ShopDriver, name: str) -> str:
    joined = driver.clock.now() - timedelta(days=800)
    new = members.NewMember(name=name, consent=True)
    return members.enrol(driver.shop, LOCAL_ADMIN, new, joined).member_no


def _buy(
    driver: ShopDriver, member_no: str, sku: str, category: str, qty: int, days_ago: int
) -> None:
    at = driver.clock.now() - timedelta(days=days_ago)
    line = LineRequest(sku, str(qty), "10.00", category)
    driver.sell(f"S-{member_no}-{sku}-{days_ago}", member_no, lines=(line,), at=at)


def _offer(driver: ShopDriver, category: str) -> str:
    today = driver.clock.now().date()
    text = (
        f'name = "Like {category}"\nkind = "bonus_points"\npoints = 50\n'
        f'start = "{today - timedelta(days=400)}"\nend = "{today + timedelta(days=30)}"\n'
        f'control_share = "0"\n[audience]\ncategories = ["{category}"]\n'
    )
    return offers.create_offer(driver.shop, LOCAL_ADMIN, text, f"{category}.toml").id


def _chosen(driver: ShopDriver, offer_id: str, **at: object) -> set[str]:
    offers.issue_offer(driver.shop, LOCAL_ADMIN, offer_id, **at)  # type: ignore[arg-type]
    with driver.shop.uow(write=False) as uow:
        chosen = uow.offers.targets(offer_id)
        return set(uow.offers.member_numbers(list(chosen)).values())


def test_a_tea_drinker_turned_coffee_drinker_has_coffee_affinity_not_tea(
    driver: ShopDriver,
) -> None:
    # Mostly tea by the units, but long ago (40 units on four days eleven months back);
    # coffee lately, one cup a visit. A year's units would say tea; the model says coffee.
    switched = _member(driver, "改喝咖啡")
    for days_ago in (330, 331, 332, 333):
        _buy(driver, switched, "TEA-1", "tea", 10, days_ago)
    for days_ago in (3, 8, 13, 18, 23, 28):
        _buy(driver, switched, "COF-1", "coffee", 1, days_ago)
    tea_lately = _member(driver, "爱喝茶")
    for days_ago in (5, 15):
        _buy(driver, tea_lately, "TEA-2", "tea", 1, days_ago)
    _buy(driver, tea_lately, "CAKE", "bakery", 1, 15)
    assert _chosen(driver, _offer(driver, "coffee")) == {switched}
    assert _chosen(driver, _offer(driver, "tea")) == {tea_lately}


def test_the_affinity_is_as_of_the_moment_the_offer_is_issued(driver: ShopDriver) -> None:
    switched = _member(driver, "改喝咖啡")
    for days_ago in (330, 331, 332, 333):
        _buy(driver, switched, "TEA-1", "tea", 10, days_ago)
    for days_ago in (3, 8, 13, 18, 23, 28):
        _buy(driver, switched, "COF-1", "coffee", 1, days_ago)
    back_then = driver.clock.now() - timedelta(days=300)  # before any coffee: a tea drinker
    tea = _offer(driver, "tea")
    assert _chosen(driver, tea, at=back_then) == {switched}
    assert _chosen(driver, _offer(driver, "coffee"), at=back_then) == set()


def test_a_shop_with_no_sales_yet_chooses_nobody_by_category(driver: ShopDriver) -> None:
    _member(driver, "新会员")
    assert _chosen(driver, _offer(driver, "tea")) == set()
