"""Recommendations through the service: names and reasons, options, a cashier's view, consent."""

from __future__ import annotations

from datetime import timedelta

import pytest

from loyalty_desktop.domain.errors import InvalidRequest, PermissionDenied
from loyalty_desktop.services import privacy, products, recommendations
from loyalty_desktop.services.auth import LOCAL_ADMIN, Actor, Role
from loyalty_desktop.services.checkout import LineRequest
from loyalty_desktop.services.recommend_options import RecommendOptions, set_recommend_options
from loyalty_desktop.services.recommendations import recommend

from .conftest import ShopDriver

CASHIER = Actor("cashier", Role.CASHIER)


def _stock(driver: ShopDriver) -> None:
    for sku, name, category in [
        ("TEA", "Green tea", "drinks"),
        ("CUP", "Tea cup", "kitchen"),
        ("POT", "Tea pot", "kitchen"),
        ("COLA", "Cola", "drinks"),
    ]:
        products.save_product(
            driver.shop, LOCAL_ADMIN, sku, name=name, price="5.00", category=category
        )


def _line(sku: str, category: str) -> LineRequest:
    return LineRequest(sku, "1", "5.00", category)


@pytest.fixture
def shop(driver: ShopDriver) -> dict[str, str]:
    _stock(driver)
    now = driver.clock.current
    driver.clock.current = now - timedelta(days=60)  # they joined before they bought
    people = {
        name: driver.enrol(name, consent=name != "Ann").member_no for name in ("Ann", "Bo", "Cy")
    }
    driver.clock.current = now
    start = now - timedelta(days=40)
    n = 0
    for week in range(5):  # Ann: tea every week, a cup and a pot once
        n += 1
        driver.sell(
            f"S{n}",
            people["Ann"],
            lines=(_line("TEA", "drinks"),),
            at=start + timedelta(weeks=week),
        )
    n += 1
    driver.sell(f"S{n}", people["Ann"], lines=(_line("CUP", "kitchen"),), at=start)
    for i in range(6):  # others buy tea with pots
        n += 1
        who = people["Bo"] if i % 2 else people["Cy"]
        driver.sell(
            f"S{n}",
            who,
            lines=(_line("TEA", "drinks"), _line("POT", "kitchen")),
            at=start + timedelta(days=i),
        )
    return people


def test_a_member_gets_names_and_reasons(driver: ShopDriver, shop: dict[str, str]) -> None:
    got = recommend(driver.shop, CASHIER, shop["Ann"], k=3, wait=True)
    assert got.member_no == shop["Ann"]
    assert not got.provisional
    assert (got.items[0].sku, got.items[0].name, got.items[0].reason) == (
        "TEA",
        "Green tea",
        "you often buy",
    )
    reasons = {i.sku: (i.name, i.reason) for i in got.items}
    assert reasons["CUP"] == ("Tea cup", "you often buy")
    assert reasons["POT"] == ("Tea pot", "often bought with Green tea")
    scores = [i.score for i in got.items]
    assert scores == sorted(scores, reverse=True)


def test_options_leave_out_recent_switched_off_and_excluded(
    driver: ShopDriver, shop: dict[str, str]
) -> None:
    products.save_product(
        driver.shop,
        LOCAL_ADMIN,
        "POT",
        name="Tea pot",
        price="5.00",
        category="kitchen",
        active=False,
    )
    recommendations.invalidate(driver.shop)
    recommend(driver.shop, CASHIER, shop["Ann"], wait=True)  # the rebuild starts here
    skus = {i.sku for i in recommend(driver.shop, CASHIER, shop["Ann"], k=5, wait=True).items}
    assert "POT" not in skus
    skip = RecommendOptions(skip_bought_within_days=14, excluded_categories=frozenset({"kitchen"}))
    got = recommend(driver.shop, CASHIER, shop["Ann"], k=5, options=skip, wait=True)
    assert {i.sku for i in got.items}.isdisjoint({"TEA", "CUP", "POT"})


def test_a_new_member_gets_popular_items(driver: ShopDriver, shop: dict[str, str]) -> None:
    new = driver.enrol("Di").member_no
    got = recommend(driver.shop, CASHIER, new, k=2, wait=True)
    assert [(i.sku, i.reason) for i in got.items] == [("TEA", "popular"), ("POT", "popular")]


def test_campaign_lists_hold_only_consenting_members(
    driver: ShopDriver, shop: dict[str, str]
) -> None:
    got = recommendations.campaign_recommendations(driver.shop, LOCAL_ADMIN, shop.values(), k=2)
    assert set(got) == {shop["Bo"], shop["Cy"]}
    with pytest.raises(PermissionDenied):
        recommendations.campaign_recommendations(driver.shop, CASHIER, shop.values())


def test_a_request_does_not_wait_for_the_first_build(
    driver: ShopDriver, shop: dict[str, str]
) -> None:
    got = recommend(driver.shop, CASHIER, shop["Ann"])
    assert got.provisional or got.items  # either nothing yet, or a model already answered


def test_a_stale_model_answers_until_the_rebuild_is_done(
    driver: ShopDriver, shop: dict[str, str]
) -> None:
    before = recommend(driver.shop, CASHIER, shop["Bo"], k=5, wait=True)
    assert "COLA" not in {i.sku for i in before.items}
    driver.sell("NEW", shop["Bo"], lines=(_line("COLA", "drinks"),))
    recommendations.invalidate(driver.shop)
    meanwhile = recommend(driver.shop, CASHIER, shop["Bo"], k=5)  # starts the rebuild
    assert meanwhile.items == before.items
    recommendations._cache(driver.shop).wait_idle()
    after = recommend(driver.shop, CASHIER, shop["Bo"], k=5)
    assert "COLA" in {i.sku for i in after.items}


def test_stored_options_apply_to_every_request_and_only_a_manager_sets_them(
    driver: ShopDriver, shop: dict[str, str]
) -> None:
    with pytest.raises(PermissionDenied):
        set_recommend_options(driver.shop, CASHIER, skip_bought_within_days=None)
    set_recommend_options(
        driver.shop, LOCAL_ADMIN, skip_bought_within_days=None, excluded_categories=["kitchen"]
    )
    got = recommend(driver.shop, CASHIER, shop["Ann"], k=5, wait=True)
    assert {i.sku for i in got.items}.isdisjoint({"CUP", "POT"})
    assert "TEA" in {i.sku for i in got.items}
    given = recommend(driver.shop, CASHIER, shop["Ann"], k=5, options=RecommendOptions())
    assert "CUP" in {i.sku for i in given.items}


@pytest.mark.parametrize("days", [-5, 99_999_999_999])
def test_options_given_for_one_request_are_checked_like_stored_ones(
    driver: ShopDriver, shop: dict[str, str], days: int
) -> None:
    """``recommend --skip-recent-days -5`` was silently taken (as 'skip nothing'); the stored option refuses it."""
    asked = RecommendOptions(skip_bought_within_days=days)
    with pytest.raises(InvalidRequest) as refused:
        recommend(driver.shop, CASHIER, shop["Ann"], options=asked, wait=True)
    assert refused.value.reason == "recommend_skip_days_range"
    with pytest.raises(InvalidRequest):
        recommendations.recommend_many(driver.shop, LOCAL_ADMIN, None, options=asked)


def test_a_product_switched_off_or_renamed_is_seen_at_once_not_at_the_next_rebuild(
    driver: ShopDriver, shop: dict[str, str]
) -> None:
    """Out of stock now: the till must stop suggesting it now, not six hours later."""
    before = recommend(driver.shop, CASHIER, shop["Ann"], k=5, wait=True)
    assert "TEA" in {i.sku for i in before.items}
    products.save_product(
        driver.shop,
        LOCAL_ADMIN,
        "TEA",
        name="Sencha",
        price="5.00",
        category="drinks",
        active=False,
    )
    products.save_product(
        driver.shop, LOCAL_ADMIN, "POT", name="Teapot", price="5.00", category="kitchen"
    )

    after = recommend(driver.shop, CASHIER, shop["Ann"], k=5, wait=True)

    assert "TEA" not in {i.sku for i in after.items}
    assert "Teapot" in {i.name for i in after.items}


def test_every_members_suggestions_leave_out_members_erased_since_the_model_was_built(
    driver: ShopDriver, shop: dict[str, str]
) -> None:
    """``recommend --all`` after an erasure: no profile of the erased member is written out."""
    before = recommendations.recommend_many(driver.shop, LOCAL_ADMIN, None, k=2)
    assert shop["Ann"] in before.members
    privacy.erase_member(driver.shop, LOCAL_ADMIN, shop["Ann"])

    after = recommendations.recommend_many(driver.shop, LOCAL_ADMIN, None, k=2)

    assert shop["Ann"] not in after.members
    assert {shop["Bo"], shop["Cy"]} <= set(after.members)
