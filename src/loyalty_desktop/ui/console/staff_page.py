"""The back office's Staff page: every account, and adding, disabling, enabling, a new PIN, a new role.

An admin looks after everyone; a manager adds cashiers and looks after their
accounts (the services refuse the rest, so the page only offers what the
signed-in person may do). Nobody disables their own account or changes their
own role, and the last active admin stays; the services say so if asked.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.services import staff, staff_accounts
from loyalty_desktop.services.auth import Actor, Permission, Role
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.staff import StaffAccount
from loyalty_desktop.ui.console.page import ConsolePage, pick_list
from loyalty_desktop.ui.console.staff_dialogs import (
    AddStaffDialog,
    PinDialog,
    RoleDialog,
    disable_question,
    role_names,
)
from loyalty_desktop.ui.screens.messages import spoken, tell
from loyalty_desktop.ui.tasks import Tasks

_Index = QModelIndex | QPersistentModelIndex
_COLUMNS = 4  # name, role, status, last sign-in


class StaffTableModel(QAbstractTableModel):
    """Staff accounts as rows: name, role, whether they may sign in, when they last did."""

    def __init__(self) -> None:
        super().__init__()
        self.accounts: tuple[StaffAccount, ...] = ()

    def show(self, accounts: tuple[StaffAccount, ...]) -> None:
        """Show these accounts instead."""
        self.beginResetModel()
        self.accounts = accounts
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008  (Qt's names)
        """The accounts (a flat table: none under a row)."""
        return 0 if parent.isValid() else len(self.accounts)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        """Name, role, status, last sign-in."""
        return 0 if parent.isValid() else _COLUMNS

    def headerData(  # noqa: N802
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Column titles in the UI language."""
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return {
                0: self.tr("Name"),
                1: self.tr("Role"),
                2: self.tr("Status"),
                3: self.tr("Last sign-in"),
            }.get(section)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The cell's text, alignment and tooltip."""
        if not index.isValid() or not 0 <= index.row() < len(self.accounts):
            return None
        account = self.accounts[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(account, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == 2 and account.locked_until:
            return self.tr("Locked after too many wrong PINs; a new PIN lifts the lock.")
        return None

    def _text(self, account: StaffAccount, column: int) -> str | None:
        if column == 0:
            return account.name
        if column == 1:
            return role_names()[account.role]
        if column == 2:
            if not account.active:
                return self.tr("Disabled")
            if account.locked_until:
                local = account.locked_until.astimezone()
                return self.tr("Locked until {time}").format(time=local.strftime("%H:%M"))
            return self.tr("Active")
        if column == 3:
            if account.last_sign_in is None:
                return self.tr("Not yet")
            return account.last_sign_in.astimezone().strftime("%Y-%m-%d %H:%M")
        return None


class StaffPage(ConsolePage):
    """The staff list and its actions; each action runs on the window's worker."""

    def __init__(self, shop: Shop, tasks: Tasks, actor: Actor) -> None:
        super().__init__(shop, tasks, actor)
        self.admin = actor.may(Permission.STAFF)
        heading = QLabel(self.tr("Staff"))
        heading.setObjectName("title")
        guide = QLabel(
            self.tr(
                "An admin looks after every account. A manager adds cashiers and looks after "
                "their accounts. Nobody disables their own account or changes their own role, "
                "and the last admin always stays."
            )
        )
        guide.setWordWrap(True)
        self.model = StaffTableModel()
        self.table = pick_list(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add = QPushButton(self.tr("Add staff (Ctrl+N)"))
        self.add.setObjectName("primary")
        self.new_pin = QPushButton(self.tr("New PIN"))
        self.role = QPushButton(self.tr("Change role"))
        self.switch = QPushButton(self.tr("Disable"))
        self.role.setVisible(self.admin)  # a manager gives no roles: cashiers stay cashiers
        self.message = QLabel()
        self.message.setObjectName("notice")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.add, self.new_pin, self.role, self.switch):
            buttons.addWidget(button)
        buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.addWidget(heading)
        box.addWidget(guide)
        box.addWidget(self.table, 1)
        box.addLayout(buttons)
        box.addWidget(self.message)
        self.add.clicked.connect(self.add_staff)
        self.new_pin.clicked.connect(self.reset_pin)
        self.role.clicked.connect(self.change_role)
        self.switch.clicked.connect(self.toggle_active)
        self.table.selectionModel().selectionChanged.connect(self._chosen)
        add = QShortcut(QKeySequence("Ctrl+N"), self)
        add.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        add.activated.connect(self.add_staff)
        self.dialog: AddStaffDialog | PinDialog | RoleDialog | None = None
        self.question: QMessageBox | None = None
        self._chosen()

    def _roles(self) -> list[Role]:
        return list(Role) if self.admin else [Role.CASHIER]

    def shown(self) -> None:
        """Fetch the accounts afresh."""
        self.refresh()

    def refresh(self, keep: str | None = None) -> None:
        """Load the list; ``keep`` stays selected."""
        shop, actor = self.shop, self.actor
        self.tasks.submit(
            lambda: staff.list_staff(shop, actor),
            lambda accounts: self._listed(accounts, keep),
            self._refused,
            owner=self,
        )

    def _listed(self, accounts: tuple[StaffAccount, ...], keep: str | None) -> None:
        chosen = keep or (self.chosen.name if self.chosen else None)
        self.model.show(accounts)
        for row, account in enumerate(accounts):
            if account.name == chosen:
                self.table.selectRow(row)
        self._chosen()

    @property
    def chosen(self) -> StaffAccount | None:
        """The account selected in the table."""
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.model.accounts):
            return None
        return self.model.accounts[rows[0].row()]

    def choose(self, name: str) -> None:
        """Select ``name``'s row."""
        for row, account in enumerate(self.model.accounts):
            if account.name == name:
                self.table.selectRow(row)

    def _chosen(self, *_: object) -> None:
        account = self.chosen
        may = account is not None and (self.admin or account.role is Role.CASHIER)
        self.new_pin.setEnabled(may or (account is not None and account.name == self.actor.name))
        self.role.setEnabled(may)
        self.switch.setEnabled(may)
        active = account is None or account.active
        self.switch.setText(self.tr("Disable") if active else self.tr("Enable"))

    def _run(self, work: Any, said: str) -> None:
        def done(account: StaffAccount) -> None:
            tell(self.message, said.format(name=account.name), ok=True)
            self.refresh(keep=account.name)

        self.tasks.submit(work, done, self._refused, owner=self)

    def _refused(self, error: LoyaltyError) -> None:
        tell(self.message, spoken(error))

    def add_staff(self) -> None:
        """Ask for the new account's name, role and PIN, then add it."""
        dialog = AddStaffDialog(self, self._roles())
        self.dialog = dialog

        def accepted() -> None:
            shop, actor = self.shop, self.actor
            name, role, pin = dialog.name.text(), str(dialog.role.currentData()), dialog.pin.text()
            self._run(
                lambda: staff.add_staff(shop, actor, name, role, pin),
                self.tr("{name} was added and can sign in now."),
            )

        dialog.accepted.connect(accepted)
        dialog.open()

    def reset_pin(self) -> None:
        """Ask for a new PIN for the chosen account, then set it."""
        account = self.chosen
        if account is None:
            return
        dialog = PinDialog(self, account.name)
        self.dialog = dialog

        def accepted() -> None:
            shop, actor, pin = self.shop, self.actor, dialog.pin.text()
            self._run(
                lambda: staff_accounts.reset_pin(shop, actor, account.name, pin),
                self.tr("{name} has a new PIN."),
            )

        dialog.accepted.connect(accepted)
        dialog.open()

    def change_role(self) -> None:
        """Ask for the chosen account's new role, then give it."""
        account = self.chosen
        if account is None:
            return
        dialog = RoleDialog(self, account.name, account.role, self._roles())
        self.dialog = dialog

        def accepted() -> None:
            shop, actor, role = self.shop, self.actor, str(dialog.role.currentData())
            self._run(
                lambda: staff_accounts.change_role(shop, actor, account.name, role),
                self.tr("{name}'s role was changed."),
            )

        dialog.accepted.connect(accepted)
        dialog.open()

    def toggle_active(self) -> None:
        """Disable the chosen account (after asking) or enable it again."""
        account = self.chosen
        if account is None:
            return
        shop, actor = self.shop, self.actor
        if not account.active:
            self._run(
                lambda: staff_accounts.enable_staff(shop, actor, account.name),
                self.tr("{name} can sign in again."),
            )
            return
        question = disable_question(self, account.name)
        self.question = question

        def answered() -> None:
            if question.clickedButton() is question.findChild(QPushButton, "disable"):
                self._run(
                    lambda: staff_accounts.disable_staff(shop, actor, account.name),
                    self.tr("{name} can no longer sign in."),
                )

        question.finished.connect(answered)
        question.open()
