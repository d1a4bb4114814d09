"""ScanListener: a wedge scanner's burst is a scan wherever the focus is; typing stays typing."""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QInputMethodEvent, QKeyEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from loyalty_desktop.ui.scanner import ScanListener, ScanTiming, disable_ime, normalise_code

NO_MODS = Qt.KeyboardModifier.NoModifier


class Clock:
    """Monotonic seconds the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class KeyRecorder(QObject):
    """Records the key events that reach a widget."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.seen: list[tuple[QEvent.Type, int, str]] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if isinstance(event, QKeyEvent) and event.type() != QEvent.Type.ShortcutOverride:
            self.seen.append((event.type(), event.key(), event.text()))
        return False


def key_for(char: str) -> int:
    if char.isascii() and char.isalnum():
        return ord(char.upper())  # Qt.Key_0..9 and Key_A..Z are the ASCII codes
    if char == " ":
        return Qt.Key.Key_Space.value
    return Qt.Key.Key_unknown.value


def send_event(
    target: QObject, kind: QEvent.Type, key: int, text: str, at: int, mods: Qt.KeyboardModifier
) -> None:
    event = QKeyEvent(kind, key, mods, text)
    event.setTimestamp(at)
    QApplication.sendEvent(target, event)


def send_key(
    target: QObject,
    key: int,
    text: str,
    stamp: int,
    mods: Qt.KeyboardModifier = NO_MODS,
    *,
    release_after: int = 2,
) -> None:
    """A press at ``stamp`` ms and its release a little later, as a keyboard sends them."""
    send_event(target, QEvent.Type.KeyPress, key, text, stamp, mods)
    send_event(target, QEvent.Type.KeyRelease, key, text, stamp + release_after, mods)


def type_keys(target: QObject, text: str, start: int, gaps: Iterator[int] | int) -> int:
    """Type ``text`` key by key; returns the time of the next key."""
    at = start
    for char in text:
        send_key(target, key_for(char), char, at)
        at += gaps if isinstance(gaps, int) else next(gaps)
    return at


def scan(target: QObject, code: str, start: int = 10_000) -> int:
    """A scanner: 10 ms a character, then Enter."""
    at = type_keys(target, code, start, 10)
    send_key(target, Qt.Key.Key_Return.value, "\r", at)
    return at + 10


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def listener(qapp: QApplication, clock: Clock) -> Iterator[ScanListener]:
    scanner = ScanListener(clock=clock)
    scanner.install(qapp)
    yield scanner
    scanner.uninstall()


@pytest.fixture
def codes(listener: ScanListener) -> list[str]:
    seen: list[str] = []
    listener.scanned.connect(seen.append)
    return seen


@pytest.fixture
def line(qtbot: QtBot) -> QLineEdit:
    widget = QLineEdit()
    qtbot.addWidget(widget)
    widget.show()
    widget.setFocus()
    return widget


def test_a_scan_into_a_name_field_is_a_scan_and_types_nothing(
    listener: ScanListener, line: QLineEdit, codes: list[str]
) -> None:
    recorder = KeyRecorder(line)
    scan(line, "AB12345678")
    assert codes == ["AB12345678"]
    assert line.text() == ""
    assert recorder.seen == []  # no press or release of the code or its Enter reached the field
    assert not listener.pending


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform's note on QDialog.show
def test_a_scan_with_a_default_button_focused_does_not_press_it(
    qtbot: QtBot, listener: ScanListener, codes: list[str]
) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    name = QLineEdit(dialog)
    button = QPushButton("Save", dialog)
    layout.addWidget(name)
    layout.addWidget(button)
    button.setAutoDefault(True)
    with qtbot.waitActive(dialog):
        dialog.show()
    button.setFocus()
    assert QApplication.focusWidget() is button
    recorder = KeyRecorder(button)
    clicks: list[bool] = []
    button.clicked.connect(lambda: clicks.append(True))

    at = scan(button, "12345678")

    assert codes == ["12345678"]
    assert clicks == []
    assert recorder.seen == []
    assert dialog.isVisible()
    send_key(button, Qt.Key.Key_Return.value, "\r", at + 500)  # a person's Enter still clicks
    assert len(clicks) == 1


def test_typing_at_150_wpm_reaches_the_field_unchanged_and_is_never_a_scan(
    listener: ScanListener, line: QLineEdit, codes: list[str]
) -> None:
    entered: list[bool] = []
    line.returnPressed.connect(lambda: entered.append(True))
    gaps = iter(random.Random(7).randint(80, 120) for _ in range(1000))

    at = type_keys(line, "Zhang Weii", 1000, gaps)
    send_key(line, Qt.Key.Key_Backspace.value, "\b", at)
    at = type_keys(line, " 2026", at + 90, gaps)
    send_key(line, Qt.Key.Key_Return.value, "\r", at)

    assert line.text() == "Zhang Wei 2026"
    assert entered == [True]
    assert codes == []
    assert not listener.pending


def test_the_last_typed_key_arrives_when_the_gap_timer_runs_out(
    qtbot: QtBot, listener: ScanListener, line: QLineEdit
) -> None:
    type_keys(line, "Li", 1000, 100)
    assert line.text() == "L"  # "i" is held back until no scanner key can follow it
    qtbot.waitUntil(lambda: line.text() == "Li", timeout=1000)
    assert not listener.pending


def test_a_scanner_pressing_shift_for_capitals_still_scans(
    listener: ScanListener, line: QLineEdit, codes: list[str]
) -> None:
    shift = Qt.KeyboardModifier.ShiftModifier
    at = 10_000
    for char in "AB123456":
        if char.isupper():  # Shift down, the letter, Shift up
            send_event(line, QEvent.Type.KeyPress, Qt.Key.Key_Shift.value, "", at, shift)
            send_key(line, key_for(char), char, at + 3, shift)
            send_event(line, QEvent.Type.KeyRelease, Qt.Key.Key_Shift.value, "", at + 6, NO_MODS)
        else:
            send_key(line, key_for(char), char, at)
        at += 10
    send_key(line, Qt.Key.Key_Return.value, "\r", at)

    assert codes == ["AB123456"]
    assert line.text() == ""


def test_a_scan_while_a_replayed_key_is_being_handled_is_seen(
    listener: ScanListener, codes: list[str], qtbot: QtBot
) -> None:
    button = QPushButton("Add member")
    qtbot.addWidget(button)
    other = QLineEdit()  # stands for a dialog the button opens with exec()
    qtbot.addWidget(other)
    button.clicked.connect(lambda: scan(other, "12345678"))

    send_key(button, Qt.Key.Key_Space.value, " ", 1000, release_after=60)  # a person's Space
    listener.flush()

    assert codes == ["12345678"]
    assert other.text() == ""


def test_a_short_fast_burst_is_typing(
    listener: ScanListener, line: QLineEdit, codes: list[str]
) -> None:
    entered: list[str] = []
    line.returnPressed.connect(lambda: entered.append(line.text()))

    scan(line, "12345")  # one character fewer than min_length

    assert codes == []
    assert entered == ["12345"]  # replayed in order, before the Enter


def test_a_fast_burst_without_enter_is_replayed_as_typing(
    listener: ScanListener, line: QLineEdit, codes: list[str]
) -> None:
    recorder = KeyRecorder(line)

    type_keys(line, "abcdefgh", 1000, 5)
    assert line.text() == ""
    listener.flush()  # what the gap timer does

    assert line.text() == "abcdefgh"
    assert codes == []
    kinds = [kind for kind, _, _ in recorder.seen]
    assert kinds == [QEvent.Type.KeyPress, QEvent.Type.KeyRelease] * 8


def test_the_same_code_within_the_duplicate_window_is_ignored(
    listener: ScanListener, line: QLineEdit, clock: Clock, codes: list[str]
) -> None:

    at = scan(line, "12345678")
    clock.now += 1.4
    at = scan(line, "12345678", at + 1400)
    at = scan(line, "87654321", at + 10)  # another code is not a duplicate
    clock.now += 0.2  # 1.6 s after the first was accepted
    scan(line, "12345678", at + 200)

    assert codes == ["12345678", "87654321", "12345678"]
    assert line.text() == ""


def test_a_full_width_scan_is_folded_and_counts_as_the_same_code(
    listener: ScanListener, line: QLineEdit, codes: list[str]
) -> None:

    at = scan(line, "１２３４５６７８")
    scan(line, "12345678", at + 100)

    assert codes == ["12345678"]
    assert line.text() == ""


def test_normalise_code() -> None:
    assert normalise_code(" ＡＢ１２３ ") == "AB123"
    assert normalise_code("\x02 AB123", prefix="\x02") == "AB123"
    assert normalise_code("AB123", prefix="\x02") == "AB123"


def test_a_configured_prefix_starts_the_burst_and_is_stripped(
    qapp: QApplication, line: QLineEdit, clock: Clock
) -> None:
    scanner = ScanListener(ScanTiming(min_length=4), clock=clock, prefix="\x02")
    scanner.install(qapp)
    codes: list[str] = []
    scanner.scanned.connect(codes.append)
    try:
        send_key(line, Qt.Key.Key_B.value, "\x02", 1000, Qt.KeyboardModifier.ControlModifier)
        at = type_keys(line, "M123", 1010, 10)
        send_key(line, Qt.Key.Key_Return.value, "\r", at)
    finally:
        scanner.uninstall()
    assert codes == ["M123"]
    assert line.text() == ""


def test_ctrl_v_paste_passes_through_and_is_not_a_scan(
    listener: ScanListener, line: QLineEdit, codes: list[str]
) -> None:
    QGuiApplication.clipboard().setText("MEMBER-12345678")

    send_key(line, Qt.Key.Key_V.value, "\x16", 1000, Qt.KeyboardModifier.ControlModifier)
    send_key(line, Qt.Key.Key_Return.value, "\r", 1005)

    assert line.text() == "MEMBER-12345678"
    assert codes == []


def test_events_without_a_timestamp_are_timed_by_the_clock(
    listener: ScanListener, line: QLineEdit, clock: Clock, codes: list[str]
) -> None:

    for char in "123456789":
        send_key(line, key_for(char), char, 0, release_after=0)
        clock.now += 0.2  # 200 ms: a person
    assert line.text() == "12345678"  # the last key waits for the gap timer
    send_key(line, Qt.Key.Key_Return.value, "\r", 0, release_after=0)
    assert line.text() == "123456789"
    assert codes == []


def test_a_scan_through_qtest_does_not_fire_a_return_shortcut(
    qtbot: QtBot, listener: ScanListener, clock: Clock, codes: list[str]
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    field = QLineEdit(window)
    action = QAction(window)
    action.setShortcut(QKeySequence(Qt.Key.Key_Return))
    window.addAction(action)
    triggered: list[bool] = []
    action.triggered.connect(lambda: triggered.append(True))
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    field.setFocus()
    assert QApplication.focusWidget() is field

    QTest.keyClicks(field, "12345678")  # no timestamps: the clock stands still, so 0 ms apart
    QTest.keyClick(field, Qt.Key.Key_Return)

    assert codes == ["12345678"]
    assert triggered == []
    assert field.text() == ""
    clock.now += 5
    QTest.keyClick(field, Qt.Key.Key_Return)  # a person's Enter fires the shortcut
    assert triggered == [True]


def test_timing_is_frozen_with_the_documented_defaults() -> None:
    timing = ScanTiming()
    assert (timing.max_gap_ms, timing.min_length, timing.duplicate_seconds) == (35, 6, 1.5)
    with pytest.raises(dataclasses.FrozenInstanceError):
        timing.max_gap_ms = 50  # type: ignore[misc]


def test_disable_ime(line: QLineEdit) -> None:
    assert line.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    disable_ime(line)
    assert not line.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)


def commit(target: QObject, text: str) -> None:
    """An input method committing finished text (pinyin in full-width mode sends digits so)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(target, event)


def test_a_scan_arriving_as_input_method_commits_is_a_scan_and_types_nothing(
    listener: ScanListener, line: QLineEdit, clock: Clock, codes: list[str]
) -> None:
    for char in "１０００００００１":  # full-width digits, 10 ms apart
        commit(line, char)
        clock.now += 0.010
    send_key(line, Qt.Key.Key_Return.value, "\r", 987_654_321)  # the platform's own time base
    assert codes == ["100000001"]
    assert line.text() == ""
    assert not listener.pending


def test_commits_at_a_persons_pace_are_typed_and_never_a_scan(
    listener: ScanListener, line: QLineEdit, clock: Clock, codes: list[str]
) -> None:
    for word in ("王", "芳", "同", "学", "你", "好", "呀"):
        commit(line, word)
        clock.now += 0.4
    listener.flush()
    send_key(line, Qt.Key.Key_Return.value, "\r", 0)
    assert codes == []
    assert line.text() == "王芳同学你好呀"


def test_a_composition_under_way_is_never_held(
    listener: ScanListener, line: QLineEdit, codes: list[str]
) -> None:
    composing = QInputMethodEvent("wang", [])
    QApplication.sendEvent(line, composing)
    assert not listener.pending
    commit(line, "王")
    listener.flush()
    assert line.text() == "王"
    assert codes == []
