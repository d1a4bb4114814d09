"""The till's window: first start, sign-in, then checkout; sign-out and a lock after idle time."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QPushButton, QStackedWidget

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.services import staff, upkeep
from loyalty_desktop.services.auth import LOCAL_ADMIN, Actor
from loyalty_desktop.services.context import Shop
from loyalty_desktop.ui.scanner import ScanListener
from loyalty_desktop.ui.screens.checkout import CheckoutScreen
from loyalty_desktop.ui.screens.first_run import FirstAdminScreen
from loyalty_desktop.ui.screens.messages import spoken
from loyalty_desktop.ui.screens.refund import RefundScreen
from loyalty_desktop.ui.screens.sign_in import SignInScreen
from loyalty_desktop.ui.tasks import Tasks

IDLE_LOCK_MS = 5 * 60 * 1000  # a till left alone this long signs its cashier out
TIDY_AFTER_MS = 2_000  # the worker idle this long: checkpoint the log (services.upkeep)
_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel}


class MainWindow(QMainWindow):
    """Holds the screens; only a signed-in staff member reaches the checkout."""

    def __init__(self, shop: Shop, *, demo: bool = False, idle_lock_ms: int = IDLE_LOCK_MS) -> None:
        super().__init__()
        self._shop = shop
        self.tasks = Tasks(self)
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Loyalty till — DEMO") if demo else self.tr("Loyalty till"))
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.first_run = FirstAdminScreen(shop, self.tasks)
        self.sign_in = SignInScreen(shop, self.tasks)
        self.checkout: CheckoutScreen | None = None
        self.refunds: RefundScreen | None = None
        self.stack.addWidget(self.first_run)
        self.stack.addWidget(self.sign_in)
        self.first_run.created.connect(self._enter)
        self.sign_in.signed_in.connect(self._enter)
        self.who = QLabel()
        self.sign_out_button = QPushButton(self.tr("Sign out (Ctrl+L)"))
        self.sign_out_button.clicked.connect(self.sign_out)
        self.sign_out_button.hide()
        bar = self.statusBar()
        if demo:
            badge = QLabel(self.tr("DEMO — sample data, not a real shop"))
            badge.setObjectName("demo")
            bar.addWidget(badge)
        bar.addWidget(self.who, 1)
        bar.addPermanentWidget(self.sign_out_button)
        lock = QShortcut(QKeySequence("Ctrl+L"), self)
        lock.activated.connect(self.sign_out)
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(idle_lock_ms)
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
        self.tasks.busy_changed.connect(self._busy)
        self._restore()
        self.tasks.submit(lambda: staff.unsigned_actor(shop), self._started, self._failed)

    def _started(self, unsigned: Actor) -> None:
        if unsigned == LOCAL_ADMIN:  # no staff account yet
            self.stack.setCurrentWidget(self.first_run)
            self.first_run.name.setFocus()
        else:
            self.stack.setCurrentWidget(self.sign_in)
            self.sign_in.reset()

    def _failed(self, error: LoyaltyError) -> None:
        self.who.setText(spoken(error))

    def _enter(self, actor: Actor) -> None:
        self.actor = actor
        if self.checkout is not None:
            self.stack.removeWidget(self.checkout)
            self.checkout.deleteLater()
        self.checkout = CheckoutScreen(self._shop, self.tasks, actor)
        self.stack.addWidget(self.checkout)
        if self.refunds is not None:
            self.stack.removeWidget(self.refunds)
            self.refunds.deleteLater()
        self.refunds = RefundScreen(self._shop, self.tasks, actor)
        self.stack.addWidget(self.refunds)
        self.checkout.refund_wanted.connect(self.open_refunds)
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
        self.idle.start()

    def open_refunds(self) -> None:
        """The refund screen (F7 at the checkout)."""
        if self.refunds is not None:
            self.stack.setCurrentWidget(self.refunds)
            self.refunds.start()

    def close_refunds(self) -> None:
        """Back to the checkout, as it was left."""
        if self.checkout is not None:
            self.stack.setCurrentWidget(self.checkout)
            self.checkout.scan.setFocus()

    def _wrote(self, _result: object) -> None:
        self.tidy.start()

    def _busy(self, busy: bool) -> None:
        if busy:
            self.tidy.stop()

    def _tidy(self) -> None:
        if self.tasks.pending:  # the till is busy after all: try again later
            self.tidy.start()
            return
        shop = self._shop
        self.tasks.submit(lambda: upkeep.tidy_while_idle(shop), _ignore, self._failed, owner=self)

    def _scanned(self, code: str) -> None:
        if self.refunds is not None and self.stack.currentWidget() is self.refunds:
            self.refunds.sale.setText(code)  # a receipt's sale number
            return
        till = self.checkout
        if till is None or self.stack.currentWidget() is not till:
            return  # no one signed in: a scan attaches nothing
        till.scanned(code)

    def sign_out(self) -> None:
        """Back to the sign-in screen; the basket in progress is dropped (nothing was posted)."""
        if self.actor is None:
            return
        self.actor = None
        self.idle.stop()
        for screen in (self.checkout, self.refunds):
            if screen is not None:
                self.stack.removeWidget(screen)
                screen.deleteLater()
        self.checkout = self.refunds = None
        self.who.setText("")
        self.sign_out_button.hide()
        self.stack.setCurrentWidget(self.sign_in)
        self.sign_in.reset()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802  (Qt's name)
        """Any key or click while signed in restarts the idle countdown."""
        if self.actor is not None and event.type() in _ACTIVITY:
            self.idle.start()
        return False

    def _restore(self) -> None:
        geometry = QSettings().value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1366, 768)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Remember where the window was; let the worker finish what it is writing."""
        QSettings().setValue("window/geometry", self.saveGeometry())
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.scanner.uninstall()
        self.tasks.wait()
        super().closeEvent(event)


def _ignore(_value: object) -> None:
    """A chore's result is not shown."""
