"""The first start: a shop with no staff account creates its administrator, who then signs in."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.services import staff
from loyalty_desktop.services.auth import Actor, Role
from loyalty_desktop.services.context import Shop
from loyalty_desktop.ui.screens.messages import spoken
from loyalty_desktop.ui.tasks import Tasks


class FirstAdminScreen(QWidget):
    """Name and PIN (twice) of the first account, an admin; emits ``created`` signed in as them."""

    created = Signal(object)  # Actor

    def __init__(self, shop: Shop, tasks: Tasks) -> None:
        super().__init__()
        self._shop, self._tasks = shop, tasks
        title = QLabel(self.tr("Welcome: create the administrator account"))
        title.setObjectName("title")
        title.setWordWrap(True)
        hint = QLabel(
            self.tr(
                "The administrator adds the cashiers and managers later. "
                "Choose a PIN of at least 4 digits and keep it safe."
            )
        )
        hint.setWordWrap(True)
        self.name = QLineEdit()
        self.pin = QLineEdit()
        self.again = QLineEdit()
        for field in (self.pin, self.again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.button = QPushButton(self.tr("Create and sign in (Enter)"))
        self.button.setObjectName("primary")
        self.message = QLabel()
        self.message.setObjectName("notice")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("PIN"), self.pin)
        form.addRow(self.tr("PIN again"), self.again)
        box = QVBoxLayout(self)
        box.addStretch(1)
        box.addWidget(title)
        box.addWidget(hint)
        box.addLayout(form)
        box.addWidget(self.button)
        box.addWidget(self.message)
        box.addStretch(2)
        box.setContentsMargins(240, 30, 240, 30)
        self.name.returnPressed.connect(self.pin.setFocus)
        self.pin.returnPressed.connect(self.again.setFocus)
        self.again.returnPressed.connect(self.submit)
        self.button.clicked.connect(self.submit)

    def submit(self) -> None:
        """Create the admin account in the background, then sign in as them."""
        name, pin = self.name.text(), self.pin.text()
        if pin != self.again.text():
            self.message.setText(self.tr("The two PINs differ; type them again."))
            self.pin.clear()
            self.again.clear()
            self.pin.setFocus()
            return
        self.button.setEnabled(False)

        def create() -> Actor:
            # Unsigned requests run as the local administrator only while no account
            # exists: a second first-run window cannot make another admin.
            staff.add_staff(
                self._shop, staff.unsigned_actor(self._shop), name, Role.ADMIN.value, pin
            )
            return staff.sign_in(self._shop, name, pin)

        self._tasks.submit(create, self._done, self._refused)

    def _done(self, actor: Actor) -> None:
        self.button.setEnabled(True)
        self.created.emit(actor)

    def _refused(self, error: LoyaltyError) -> None:
        self.button.setEnabled(True)
        if error.code == "sign_in_required":  # staff were added meanwhile (another till)
            self.message.setText(self.tr("This shop already has staff accounts: sign in instead."))
            return
        self.message.setText(spoken(error))
