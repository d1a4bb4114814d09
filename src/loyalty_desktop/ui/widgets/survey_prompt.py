"""The till's one question after a member's sale: 1-5 stars or 0-10, as the shop asks it.

It shows under the basket once the sale is done (if the shop switched it on)
and takes the keyboard: a number key answers (on the 0-10 scale "1" waits a
moment for a "0", so 10 is "1" then "0"; Enter takes the 1 at once), Esc
skips. It never holds the next sale up: the basket is already clear, a card
scan is still a scan, and anything else the cashier does for the next
customer (another key, a scan, an item) drops the question unanswered.
The answer is stored on the worker; the till moves on at once.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QWidget

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.domain.surveys import SurveyScale, SurveySettings
from loyalty_desktop.services import surveys
from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.sale_results import SaleResult
from loyalty_desktop.ui.screens.messages import spoken, tell
from loyalty_desktop.ui.tasks import Tasks

TEN_WAIT_MS = 900  # after "1" on the 0-10 scale: time for the "0" of a 10
THANKS_MS = 2500  # how long the thanks stays before the panel goes
_DIGITS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(10)}
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class SurveyPrompt(QFrame):
    """The question for the sale just done; ``asking`` is the sale number while it shows."""

    def __init__(self, shop: Shop, tasks: Tasks, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self._shop, self._tasks, self.actor = shop, tasks, actor
        self.setObjectName("panel")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.asking: str | None = None
        self.scale = SurveyScale.STARS
        self._member: str | None = None
        self.returns_to: QWidget | None = None  # the field the question took the keyboard from
        self._one = QTimer(self)  # a "1" waiting for the "0" of a 10
        self._one.setSingleShot(True)
        self._one.setInterval(TEN_WAIT_MS)
        self._one.timeout.connect(lambda: self.answer(1))
        self.question = QLabel()
        self.question.setObjectName("total")
        self.question.setWordWrap(True)
        self.keys = QLabel()  # whole, beside the question: the keys are read at a glance
        self._thanks = QTimer(self)
        self._thanks.setSingleShot(True)
        self._thanks.setInterval(THANKS_MS)
        self._thanks.timeout.connect(self.hide)
        box = QHBoxLayout(self)  # one row: the basket above keeps its height at 768 px
        box.setContentsMargins(8, 2, 8, 2)
        box.addWidget(self.question, 1)
        box.addWidget(self.keys)
        self.hide()

    # -- asking ------------------------------------------------------------------------------

    def ask(self, result: SaleResult) -> None:
        """After ``result``: ask the shop's question if it is switched on and the sale had a member."""
        self.dismiss()
        if result.member_no is None:
            return
        sale_no, member_no = result.sale_no, result.member_no
        self._tasks.submit(
            lambda: surveys.survey_settings(self._shop, self.actor),
            lambda found: self._show(found, sale_no, member_no),
            lambda _error: None,  # no question is better than a question in the way
            owner=self,
        )

    def _show(self, found: SurveySettings, sale_no: str, member_no: str) -> None:
        if not found.ask_at_till:
            return
        self.asking, self._member, self.scale = sale_no, member_no, found.scale
        self.question.setObjectName("total")
        self.question.style().polish(self.question)
        if found.scale is SurveyScale.STARS:
            self.question.setText(self.tr("How happy were you with your visit today? 1 to 5 stars"))
            self.keys.setText(self.tr("Press 1 to 5 for the stars · Esc skips"))
        else:
            self.question.setText(self.tr("Would you recommend us to a friend? 0 to 10"))
            self.keys.setText(self.tr("Press 0 to 9, or 1 then 0 for 10 · Esc skips"))
        held = QApplication.focusWidget()
        self.returns_to = held if held is not None and held is not self else None
        self.show()
        self.setFocus()

    def dismiss(self) -> None:
        """Drop the question unanswered (the next customer has begun, or Esc)."""
        self._one.stop()
        self._thanks.stop()
        self.asking = None
        self.hide()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802  (Qt's name)
        """The cashier went to another field (F2, F3, a click): the next sale has begun."""
        super().focusOutEvent(event)
        away = event.reason() not in (
            Qt.FocusReason.PopupFocusReason,
            Qt.FocusReason.ActiveWindowFocusReason,
        )
        if away and self.asking is not None:
            self.dismiss()

    # -- keys ----------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:  # noqa: D102  (Qt's)
        # Number keys, Enter and Esc are the question's while it shows, not the till's shortcuts.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and self.asking is not None
            and isinstance(event, QKeyEvent)
            and (
                event.key() in _DIGITS or event.key() in _ENTER or event.key() == Qt.Key.Key_Escape
            )
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802  (Qt's name)
        """A number answers, Esc skips; any other key drops the question and goes on."""
        key = event.key()
        if self.asking is None:
            super().keyPressEvent(event)
            return
        if key == Qt.Key.Key_Escape:
            self.dismiss()
            return
        if key in _ENTER and self._one.isActive():
            self.answer(1)
            return
        if key in _DIGITS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self._digit(_DIGITS[key])
            return
        self.dismiss()
        back = self.returns_to
        if back is not None and shiboken6.isValid(back) and back.isVisible():
            back.setFocus(Qt.FocusReason.OtherFocusReason)
            QCoreApplication.sendEvent(back, QKeyEvent(event))  # the next customer's first key
            return
        super().keyPressEvent(event)

    def _digit(self, digit: int) -> None:
        if self.scale is SurveyScale.STARS:
            if 1 <= digit <= 5:
                self.answer(digit)
            return
        if self._one.isActive():  # "1" then "0" is 10; "1" then another digit stays 1
            self._one.stop()
            self.answer(10 if digit == 0 else 1)
            return
        if digit == 1:
            self._one.start()  # a 1, or the start of a 10
            return
        self.answer(digit)

    def answer(self, score: int) -> None:
        """Store ``score`` for the sale asked about (on the worker); thank, then go."""
        sale_no, member_no = self.asking, self._member
        self._one.stop()
        self.asking = None
        if sale_no is None or member_no is None:
            return
        tell(
            self.question,
            self.tr("Thank you! {score} for sale {sale}.").format(score=score, sale=sale_no),
            ok=True,
        )
        self.keys.setText("")
        self._thanks.start()
        self._tasks.submit(
            lambda: surveys.record_answer(
                self._shop, self.actor, member_no, score, sale_ref=sale_no
            ),
            lambda _done: None,
            self._refused,
            owner=self,
        )

    def _refused(self, error: LoyaltyError) -> None:
        """The answer was not stored (a backdated sale, a lost connection): say why, briefly."""
        tell(self.question, spoken(error))
        self.show()
        self._thanks.start()
