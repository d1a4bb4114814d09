"""Recognise a keyboard-wedge scanner's codes anywhere in the application.

A USB barcode or QR scanner types its code as key presses a few milliseconds
apart and ends it with Enter. ``ScanListener`` is an application-wide event
filter: it holds printable key presses back while they arrive faster than any
person types; when Enter ends such a burst of at least ``min_length``
characters it emits ``scanned`` and swallows the keys, so nothing is typed into
the focused field and no default button is pressed. Any other burst (a person
typing, a short fast burst, a burst without Enter) is replayed, in order, to the
widget that was to receive it. The cost: a typed key reaches its widget up to
``max_gap_ms`` late (the gap timer, or the next key, releases it).

With an input method active (pinyin in Chinese or full-width mode), the
platform may turn the scanner's keys into input-method commits instead of key
presses. A commit of finished text (no composition under way) is treated like a
key press timed by the clock: a fast run of them ending in Enter is a scan,
anything else is replayed as it came. Widgets that take no free text should
still call ``disable_ime``. A ``QShortcut`` bound to a bare printable key still fires
while a scan types that key (the shortcut map runs before the filter). Case is
kept: lookups fold it (``domain.cards.clean_scan``).
"""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QInputMethodEvent, QKeyEvent, QWindow
from PySide6.QtWidgets import QApplication, QWidget

_ENTER_KEYS = frozenset({Qt.Key.Key_Return.value, Qt.Key.Key_Enter.value})
# A scanner presses Shift for capitals; these keys alone neither end nor join a burst.
_MODIFIER_KEYS = frozenset(
    key.value
    for key in (
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_NumLock,
    )
)
_SHORTCUT_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


@dataclass(frozen=True)
class ScanTiming:
    """How a scan is told from typing.

    Attributes:
        max_gap_ms: Longest pause between two keys of one scan, in milliseconds.
        min_length: Fewest characters (after normalising) a scan has.
        duplicate_seconds: The same code again within this many seconds is ignored.
    """

    max_gap_ms: int = 35
    min_length: int = 6
    duplicate_seconds: float = 1.5


def normalise_code(text: str, prefix: str = "") -> str:
    """A scanned code as the application uses it: NFKC-normalised and stripped.

    Args:
        text: The characters the scanner typed.
        prefix: A character the scanner sends first, removed if present.

    Returns:
        The code, full-width characters folded to ASCII, blanks at either end removed.
    """
    if prefix and text.startswith(prefix):
        text = text[len(prefix) :]
    return unicodedata.normalize("NFKC", text).strip()


def disable_ime(widget: QWidget) -> None:
    """Turn off the input method for a widget that takes no free text.

    With an input method (pinyin, for instance) active, the scanner's keys may
    reach the application as composed text instead of key presses.

    Args:
        widget: The widget, such as a member-number field or a button.
    """
    widget.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)


class ScanListener(QObject):
    """An application-wide event filter that turns fast key bursts ending in Enter into scans.

    Args:
        timing: The thresholds; the defaults suit a USB scanner.
        clock: Monotonic seconds; used for duplicate suppression and for key
            events without a timestamp.
        prefix: A non-printable character the scanner sends before each code
            (for example STX, ``chr(2)``); it starts a burst and is stripped.
        parent: The Qt parent.

    Signals:
        scanned(str): A code was scanned (normalised, duplicates suppressed).
    """

    scanned = Signal(str)

    def __init__(
        self,
        timing: ScanTiming | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        prefix: str = "",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.timing = timing or ScanTiming()
        self._clock = clock
        self._prefix = prefix
        self._held: list[QEvent] = []  # presses, releases and commits, in arrival order
        self._text: list[str] = []
        self._last_ms: float | None = None
        self._target: QObject | None = None
        self._open: set[int] = set()  # held presses whose release has not come
        self._swallow: set[int] = set()  # releases to drop: their presses were a scan
        self._replaying: set[int] = set()  # the events being replayed, by address
        self._clocked = False  # the burst is timed by the clock (input-method commits)
        self._last_code = ""
        self._last_code_at = float("-inf")
        self._app: QCoreApplication | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.timing.max_gap_ms)
        self._timer.timeout.connect(self.flush)

    def install(self, app: QCoreApplication) -> None:
        """Start listening to every key event of the application.

        Args:
            app: The application, usually ``QApplication.instance()``.
        """
        self.uninstall()
        app.installEventFilter(self)
        self._app = app

    def uninstall(self) -> None:
        """Stop listening; keys held back are delivered first."""
        self.flush()
        if self._app is not None:
            self._app.removeEventFilter(self)
            self._app = None

    @property
    def pending(self) -> bool:
        """Whether key events are being held back."""
        return bool(self._held)

    def flush(self) -> None:
        """Deliver the held key events, in order, to the widget that was to receive them.

        The gap timer calls this; tests may call it instead of waiting.
        """
        self._timer.stop()
        held, target = self._held, self._target
        self._reset()
        if target is None or not shiboken6.isValid(target):
            return
        for event in held:
            # Marked by event, not by a flag: a replayed key may open a modal dialog whose
            # event loop runs inside sendEvent, and scans there must still be seen.
            address = shiboken6.getCppPointer(event)[0]
            self._replaying.add(address)
            try:
                QCoreApplication.sendEvent(target, event)
            finally:
                self._replaying.discard(address)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """Hold back, swallow or pass on a key event (Qt calls this).

        Returns:
            True when the event is consumed.
        """
        if self._replaying and shiboken6.getCppPointer(event)[0] in self._replaying:
            return False
        if isinstance(event, QInputMethodEvent):
            return self._on_commit(watched, event)
        if not isinstance(event, QKeyEvent) or event.key() in _MODIFIER_KEYS:
            return False
        if event.type() == QEvent.Type.KeyPress:
            return self._on_press(watched, event)
        if event.type() == QEvent.Type.KeyRelease:
            return self._on_release(event)
        if event.type() == QEvent.Type.ShortcutOverride:
            return self._on_shortcut_override(event)
        return False

    def _on_press(self, watched: QObject, event: QKeyEvent) -> bool:
        now = self._now_ms(event)
        if (
            self._held
            and self._last_ms is not None
            and abs(now - self._last_ms) > self.timing.max_gap_ms
        ):
            self.flush()
        if self._held and event.key() in _ENTER_KEYS and not event.isAutoRepeat():
            code = normalise_code("".join(self._text), self._prefix)
            if len(code) < self.timing.min_length:
                self.flush()
                return False
            self._swallow |= self._open | {event.key()}
            self._timer.stop()
            self._reset()
            self._accept(code)
            return True
        if not self._is_scan_char(event):
            self.flush()
            return False
        if not self._held:
            self._target = self._receiver(watched)
        self._held.append(QKeyEvent(event))
        self._text.append(event.text())
        self._open.add(event.key())
        self._last_ms = now
        self._timer.start()
        return True

    def _on_commit(self, watched: QObject, event: QInputMethodEvent) -> bool:
        """A commit of finished text from an input method: one more character of a burst, or not."""
        text = event.commitString()
        if event.preeditString() or not text or not text.isprintable() or len(text) > 2:
            if self._held:  # a person composing: whatever was held is theirs
                self.flush()
            return False
        now = self._clock() * 1000.0
        if self._held and (
            not self._clocked
            or self._last_ms is None
            or now - self._last_ms > self.timing.max_gap_ms
        ):
            self.flush()  # keys timed by the platform, or a pause: a burst of commits starts here
        if not self._held:
            self._target = self._receiver(watched)
            self._clocked = (
                True  # commits carry no timestamp: time the burst, Enter too, by the clock
            )
        held = QInputMethodEvent(event.preeditString(), event.attributes())
        held.setCommitString(text, event.replacementStart(), event.replacementLength())
        self._held.append(held)
        self._text.append(text)
        self._last_ms = now
        self._timer.start()
        return True

    def _on_release(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in self._swallow and not event.isAutoRepeat():
            self._swallow.discard(key)
            return True
        if self._held and key in self._open:
            self._held.append(QKeyEvent(event))
            self._open.discard(key)
            return True
        return False

    def _on_shortcut_override(self, event: QKeyEvent) -> bool:
        """Keep an Enter that ends a scan from firing a Return shortcut.

        Any other shortcut key (F12, F9, Esc) first delivers the keys held back, so a
        discount typed just before F12 is in its field when F12 acts, not after it.
        """
        if self._held and event.key() not in _ENTER_KEYS and not self._is_scan_char(event):
            self.flush()
            return False
        if not self._held or event.key() not in _ENTER_KEYS or self._last_ms is None:
            return False
        fast = abs(self._now_ms(event) - self._last_ms) <= self.timing.max_gap_ms
        code = normalise_code("".join(self._text), self._prefix)
        if fast and len(code) >= self.timing.min_length:
            event.accept()  # an accepted override means "deliver as a key press instead"
            return True
        return False

    def _is_scan_char(self, event: QKeyEvent) -> bool:
        text = event.text()
        if self._prefix and text == self._prefix:
            return True
        if event.isAutoRepeat() or event.modifiers() & _SHORTCUT_MODIFIERS:
            return False
        return bool(text) and text.isprintable()

    def offer(self, code: str) -> None:
        """A code read another way (the camera): normalised and de-duplicated as a scan, then emitted."""
        cleaned = normalise_code(code, self._prefix)
        if cleaned:
            self._accept(cleaned)

    def _accept(self, code: str) -> None:
        now = self._clock()
        if code == self._last_code and now - self._last_code_at < self.timing.duplicate_seconds:
            return
        self._last_code, self._last_code_at = code, now
        self.scanned.emit(code)

    def _now_ms(self, event: QKeyEvent) -> float:
        stamp = 0 if self._clocked else event.timestamp()
        return float(stamp) if stamp else self._clock() * 1000.0

    def _reset(self) -> None:
        self._held, self._text = [], []
        self._open.clear()
        self._last_ms = None
        self._target = None
        self._clocked = False

    @staticmethod
    def _receiver(watched: QObject) -> QObject:
        """The object a key event seen at ``watched`` is delivered to (a window forwards it)."""
        if not isinstance(watched, QWindow):
            return watched
        grabber = QWidget.keyboardGrabber()
        if grabber is not None:
            return grabber
        popup = QApplication.activePopupWidget()
        if popup is not None:
            return popup.focusWidget() or popup
        return watched.focusObject() or watched
