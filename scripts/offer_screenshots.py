"""Screenshots of the Offers page and a coupon at the till, in English and Chinese, on a demo shop.

usage: python scripts/offer_screenshots.py DEMO.db OUT_DIR
DEMO.db is a demo shop (``loyalty --db DEMO.db demo``); it is copied, never changed.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication

from loyalty_desktop.app import open_database
from loyalty_desktop.services import offers
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.ui.console.offers_page import OffersPage
from loyalty_desktop.ui.language import install_translations
from loyalty_desktop.ui.screens.checkout import CheckoutScreen
from loyalty_desktop.ui.tasks import Tasks
from loyalty_desktop.ui.theme import CONSOLE_STYLE, STYLE

LAPSED = """
name = "Double points to win back Gold"
kind = "points_multiplier"
multiplier = "2"
start = "2026-09-01"
end = "2026-10-31"
[audience]
tiers = ["黄金", "钻石"]
stages = ["lapsed", "declining"]
"""
EVERYONE = """
name = "Ten off, autumn"
kind = "money_off"
amount = "10.00"
start = "2026-09-01"
end = "2026-10-31"
control_share = "0.5"
seed = 5
"""
NOW = """
name = "Tea lovers 15% off"
kind = "percent_off"
percent = "15"
start = "2026-12-01"
end = "2026-12-31"
control_share = "0.1"
"""


def settle(app: QApplication, tasks: Tasks, seconds: float = 20) -> None:
    """Let the worker finish and the screen repaint."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        if tasks.pending == 0:
            break
        time.sleep(0.02)
    app.processEvents()


def main() -> None:
    """Copy the demo shop, make three offers, shoot the page and a coupon at the till."""
    demo, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)  # a kept basket stays in here
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        db = Path(tmp) / "shop.db"
        shutil.copy(demo, db)
        opened = open_database(db)  # the demo's card keys: run with its LOYALTY_CONFIG_DIR
        shop = opened.shop
        for text, at in ((LAPSED, "2026-09-01"), (EVERYONE, "2026-09-01"), (NOW, None)):
            offer = offers.create_offer(shop, LOCAL_ADMIN, text, "demo.toml")
            when = datetime.fromisoformat(at).replace(tzinfo=UTC) if at else None
            offers.issue_offer(shop, LOCAL_ADMIN, offer.id, when)
        fan = offers.coupon_list(shop, LOCAL_ADMIN, offer.id)[0]
        for language in ("en", "zh_CN"):
            QLocale.setDefault(QLocale(language))
            loaded = install_translations(app, QLocale(language))
            app.setStyleSheet(STYLE)
            tasks = Tasks()
            page = OffersPage(shop, tasks, LOCAL_ADMIN)
            page.setStyleSheet(CONSOLE_STYLE)
            page.resize(1366, 700)
            page.show()
            page.shown()
            settle(app, tasks)
            page.grab().save(str(out / f"console-offers-{language}.png"))
            page.tabs.setCurrentIndex(1)
            settle(app, tasks)
            page.grab().save(str(out / f"console-offer-form-{language}.png"))
            page.close()
            till = CheckoutScreen(shop, tasks, LOCAL_ADMIN)
            till.resize(1366, 768)
            till.show()
            till.find_member(fan.member_no)
            settle(app, tasks)
            till.sku.setText("TEA")
            till.price.setText("88.00")
            till.add_line()
            settle(app, tasks)
            assert len(till.basket.lines) == 1, till.basket.lines
            till.find_member(fan.code)
            settle(app, tasks)
            time.sleep(0.3)
            settle(app, tasks)
            till.grab().save(str(out / f"checkout-coupon-{language}.png"))
            till.find_member("971100000000000142373027096")  # a forged code
            settle(app, tasks)
            till.grab().save(str(out / f"checkout-coupon-refused-{language}.png"))
            till.start_over()  # the next language's till must not bring this basket back
            till.close()
            for translator in loaded:
                app.removeTranslator(translator)
        opened.engine.dispose()


if __name__ == "__main__":
    main()
