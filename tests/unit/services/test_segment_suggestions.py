"""A group's most suggested items, and its campaign list: consenting members only, each with their items."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from openpyxl import load_workbook

from loyalty_desktop.domain.errors import InvalidRequest, PermissionDenied
from loyalty_desktop.services import products
from loyalty_desktop.services.auth import LOCAL_ADMIN, Actor, Role
from loyalty_desktop.services.checkout import LineRequest
from loyalty_desktop.services.segment_suggestions import (
    MemberGroup,
    campaign_list,
    group_members,
    group_suggestions,
)

from .conftest import ShopDriver

CASHIER = Actor("cashier", Role.CASHIER)
MANAGER = Actor("manager", Role.MANAGER)


@pytest.fixture
def people(driver: ShopDriver) -> dict[str, str]:
    """Ann (no consent) and Bo buy tea, Cy buys cake; Di has bought nothing."""
    for sku, name in [("TEA", "Green tea"), ("CAKE", "Cake")]:
        products.save_product(driver.shop, LOCAL_ADMIN, sku, name=name, price="5.00")
    now = driver.clock.current
    driver.clock.current = now - timedelta(days=30)
    found = {
        name: driver.enrol(name, consent=name != "Ann").member_no
        for name in ("Ann", "Bo", "Cy", "Di")
    }
    driver.clock.current = now
    bought = [("Ann", "TEA"), ("Bo", "TEA"), ("Cy", "CAKE"), ("Ann", "TEA"), ("Bo", "TEA")]
    for n, (who, sku) in enumerate(bought):
        driver.sell(
            f"S{n}",
            found[who],
            lines=(LineRequest(sku, "1", "5.00"),),
            at=now - timedelta(days=10 - n),
        )
    return found


def test_the_group_s_items_are_those_most_often_suggested_to_its_members(
    driver: ShopDriver, people: dict[str, str]
) -> None:
    group = [people["Ann"], people["Bo"], people["Cy"]]
    found = group_suggestions(driver.shop, MANAGER, group, top=5, per_member=1)
    assert [(i.sku, i.name, i.members) for i in found.items] == [
        ("TEA", "Green tea", 2),
        ("CAKE", "Cake", 1),
    ]
    assert found.items[0].share == pytest.approx(2 / 3)
    assert found.member_nos == tuple(group)
    with pytest.raises(PermissionDenied):
        group_suggestions(driver.shop, CASHIER, group)


def test_a_campaign_list_holds_only_consenting_members_each_with_their_items(
    driver: ShopDriver, people: dict[str, str]
) -> None:
    group = [people[n] for n in ("Ann", "Bo", "Cy", "Di")]
    listing = campaign_list(driver.shop, MANAGER, group, k=2)
    assert [c.name for c in listing.contacts] == ["Bo", "Cy", "Di"]
    assert listing.asked == 4
    assert listing.items[people["Bo"]][0].sku == "TEA"
    assert [i.sku for i in listing.items[people["Di"]]] == ["TEA", "CAKE"]  # popular
    rows = list(csv.reader(io.StringIO(listing.file("csv").decode("utf-8-sig"))))
    assert rows[0] == [
        "member_no",
        "name",
        "phone",
        "email",
        "item_1",
        "item_1_sku",
        "item_2",
        "item_2_sku",
    ]
    assert rows[1][:6] == [people["Bo"], "Bo", "", "", "Green tea", "TEA"]
    assert people["Ann"] not in {r[0] for r in rows}
    sheet = load_workbook(io.BytesIO(listing.file("xlsx"))).active
    assert [c.value for c in sheet[2]][:6] == [people["Bo"], "Bo", None, None, "Green tea", "TEA"]


def test_a_campaign_list_needs_the_export_right(driver: ShopDriver, people: dict[str, str]) -> None:
    with pytest.raises(PermissionDenied):
        campaign_list(driver.shop, CASHIER, list(people.values()))


def test_a_tier_names_its_members_and_an_unknown_group_is_refused(
    driver: ShopDriver, people: dict[str, str]
) -> None:
    bronze = group_members(driver.shop, MANAGER, MemberGroup(tier="Bronze"))
    assert set(bronze) == {people[n] for n in ("Ann", "Bo", "Cy")}  # Di has no tier yet
    assert group_members(driver.shop, MANAGER, MemberGroup(tier="Gold")) == ()
    for group, reason in [
        (MemberGroup(tier="Platinum"), "recommend_tier_unknown"),
        (MemberGroup(segment="vips"), "recommend_segment_unknown"),
        (MemberGroup(stage="asleep"), "recommend_stage_unknown"),
        (MemberGroup(), "recommend_whom"),
    ]:
        with pytest.raises(InvalidRequest) as refused:
            group_members(driver.shop, MANAGER, group)
        assert refused.value.reason == reason
