"""Save a picture of every till screen, in English and in Chinese, at 1366×768 (docs/screenshots/).

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots]

Runs offscreen on a temporary shop: a programme, a member with points, an
admin and a cashier, a basket with a quote. The report pages are shot on a
second temporary shop, a small demo with a year of sales (``console-reports-…``).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from loyalty_desktop.app import open_database
from loyalty_desktop.demo.build import build_demo
from loyalty_desktop.domain.products import Product
from loyalty_desktop.services import backups, checkout, members, programs, staff
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.baskets import LineRequest, SaleRequest
from loyalty_desktop.services.products import stock_products
from loyalty_desktop.ui.console.audit_page import AuditPage
from loyalty_desktop.ui.console.import_page import ImportPage
from loyalty_desktop.ui.console.pages import PAGES
from loyalty_desktop.ui.console.products_page import ProductsPage
from loyalty_desktop.ui.console.reports.dashboard import DashboardView
from loyalty_desktop.ui.console.reports.reports_page import ReportsPage
from loyalty_desktop.ui.console.staff_page import StaffPage
from loyalty_desktop.ui.main_window import MainWindow
from loyalty_desktop.ui.preferences import TillPreferences
from loyalty_desktop.ui.theme import STYLE

PROGRAM = """\
currency = "CNY"
timezone = "Asia/Shanghai"
shop_name = "便利店"
[earn]
points = 1
per = "1.00"
[expiry]
days = 365
[redeem]
point_value = "0.01"
max_share = "0.5"
[[tiers.levels]]
name = "Silver"
threshold = "0"
[[tiers.levels]]
name = "Gold"
threshold = "2000"
discount_pct = "5"
[[campaigns]]
name = "Tea week 茶叶周"
start = "2000-01-01"
end = "2099-12-31"
multiplier = "2"
categories = ["Tea"]
[[rewards]]
name = "Free tea 免费茶"
points = 800
value = "6.00"
[[rewards]]
name = "Gift box 礼盒"
points = 5000
value = "50.00"
"""


def _settle(app: QApplication, window: MainWindow, until: object = None) -> None:
    """Let timers fire, the worker finish and the screen repaint (at most 5 s)."""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        app.processEvents()
        done = until is None or until()  # type: ignore[operator]
        if window.tasks.pending == 0 and done:
            break
        time.sleep(0.01)
    app.processEvents()


def _retire(app: QApplication, window: MainWindow) -> None:
    """Close a window for good, its timers stopped and the window deleted.

    Its timers (idle lock, tidy, daily backup) would otherwise fire later in this
    process and work on a shop whose files are gone, beside the next window.
    """
    window.close()
    for timer in window.findChildren(QTimer):
        timer.stop()
    window.deleteLater()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()


def shoot(out: Path, language: str) -> list[Path]:
    """Every screen in ``language`` (``en`` or ``zh_CN``); returns the files written."""
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    speak = TillPreferences(language=language)
    app.setStyleSheet(STYLE)
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        opened = open_database(Path(tmp) / "shop.db", keys_dir=Path(tmp) / "keys")
        shop = opened.shop
        programs.load_program(shop, LOCAL_ADMIN, PROGRAM, "screenshots")

        def save(window: MainWindow, name: str) -> None:
            path = out / f"{name}-{language}.png"
            window.grab().save(str(path))
            written.append(path)

        first = MainWindow(shop, demo=True, preferences=speak)
        first.resize(1366, 768)
        first.show()
        _settle(app, first)
        save(first, "first-run")
        _retire(app, first)
        members.enrol(
            shop,
            LOCAL_ADMIN,
            members.NewMember(name="王芳", member_no="10000001", phone="13812345678"),
        )
        checkout.checkout(shop, LOCAL_ADMIN, SaleRequest("S-0", "10000001", total="1860.00"))
        staff.add_staff(shop, LOCAL_ADMIN, "Ada", "admin", "4321")
        staff.add_staff(shop, LOCAL_ADMIN, "Mia 米娅", "manager", "4321")
        staff.add_staff(shop, LOCAL_ADMIN, "Cai 蔡", "cashier", "4321")
        backups.back_up(shop, LOCAL_ADMIN)  # a row on the backups page, an entry in the log
        shelves = [  # a few products for the Products page and the suggestions
            Product(f"A{n:04d}", name, price, category, f"69012345{n:05d}")
            for n, (name, price, category) in enumerate(
                [("矿泉水 550ml", 200, "饮料"), ("Green tea 绿茶", 350, "Tea"), ("面包", 600, None)]
                * 12
            )
        ]
        stock_products(shop, LOCAL_ADMIN, shelves, "screenshots")
        members.enrol(shop, LOCAL_ADMIN, members.NewMember(name="陈静", member_no="10000002"))
        for n, (who, skus) in enumerate(
            [("10000001", ("A0001",)), ("10000001", ("A0001", "A0000"))]
            + [("10000002", ("A0001", "A0002", "A0000"))] * 2
        ):
            goods = tuple(LineRequest(sku, "1", "3.50") for sku in skus)
            checkout.checkout(shop, LOCAL_ADMIN, SaleRequest(f"S-L{n}", who, lines=goods))
        window = MainWindow(shop, preferences=speak)
        window.resize(1366, 768)
        window.show()
        _settle(app, window)
        window.sign_in.name.setText("Ada")
        save(window, "sign-in")
        window.sign_in.pin.setText("4321")
        window.sign_in.submit()
        _settle(app, window, lambda: window.checkout is not None)
        save(window, "checkout-empty")
        till = window.checkout
        assert till is not None
        till.find_member("10000001")
        _settle(app, window, lambda: till.member is not None)
        for sku, qty, price in (("6901234567892", "2", "12.50"), ("TEA-500", "1", "38.00")):
            till.sku.setText(sku)
            till.qty.setText(qty)
            till.price.setText(price)
            till.add_line()
        till.use_points()
        time.sleep(0.2)  # the quote waits for the scans to stop
        _settle(app, window, lambda: till.quoted is not None)
        deadline = time.monotonic() + 10  # the suggestions' model builds on its own thread
        while not till.suggest.text() and time.monotonic() < deadline:
            _settle(app, window)
        save(window, "checkout-basket")
        till.complete_sale()
        _settle(app, window, lambda: till.member is None)
        save(window, "checkout-done")
        till.find_member("LD1.1.1.AAAA")
        _settle(app, window)
        save(window, "checkout-bad-card")
        till.open_enrolment()
        _settle(app, window)
        save(window, "enrol")
        till.close_enrolment()
        window.open_refunds()
        _settle(app, window)
        save(window, "refund")
        window.close_refunds()
        window.open_settings()
        _settle(app, window)
        save(window, "settings")
        window.close_settings()
        window.toggle_console()
        console = window.console
        assert console is not None
        for name, phone in (("李娜", "13900001111"), ("Zhang Wei", None), ("陈静", "13700002222")):
            members.enrol(shop, LOCAL_ADMIN, members.NewMember(name=name, phone=phone))
        for entry in PAGES:  # every back-office page as it first opens
            shown = console.open_page(entry.key)
            _settle(app, window, lambda page=shown: _report_ready(page))
            save(window, f"console-{entry.key}")
        import_page = console.open_page("import")
        assert isinstance(import_page, ImportPage)
        sample = Path(tmp) / "会员.csv"
        sample.write_bytes(
            "会员号,姓名,手机,联系邮箱,生日,备注\r\n"
            "M001,张三,13800138000,zs@example.com,1990-05-31,老顾客\r\n"
            "M002,,139,not-mail,2090-01-01,\r\nM003,李四,,,,\r\n".encode("gbk")
        )
        import_page.choose_file(sample)
        _settle(app, window, lambda: import_page.preview is not None)
        save(window, "console-import-preview")
        import_page.run()
        _settle(app, window, lambda: import_page.job is None)
        save(window, "console-import-rejected")
        products_page = console.open_page("products")
        assert isinstance(products_page, ProductsPage)
        _settle(app, window)
        products_page.table.selectRow(1)
        _settle(app, window)
        save(window, "console-products-edit")
        # The member record and its forms (the members page's dialogs).
        record = console.pages["members"].open_member("10000001")  # type: ignore[attr-defined]
        _settle(app, window, lambda: record.tables is not None)
        for tab in range(record.tabs.count()):
            record.tabs.setCurrentIndex(tab)
            _settle(app, window)
            record.grab().save(str(out / f"member-detail-{tab}-{language}.png"))
        record.merge()
        _settle(app, window)
        form = record.findChildren(QDialog)[-1]
        form.other.setText("10000002")  # type: ignore[attr-defined]
        form.preview()  # type: ignore[attr-defined]
        _settle(app, window)
        form.grab().save(str(out / f"member-merge-{language}.png"))
        form.close()
        record.close()
        tabs = getattr(console.open_page("programme"), "editor", None)
        for tab in range(1, tabs.count() if tabs is not None else 0):  # the programme's other tabs
            tabs.setCurrentIndex(tab)
            _settle(app, window)
            save(window, f"console-programme-tab{tab}")
        staff_page = console.open_page("staff")
        assert isinstance(staff_page, StaffPage)
        staff_page.choose("Cai 蔡")
        staff_page.add.click()
        _settle(app, window)
        assert staff_page.dialog is not None
        staff_page.dialog.grab().save(str(out / f"console-staff-add-{language}.png"))
        written.append(out / f"console-staff-add-{language}.png")
        staff_page.dialog.reject()
        staff_page.switch.click()
        _settle(app, window)
        assert staff_page.question is not None
        staff_page.question.grab().save(str(out / f"console-staff-disable-{language}.png"))
        written.append(out / f"console-staff-disable-{language}.png")
        staff_page.question.reject()
        audit = console.open_page("audit")
        assert isinstance(audit, AuditPage)
        audit.table.selectRow(0)
        audit.verify_chain()
        _settle(app, window, lambda: audit.verify.isEnabled())
        save(window, "console-audit-entry")
        window.toggle_console()
        _retire(app, window)
        opened.engine.dispose()
    return written


def _report_ready(page: object) -> bool:
    """A reports page has its figures (other pages are ready when the worker is idle)."""
    if not isinstance(page, ReportsPage):
        return True
    return page.view.shown_filter is not None and not page.computing


def shoot_reports(out: Path, language: str) -> list[Path]:
    """The report pages on a demo shop with a year of sales; returns the files written."""
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    speak = TillPreferences(language=language)
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        opened = open_database(Path(tmp) / "demo.db", keys_dir=Path(tmp) / "keys")
        shop = opened.shop
        build_demo(shop, LOCAL_ADMIN, members=150, seed=3)
        staff.add_staff(shop, LOCAL_ADMIN, "Mia 米娅", "admin", "4321")
        window = MainWindow(shop, preferences=speak)
        window.resize(1366, 768)
        window.show()
        _settle(app, window)
        window.sign_in.name.setText("Mia 米娅")
        window.sign_in.pin.setText("4321")
        window.sign_in.submit()
        _settle(app, window, lambda: window.checkout is not None)
        window.toggle_console()
        assert window.console is not None
        page = window.console.open_page("reports")
        assert isinstance(page, ReportsPage)

        def save(name: str) -> None:
            _settle(app, window, lambda: _report_ready(page))
            time.sleep(0.3)  # the filters settle before the page computes
            _settle(app, window, lambda: _report_ready(page))
            path = out / f"console-reports-{name}-{language}.png"
            window.grab().save(str(path))
            written.append(path)

        save("dashboard")
        dashboard = page.view
        assert isinstance(dashboard, DashboardView)
        dashboard.scroller.ensureWidgetVisible(dashboard.buyers_table)
        save("dashboard-tables")
        for key in ("liability", "segments", "clv", "churn", "lifecycle", "satisfaction"):
            page.open_report(key)
            save(key)
        page.open_report("dashboard")
        dashboard.scroller.verticalScrollBar().setValue(0)
        page.filters.choose_days(page.filters.today().replace(day=1), page.filters.today())
        save("dashboard-month")
        _retire(app, window)
        opened.engine.dispose()
    return written


def main() -> None:
    """Write the screenshots."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for language in ("en", "zh_CN"):
        for path in shoot(args.out, language) + shoot_reports(args.out, language):
            print(path)


if __name__ == "__main__":
    main()
