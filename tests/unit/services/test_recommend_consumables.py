"""Consumable categories: an item the member buys again and again comes back once it is due, not before."""

from __future__ import annotations

from datetime import timedelta

import pytest

from loyalty_desktop.domain.errors import InvalidRequest, PermissionDenied
from loyalty_desktop.services import products, recommendations
from loyalty_desktop.services.auth import LOCAL_ADMIN, Actor, Role
from loyalty_desktop.services.checkout import LineRequest
from loyalty_desktop.services.recommend_options import (
    RecommendOptions,
    recommend_options,
    set_recommend_options,
)
from loyalty_desktop.services.recommendations import recommend

from .conftest import ShopDriver

CASHIER = Actor("cashier", Role.CASHIER)
MANAGER = Actor("manager", Role.MANAGER)


@pytest.fixture
def ann(driver: ShopDriver) -> str:
    """Ann: milk every 7 days (last 10 days ago), yoghurt every 8 (last 4), cheese, a kettle."""
    for sku, name, category in [
        ("MILK", "Milk", "dairy"),
        ("YOG", "Yoghurt", "dairy"),
        ("CHEESE", "Cheese", "dairy"),
        ("KETTLE", "Kettle", "kitchen"),
    ]:
        products.save_product(
            driver.shop, LOCAL_ADMIN, sku, name=name, price="5.00", category=category
        )
    now = driver.clock.current
    driver.clock.current = now - timedelta(days=60)
    member_no = driver.enrol("Ann").member_no
    driver.clock.current = now
    bought = [
        ("MILK", "dairy", 24),
        ("MILK", "dairy", 17),
        ("MILK", "dairy", 10),
        ("YOG", "dairy", 12),
        ("YOG", "dairy", 4),
        ("CHEESE", "dairy", 2),
        ("KETTLE", "kitchen", 3),
    ]
    for n, (sku, category, days_ago) in enumerate(bought):
        driver.sell(
            f"S{n}",
            member_no,
            lines=(LineRequest(sku, "1", "5.00", category),),
            at=now - timedelta(days=days_ago),
        )
    return member_no


def _built_anew(driver: ShopDriver, started_before: int) -> None:
    cache = recommendations._cache(driver.shop)
    cache.wait_idle()
    assert cache.started > started_before  # a new shop day started a rebuild


def _skus(driver: ShopDriver, member_no: str, options: RecommendOptions) -> set[str]:
    found = recommend(driver.shop, CASHIER, member_no, k=10, options=options, wait=True)
    return {i.sku for i in found.items}


def test_without_consumables_skipping_recent_days_hides_everything_bought_lately(
    driver: ShopDriver, ann: str
) -> None:
    assert _skus(driver, ann, RecommendOptions()) == {"MILK", "YOG", "CHEESE", "KETTLE"}
    assert _skus(driver, ann, RecommendOptions(skip_bought_within_days=14)) == set()


def test_a_consumable_due_again_is_suggested_even_inside_the_skipped_days(
    driver: ShopDriver, ann: str
) -> None:
    options = RecommendOptions(
        skip_bought_within_days=14, consumable_categories=frozenset({"dairy"})
    )
    # Milk: every 7 days, last 10 days ago: due. Yoghurt: every 8, last 4 days ago: not yet.
    # Cheese: bought once, no interval known: the 14 days apply. The kettle is no consumable.
    assert _skus(driver, ann, options) == {"MILK"}


def test_a_consumable_not_yet_due_is_held_back_even_without_skipping(
    driver: ShopDriver, ann: str
) -> None:
    options = RecommendOptions(consumable_categories=frozenset({"dairy"}))
    assert _skus(driver, ann, options) == {"MILK", "CHEESE", "KETTLE"}
    driver.clock.advance(days=4)  # yoghurt's 8 days have passed since its last purchase
    started = recommendations._cache(driver.shop).started
    assert "YOG" not in _skus(driver, ann, options)  # yesterday's model, while today's is built
    _built_anew(driver, started)
    assert "YOG" in _skus(driver, ann, options)


def test_consumables_are_stored_audited_and_applied_to_every_request(
    driver: ShopDriver, ann: str
) -> None:
    saved = set_recommend_options(
        driver.shop,
        MANAGER,
        skip_bought_within_days=14,
        consumable_categories=[" dairy ", ""],
    )
    assert saved.consumable_categories == frozenset({"dairy"})
    assert recommend_options(driver.shop, MANAGER) == saved
    found = recommend(driver.shop, CASHIER, ann, k=10, wait=True)
    assert [i.sku for i in found.items] == ["MILK"]
    entry = driver.database.store.audit[-1]
    assert entry.action == "recommend.options"
    assert entry.details["consumable_categories"] == ["dairy"]
    assert entry.details["was_consumable_categories"] == []


def test_a_category_cannot_be_both_left_out_and_consumable(driver: ShopDriver) -> None:
    with pytest.raises(InvalidRequest) as refused:
        set_recommend_options(
            driver.shop,
            MANAGER,
            skip_bought_within_days=None,
            excluded_categories=["dairy"],
            consumable_categories=["dairy"],
        )
    assert refused.value.reason == "recommend_category_both"


def test_only_a_manager_reads_or_sets_the_options(driver: ShopDriver) -> None:
    with pytest.raises(PermissionDenied):
        recommend_options(driver.shop, CASHIER)
    with pytest.raises(PermissionDenied):
        set_recommend_options(driver.shop, CASHIER, skip_bought_within_days=None)
