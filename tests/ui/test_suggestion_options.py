"""The Products page's suggestion options: read, saved through the service, refused in words."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from loyalty_desktop.app import Opened
from loyalty_desktop.services import staff
from loyalty_desktop.services.recommend_options import recommend_options, set_recommend_options
from loyalty_desktop.ui.console.products_page import ProductsPage
from loyalty_desktop.ui.console.suggestion_options import categories
from loyalty_desktop.ui.tasks import Tasks
from tests.ui.conftest import PIN


@pytest.fixture
def page(qtbot: QtBot, staffed: Opened) -> ProductsPage:
    made = ProductsPage(staffed.shop, Tasks(), staff.sign_in(staffed.shop, "Ada", PIN))
    qtbot.addWidget(made)
    made.resize(1100, 760)
    made.show()
    return made


def test_the_options_in_force_fill_the_form_when_the_page_opens(
    qtbot: QtBot, page: ProductsPage, staffed: Opened
) -> None:
    admin = staff.sign_in(staffed.shop, "Ada", PIN)
    set_recommend_options(
        staffed.shop,
        admin,
        skip_bought_within_days=7,
        excluded_categories=["tobacco"],
        consumable_categories=["dairy", "rice"],
    )
    form = page.options
    page.shown()
    qtbot.waitUntil(lambda: form.consumables.text() == "dairy, rice")
    assert form.skip.isChecked()
    assert form.days.isEnabled()
    assert form.days.value() == 7
    assert form.excluded.text() == "tobacco"
    assert not form.switched_off.isChecked()


def test_saving_the_form_stores_the_options_for_every_suggestion(
    qtbot: QtBot, page: ProductsPage, staffed: Opened
) -> None:
    form = page.options
    page.shown()
    qtbot.waitUntil(lambda: page.tasks.pending == 0)
    assert not form.skip.isChecked()
    assert not form.days.isEnabled()
    form.skip.setChecked(True)
    form.days.setValue(30)
    form.excluded.setText("烟草，礼品卡")
    form.consumables.setText("乳制品; 大米\n")
    form.switched_off.setChecked(True)
    form.save.click()
    qtbot.waitUntil(lambda: form.message.text().startswith("Saved"))
    saved = recommend_options(staffed.shop, staff.sign_in(staffed.shop, "Ada", PIN))
    assert saved.skip_bought_within_days == 30
    assert saved.excluded_categories == frozenset({"烟草", "礼品卡"})
    assert saved.consumable_categories == frozenset({"乳制品", "大米"})
    assert not saved.active_only
    form.skip.setChecked(False)
    form.save.click()
    qtbot.waitUntil(lambda: page.tasks.pending == 0)
    again = recommend_options(staffed.shop, staff.sign_in(staffed.shop, "Ada", PIN))
    assert again.skip_bought_within_days is None


def test_a_category_both_left_out_and_consumable_is_refused_in_words(
    qtbot: QtBot, page: ProductsPage
) -> None:
    form = page.options
    form.excluded.setText("dairy")
    form.consumables.setText("dairy")
    form.save.click()
    qtbot.waitUntil(lambda: "consumable" in form.message.text())
    assert "dairy" in form.message.text()


def test_categories_are_split_on_any_comma_semicolon_or_line() -> None:
    assert categories(" a, b，c；d;e、f\n a ") == ["a", "b", "c", "d", "e", "f"]
    assert categories("  ") == []
