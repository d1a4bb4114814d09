"""Benchmark: the Reports dashboard on a large shop: each service call, and the page until its figures show.

Times, as percentiles, on a database built by ``bulk_fill.py`` (the core's
benchmark shop has 2 M sale lines):

* each step the dashboard runs on the worker, for all stores and for one
  store: the KPIs, the sales trend by month and by week, the liability, the
  best buyers (the last 12 months);
* the page: the real ``ReportsPage`` offscreen, from ``shown()`` until the
  dashboard's tiles and charts are filled (the first time, which also reads
  the store list, then each refresh), with the longest freeze of the UI
  thread meanwhile (a 5 ms timer's worst gap).

    .venv/bin/python benchmarks/bulk_fill.py --db /tmp/shop.db --members 200000 --lines 2000000
    .venv/bin/python benchmarks/report_dashboard.py --db /tmp/shop.db [--n 10]
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtWidgets import QApplication

from bulk_fill import keys_dir_for
from checkout import source_state, summary
from loyalty_desktop.app import SystemClock, open_database
from loyalty_desktop.services import report_dashboard, report_series
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.reports import report
from loyalty_desktop.ui.console.reports.reports_page import ReportsPage
from loyalty_desktop.ui.tasks import Tasks
from member_list import Stalls, pump


def _timed(n: int, work: Callable[[], object]) -> dict[str, float]:
    samples = []
    for _ in range(n):
        began = time.perf_counter_ns()
        work()
        samples.append(time.perf_counter_ns() - began)
    return summary(samples)


def _steps(shop: Shop, n: int, store: str | None) -> dict[str, object]:
    # "Now" for every call, as the page asks: a moment over a minute old makes the KPIs and
    # the liability replay the ledger to it (the slower path for a report of the past).
    at = shop.clock.now()
    start = at - timedelta(days=365)
    return {
        "kpis": _timed(
            n,
            lambda: report(
                shop, LOCAL_ADMIN, "kpis", start=start, at=shop.clock.now(), store=store
            ),
        ),
        "trend_by_month": _timed(
            n,
            lambda: report_series.trend(
                shop, LOCAL_ADMIN, start=start, at=at, bucket="month", store=store
            ),
        ),
        "trend_by_week": _timed(
            n,
            lambda: report_series.trend(
                shop, LOCAL_ADMIN, start=start, at=at, bucket="week", store=store
            ),
        ),
        "liability": _timed(n, lambda: report(shop, LOCAL_ADMIN, "liability", at=shop.clock.now())),
        "best_buyers": _timed(
            n, lambda: report_series.best_buyers(shop, LOCAL_ADMIN, start=start, at=at, store=store)
        ),
        # What the page runs: the four above in one call (the programme and open lots read once).
        "dashboard": _timed(
            n,
            lambda: report_dashboard.dashboard(
                shop, LOCAL_ADMIN, start=start, at=shop.clock.now(), store=store
            ),
        ),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="built by bulk_fill.py")
    parser.add_argument("--n", type=int, default=10, help="repetitions per measurement")
    args = parser.parse_args(argv)
    app = QApplication([])
    opened = open_database(args.db, clock=SystemClock(), keys_dir=keys_dir_for(args.db))
    shop = opened.shop
    with sqlite3.connect(args.db) as conn:
        lines = conn.execute("SELECT count(*) FROM sale_lines").fetchone()[0]
        sales = conn.execute("SELECT count(*) FROM sales").fetchone()[0]
        members = conn.execute("SELECT count(*) FROM members").fetchone()[0]
    results: dict[str, object] = {"members": members, "sales": sales, "sale_lines": lines}
    results["steps_all_stores"] = _steps(shop, args.n, None)
    results["steps_one_store"] = _steps(shop, args.n, shop.device_id)

    tasks = Tasks()
    stalls = Stalls()
    page = ReportsPage(shop, tasks, LOCAL_ADMIN)
    page.resize(1136, 640)
    page.show()
    stalls.reset()
    began = time.perf_counter_ns()
    page.shown()
    pump(app, lambda: page.view.shown_filter is not None and not page.computing)
    results["page_first_figures_ms"] = round((time.perf_counter_ns() - began) / 1e6, 1)
    results["page_first_ui_stall_ms"] = stalls.worst
    samples = []
    stalls.reset()
    for _ in range(args.n):
        page.view.shown_filter = None
        began = time.perf_counter_ns()
        page.refresh()
        pump(app, lambda: page.view.shown_filter is not None and not page.computing)
        samples.append(time.perf_counter_ns() - began)
    results["page_refresh"] = summary(samples)
    results["page_refresh_ui_stall_ms"] = stalls.worst
    results["source"] = source_state()
    print(json.dumps(results, indent=2))
    tasks.wait()
    opened.engine.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
