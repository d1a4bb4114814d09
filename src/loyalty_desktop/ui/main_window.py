"""The till's window: first start, sign-in, then checkout; sign-out, idle lock, settings, back office.

The window speaks the language chosen in this till's settings (or the PC's).
Switching it installs the other translation and builds the screens again,
so it is refused while a sale is in progress rather than dropping the basket.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QLocale,
    QObject,
    QSettings,
    QSize,
    Qt,
    QTimer,
    QTranslator,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QPushButton, QStackedWidget

from loyalty_desktop.domain.cards import card_shaped, clean_scan, payment_kind
from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.services import backups, staff, staff_accounts, upkeep
from loyalty_desktop.services.auth import LOCAL_ADMIN, NOT_SIGNED_IN, Actor, Role
from loyalty_desktop.services.context import Shop
from loyalty_desktop.ui.console.screen import ConsoleScreen
from loyalty_desktop.ui.language import install_translations
from loyalty_desktop.ui.preferences import TillPreferences, load_preferences, save_preferences
from loyalty_desktop.ui.scanner import ScanListener
from loyalty_desktop.ui.screens.about import AboutDialog
from loyalty_desktop.ui.screens.checkout import CheckoutScreen
from loyalty_desktop.ui.screens.first_run import FirstAdminScreen
from loyalty_desktop.ui.screens.messages import spoken, tell, till_sale_number
from loyalty_desktop.ui.screens.refund import RefundScreen
from loyalty_desktop.ui.screens.settings import SettingsScreen
from loyalty_desktop.ui.screens.sign_in import SignInScreen
from loyalty_desktop.ui.sync_pump import SyncPump
from loyalty_desktop.ui.tasks import Tasks
from loyalty_desktop.ui.widgets.sync_status import SyncStatusLabel

TIDY_AFTER_MS = 2_000  # the worker idle this long: checkpoint the log (services.upkeep)
# A minute after a sign-in, when the worker is idle: the daily backup if one is due. Not at
# once, so the first customer's scans never queue behind a copy of a large database.
BACKUP_AFTER_MS = 60_000
BACKUP_EVERY_MS = 3_600_000  # a till left on overnight, signed in or not, still backs up daily
_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel}


def too_small(room: QSize, wanted: QSize) -> bool:
    """Whether a screen's free room cannot hold the window at ``wanted`` size."""
    return room.width() < wanted.width() or room.height() < wanted.height()


class MainWindow(QMainWindow):
    """Holds the screens; only a signed-in staff member reaches the checkout."""

    # The signed-in account was disabled or its role changed (emitted from the worker).
    stood_down = Signal(object)

    def __init__(
        self,
        shop: Shop,
        *,
        demo: bool = False,
        idle_lock_ms: int | None = None,
        preferences: TillPreferences | None = None,
        database: str | None = None,
    ) -> None:
        super().__init__()
        self.database = database  # shown in About / diagnostics
        self._shop, self._demo = shop, demo
        self.preferences = preferences or load_preferences()
        self._idle_lock_ms = idle_lock_ms  # tests shorten the lock; else the settings decide
        self._translators: list[QTranslator] = []
        self._speak(self.preferences)
        self.tasks = Tasks(self)
        self.printer = Tasks(self)  # receipts: a slow printer never holds up the database work
        self.actor: Actor | None = None
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.first_run = FirstAdminScreen(shop, self.tasks)
        self.sign_in = SignInScreen(shop, self.tasks)
        self.checkout: CheckoutScreen | None = None
        self.refunds: RefundScreen | None = None
        self._farewell = ""  # why the till signed itself out, said on the sign-in screen
        self.stood_down.connect(self._stand_down)
        self.settings: SettingsScreen | None = None
        self.console: ConsoleScreen | None = None
        self._add_entry_screens()
        self.who = QLabel()
        self.demo_badge = QLabel()
        self.demo_badge.setObjectName("demo")
        self.demo_badge.setVisible(demo)
        self.settings_button = QPushButton()
        self.settings_button.clicked.connect(self.open_settings)
        self.settings_button.hide()
        self.console_button = QPushButton()
        self.console_button.clicked.connect(self.toggle_console)
        self.console_button.hide()
        self.sign_out_button = QPushButton()
        self.sign_out_button.clicked.connect(self.sign_out)
        self.sign_out_button.hide()
        self.about_button = QPushButton()
        self.about_button.clicked.connect(self.open_about)
        self.sync_status = SyncStatusLabel()
        self.sync_pump = SyncPump(shop, parent=self)
        self.sync_pump.changed.connect(self.sync_status.show_status)
        self._label()
        bar = self.statusBar()
        bar.addWidget(self.demo_badge)
        bar.addWidget(self.who, 1)
        bar.addPermanentWidget(self.sync_status)
        bar.addPermanentWidget(self.console_button)
        bar.addPermanentWidget(self.settings_button)
        bar.addPermanentWidget(self.sign_out_button)
        bar.addPermanentWidget(self.about_button)
        lock = QShortcut(QKeySequence("Ctrl+L"), self)
        lock.activated.connect(self.sign_out)
        settings = QShortcut(QKeySequence("F10"), self)
        settings.activated.connect(self.open_settings)
        office = QShortcut(QKeySequence("F11"), self)
        office.activated.connect(self.toggle_console)
        about = QShortcut(QKeySequence("F1"), self)
        about.activated.connect(self.open_about)
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(self._idle_ms())
        self.idle.timeout.connect(self.sign_out)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        # A card scanned with focus anywhere finds the member; its keys never reach a field.
        self.scanner = ScanListener(parent=self)
        self.scanner.scanned.connect(self._scanned)
        if app is not None:
            self.scanner.install(app)
        # A moment after a sale or refund, with the worker idle, tidy the database so the
        # next sale's commit does not run SQLite's checkpoint itself.
        self.tidy = QTimer(self)
        self.tidy.setSingleShot(True)
        self.tidy.setInterval(TIDY_AFTER_MS)
        self.tidy.timeout.connect(self._tidy)
        self._tidy_owed = False  # a sale or refund was written and not yet checkpointed
        self.daily_backup = QTimer(self)
        self.daily_backup.setSingleShot(True)
        self.daily_backup.setInterval(BACKUP_AFTER_MS)
        self.daily_backup.timeout.connect(self._back_up_if_due)
        self._sign_out_owed = False  # asked for while work was in flight
        self.tasks.busy_changed.connect(self._busy)
        self._restore()
        self.tasks.submit(lambda: staff.unsigned_actor(shop), self._started, self._failed)

    def _speak(self, preferences: TillPreferences) -> None:
        """Speak the chosen language: Qt's translators and the locale the refusals are worded in."""
        app = QApplication.instance()
        for translator in self._translators:
            QApplication.removeTranslator(translator)
        locale = preferences.locale()
        QLocale.setDefault(locale)
        self._translators = install_translations(app, locale) if app is not None else []

    def _label(self) -> None:
        """The window's own words, in the language in force."""
        title = self.tr("Loyalty till — DEMO") if self._demo else self.tr("Loyalty till")
        self.setWindowTitle(title)
        self.demo_badge.setText(self.tr("DEMO — sample data, not a real shop"))
        self.settings_button.setText(self.tr("Settings (F10)"))
        self.console_button.setText(self.tr("Back office (F11)"))
        self.sign_out_button.setText(self.tr("Sign out (Ctrl+L)"))
        self.about_button.setText(self.tr("About (F1)"))
        self.sync_status.label()

    def _add_entry_screens(self) -> None:
        self.stack.addWidget(self.first_run)
        self.stack.addWidget(self.sign_in)
        self.first_run.created.connect(self._enter)
        self.sign_in.signed_in.connect(self._enter)

    def _idle_ms(self) -> int:
        if self._idle_lock_ms is not None:
            return self._idle_lock_ms
        return self.preferences.idle_minutes * 60_000

    def _started(self, unsigned: Actor) -> None:
        self.daily_backup.start()
        if unsigned == LOCAL_ADMIN:  # no staff account yet
            self.stack.setCurrentWidget(self.first_run)
            self.first_run.name.setFocus()
        else:
            self.stack.setCurrentWidget(self.sign_in)
            self.sign_in.reset()

    def _failed(self, error: LoyaltyError) -> None:
        self.who.setText(spoken(error))

    def _standing(self, actor: Actor) -> Callable[[], None]:
        """Before each task: is the account signed in still enabled, with the same role?"""
        shop = self._shop

        def check() -> None:
            try:
                staff_accounts.check_standing(shop, actor)
            except LoyaltyError as refused:
                self.stood_down.emit(refused)
                raise

        return check

    def _stand_down(self, error: LoyaltyError) -> None:
        self._farewell = spoken(error)
        self.sign_out()

    def _enter(self, actor: Actor) -> None:
        self.actor = actor
        self.tasks.guard = self._standing(actor)
        self._drop_console()
        if self.checkout is not None:
            self.stack.removeWidget(self.checkout)
            self.checkout.deleteLater()
        self.checkout = CheckoutScreen(
            self._shop, self.tasks, actor, printer=self.printer, preferences=self.preferences
        )
        self.stack.addWidget(self.checkout)
        if self.refunds is not None:
            self.stack.removeWidget(self.refunds)
            self.refunds.deleteLater()
        self.refunds = RefundScreen(self._shop, self.tasks, actor)
        self.stack.addWidget(self.refunds)
        self.checkout.refund_wanted.connect(self.open_refunds)
        self.checkout.camera_code.connect(self.scanner.offer)
        self.checkout.receipt_scanned.connect(self._refund_receipt)
        self.checkout.completed.connect(self._wrote)
        self.refunds.done.connect(self._wrote)
        self.refunds.leave.connect(self.close_refunds)
        self.stack.setCurrentWidget(self.checkout)
        self.checkout.scan.setFocus()
        roles = {
            "cashier": self.tr("cashier"),
            "manager": self.tr("manager"),
            "admin": self.tr("admin"),
        }
        self.who.setText(
            self.tr("Signed in: {name} ({role})").format(
                name=actor.name, role=roles.get(actor.role.value, actor.role.value)
            )
        )
        self.sign_out_button.show()
        self.settings_button.show()
        self.console_button.setVisible(actor.role.rank >= Role.MANAGER.rank)
        self.idle.start()
        self.daily_backup.start()

    def open_about(self) -> AboutDialog:
        """Show versions and paths for support (any time, signed in or not)."""
        dialog = AboutDialog(self.database, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_refunds(self) -> None:
        """The refund screen (F7 at the checkout)."""
        if self.refunds is not None:
            self.stack.setCurrentWidget(self.refunds)
            self.refunds.start()

    def close_refunds(self) -> None:
        """Back to the checkout, as it was left (from refunds, settings or the back office)."""
        if self.checkout is not None:
            self.stack.setCurrentWidget(self.checkout)
            self.checkout.scan.setFocus()

    def toggle_console(self) -> None:
        """The back office (F11) for a manager or admin; F11 again goes back to the till."""
        actor = self.actor
        if actor is None or self.checkout is None:
            return
        if self.console is not None and self.stack.currentWidget() is self.console:
            self.close_refunds()
            return
        if actor.role.rank < Role.MANAGER.rank:
            tell(self.checkout.message, self.tr("The back office is for managers."))
            return
        if self.console is None:
            self.console = ConsoleScreen(self._shop, self.tasks, actor)
            self.console.leave.connect(self.close_refunds)
            self.stack.addWidget(self.console)
        self.stack.setCurrentWidget(self.console)
        self.console.nav.setFocus()

    def _drop_console(self) -> None:
        screen, self.console = self.console, None
        if screen is not None:
            self.stack.removeWidget(screen)
            screen.deleteLater()

    def open_settings(self) -> None:
        """This till's settings (F10), for whoever is signed in."""
        if self.actor is None or self.checkout is None:
            return
        if self.settings is None:
            self.settings = SettingsScreen(self.actor, self.preferences)
            self.settings.saved.connect(self._apply_settings)
            self.settings.leave.connect(self.close_settings)
            self.stack.addWidget(self.settings)
        self.settings.show_settings(self.preferences)
        self.stack.setCurrentWidget(self.settings)

    def close_settings(self) -> None:
        """Back to the checkout; the settings screen is made afresh next time."""
        screen, self.settings = self.settings, None
        self.close_refunds()
        if screen is not None:
            self.stack.removeWidget(screen)
            screen.deleteLater()

    def _apply_settings(self, chosen: TillPreferences) -> None:
        if chosen.language != self.preferences.language and self._sale_in_progress():
            assert self.settings is not None
            self.settings.note.setText(
                self.tr("Finish or clear the sale in progress (Esc) before changing the language.")
            )
            return
        before, self.preferences = self.preferences, chosen
        save_preferences(chosen)
        self.idle.setInterval(self._idle_ms())
        if self.checkout is not None:
            self.checkout.receipts.preferences = chosen
        self.close_settings()
        if chosen.language != before.language:
            self._respeak()

    def _sale_in_progress(self) -> bool:
        till = self.checkout
        return till is not None and (bool(till.basket.lines) or till.member is not None)

    def _respeak(self) -> None:
        """Install the new language and build every screen again in it."""
        self._speak(self.preferences)
        self._label()
        for screen in (self.first_run, self.sign_in):
            self.stack.removeWidget(screen)
            screen.deleteLater()
        self.first_run = FirstAdminScreen(self._shop, self.tasks)
        self.sign_in = SignInScreen(self._shop, self.tasks)
        self._add_entry_screens()
        if self.actor is not None:
            last = self.checkout.receipts.view.receipt if self.checkout is not None else None
            self._enter(self.actor)
            if last is not None and self.checkout is not None:
                self.checkout.receipts.keep(last)  # F8 still reprints it

    def _wrote(self, _result: object) -> None:
        self._tidy_owed = True
        self.tidy.start()

    def _busy(self, busy: bool) -> None:
        if not busy and self._sign_out_owed:
            self.sign_out()
            return
        if busy:
            self.tidy.stop()
        elif self._tidy_owed:  # the work after a sale (its receipt) is done: count from now
            self.tidy.start()

    def _tidy(self) -> None:
        if self.tasks.pending:  # the till is busy after all: try again later
            self.tidy.start()
            return
        self._tidy_owed = False
        shop = self._shop
        self.tasks.submit(lambda: upkeep.tidy_while_idle(shop), _ignore, self._failed, owner=self)

    def _back_up_if_due(self) -> None:
        # The backup is a chore anyone may run, signed in or not (it only adds a copy).
        actor = self.actor or NOT_SIGNED_IN
        if self.tasks.pending:  # the till is busy: try again in a moment
            self.daily_backup.start()
            return
        shop = self._shop
        self.tasks.submit(lambda: backups.backup_if_due(shop, actor), _ignore, _ignore, owner=self)
        self.daily_backup.setInterval(max(self.daily_backup.interval(), BACKUP_EVERY_MS))
        self.daily_backup.start()

    def _scanned(self, code: str) -> None:
        if self.actor is not None:
            self.idle.start()  # a cashier who only scans is not idle
        receipt = till_sale_number(code)
        if self.refunds is not None and self.stack.currentWidget() is self.refunds:
            kind = payment_kind(clean_scan(code))
            if kind is not None:  # never typed anywhere, never kept
                tell(
                    self.refunds.message,
                    self.tr("That was a payment code ({kind}), not a receipt.").format(kind=kind),
                )
            elif card_shaped(code):
                tell(self.refunds.message, self.tr("That was a member card, not a receipt."))
            else:
                self.refunds.sale.setText(receipt or code)  # a receipt's sale number
            return
        if self.console is not None and self.stack.currentWidget() is self.console:
            self.console.scanned(code)  # the members page opens a scanned card's member
            return
        till = self.checkout
        if till is None or self.stack.currentWidget() is not till:
            return  # no one signed in: a scan attaches nothing
        till.scanned(code)  # a receipt's code comes back as receipt_scanned

    def _refund_receipt(self, sale_no: str) -> None:
        """A receipt scanned (or shown to the camera) at the checkout: its refund, number filled."""
        self.open_refunds()
        if self.refunds is not None:
            self.refunds.sale.setText(sale_no)

    def sign_out(self) -> None:
        """Back to the sign-in screen; the basket in progress is kept for whoever signs in next.

        A sale or refund still posting is let finish first, so its result (and receipt) is
        shown rather than dropped and the cashier is never tempted to ring it up again.
        """
        if self.actor is None:
            return
        if self.tasks.pending:
            self._sign_out_owed = True
            return
        deferred = self._sign_out_owed
        current = self.stack.currentWidget()
        said = ""
        if deferred and isinstance(current, (CheckoutScreen, RefundScreen)):
            said = current.message.text()  # what the work in flight answered: keep it in view
        self._sign_out_owed = False
        self.actor = None
        self.tasks.guard = None
        said, self._farewell = self._farewell or said, ""
        self.idle.stop()
        for screen in (self.checkout, self.refunds, self.settings):
            if screen is not None:
                self.stack.removeWidget(screen)
                screen.deleteLater()
        self.checkout = self.refunds = self.settings = None
        self._drop_console()
        self.who.setText("")
        self.sign_out_button.hide()
        self.settings_button.hide()
        self.console_button.hide()
        self.stack.setCurrentWidget(self.sign_in)
        self.sign_in.reset()
        if said:
            tell(self.sign_in.message, said)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802  (Qt's name)
        """Any key or click while signed in restarts the idle countdown."""
        if self.actor is not None and event.type() in _ACTIVITY:
            self.idle.start()
        return False

    def _restore(self) -> None:
        geometry = QSettings().value("window/geometry")
        self._placed = isinstance(geometry, (bytes, QByteArray)) and self.restoreGeometry(geometry)
        if not self._placed:
            self.resize(1366, 768)  # none kept, or a damaged value: never a reason not to start

    def show_fitted(self) -> None:
        """Show the window; maximised on a first start on a screen smaller than its 1366×768.

        A 1280×800 or 1280×1024 shop PC would otherwise open it with its right edge (the
        basket's totals and the Pay button) off the screen. Once the window was placed,
        where the cashier left it is kept.
        """
        screen = self.screen()
        room = screen.availableGeometry().size() if screen is not None else None
        if not self._placed and room is not None and too_small(room, self.size()):
            self.showMaximized()
        else:
            self.show()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Remember where the window was; let the worker finish what it is writing."""
        QSettings().setValue("window/geometry", self.saveGeometry())
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.scanner.uninstall()
        for translator in self._translators:  # the next window picks its own language
            QApplication.removeTranslator(translator)
        self._translators = []
        self.sync_pump.stop()
        self.tasks.wait()
        self.printer.wait()
        super().closeEvent(event)


def _ignore(_value: object) -> None:
    """A chore's result is not shown."""
