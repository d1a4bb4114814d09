"""The Sync page: this store's link to the central server, its outbox, and events held for a manager.

Managers see the state and the quarantined events (a key the server had already seen with
other contents: something to look into, never resent). Only an administrator connects the
store with the server's address and the store's token, or disconnects it; the token is
checked with the server before anything is remembered. "Send now" runs one pass of the pump.
A manager sets the offline redemption limits (services/chain_redemption.py) on one row.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableView,
    QVBoxLayout,
)

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.domain.reasons import say
from loyalty_desktop.services import chain_redemption, pull_review, sync
from loyalty_desktop.services.auth import Actor, Permission
from loyalty_desktop.services.context import Shop
from loyalty_desktop.ui.console.page import ConsolePage
from loyalty_desktop.ui.screens.messages import spoken, tell
from loyalty_desktop.ui.tasks import Tasks
from loyalty_desktop.ui.widgets.sync_status import clock_time

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class SyncView:
    """What the page shows, read in one go on the worker."""

    status: sync.SyncStatus
    held: tuple[sync.QuarantinedEvent, ...]
    said: str = ""  # what a connect or pass ran into ("" when nothing)
    limits: chain_redemption.RedemptionLimits | None = None  # None: not the actor's to see
    passed_over: tuple[sync.PassedOver, ...] = ()  # changes of the log not applied here


class HeldModel(QAbstractTableModel):
    """Quarantined events: what kind, the key, the server's reason."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[sync.QuarantinedEvent, ...] = ()

    def show_events(self, rows: tuple[sync.QuarantinedEvent, ...]) -> None:
        """Show these events instead."""
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        """How many events."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        """Kind, key, reason."""
        return 0 if parent.isValid() else 3

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Kind"), self.tr("Key"), self.tr("Server's reason"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Each cell's text."""
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= index.row() < len(self._rows):
            return None
        held = self._rows[index.row()]
        return (held.kind, held.key, held.reason or "")[index.column()]


_JOIN = "  ·  "


def _read(shop: Shop, actor: Actor, said: str = "") -> SyncView:
    limits = (
        chain_redemption.redemption_limits(shop, actor)
        if actor.may(Permission.SYNC_LIMITS)
        else None
    )
    return SyncView(
        sync.status(shop),
        tuple(sync.quarantined(shop, actor)),
        said,
        limits,
        tuple(sync.passed_over(shop, actor)),
    )


def _points_box(top: int, suffix: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, top)
    box.setSuffix(suffix)
    box.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
    return box


class SyncPage(ConsolePage):
    """State, held events, send now; connect and disconnect for an administrator."""

    def __init__(self, shop: Shop, tasks: Tasks, actor: Actor) -> None:
        super().__init__(shop, tasks, actor)
        title = QLabel(self.tr("Sync with the central server"))
        title.setObjectName("title")
        explain = QLabel(
            self.tr(
                "Sales and members are sent to the chain's server in the background. "
                "Without the network the till goes on selling and sends later."
            )
        )
        explain.setWordWrap(True)
        self.state = QLabel()
        self.state.setWordWrap(True)
        # Never squeezed (cut) to make room: the held events' table gives way instead.
        self.state.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = HeldModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 120)
        self.table.setColumnWidth(1, 420)
        held_title = QLabel(self.tr("Held for a manager"))
        held_title.setObjectName("section")
        held_explain = QLabel(
            self.tr(
                "The server had already received these keys with different contents, so it "
                "kept the first. They are not sent again; compare them with the server's records."
            )
        )
        held_explain.setWordWrap(True)
        self.send_now = QPushButton(self.tr("Send now"))
        self.send_now.setObjectName("primary")
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://hq.example.com")
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.connect_button = QPushButton(self.tr("Connect"))
        self.disconnect_button = QPushButton(self.tr("Disconnect"))
        self.read_again_button = QPushButton(self.tr("Read passed-over changes again"))
        self.read_again_button.setToolTip(
            self.tr(
                "Once their cause is fixed (the till updated, a member's number changed), "
                "read the changes of other stores this till passed over again."
            )
        )
        self.read_again_button.setEnabled(False)
        self.message = QLabel()
        self.message.setWordWrap(True)
        # What a till may redeem while the server is away: one row, a manager's to change.
        self.allowance = _points_box(chain_redemption.MAX_LIMIT, self.tr(" points"))
        self.store_cap = _points_box(chain_redemption.MAX_LIMIT, self.tr(" points"))
        self.snapshot_age = _points_box(chain_redemption.MAX_AGE_HOURS, self.tr(" h"))
        self.save_limits = QPushButton(self.tr("Save limits"))
        limits_row = QHBoxLayout()
        limits_row.addWidget(QLabel(self.tr("Each member")))
        limits_row.addWidget(self.allowance)
        limits_row.addWidget(QLabel(self.tr("This store")))
        limits_row.addWidget(self.store_cap)
        limits_row.addWidget(QLabel(self.tr("Balances received within")))
        limits_row.addWidget(self.snapshot_age)
        limits_row.addWidget(self.save_limits)
        limits_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Server address"), self.url)
        form.addRow(self.tr("This store's token"), self.token)
        form.addRow(self.tr("Offline redemption"), limits_row)
        admin_row = QHBoxLayout()
        admin_row.addWidget(self.connect_button)
        admin_row.addWidget(self.disconnect_button)
        admin_row.addWidget(self.read_again_button)
        admin_row.addStretch(1)
        admin_row.addWidget(self.send_now)
        box = QVBoxLayout(self)
        box.addWidget(title)
        box.addWidget(explain)
        box.addWidget(self.state)
        box.addLayout(form)
        box.addLayout(admin_row)
        box.addWidget(self.message)
        box.addWidget(held_title)
        box.addWidget(held_explain)
        box.addWidget(self.table, 1)
        admin = actor.may(Permission.SYNC)
        for widget in (self.url, self.token, self.connect_button, self.disconnect_button):
            widget.setEnabled(admin)
        if not admin:
            self.token.setPlaceholderText(self.tr("An administrator connects the store"))
        self.send_now.clicked.connect(self.send)
        self.connect_button.clicked.connect(self.connect_store)
        self.disconnect_button.clicked.connect(self.disconnect_store)
        self.read_again_button.clicked.connect(self.read_again)
        self.save_limits.clicked.connect(self.set_limits)
        manager = actor.may(Permission.SYNC_LIMITS)
        for spin in (self.allowance, self.store_cap, self.snapshot_age):
            spin.setEnabled(manager)
        self.save_limits.setEnabled(manager)

    def shown(self) -> None:
        """Read the state afresh."""
        self.refresh()

    def refresh(self) -> None:
        """The status and the held events, read on the worker."""
        shop, actor = self.shop, self.actor
        self.tasks.submit(lambda: _read(shop, actor), self._show, self._failed, owner=self)

    def send(self) -> None:
        """One pass of the pump now (on the worker: the back office is in front of the till)."""
        shop, actor = self.shop, self.actor
        self.send_now.setEnabled(False)

        def work() -> tuple[SyncView, int]:
            before = sync.status(shop).skipped
            sync.run_pass(shop)
            return _read(shop, actor), before

        self.tasks.submit(work, self._sent, self._failed_pass, owner=self)

    def _sent(self, done: tuple[SyncView, int]) -> None:
        view, before = done
        self._show(view)
        new = len(view.passed_over) - before
        if new > 0 and view.passed_over:
            last = view.passed_over[-1]
            tell(
                self.message,
                self.tr(
                    "Changes from other stores passed over in this pass: {n} (this till could "
                    "not apply them; loyalty check lists them). The last: {why}"
                ).format(
                    n=new, why=say(last.reason, last.details, QLocale().name()) or last.message
                ),
            )

    def _failed_pass(self, error: LoyaltyError) -> None:
        """A pass stopped by a refusal at this till: say why, and show the state it left."""
        self._failed(error)
        said = spoken(error)
        shop, actor = self.shop, self.actor
        self.tasks.submit(lambda: _read(shop, actor, said), self._show, self._failed, owner=self)

    def connect_store(self) -> None:
        """Check the address and token with the server, then remember them."""
        shop, actor, url, token = self.shop, self.actor, self.url.text(), self.token.text()
        refused = self.tr("The server refused this token: check it with the chain's administrator.")
        away = self.tr("The server could not be reached; nothing was changed. Check the address.")

        def work() -> SyncView:
            try:
                sync.connect_to(shop, actor, url, token)
            except sync.TokenRefused:
                return _read(shop, actor, refused)
            except sync.ServerUnavailable:
                return _read(shop, actor, away)
            return _read(shop, actor)

        self.connect_button.setEnabled(False)
        self.tasks.submit(work, self._connected, self._failed, owner=self)

    def set_limits(self) -> None:
        """Keep the three offline limits as typed (a manager; audited)."""
        shop, actor = self.shop, self.actor
        allowance, cap = self.allowance.value(), self.store_cap.value()
        age = self.snapshot_age.value()
        saved = self.tr("The offline limits are saved.")

        def work() -> SyncView:
            chain_redemption.set_redemption_limits(
                shop,
                actor,
                member_allowance=allowance,
                store_cap=cap,
                max_snapshot_age_hours=age,
            )
            return _read(shop, actor)

        def done(view: SyncView) -> None:
            self._show(view)
            tell(self.message, saved, ok=True)

        self.tasks.submit(work, done, self._failed, owner=self)

    def disconnect_store(self) -> None:
        """Forget the server and the token (the outbox is kept)."""
        shop, actor = self.shop, self.actor

        def work() -> SyncView:
            sync.disconnect(shop, actor)
            return _read(shop, actor)

        self.tasks.submit(work, self._show, self._failed, owner=self)

    def read_again(self) -> None:
        """Read what the pull passed over again, then pass at once (an administrator; audited)."""
        shop, actor = self.shop, self.actor
        self.read_again_button.setEnabled(False)

        def work() -> tuple[SyncView, int]:
            done = pull_review.read_again(shop, actor)
            sync.run_pass(shop)
            return _read(shop, actor), done.cursor + 1

        def show(result: tuple[SyncView, int]) -> None:
            view, start = result
            self._show(view)
            left = view.status.skipped + view.status.clashes
            said = self.tr(
                "Read again from change {pos} of the server's log. Still not applied here: {n}."
            ).format(pos=start, n=left)
            tell(self.message, said, ok=left == 0)

        self.tasks.submit(work, show, self._failed_pass, owner=self)

    def _connected(self, view: SyncView) -> None:
        self.token.clear()
        self._show(view)
        if not view.said:
            tell(self.message, self.tr("Connected. The till sends its events now."), ok=True)

    def _show(self, view: SyncView) -> None:
        admin = self.actor.may(Permission.SYNC)
        self.send_now.setEnabled(view.status.server is not None)
        self.connect_button.setEnabled(admin)
        self.disconnect_button.setEnabled(admin and view.status.server is not None)
        passed_over = view.status.skipped + view.status.clashes
        self.read_again_button.setEnabled(
            admin and view.status.server is not None and passed_over > 0
        )
        self.model.show_events(view.held)
        if view.limits is not None:
            self.allowance.setValue(view.limits.member_allowance)
            self.store_cap.setValue(view.limits.store_cap)
            self.snapshot_age.setValue(view.limits.max_snapshot_age_hours)
        self.state.setText(self._state_text(view.status))
        if view.said:
            tell(self.message, view.said)
        else:
            self.message.clear()

    def _state_text(self, status: sync.SyncStatus) -> str:
        if status.server is None:
            return self.tr("Not connected. {n} events wait in the outbox.").format(n=status.queue)
        # Related facts share a line, so the page keeps room for the held events below.
        lines = [
            self.tr("Server: {server}").format(server=status.server),
            _JOIN.join(
                [
                    self.tr("Store: {store}").format(store=status.store_id or "?"),
                    *(
                        [self.tr("New member numbers: {block}").format(block=status.member_numbers)]
                        if status.member_numbers
                        else []
                    ),
                ]
            ),
            _JOIN.join(
                [
                    self.tr("Waiting to send: {n}").format(n=status.queue),
                    self.tr("Last sent: {time}").format(time=clock_time(status.last_sync) or "—"),
                ]
            ),
            _JOIN.join(
                [
                    self.tr("Last received from other stores: {time}").format(
                        time=clock_time(status.last_pull) or "—"
                    ),
                    *(
                        [
                            self.tr("Passed over: {n} (loyalty check lists them)").format(
                                n=status.skipped
                            )
                        ]
                        if status.skipped
                        else []
                    ),
                ]
            ),
        ]
        if status.clashes:
            lines.append(
                self.tr(
                    "Members of other stores not added here: {n} (their number belongs to "
                    "another member here; loyalty check lists them)."
                ).format(n=status.clashes)
            )
        if status.problem == "token_refused":
            lines.append(self.tr("The server refused this store's token: connect again."))
        elif status.problem == "server_unavailable":
            lines.append(self.tr("The server could not be reached at the last try."))
        elif status.problem == "server_answer":
            lines.append(
                self.tr(
                    "At the last try the server answered, but not with anything this till can "
                    "use; it asks again at the next pass."
                )
            )
        elif status.problem == "refused":
            lines.append(self.tr("The last pass stopped at a problem of this till's."))
        return "\n".join(lines)

    def _failed(self, error: LoyaltyError) -> None:
        self.connect_button.setEnabled(self.actor.may(Permission.SYNC))
        tell(self.message, spoken(error))
