"""A screen closed while its work runs is freed at once on the UI thread, never by the worker.

The worker keeps a finished task's callbacks until Qt frees the task on the worker thread;
when those held the last reference to a closed screen, the screen was destroyed there
("QBasicTimer::stop: Failed ... from a different thread") and the process crashed now and
then under load (tests/ui/test_sync_page.py, twice in full runs).
"""

from __future__ import annotations

import gc
import threading
import weakref
from typing import Any

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from loyalty_desktop.ui.tasks import Tasks


class _Screen(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.shown: list[Any] = []

    def show_result(self, value: Any) -> None:
        self.shown.append(value)


def test_a_screen_closed_while_its_work_runs_is_not_kept_alive_by_the_worker(
    qtbot: QtBot,
) -> None:
    tasks = Tasks()
    gate = threading.Event()
    screen = _Screen()
    gone = weakref.ref(screen)
    tasks.submit(lambda: gate.wait(10), screen.show_result, lambda _error: None)

    del screen  # closed by the cashier while its work runs
    gc.collect()

    assert gone() is None  # freed here, on the UI thread; the task held it before
    gate.set()
    qtbot.waitUntil(lambda: tasks.pending == 0)
    assert tasks.wait()


def test_a_screen_still_open_gets_its_result(qtbot: QtBot) -> None:
    tasks = Tasks()
    screen = _Screen()
    qtbot.addWidget(screen)
    tasks.submit(lambda: 42, screen.show_result, lambda _error: None)
    qtbot.waitUntil(lambda: screen.shown == [42])
    assert tasks.wait()
