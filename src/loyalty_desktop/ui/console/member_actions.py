"""The forms a member's record opens: edit the profile, correct points with a reason, merge a duplicate.

Each runs its service on the worker and says a refusal in its own message
line, staying open so the manager can fix the field; on success it emits
``succeeded`` with what changed and closes.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.domain.money import format_money
from loyalty_desktop.services import member_profile, merge, merge_preview, offers, points
from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.member_view import MemberView
from loyalty_desktop.services.merge_preview import MergePreview
from loyalty_desktop.services.points import MAX_ADJUST
from loyalty_desktop.ui.screens.messages import spoken, tell
from loyalty_desktop.ui.tasks import Tasks


class _Form(QDialog):
    """A small form with a message line and Save/Cancel; ``succeeded`` carries the service's answer."""

    succeeded = Signal(object)

    def __init__(self, tasks: Tasks, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(560)
        self.tasks = tasks
        self.form = QFormLayout()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.save = QPushButton(self.tr("Save"))
        self.save.setDefault(True)
        self.cancel = QPushButton(self.tr("Cancel"))
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.cancel)
        self.buttons.addWidget(self.save)
        box = QVBoxLayout(self)
        box.addLayout(self.form)
        box.addWidget(self.message)
        box.addLayout(self.buttons)
        self.cancel.clicked.connect(self.reject)
        self.save.clicked.connect(self.submit)

    def submit(self) -> None:
        """Run the form's service call."""

    def _run(self, work: Callable[[], Any]) -> None:
        self.save.setEnabled(False)
        self.tasks.submit(work, self._finished, self._refused, owner=self)

    def _finished(self, result: Any) -> None:
        self.save.setEnabled(True)
        self.succeeded.emit(result)
        self.accept()

    def _refused(self, error: LoyaltyError) -> None:
        self.save.setEnabled(True)
        tell(self.message, spoken(error))


class EditProfileDialog(_Form):
    """Name, phone, e-mail, birthday and marketing consent, filled with what is on file."""

    def __init__(
        self, shop: Shop, tasks: Tasks, actor: Actor, view: MemberView, parent: QWidget | None
    ) -> None:
        super().__init__(tasks, parent)
        self.setWindowTitle(self.tr("Edit member {number}").format(number=view.member_no))
        self._shop, self._actor, self._ref = shop, actor, f"id:{view.id}"
        self.name = QLineEdit(view.name)
        self.phone = QLineEdit(view.phone or "")
        self.phone.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.email = QLineEdit(view.email or "")
        self.birthday = QLineEdit(view.birthday.isoformat() if view.birthday else "")
        self.birthday.setPlaceholderText(self.tr("YYYY-MM-DD, or empty"))
        self.consent = QCheckBox(self.tr("Agrees to marketing use of their data"))
        self.consent.setChecked(view.consent)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Phone"), self.phone)
        self.form.addRow(self.tr("E-mail"), self.email)
        self.form.addRow(self.tr("Birthday"), self.birthday)
        self.form.addRow("", self.consent)
        # Apart from consent (PIPL art. 24): no targeted offers, while other marketing may go on.
        self.personalised = QCheckBox(self.tr("Gets personalised offers"))
        self.personalised.setEnabled(False)  # until the member's choice is read
        self.form.addRow("", self.personalised)
        self._offers_was: bool | None = None
        self._was = (self.name.text(), self.phone.text(), self.email.text(), self.birthday.text())
        ref = self._ref
        tasks.submit(
            lambda: offers.offer_choice(shop, actor, ref), self._choice, self._refused, owner=self
        )

    def _choice(self, choice: offers.OfferChoice) -> None:
        self._offers_was = choice.since is None
        self.personalised.setChecked(self._offers_was)
        self.personalised.setEnabled(True)

    def submit(self) -> None:
        """Send only the fields the manager changed (an empty one clears it)."""
        now = (self.name.text(), self.phone.text(), self.email.text(), self.birthday.text())
        name, phone, email, birthday = (
            typed if typed != was else None for typed, was in zip(now, self._was, strict=True)
        )
        edit = member_profile.ProfileEdit(name, phone, email, birthday, self.consent.isChecked())
        shop, actor, ref = self._shop, self._actor, self._ref
        wanted = self.personalised.isChecked()
        changed_offers = self._offers_was is not None and wanted != self._offers_was

        def save() -> Any:
            edited = member_profile.edit_profile(shop, actor, ref, edit)
            if not changed_offers:
                return edited
            offers.set_offer_opt_out(shop, actor, ref, not wanted)
            return dataclasses.replace(edited, changed=(*edited.changed, "personalised_offers"))

        self._run(save)


class AdjustDialog(_Form):
    """Points to add (or take, negative) and the reason, which the audit log keeps."""

    def __init__(
        self, shop: Shop, tasks: Tasks, actor: Actor, view: MemberView, parent: QWidget | None
    ) -> None:
        super().__init__(tasks, parent)
        self.setWindowTitle(self.tr("Correct the points of {number}").format(number=view.member_no))
        self._shop, self._actor, self._ref = shop, actor, f"id:{view.id}"
        # One id for this form: a double click or a retry posts the correction once.
        self._request_id = f"office-{uuid.uuid4()}"
        self.points = QSpinBox()
        self.points.setRange(-MAX_ADJUST, MAX_ADJUST)
        self.points.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Required: why the points change"))
        self.form.addRow(
            self.tr("Points now"), QLabel(self.tr("{points} points").format(points=view.points))
        )
        self.form.addRow(self.tr("Add (negative takes away)"), self.points)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.reason.textChanged.connect(self._ready)
        self.points.valueChanged.connect(self._ready)
        self._ready()

    def _ready(self) -> None:
        self.save.setEnabled(bool(self.reason.text().strip()) and self.points.value() != 0)
        if not self.reason.text().strip():
            self.save.setToolTip(self.tr("Give a reason first"))
        else:
            self.save.setToolTip("")

    def submit(self) -> None:
        """Post the correction (refused by the service, too, without a reason)."""
        shop, actor, ref = self._shop, self._actor, self._ref
        amount, reason, request = self.points.value(), self.reason.text(), self._request_id
        self._run(lambda: points.adjust(shop, actor, ref, amount, reason, request))


class MergeDialog(_Form):
    """Find the duplicate, see the merged result, then merge it into this member."""

    def __init__(
        self, shop: Shop, tasks: Tasks, actor: Actor, view: MemberView, parent: QWidget | None
    ) -> None:
        super().__init__(tasks, parent)
        self.setWindowTitle(
            self.tr("Merge a duplicate into {number}").format(number=view.member_no)
        )
        self._shop, self._actor, self._keep = shop, actor, f"id:{view.id}"
        self._previewed: str | None = None
        self.other = QLineEdit()
        self.other.setPlaceholderText(self.tr("The duplicate's member number or phone"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Optional: why (kept in the audit log)"))
        self.preview_button = QPushButton(self.tr("Preview"))
        self.outcome = QLabel(
            self.tr("Preview the merge first: nothing changes until you press Merge.")
        )
        self.outcome.setWordWrap(True)
        self.outcome.setTextFormat(Qt.TextFormat.PlainText)
        self.outcome.setMinimumHeight(260)
        self.setMinimumWidth(820)
        self.outcome.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.save.setText(self.tr("Merge"))
        self.save.setDefault(False)
        self.preview_button.setDefault(True)
        self.form.addRow(self.tr("Duplicate"), self.other)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.form.addRow("", self.preview_button)
        self.form.addRow(self.outcome)
        self.preview_button.clicked.connect(self.preview)
        self.other.textChanged.connect(self._changed)
        self._changed()

    def _changed(self) -> None:
        # A merge is only ever of the member just previewed.
        self.save.setEnabled(self._previewed is not None and self._previewed == self.other.text())

    def preview(self) -> None:
        """Work out the merged member, changing nothing."""
        shop, actor, keep, other = self._shop, self._actor, self._keep, self.other.text()
        self.preview_button.setEnabled(False)
        self.tasks.submit(
            lambda: (other, merge_preview.preview_merge(shop, actor, keep, other)),
            self._previewed_answer,
            self._preview_refused,
            owner=self,
        )

    def _previewed_answer(self, answer: tuple[str, MergePreview]) -> None:
        other, seen = answer
        self.preview_button.setEnabled(True)
        if other != self.other.text():
            return  # typed over meanwhile
        self._previewed = other
        self.outcome.setText(self._describe(seen))
        self.message.clear()
        self._changed()

    def _preview_refused(self, error: LoyaltyError) -> None:
        self.preview_button.setEnabled(True)
        self._previewed = None
        self._changed()
        tell(self.message, spoken(error))

    def _describe(self, seen: MergePreview) -> str:
        cur = seen.currency
        none = self.tr("(none)")

        def side(s: merge_preview.MergeSide) -> str:
            return self.tr(
                "{number} {name}: {points} points, spend {spend}, tier {tier}, {sales} sale(s)"
            ).format(
                number=s.member_no,
                name=s.name,
                points=s.points,
                spend=format_money(s.lifetime_spend, cur),
                tier=s.tier or none,
                sales=s.sales,
            )

        birthday = seen.birthday.isoformat() if isinstance(seen.birthday, date) else none
        lines = [
            self.tr("Kept: {side}").format(side=side(seen.keep)),
            self.tr("Closed: {side}").format(side=side(seen.other)),
            "",
            self.tr("After the merge, {number} has:").format(number=seen.keep.member_no),
            self.tr("  name {name}; phone {phone}; e-mail {email}; birthday {birthday}").format(
                name=seen.name,
                phone=seen.phone or none,
                email=seen.email or none,
                birthday=birthday,
            ),
            self.tr("  {points} points ({lots} lot(s) moved, each keeps its expiry)").format(
                points=seen.points, lots=seen.lots_moved
            ),
            self.tr("  spend {spend}, tier {tier}, {sales} sale(s) moved").format(
                spend=format_money(seen.lifetime_spend, cur),
                tier=seen.tier or none,
                sales=seen.sales_moved,
            ),
            self.tr("  marketing consent: {consent}").format(
                consent=self.tr("yes") if seen.consent else self.tr("no")
            ),
        ]
        return "\n".join(lines)

    def submit(self) -> None:
        """Merge the previewed duplicate into this member."""
        shop, actor, keep = self._shop, self._actor, self._keep
        other, reason = self.other.text(), self.reason.text().strip() or None
        self._run(lambda: merge.merge_members(shop, actor, keep, other, reason=reason))
