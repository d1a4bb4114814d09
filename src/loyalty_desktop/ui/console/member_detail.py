"""One member's record in the back office: profile, ledger, lots, tiers, purchases, suggestions, actions.

Opened from the member list (Enter or double click) or by scanning a card.
Everything is read on the worker; every action refreshes what it changed
and tells the list (``changed``) so it shows the new points or profile.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.domain.members import Member, MemberStatus
from loyalty_desktop.domain.money import format_money
from loyalty_desktop.output_files import write_new_file
from loyalty_desktop.printing.card_image import card_png
from loyalty_desktop.services import member_view, members, privacy
from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.changes import Changes
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.member_view import MemberView
from loyalty_desktop.ui.console import member_files
from loyalty_desktop.ui.console.member_actions import AdjustDialog, EditProfileDialog, MergeDialog
from loyalty_desktop.ui.console.member_suggestions import MemberSuggestions
from loyalty_desktop.ui.console.member_tables import MemberTables, local_time
from loyalty_desktop.ui.console.record_model import RecordModel
from loyalty_desktop.ui.screens.messages import spoken, tell
from loyalty_desktop.ui.tasks import Tasks


def _table(model: RecordModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.resizeColumnsToContents()
    model.loaded.connect(view.resizeColumnsToContents)
    return view


class MemberDetailDialog(QDialog):
    """The record; ``changed`` says what an action changed."""

    changed = Signal(object)  # Changes

    def __init__(
        self, shop: Shop, tasks: Tasks, actor: Actor, ref: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Member"))
        self.resize(1180, 720)
        self.shop, self.tasks, self.actor, self.ref = shop, tasks, actor, ref
        self.view: MemberView | None = None
        self.tables: MemberTables | None = None
        self.suggestions: MemberSuggestions | None = None
        self.heading = QLabel(self.tr("Reading…"))
        self.heading.setObjectName("title")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.tabs = QTabWidget()
        self.profile = QWidget()
        self.profile_form = QFormLayout(self.profile)
        self.fields: dict[str, QLabel] = {}
        for key, title in (
            ("member_no", self.tr("Member number")),
            ("name", self.tr("Name")),
            ("phone", self.tr("Phone")),
            ("email", self.tr("E-mail")),
            ("birthday", self.tr("Birthday")),
            ("consent", self.tr("Marketing consent")),
            ("status", self.tr("Status")),
            ("expiring", self.tr("Expiring soon")),
        ):
            label = QLabel()
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
            self.fields[key] = label
            self.profile_form.addRow(title, label)
        self.tabs.addTab(self.profile, self.tr("Profile"))
        self.edit_button = QPushButton(self.tr("Edit profile…"))
        self.adjust_button = QPushButton(self.tr("Correct points…"))
        self.merge_button = QPushButton(self.tr("Merge a duplicate…"))
        self.card_button = QPushButton(self.tr("Save card…"))
        self.print_button = QPushButton(self.tr("Print card…"))
        self.export_button = QPushButton(self.tr("Export data (JSON)…"))
        self.erase_button = QPushButton(self.tr("Erase…"))
        self.close_button = QPushButton(self.tr("Close"))
        self.action_buttons = (
            self.edit_button,
            self.adjust_button,
            self.merge_button,
            self.card_button,
            self.print_button,
            self.export_button,
            self.erase_button,
        )
        for button in self.action_buttons:
            button.setEnabled(False)
            button.setAutoDefault(False)  # Enter in the record never erases or merges
        self.close_button.setDefault(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        for button in self.action_buttons:
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        box = QVBoxLayout(self)
        box.addWidget(self.heading)
        box.addWidget(self.summary)
        box.addWidget(self.tabs, 1)
        box.addWidget(self.message)
        box.addLayout(row)
        self.edit_button.clicked.connect(self.edit)
        self.adjust_button.clicked.connect(self.adjust)
        self.merge_button.clicked.connect(self.merge)
        self.card_button.clicked.connect(self.save_card)
        self.print_button.clicked.connect(self.print_card)
        self.export_button.clicked.connect(self.export)
        self.erase_button.clicked.connect(self.erase)
        self.close_button.clicked.connect(self.close)
        self.refresh()

    # -- reading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the member (and, once known, their tables) again."""
        shop, actor, ref = self.shop, self.actor, self.ref
        self.tasks.submit(
            lambda: member_view.show_member(shop, actor, ref), self._shown, self._refused
        )

    def _shown(self, view: MemberView) -> None:
        self.view = view
        self.ref = f"id:{view.id}"  # a scan or phone found them; the id names them for good
        if self.tables is None:
            self.tables = MemberTables(self.shop, self.tasks, self.actor, self.ref, view.currency)
            titles = (
                self.tr("Points ledger"),
                self.tr("Points lots"),
                self.tr("Tier history"),
                self.tr("Purchases"),
                self.tr("Lifecycle stages"),
            )
            for model, title in zip(self.tables.models(), titles, strict=True):
                model.failed.connect(self._refused)
                self.tabs.addTab(_table(model), title)
            self.suggestions = MemberSuggestions(self.shop, self.tasks, self.actor, self.ref)
            self.tabs.addTab(self.suggestions, self.tr("Likely to buy next"))
        self.tables.reload()
        assert self.suggestions is not None
        self.suggestions.reload()
        self._fill(view)

    def _fill(self, view: MemberView) -> None:
        none = self.tr("(none)")
        self.setWindowTitle(self.tr("Member {number}").format(number=view.member_no))
        self.heading.setText(f"{view.name} · {view.member_no}")
        self.summary.setText(
            self.tr(
                "Tier {tier} · {points} points ({spendable} spendable) · lifetime spend {spend}"
            ).format(
                tier=view.tier or none,
                points=view.points,
                spendable=view.spendable,
                spend=format_money(view.spend, view.currency),
            )
        )
        statuses = {
            MemberStatus.ACTIVE: self.tr("active"),
            MemberStatus.CLOSED: self.tr("merged into another member"),
            MemberStatus.ERASED: self.tr("erased (personal data removed)"),
        }
        expiring = "; ".join(
            self.tr("{points} on {day}").format(points=e.points, day=local_time(e.expires_at))
            for e in view.expiring[:3]
        )
        values = {
            "member_no": view.member_no,
            "name": view.name,
            "phone": view.phone or none,
            "email": view.email or none,
            "birthday": view.birthday.isoformat() if view.birthday else none,
            "consent": self.tr("yes: offers may use their data")
            if view.consent
            else self.tr("no: no marketing"),
            "status": statuses.get(view.status, view.status.value),
            "expiring": expiring or none,
        }
        for key, text in values.items():
            self.fields[key].setText(text)
        active = view.status is MemberStatus.ACTIVE
        for button in self.action_buttons:
            button.setEnabled(active)
        # An erased member can still be exported (what little is left) or erased again.
        self.export_button.setEnabled(True)
        self.erase_button.setEnabled(True)

    def _refused(self, error: LoyaltyError) -> None:
        tell(self.message, spoken(error))

    def _after(self, changes: Changes, text: str) -> None:
        tell(self.message, text, ok=True)
        self.changed.emit(changes)
        self.refresh()

    # -- actions ---------------------------------------------------------------------------

    def edit(self) -> None:
        """Edit the profile."""
        if self.view is not None:
            form = EditProfileDialog(self.shop, self.tasks, self.actor, self.view, self)
            form.succeeded.connect(
                lambda r: (
                    self._after(r.changes, self.tr("Profile saved."))
                    if r.changed
                    else tell(self.message, self.tr("Nothing was changed."))
                )
            )
            form.open()

    def adjust(self) -> None:
        """Correct the points, with a reason."""
        if self.view is not None:
            form = AdjustDialog(self.shop, self.tasks, self.actor, self.view, self)
            form.succeeded.connect(
                lambda r: self._after(
                    r.changes, self.tr("Points corrected: now {points}.").format(points=r.points)
                )
            )
            form.open()

    def merge(self) -> None:
        """Merge a duplicate into this member, after a preview."""
        if self.view is not None:
            form = MergeDialog(self.shop, self.tasks, self.actor, self.view, self)
            form.succeeded.connect(
                lambda r: self._after(
                    r.changes, self.tr("Merged: now {points} points.").format(points=r.points)
                )
            )
            form.open()

    def save_card(self) -> None:
        """Save the member's card as a PNG to print (the same card: the old one keeps working)."""
        view = self.view
        if view is None:
            return
        path = member_files.choose_save_path(
            self, self.tr("Save the member card"), f"card-{view.member_no}.png", "PNG (*.png)"
        )
        if path is None:
            return
        if path.suffix.lower() != ".png":
            path = path.with_name(path.name + ".png")
        shop, actor, ref = self.shop, self.actor, self.ref

        def save(member: Member, code: str, shop_name: str) -> Path:
            png = card_png(
                code, shop_name=shop_name, member_name=member.name, member_no=member.member_no
            )
            return write_new_file(path, png, force=True, protected=shop.own_files())

        self.tasks.submit(
            lambda: members.member_card(shop, actor, ref, deliver=save),
            lambda saved: tell(
                self.message, self.tr("Card saved to {file}.").format(file=saved), ok=True
            ),
            self._refused,
        )

    def print_card(self) -> None:
        """Print the member's card on a printer chosen in the print dialog (the same card)."""
        shop, actor, ref = self.shop, self.actor, self.ref

        def draw(member: Member, code: str, shop_name: str) -> bytes:
            return card_png(
                code, shop_name=shop_name, member_name=member.name, member_no=member.member_no
            )

        self.tasks.submit(
            lambda: members.member_card(shop, actor, ref, deliver=draw),
            self._print_png,
            self._refused,
        )

    def _print_png(self, png: bytes) -> None:
        if member_files.print_image(self, png):
            tell(self.message, self.tr("The card was sent to the printer."), ok=True)

    def export(self) -> None:
        """Write everything held about the member to a JSON file (an access request)."""
        view = self.view
        if view is None:
            return
        path = member_files.choose_save_path(
            self, self.tr("Export member data"), f"member-{view.member_no}.json", "JSON (*.json)"
        )
        if path is None:
            return
        shop, actor, ref = self.shop, self.actor, self.ref

        def write(data: Any) -> Path:
            text = json.dumps(data, ensure_ascii=False, indent=2)
            # The chooser asked before replacing a file; the shop's own files are refused anyway.
            return write_new_file(path, text, force=True, protected=shop.own_files())

        self.tasks.submit(
            lambda: privacy.export_member(shop, actor, ref, deliver=write),
            lambda saved: self._after(
                Changes(audit=True), self.tr("Exported to {file}.").format(file=saved)
            ),
            self._refused,
        )

    def erase(self) -> None:
        """Erase the member's personal data, after asking; points and totals stay."""
        view = self.view
        if view is None or not member_files.ask(member_files.erase_box(self, view.member_no)):
            return
        shop, actor, ref = self.shop, self.actor, self.ref
        self.tasks.submit(
            lambda: privacy.erase_member(shop, actor, ref),
            lambda r: self._after(r.changes, self.tr("The member's personal data was erased.")),
            self._refused,
        )
