"""Benchmark: the back office's member list at a million members: opening, sorting, searching, scrolling.

Drives the real ``MembersPage`` offscreen (its lazy model, its worker) on a
database built by ``bulk_fill.py``. Times, as percentiles:

* open: a new page built and shown until its first rows are in the model;
* sort: a header's sort asked for until the first rows of that order arrive;
* search: a search started until its first rows arrive, with the rows the
  model then holds (never more than one page) and the time until the match
  count arrives (it is read after the first page, on the same worker);
* scroll: each ``fetchMore`` until its page has arrived.

A 5 ms timer on the UI thread records the longest gap between its ticks: how
long the screen ever froze.

    .venv/bin/python benchmarks/bulk_fill.py --db /tmp/members-1m.db --members 1000000 --lines 200000
    .venv/bin/python benchmarks/member_list.py --db /tmp/members-1m.db [--n 30]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication

from bulk_fill import keys_dir_for
from checkout import source_state, summary
from loyalty_desktop.app import SystemClock, open_database
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.read_models import MemberSort
from loyalty_desktop.ui.console.member_model import PAGE, MemberQuery
from loyalty_desktop.ui.console.members_page import MembersPage
from loyalty_desktop.ui.tasks import Tasks


def pump(app: QApplication, until: Callable[[], bool], limit: float = 60.0) -> None:
    deadline = time.perf_counter() + limit
    while not until():
        app.processEvents()
        if time.perf_counter() > deadline:
            raise TimeoutError("the list did not answer in time")
        time.sleep(0.0002)


class Stalls:
    """The longest gap between ticks of a 5 ms timer on the UI thread."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.clock.start()
        self.last = 0
        self.worst = 0
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def tick(self) -> None:
        """One tick: note the gap since the last."""
        now = self.clock.elapsed()
        self.worst = max(self.worst, now - self.last)
        self.last = now

    def reset(self) -> None:
        """Start measuring afresh."""
        self.last, self.worst = self.clock.elapsed(), 0


def _searches(db: Path, rng: random.Random, n: int) -> dict[str, list[str]]:
    """What a manager types: numbers, surnames, whole names, phones and their last four digits."""
    conn = sqlite3.connect(db)
    total = conn.execute("SELECT max(rowid) FROM members").fetchone()[0]
    picked = [
        conn.execute(
            "SELECT member_no, name, phone FROM members WHERE rowid = ?",
            (rng.randrange(1, total),),
        ).fetchone()
        for _ in range(n)
    ]
    conn.close()
    return {
        "number prefix (4 digits)": [no[:4] for no, _, _ in picked],
        "whole member number": [no for no, _, _ in picked],
        "surname (1 character)": [name[0] for _, name, _ in picked],
        "whole name": [name for _, name, _ in picked],
        "whole phone": [phone for _, _, phone in picked if phone],
        "phone last 4": [phone[-4:] for _, _, phone in picked if phone],
        "no match": [f"无此人{i}" for i in range(n)],
        # One digit matches every member number: the worst a search box can be asked.
        "one digit (matches all)": ["1"] * max(3, n // 5),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="built by bulk_fill.py")
    parser.add_argument("--n", type=int, default=30, help="repetitions per measurement")
    parser.add_argument("--scroll", type=int, default=50, help="pages scrolled through")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    app = QApplication([])
    rng = random.Random(args.seed)
    opened = open_database(args.db, clock=SystemClock(), keys_dir=keys_dir_for(args.db))
    shop = opened.shop
    tasks = Tasks()
    stalls = Stalls()
    members = sqlite3.connect(args.db).execute("SELECT count(*) FROM members").fetchone()[0]
    results: dict[str, object] = {"members": members, "page_size": PAGE}

    # Opening: a new page, shown, until its first rows are in the model.
    samples = []
    stalls.reset()
    page = None
    for _ in range(args.n):
        began = time.perf_counter_ns()
        page = MembersPage(shop, tasks, LOCAL_ADMIN)
        page.shown()
        pump(app, lambda p=page: p.model.rowCount() > 0)
        samples.append(time.perf_counter_ns() - began)
        pump(app, lambda: tasks.pending == 0)
    results["open"] = summary(samples)
    results["open_rows_loaded"] = page.model.rowCount() if page else 0
    results["open_ui_stall_ms"] = stalls.worst
    assert page is not None
    model = page.model

    # Sorting by each header, both ways.
    sorts: dict[str, object] = {}
    for sort in MemberSort:
        for descending in (False, True):
            samples = []
            for _ in range(max(3, args.n // 5)):
                model.show(MemberQuery("", MemberSort.NUMBER, False))
                pump(app, lambda: tasks.pending == 0)
                began = time.perf_counter_ns()
                model.show(MemberQuery("", sort, descending))
                pump(app, lambda: model.rowCount() > 0)
                samples.append(time.perf_counter_ns() - began)
                pump(app, lambda: tasks.pending == 0)
            sorts[f"{sort.value}{' desc' if descending else ''}"] = summary(samples)
    results["sort_first_rows"] = sorts

    # Searching: first rows, rows held, and the count.
    searches: dict[str, object] = {}
    stalls.reset()
    typed = _searches(args.db, rng, args.n)
    # The same searches with the list sorted by points, most first: the order then comes
    # from another index than the one the text matches.
    orders = {"": (MemberSort.NUMBER, False), ", by points desc": (MemberSort.BALANCE, True)}
    for (kind, texts), (suffix, (sort, descending)) in (
        ((k, t), o) for o in orders.items() for k, t in typed.items()
    ):
        first, counted, held, matched = [], [], [], []
        for text in texts:
            began = time.perf_counter_ns()
            model.show(MemberQuery(text, sort, descending))
            pump(app, lambda: not model.loading)
            first.append(time.perf_counter_ns() - began)
            held.append(model.rowCount())
            pump(app, lambda: model.total is not None)
            counted.append(time.perf_counter_ns() - began)
            matched.append(model.total or 0)
            pump(app, lambda: tasks.pending == 0)
        searches[kind + suffix] = {
            "first_rows": summary(first),
            "count_shown": summary(counted),
            "rows_loaded_max": max(held),
            "matches_median": sorted(matched)[len(matched) // 2],
            "matches_max": max(matched),
        }
    results["search"] = searches
    results["search_ui_stall_ms"] = stalls.worst

    # Scrolling down the whole list, one page per fetchMore.
    model.show(MemberQuery())
    pump(app, lambda: tasks.pending == 0)
    samples = []
    stalls.reset()
    for _ in range(args.scroll):
        rows = model.rowCount()
        began = time.perf_counter_ns()
        model.fetchMore()
        pump(app, lambda r=rows: model.rowCount() > r)
        samples.append(time.perf_counter_ns() - began)
    results["scroll_page"] = summary(samples)
    results["scroll_rows_loaded"] = model.rowCount()
    results["scroll_ui_stall_ms"] = stalls.worst
    results["source"] = source_state()
    tasks.wait()
    opened.engine.dispose()
    print(json.dumps(results, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
