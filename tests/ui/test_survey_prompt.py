"""The till's question after a sale: a number key answers, Esc skips, and the next customer is never held up."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from loyalty_desktop.app import Opened
from loyalty_desktop.domain.surveys import SurveyScale
from loyalty_desktop.services import members, surveys
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.ui.main_window import MainWindow
from loyalty_desktop.ui.screens.checkout import CheckoutScreen
from tests.ui.conftest import MEMBER_NO, signed_in
from tests.ui.test_checkout import _line, _scan


def _sell(qtbot: QtBot, window: MainWindow, till: CheckoutScreen) -> str:
    _scan(qtbot, till, MEMBER_NO)
    qtbot.waitUntil(lambda: till.member is not None)
    _line(qtbot, till, "TEA", "1", "30.00")
    qtbot.waitUntil(lambda: till.quoted is not None)
    sale_no = till.sale_no
    with qtbot.waitSignal(till.completed, timeout=5000):
        qtbot.keyClick(till.sku, Qt.Key.Key_F12)
    return sale_no


def _press(qtbot: QtBot, window: MainWindow, till: CheckoutScreen, key: Qt.Key) -> None:
    qtbot.keyClick(till.survey, key)
    window.scanner.flush()  # a person's key, not a burst: the scanner hands it on


def _answers(staffed: Opened) -> list[tuple[str | None, int]]:
    with staffed.shop.uow(write=False) as uow:
        found = uow.surveys.between(
            datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC)
        )
    return [(a.sale_no, a.score) for a in found]


def test_with_the_question_on_one_number_key_answers_for_the_sale_just_done(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    surveys.set_survey_settings(staffed.shop, LOCAL_ADMIN, ask_at_till=True)
    till = signed_in(qtbot, window)
    sale_no = _sell(qtbot, window, till)
    qtbot.waitUntil(lambda: till.survey.asking == sale_no)
    assert till.survey.isVisible()
    assert "1 to 5" in till.survey.question.text()
    _press(qtbot, window, till, Qt.Key.Key_4)
    qtbot.waitUntil(lambda: window.tasks.pending == 0)
    assert _answers(staffed) == [(sale_no, 4)]
    assert "Thank you" in till.survey.question.text()
    assert till.member is None  # the next customer was never waiting on the question


def test_esc_skips_the_question_and_leaves_the_till_as_it_was(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    surveys.set_survey_settings(staffed.shop, LOCAL_ADMIN, ask_at_till=True)
    till = signed_in(qtbot, window)
    sale_no = _sell(qtbot, window, till)
    qtbot.waitUntil(lambda: till.survey.asking == sale_no)
    message = till.message.text()
    _press(qtbot, window, till, Qt.Key.Key_Escape)
    assert not till.survey.isVisible()
    assert till.message.text() == message  # Esc was the question's, not "new customer"
    qtbot.waitUntil(lambda: window.tasks.pending == 0)
    assert _answers(staffed) == []


def test_scanning_the_next_card_drops_the_question_unanswered(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    surveys.set_survey_settings(staffed.shop, LOCAL_ADMIN, ask_at_till=True)
    till = signed_in(qtbot, window)
    sale_no = _sell(qtbot, window, till)
    qtbot.waitUntil(lambda: till.survey.asking == sale_no)
    nxt = members.enrol(staffed.shop, LOCAL_ADMIN, members.NewMember(name="李娜"))
    _scan(qtbot, till, nxt.member_no)  # another card: the same one twice in 1.5 s is ignored
    qtbot.waitUntil(lambda: till.member is not None)
    assert till.survey.asking is None
    assert not till.survey.isVisible()
    assert _answers(staffed) == []


def test_on_the_nps_scale_one_then_zero_is_ten(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    surveys.set_survey_settings(staffed.shop, LOCAL_ADMIN, scale=SurveyScale.NPS, ask_at_till=True)
    till = signed_in(qtbot, window)
    sale_no = _sell(qtbot, window, till)
    qtbot.waitUntil(lambda: till.survey.asking == sale_no)
    assert "0 to 10" in till.survey.question.text()
    _press(qtbot, window, till, Qt.Key.Key_1)
    _press(qtbot, window, till, Qt.Key.Key_0)
    qtbot.waitUntil(lambda: window.tasks.pending == 0)
    assert _answers(staffed) == [(sale_no, 10)]


def test_with_the_question_off_nothing_is_asked(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    till = signed_in(qtbot, window)
    _sell(qtbot, window, till)
    qtbot.waitUntil(lambda: window.tasks.pending == 0)
    assert till.survey.asking is None
    assert not till.survey.isVisible()


def test_typing_the_next_customers_item_drops_the_question_and_keeps_the_key(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    """A letter is not an answer: the question goes, and the letter lands where it was typed for."""
    surveys.set_survey_settings(staffed.shop, LOCAL_ADMIN, ask_at_till=True)
    till = signed_in(qtbot, window)
    till.sku.setFocus()
    sale_no = _sell(qtbot, window, till)
    qtbot.waitUntil(lambda: till.survey.asking == sale_no)
    field = till.survey.returns_to
    assert field is not None
    field.clear()
    for letter in "TE":  # typed by a person, key by key: not a burst
        qtbot.keyClicks(QApplication.focusWidget() or till.survey, letter)
        window.scanner.flush()
    assert till.survey.asking is None
    assert field.text() == "TE"  # the first key of the next item was not eaten
    qtbot.waitUntil(lambda: window.tasks.pending == 0)
    assert _answers(staffed) == []
