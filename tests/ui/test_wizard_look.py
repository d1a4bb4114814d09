"""Every page of the first-run wizard fits its smallest window, in English and in Chinese."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from loyalty_desktop.ui.theme import STYLE
from loyalty_desktop.ui.wizard import FirstRunWizard


def _shown_parts(window: QWidget) -> list[QLabel | QAbstractButton | QLineEdit]:
    kinds = (QLabel, QAbstractButton, QLineEdit)
    return [w for w in window.findChildren(QWidget) if isinstance(w, kinds) and w.isVisible()]  # type: ignore[misc]


def _cut_off(window: QWidget) -> list[str]:
    """What is shorter than its text needs, lies over another part or past the window."""
    found = []
    parts = _shown_parts(window)
    boxes = {id(w): QRect(w.mapTo(window, w.rect().topLeft()), w.size()) for w in parts}
    for w in parts:
        text = w.text()
        if not text:
            continue  # an empty notice line takes no room
        if isinstance(w, QLineEdit):
            needed = w.fontMetrics().height()  # its typed text shows whole
        else:
            needed = w.heightForWidth(w.width()) if w.hasHeightForWidth() else -1
            needed = max(needed, w.minimumSizeHint().height())
        if w.height() < needed:
            found.append(f"{text!r} is {w.height()} px high of {needed}")
        if not window.rect().contains(boxes[id(w)]):
            found.append(f"{text!r} runs past the window")
        found += [
            f"{text!r} overlaps {other.text()!r}"
            for other in parts
            if id(w) < id(other) and other.text() and boxes[id(w)].intersects(boxes[id(other)])
        ]
    return found


@pytest.mark.parametrize(
    ("language", "title"),
    [(1, "Set up loyalty-desktop"), (2, "设置 loyalty-desktop")],
    ids=["en", "zh_CN"],
)
def test_nothing_on_any_page_is_cut_off_at_the_smallest_size(
    qtbot: QtBot, language: int, title: str
) -> None:
    wizard = FirstRunWizard()
    qtbot.addWidget(wizard)
    wizard.setStyleSheet(STYLE)  # the program's look: its 24 px type is what must fit
    wizard.shop.language.setCurrentIndex(language)
    try:
        wizard.resize(wizard.minimumSize())
        wizard.show()
        qtbot.waitExposed(wizard)
        qtbot.waitUntil(lambda: wizard.windowTitle() == title)  # every word in that language
        wizard.shop.name.setText("Corner Shop")
        wizard.admin.name.setText("Ada")
        wizard.admin.pin.setText("2468")
        wizard.admin.again.setText("2468")
        problems = []
        for page in (wizard.shop, wizard.admin, wizard.data):
            qtbot.waitUntil(lambda page=page: wizard.currentPage() is page)
            problems += [f"{page.title()}: {p}" for p in _cut_off(wizard)]  # header too
            wizard.next()
        assert wizard.size() == wizard.minimumSize()
        assert not problems, "\n".join(problems)
    finally:
        wizard.release_language()
