"""Enrolment at the till: name, phone, optional birthday, marketing consent (unticked); then the member's QR card.

It stands in for the member panel while open, so the basket in progress stays
and the new member is attached to it. Esc leaves it without enrolling.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.domain.members import Member, parse_birthday
from loyalty_desktop.printing.card_image import card_png
from loyalty_desktop.services import members
from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.context import Shop
from loyalty_desktop.ui.screens.messages import spoken, tell, wall_clock
from loyalty_desktop.ui.tasks import Tasks


def _card(member: Member, code: str, shop_name: str) -> bytes:
    return card_png(code, shop_name=shop_name, member_name=member.name, member_no=member.member_no)


class EnrolPanel(QFrame):
    """Emits ``enrolled(member_no)`` once the member exists, ``closed`` when the cashier leaves."""

    enrolled = Signal(str)
    closed = Signal()

    def __init__(
        self, shop: Shop, tasks: Tasks, actor: Actor, now: Callable[[], datetime] | None = None
    ) -> None:
        super().__init__()
        self.setObjectName("panel")
        self._shop, self._tasks, self.actor = shop, tasks, actor
        self._now = now or wall_clock
        title = QLabel(self.tr("New member"))
        title.setObjectName("title")
        self.name = QLineEdit()
        self.phone = QLineEdit()
        self.phone.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.birthday = QLineEdit()
        self.birthday.setPlaceholderText(self.tr("YYYY-MM-DD (optional)"))
        self.birthday.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.consent = QCheckBox(self.tr("Agrees to receive offers"))
        self.consent.setChecked(False)
        self.enrol = QPushButton(self.tr("Enrol (Enter)"))
        self.enrol.setObjectName("primary")
        self.skip = QPushButton(self.tr("Skip (Esc)"))
        self.message = QLabel()
        self.message.setObjectName("notice")
        self.message.setWordWrap(True)
        self.card = QLabel()
        self.card.setAlignment(Qt.AlignmentFlag.AlignCenter)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Birthday"), self.birthday)
        form.addRow("", self.consent)
        buttons = QHBoxLayout()
        buttons.addWidget(self.skip)
        buttons.addWidget(self.enrol, 1)
        box = QVBoxLayout(self)
        box.addWidget(title)
        box.addLayout(form)
        box.addLayout(buttons)
        box.addWidget(self.message)
        box.addWidget(self.card, 1)
        for field in (self.name, self.phone, self.birthday):
            field.returnPressed.connect(self.submit)
        self.enrol.clicked.connect(self.submit)
        self.skip.clicked.connect(self.closed.emit)  # Esc: the checkout's shortcut

    def start(self, typed: str = "") -> None:
        """Empty form; digits the cashier had typed are taken as the phone."""
        for field in (self.name, self.phone, self.birthday):
            field.clear()
        self.consent.setChecked(False)
        self.message.clear()
        self.card.clear()
        self.enrol.setEnabled(True)
        if typed.replace(" ", "").replace("+", "").isdigit():
            self.phone.setText(typed)
        self.name.setFocus()

    def submit(self) -> None:
        """Enrol in the background; the card is shown once the member exists."""
        if not self.enrol.isEnabled():
            return
        try:
            birthday = (
                parse_birthday(self.birthday.text(), self._now().date())
                if self.birthday.text().strip()
                else None
            )
        except LoyaltyError as exc:
            tell(self.message, spoken(exc))
            self.birthday.setFocus()
            return
        data = members.NewMember(
            name=self.name.text(),
            phone=self.phone.text().strip() or None,
            birthday=birthday,
            consent=self.consent.isChecked(),
        )
        self.enrol.setEnabled(False)

        def enrol() -> tuple[members.Enrolled, bytes | LoyaltyError]:
            done = members.enrol(self._shop, self.actor, data)
            try:  # the member exists now: a card that cannot be drawn must not undo that
                png: bytes | LoyaltyError = members.member_card(
                    self._shop, self.actor, done.member_no, deliver=_card
                )
            except LoyaltyError as exc:
                png = exc
            return done, png

        self._tasks.submit(enrol, self._done, self._refused)

    def _done(self, result: tuple[members.Enrolled, bytes | LoyaltyError]) -> None:
        done, png = result
        if isinstance(png, LoyaltyError):  # enrolled all the same: say so, and why no card
            self.card.clear()
            tell(
                self.message,
                self.tr("Member {number} enrolled, but the card could not be drawn: {why}").format(
                    number=done.member_no, why=spoken(png)
                ),
            )
            self.enrolled.emit(done.member_no)
            return
        pixmap = QPixmap()
        pixmap.loadFromData(png)
        self.card.setPixmap(pixmap.scaledToWidth(420, Qt.TransformationMode.SmoothTransformation))
        shared = (
            self.tr(" The phone is also on member {others}.").format(
                others=", ".join(done.same_phone)
            )
            if done.same_phone
            else ""
        )
        tell(
            self.message,
            self.tr("Member {number} enrolled; the card is below.").format(number=done.member_no)
            + shared,
            ok=not done.same_phone,  # a phone shared with another member is worth a look
        )
        self.enrolled.emit(done.member_no)

    def _refused(self, error: LoyaltyError) -> None:
        self.enrol.setEnabled(True)
        tell(self.message, spoken(error))
