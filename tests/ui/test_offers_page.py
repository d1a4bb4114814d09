"""The Offers page: a manager creates an offer from the form, issues it, exports its coupons, reads its lift."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from loyalty_desktop.app import Opened
from loyalty_desktop.domain.coupons import coupon_shaped
from loyalty_desktop.domain.errors import PermissionDenied
from loyalty_desktop.domain.offers import OfferKind
from loyalty_desktop.services import checkout, coupons, member_view, offers
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.baskets import SaleRequest
from loyalty_desktop.ui.console.member_actions import EditProfileDialog
from loyalty_desktop.ui.console.offers_page import OffersPage
from loyalty_desktop.ui.main_window import MainWindow
from loyalty_desktop.ui.tasks import Tasks
from tests.ui.conftest import cashier, signed_in
from tests.ui.test_coupons_till import FAN, coupon_for_fan, offer_text

WAIT = 10_000


def _offers_page(qtbot: QtBot, window: MainWindow, who: str = "Ada") -> OffersPage:
    signed_in(qtbot, window, who)
    window.toggle_console()
    assert window.console is not None
    page = window.console.open_page("offers")
    assert isinstance(page, OffersPage)
    return page


def test_an_offer_made_in_the_form_is_issued_exported_and_its_use_reported(
    qtbot: QtBot, window: MainWindow, staffed: Opened, tmp_path: Path
) -> None:
    coupon_for_fan(staffed)  # member 20000002 with consent; an offer already there
    page = _offers_page(qtbot, window)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    form = page.form
    form.name.setText("Double points for fans")
    form.kind.setCurrentIndex(form.kind.findData(OfferKind.MULTIPLIER.value))
    form.value.setText("2")
    form.control.setValue(0)
    form.members.setText(FAN)
    form.create_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=WAIT)
    assert page.chosen is not None
    assert page.chosen.offer.name == "Double points for fans"
    assert page.chosen.offer.audience.members == (FAN,)
    page.issue.click()
    qtbot.waitUntil(lambda: "Issued" in page.message.text(), timeout=WAIT)
    assert "1 members got 1 coupons" in page.message.text()

    qtbot.waitUntil(lambda: page.chosen is not None, timeout=WAIT)
    assert page.chosen is not None
    out = tmp_path / "coupons.csv"
    page.write_list(out, page.chosen.offer.id)
    qtbot.waitUntil(out.exists, timeout=WAIT)
    code = out.read_text(encoding="utf-8-sig").splitlines()[1].split(",")[-1]
    assert coupon_shaped(code)
    checkout.checkout(staffed.shop, LOCAL_ADMIN, SaleRequest("P1", FAN, total="40.00", coupon=code))
    page.write_images(tmp_path, page.chosen.offer.id)
    qtbot.waitUntil(lambda: "images saved" in page.message.text(), timeout=WAIT)
    assert not list(tmp_path.glob("coupon-*.png"))  # the one coupon is used: nothing to print
    page.refresh()
    qtbot.waitUntil(lambda: page.model.data(page.model.index(0, 5)) == "1", timeout=WAIT)
    qtbot.waitUntil(lambda: page.model.data(page.model.index(0, 6)) == "100%", timeout=WAIT)
    assert "too few" in page.model.data(page.model.index(0, 7))


def test_a_refused_form_says_why(qtbot: QtBot, window: MainWindow, staffed: Opened) -> None:
    page = _offers_page(qtbot, window)
    page.form.name.setText("Nothing")
    page.form.kind.setCurrentIndex(page.form.kind.findData(OfferKind.MONEY_OFF.value))
    page.form.value.setText("")
    page.form.create_button.click()
    qtbot.waitUntil(lambda: "amount" in page.message.text(), timeout=WAIT)
    assert page.model.rowCount() == 0


def test_a_cashier_may_check_and_redeem_a_coupon_but_not_create_or_issue_offers(
    staffed: Opened,
) -> None:
    code = coupon_for_fan(staffed)
    shop, cai = staffed.shop, cashier(staffed)
    with pytest.raises(PermissionDenied):
        offers.create_offer(shop, cai, offer_text(), "x.toml")
    with pytest.raises(PermissionDenied):
        offers.issue_offer(shop, cai, offers.list_offers(shop, cai)[0].offer.id)
    with pytest.raises(PermissionDenied):
        offers.coupon_list(shop, cai, offers.list_offers(shop, cai)[0].offer.id)
    assert coupons.check_coupon(shop, cai, code, FAN).member_no == FAN
    sold = checkout.checkout(shop, cai, SaleRequest("R1", FAN, total="40.00", coupon=code))
    assert sold.coupon is not None


def test_the_profile_form_opts_a_member_out_of_personalised_offers_apart_from_consent(
    qtbot: QtBot, staffed: Opened
) -> None:
    coupon_for_fan(staffed)
    shop = staffed.shop
    view = member_view.show_member(shop, LOCAL_ADMIN, FAN)
    tasks = Tasks()
    form = EditProfileDialog(shop, tasks, LOCAL_ADMIN, view, None)
    qtbot.addWidget(form)
    qtbot.waitUntil(form.personalised.isEnabled, timeout=WAIT)
    assert form.personalised.isChecked()
    form.personalised.setChecked(False)
    with qtbot.waitSignal(form.succeeded, timeout=WAIT) as saved:
        form.submit()
    assert saved.args[0].changed == ("personalised_offers",)
    assert offers.offer_choice(shop, LOCAL_ADMIN, FAN).since is not None
    assert member_view.show_member(shop, LOCAL_ADMIN, FAN).consent  # consent untouched
