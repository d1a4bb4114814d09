"""Sign-in with name and PIN; after five wrong PINs the account is locked and a countdown says for how long."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.services import staff
from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.staff import LOCKOUT
from loyalty_desktop.ui.screens.messages import spoken, wall_clock
from loyalty_desktop.ui.tasks import Tasks

Now = Callable[[], datetime]


class SignInScreen(QWidget):
    """Name, PIN, Enter. Emits ``signed_in`` with the staff member as the services know them."""

    signed_in = Signal(object)  # Actor

    def __init__(self, shop: Shop, tasks: Tasks, now: Now = wall_clock) -> None:
        super().__init__()
        self._shop, self._tasks, self._now = shop, tasks, now
        self._locked_until: datetime | None = None
        self._locked_name = ""  # the lockout is this account's, not the screen's
        title = QLabel(self.tr("Sign in"))
        title.setObjectName("title")
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Your name"))
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(self.tr("PIN"))
        self.pin.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.button = QPushButton(self.tr("Sign in (Enter)"))
        self.button.setObjectName("primary")
        self.message = QLabel()
        self.message.setObjectName("notice")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("PIN"), self.pin)
        box = QVBoxLayout(self)
        box.addStretch(1)
        box.addWidget(title)
        box.addLayout(form)
        box.addWidget(self.button)
        box.addWidget(self.message)
        box.addStretch(2)
        box.setContentsMargins(300, 40, 300, 40)
        self.name.returnPressed.connect(self.pin.setFocus)
        self.name.textChanged.connect(self._name_changed)
        self.pin.returnPressed.connect(self.submit)
        self.button.clicked.connect(self.submit)
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)

    def reset(self) -> None:
        """Clear the PIN (and any message) for the next person."""
        self.pin.clear()
        if self._locked_until is None:
            self.message.clear()
        (self.pin if self.name.text() else self.name).setFocus()

    def _name_changed(self, _text: str) -> None:
        self._tick()

    def _this_account_locked(self) -> bool:
        return self._locked_until is not None and self.name.text().strip() == self._locked_name

    def submit(self) -> None:
        """Check the name and PIN in the background; a second Enter meanwhile is not a second try."""
        if not self.button.isEnabled():
            return  # one check is on its way: a bouncing Enter would count a wrong PIN twice
        name, pin = self.name.text(), self.pin.text()
        if self._this_account_locked():
            self.pin.clear()
            return
        if not name.strip() or not pin:
            self.message.setText(self.tr("Type your name and PIN."))
            return
        self.button.setEnabled(False)
        self._tasks.submit(lambda: staff.sign_in(self._shop, name, pin), self._done, self._refused)

    def _done(self, actor: Actor) -> None:
        self.button.setEnabled(True)
        if actor.name == self._locked_name:  # the lockout ran out and they are in
            self._locked_until = None
        self.pin.clear()
        self.message.clear()
        self.signed_in.emit(actor)

    def _refused(self, error: LoyaltyError) -> None:
        self.button.setEnabled(True)
        self.pin.clear()
        self.pin.setFocus()
        until = error.details.get("locked_until")
        if error.reason == "account_locked" and isinstance(until, str):
            self._lock(datetime.fromisoformat(until))
        elif error.reason == "account_locked_now":
            self._lock(self._now() + LOCKOUT)
        else:
            self.message.setText(spoken(error))

    def _lock(self, until: datetime) -> None:
        self._locked_until = until
        self._locked_name = self.name.text().strip()
        self._countdown.start()
        self._tick()

    def _tick(self) -> None:
        if self._locked_until is None:
            return
        left = int((self._locked_until - self._now()).total_seconds())
        if left <= 0:
            self._locked_until = None
            self._countdown.stop()
            self.message.setText(self.tr("You can sign in again."))
            self.button.setEnabled(True)
            return
        if not self._this_account_locked():  # someone else may sign in meanwhile
            self.button.setEnabled(True)
            self.message.clear()
            return
        self.button.setEnabled(False)
        self.message.setText(
            self.tr("Too many wrong PINs: locked for {time}.").format(
                time=f"{left // 60}:{left % 60:02d}"
            )
        )
