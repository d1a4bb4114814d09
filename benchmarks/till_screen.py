"""Benchmark: the cashier's screen on a large shop: scan-to-member-shown, checkout, receipt, UI stalls.

Drives the real ``MainWindow`` offscreen on a database built by
``bulk_fill.py`` (1,000,000 members by default): signs a cashier in, then for
each of ``--n`` customers scans a random member's number, rings up a line,
waits for the quote and completes with F12. A 5 ms timer on the UI thread
records the longest gap between its ticks: how long the screen ever froze.

    .venv/bin/python benchmarks/till_screen.py --db /tmp/till-1m.db [--n 200]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QElapsedTimer, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from bulk_fill import keys_dir_for, member_no_of, phone_of
from import_online_retail import percentile
from loyalty_desktop.app import SystemClock, open_database
from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.services import staff
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.ui.main_window import MainWindow
from loyalty_desktop.ui.preferences import TillPreferences


def pump(app: QApplication, until: object, limit: float = 10.0) -> None:
    deadline = time.perf_counter() + limit
    while not until():  # type: ignore[operator]
        app.processEvents()
        if time.perf_counter() > deadline:
            raise TimeoutError("the screen did not answer in time")
        time.sleep(0.0005)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--members", type=int, default=1_000_000)
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--phones", type=int, default=200, help="phone last-4 look-ups to time")
    args = parser.parse_args()
    app = QApplication([])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    opened = open_database(args.db, clock=SystemClock(), keys_dir=keys_dir_for(args.db))
    with contextlib.suppress(LoyaltyError):  # made by an earlier run
        staff.add_staff(opened.shop, LOCAL_ADMIN, "Bench", "admin", "2468")
    printer = Path(tempfile.mkdtemp()) / "printer.bin"  # a file stands in for the printer's port
    window = MainWindow(
        opened.shop, preferences=TillPreferences(printer=str(printer), print_every_sale=True)
    )
    window.tidy.setInterval(50)  # the checkpoint after each sale, as the till does when idle
    window.show()
    pump(app, lambda: window.stack.currentWidget() is window.sign_in)
    window.sign_in.name.setText("Bench")
    window.sign_in.pin.setText("2468")
    window.sign_in.submit()
    pump(app, lambda: window.checkout is not None)
    till = window.checkout
    assert till is not None

    ticks = QElapsedTimer()
    gaps: list[float] = []
    ticks.start()

    def tick() -> None:
        gaps.append(ticks.restart())

    beat = QTimer()
    beat.setInterval(5)
    beat.timeout.connect(tick)
    beat.start()
    rng = random.Random(7)
    shown: list[float] = []
    posted: list[float] = []
    printed: list[float] = []
    pressed = [0.0]

    class Stopwatch(QObject):
        def done(self, _result: object) -> None:
            posted.append((time.perf_counter() - pressed[0]) * 1000)

    stopwatch = Stopwatch()
    till.completed.connect(stopwatch.done)
    for n in range(args.n):
        member_no = member_no_of(rng.randrange(args.members))
        start = time.perf_counter()
        till.scanned(member_no)
        pump(app, lambda: till.member is not None)
        shown.append((time.perf_counter() - start) * 1000)
        till.sku.setText(f"SKU{n % 50}")
        till.price.setText("12.50")
        till.add_line()
        pump(app, lambda: till.quoted is not None)
        pressed[0] = time.perf_counter()
        done = len(posted)
        size = printer.stat().st_size if printer.exists() else 0
        till.complete_sale()
        pump(app, lambda done=done: len(posted) > done)
        pump(app, lambda size=size: printer.exists() and printer.stat().st_size > size)
        printed.append((time.perf_counter() - pressed[0]) * 1000)
        for _ in range(15):  # idle a moment, as between customers: the checkpoint runs here
            app.processEvents()
            time.sleep(0.005)
    tails: list[float] = []
    candidates: list[int] = []
    for _ in range(args.phones):  # the last 4 digits of a member's phone, typed + Enter
        till.start_over()
        tail = phone_of(rng.randrange(args.members))[-4:]
        start = time.perf_counter()
        till.find_member(tail)
        pump(app, lambda: till.member is not None or till.picks.isVisible())
        tails.append((time.perf_counter() - start) * 1000)
        candidates.append(1 if till.member is not None else till.picks.count())
    till.start_over()
    beat.stop()
    stall = max(gaps) - 5
    print(f"members {args.members:,}, customers {args.n}")
    print(
        f"scan to member shown: p50 {statistics.median(shown):.1f} ms, "
        f"p95 {percentile(shown, 0.95):.1f} ms, max {max(shown):.1f} ms"
    )
    print(
        f"F12 to sale done: p50 {statistics.median(posted):.1f} ms, "
        f"p99 {percentile(posted, 0.99):.1f} ms, max {max(posted):.1f} ms"
    )
    print(
        f"F12 to receipt printed (ESC/POS to a file): p50 {statistics.median(printed):.1f} ms, "
        f"p95 {percentile(printed, 0.95):.1f} ms"
    )
    if tails:
        print(
            f"phone last-4 to member or pick list: p50 {statistics.median(tails):.1f} ms, "
            f"p95 {percentile(tails, 0.95):.1f} ms; candidates shown: mean "
            f"{statistics.mean(candidates):.2f}, max {max(candidates)}"
        )
    print(
        f"UI thread: longest stall {stall:.0f} ms over {len(gaps):,} 5 ms ticks "
        f"(p99 gap {percentile(gaps, 0.99):.0f} ms)"
    )
    window.close()
    opened.engine.dispose()


if __name__ == "__main__":
    main()
