"""The back office's pages, in the order the navigation lists them.

Each entry names its page (so the list can show it before the page exists)
and makes it from the shop, the window's worker and the manager signed in;
a page is built only when first opened, so the back office opens at once
however large the shop.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.context import Shop
from loyalty_desktop.ui.console.audit_page import AuditPage
from loyalty_desktop.ui.console.backups_page import BackupsPage
from loyalty_desktop.ui.console.events_page import EventsPage
from loyalty_desktop.ui.console.home import HomePage
from loyalty_desktop.ui.console.import_page import ImportPage
from loyalty_desktop.ui.console.members_page import MembersPage
from loyalty_desktop.ui.console.offers_page import OffersPage
from loyalty_desktop.ui.console.page import ConsolePage
from loyalty_desktop.ui.console.products_page import ProductsPage
from loyalty_desktop.ui.console.programme_page import ProgrammePage
from loyalty_desktop.ui.console.reports.reports_page import ReportsPage
from loyalty_desktop.ui.console.staff_page import StaffPage
from loyalty_desktop.ui.console.sync_page import SyncPage
from loyalty_desktop.ui.console.till_rules_page import TillRulesPage
from loyalty_desktop.ui.tasks import Tasks

PageMaker = Callable[[Shop, Tasks, Actor], ConsolePage]


@dataclass(frozen=True)
class PageEntry:
    """One line of the navigation: a key, its name in the UI language, and how to build it."""

    key: str
    title: Callable[[], str]
    make: PageMaker


PAGES: tuple[PageEntry, ...] = (
    PageEntry("home", lambda: QCoreApplication.translate("ConsolePages", "Start"), HomePage),
    PageEntry(
        "members", lambda: QCoreApplication.translate("ConsolePages", "Members"), MembersPage
    ),
    PageEntry(
        "products", lambda: QCoreApplication.translate("ConsolePages", "Products"), ProductsPage
    ),
    PageEntry("import", lambda: QCoreApplication.translate("ConsolePages", "Import"), ImportPage),
    PageEntry(
        "programme", lambda: QCoreApplication.translate("ConsolePages", "Programme"), ProgrammePage
    ),
    PageEntry("staff", lambda: QCoreApplication.translate("ConsolePages", "Staff"), StaffPage),
    PageEntry(
        "till_rules",
        lambda: QCoreApplication.translate("ConsolePages", "Till rules"),
        TillRulesPage,
    ),
    PageEntry("audit", lambda: QCoreApplication.translate("ConsolePages", "Audit log"), AuditPage),
    PageEntry(
        "backups", lambda: QCoreApplication.translate("ConsolePages", "Backups"), BackupsPage
    ),
    PageEntry(
        "reports", lambda: QCoreApplication.translate("ConsolePages", "Reports"), ReportsPage
    ),
    PageEntry("events", lambda: QCoreApplication.translate("ConsolePages", "Events"), EventsPage),
    PageEntry("sync", lambda: QCoreApplication.translate("ConsolePages", "Sync"), SyncPage),
    PageEntry("offers", lambda: QCoreApplication.translate("ConsolePages", "Offers"), OffersPage),
)
