"""The Staff page's dialogs: a new account, a new PIN, a new role, and the question before disabling.

A PIN is typed twice, hidden, and never shown or kept by a dialog after it
closes; the dialog only checks the two agree (the service checks the rest).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from loyalty_desktop.services.auth import Role
from loyalty_desktop.ui.screens.messages import tell


def role_names() -> dict[Role, str]:
    """Each role as the page shows it, in the UI language."""
    return {
        Role.CASHIER: QCoreApplication.translate("StaffDialogs", "Cashier"),
        Role.MANAGER: QCoreApplication.translate("StaffDialogs", "Manager"),
        Role.ADMIN: QCoreApplication.translate("StaffDialogs", "Admin"),
    }


def _pin_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
    field.setMaxLength(12)
    return field


class _Form(QDialog):
    """A small form with OK and Cancel; OK checks the form before closing."""

    def __init__(self, parent: QWidget | None, title: str, ok_text: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.form = QFormLayout()
        self.note = QLabel()
        self.note.setObjectName("notice")
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(ok_text)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.check)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(self.form)
        box.addWidget(self.note)
        box.addWidget(self.buttons)

    def problem(self) -> str:
        """What is wrong with the form as filled, or an empty text."""
        return ""

    def check(self) -> None:
        """Close with OK if the form is complete, else say what is missing."""
        problem = self.problem()
        if problem:
            tell(self.note, problem)
            return
        self.accept()


class _WithPin(_Form):
    """A form ending with a PIN typed twice."""

    def add_pin_rows(self) -> None:
        self.pin = _pin_field()
        self.pin_again = _pin_field()
        self.form.addRow(self.tr("PIN (4 to 12 digits)"), self.pin)
        self.form.addRow(self.tr("The same PIN again"), self.pin_again)

    def problem(self) -> str:
        if not self.pin.text():
            return self.tr("Type the PIN.")
        if self.pin.text() != self.pin_again.text():
            self.pin_again.clear()
            return self.tr("The two PINs differ; type the PIN again.")
        return ""


class AddStaffDialog(_WithPin):
    """Name, role (those the signed-in person may give) and PIN of a new account."""

    def __init__(self, parent: QWidget | None, roles: list[Role]) -> None:
        super().__init__(parent, self.tr("Add staff"), self.tr("Add"))
        self.name = QLineEdit()
        self.name.setMaxLength(60)
        self.role = QComboBox()
        names = role_names()
        for role in roles:
            self.role.addItem(names[role], role.value)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Role"), self.role)
        self.add_pin_rows()
        self.name.setFocus()

    def problem(self) -> str:
        """A name is needed, and the PIN twice alike."""
        if not self.name.text().strip():
            return self.tr("Type the name.")
        return super().problem()


class PinDialog(_WithPin):
    """A new PIN for one account."""

    def __init__(self, parent: QWidget | None, name: str) -> None:
        super().__init__(
            parent, self.tr("New PIN for {name}").format(name=name), self.tr("Set PIN")
        )
        self.form.addRow(QLabel(self.tr("The old PIN stops working at once; a lockout is lifted.")))
        self.add_pin_rows()
        self.pin.setFocus()


class RoleDialog(_Form):
    """A new role for one account."""

    def __init__(self, parent: QWidget | None, name: str, current: Role, roles: list[Role]) -> None:
        super().__init__(
            parent, self.tr("Role of {name}").format(name=name), self.tr("Change role")
        )
        self.role = QComboBox()
        names = role_names()
        for role in roles:
            self.role.addItem(names[role], role.value)
        self.role.setCurrentIndex(max(0, self.role.findData(current.value)))
        self.form.addRow(self.tr("Role"), self.role)
        self.form.addRow(
            QLabel(
                self.tr(
                    "A manager looks after cashiers and the back office; an admin also "
                    "looks after managers, admins and the till rules."
                )
            )
        )


def disable_question(parent: QWidget, name: str) -> QMessageBox:
    """The question before disabling an account; Cancel is the default, so Enter harms nothing."""
    question = QMessageBox(parent)
    question.setIcon(QMessageBox.Icon.Warning)
    question.setWindowTitle(
        QCoreApplication.translate("StaffDialogs", "Disable {name}").format(name=name)
    )
    question.setText(
        QCoreApplication.translate(
            "StaffDialogs",
            "{name} will not be able to sign in, and a till where {name} is signed in "
            "stops at its next step. Their sales and history stay. You can enable the "
            "account again later.",
        ).format(name=name)
    )
    disable = question.addButton(
        QCoreApplication.translate("StaffDialogs", "Disable"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    cancel = question.addButton(
        QCoreApplication.translate("StaffDialogs", "Cancel"), QMessageBox.ButtonRole.RejectRole
    )
    question.setDefaultButton(cancel)
    question.setEscapeButton(cancel)
    disable.setObjectName("disable")
    return question
