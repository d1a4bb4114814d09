"""Garbage in reference cycles is freed on the UI thread, however much the workers allocate."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable

from pytestqt.qtbot import QtBot

from loyalty_desktop.ui.tasks import Tasks
from loyalty_desktop.ui.ui_thread_gc import UiThreadCollector


class _Cycle:
    """Refers to itself, so only the cyclic collector frees it; says on which thread it was."""

    def __init__(self, freed_on: list[str]) -> None:
        self.me = self
        self.freed_on = freed_on

    def __del__(self) -> None:
        self.freed_on.append(threading.current_thread().name)


def _churn(freed_on: list[str]) -> Callable[[], int]:
    """A worker's chore that makes a great deal of cyclic garbage, as a sync pass does."""

    def work() -> int:
        for _ in range(20_000):
            _Cycle(freed_on)
            [[] for _ in range(10)]
        return 1

    return work


def _on_the_worker(qtbot: QtBot, collector: UiThreadCollector) -> list[str]:
    """Drop a cycle made here, let a worker churn, and wait for everything to be collected."""
    main = threading.current_thread().name
    freed_on: list[str] = []
    gc.collect()
    _Cycle(freed_on)  # garbage at once, but only a collection finds it
    tasks = Tasks()
    finished: list[int] = []
    tasks.submit(_churn(freed_on), finished.append, lambda error: None)
    qtbot.waitUntil(lambda: finished == [1], timeout=30_000)
    qtbot.waitUntil(lambda: len(freed_on) > 1, timeout=5_000)
    tasks.wait()
    collector.stop()  # what the timer had not reached yet
    gc.collect()
    assert len(freed_on) == 20_001
    return [name for name in freed_on if name != main]


def test_a_cycle_dropped_on_the_ui_thread_is_freed_there_while_a_worker_allocates(
    qtbot: QtBot, ui_gc: UiThreadCollector
) -> None:
    assert ui_gc.running
    assert not gc.isenabled()
    assert _on_the_worker(qtbot, ui_gc) == []  # not one freed on the worker


def test_without_it_the_worker_frees_what_the_ui_thread_dropped(
    qtbot: QtBot, ui_gc: UiThreadCollector
) -> None:
    """The hazard itself, so the test above is known to be able to fail."""
    ui_gc.stop()
    assert gc.isenabled()
    elsewhere = _on_the_worker(qtbot, UiThreadCollector())
    assert elsewhere  # Python collected on the worker, where a Qt screen must never die


def test_stopping_collects_what_is_left_and_gives_collection_back(ui_gc: UiThreadCollector) -> None:
    ui_gc.stop()
    assert gc.isenabled()
    assert not ui_gc.running
    collector = UiThreadCollector()
    collector.start()
    collector.start()  # a second start changes nothing
    assert not gc.isenabled()
    freed_on: list[str] = []
    _Cycle(freed_on)
    collector.stop()
    assert freed_on == [threading.current_thread().name]
    assert gc.isenabled()


def test_collection_switched_off_by_someone_else_stays_off(ui_gc: UiThreadCollector) -> None:
    ui_gc.stop()
    gc.disable()
    try:
        collector = UiThreadCollector()
        collector.start()
        collector.stop()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_tick_collects_a_full_young_generation_and_leaves_a_light_one(
    ui_gc: UiThreadCollector,
) -> None:
    gc.collect()
    freed_on: list[str] = []
    _Cycle(freed_on)
    assert ui_gc.collect() == 0  # the young generation is far from full
    assert freed_on == []
    _ballast = [[] for _ in range(gc.get_threshold()[0] + 10)]
    freed = ui_gc.collect()
    assert freed >= 1
    assert len(freed_on) == 1
