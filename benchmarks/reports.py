"""Benchmark: the manager's reports on the core's benchmark shop (200,000 members, 2,000,000 sale lines).

Builds (or reuses) a bulk-filled shop (``bulk_fill.py``), then times, a few
runs each, what the reports read and the reports themselves through the
service a screen or the command calls: the purchase log and the member
snapshot (now, and half a year ago, which replays the ledger), then ``report
kpis``, ``tiers``, ``campaigns``, ``cohorts``, ``rfm`` and ``churn`` for the year up to
now, and RFM, KPIs and churn one after another (the target: 3 s), computed
from the data (each run on a new report source, so nothing read before is
kept; the three share one read of the purchase log), then the nightly job
storing them (``loyalty expire``'s part) and the three read back as a report
for today does (at least 10 runs), then one sale after the job and the three
again (RFM and churn brought up to date from the job's workings, at least 10
runs, each after one more sale: the sales stay in the database). ``--only-trio`` leaves out everything but
the purchase log and those three. The purchase log's rows fetched by raw ``sqlite3`` (the same columns, no pandas)
are timed in the same run, for the ratio. Prints percentiles, the load
average around the run (the machine is shared) and the peak memory, and
writes a JSON file under ``benchmarks/results/``.

    .venv/bin/python benchmarks/reports.py [--db /tmp/reports-2m.db] [--n 5]

Any other shop's database can be measured as it is (``--as-is``; its card keys
where the ``loyalty`` command keeps them), for a period of its own:

    .venv/bin/python benchmarks/reports.py --db retail.db --as-is --from 2010-12-01 --at 2011-10-01
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

from bulk_fill import build, keys_dir_for, member_no_of, read_build
from checkout import summary
from loyalty_desktop.app import SystemClock, open_database
from loyalty_desktop.db.report_queries import SqlReportSource
from loyalty_desktop.domain.moments import parse_moment
from loyalty_desktop.services import checkout as till
from loyalty_desktop.services import reports
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.programs import program_in_force

RESULTS = Path(__file__).with_name("results")
TRIO = ("rfm", "kpis", "churn")
READ_BACK_RUNS = 10  # reading back is quick: more runs, steadier percentiles
RAW_LOG = (
    "SELECT s.member_id, s.at, s.local_date, s.net - coalesce(r.back, 0), s.campaigns != '[]',"
    " s.device_id FROM sales s LEFT JOIN (SELECT sale_ref, sum(amount) AS back FROM refunds"
    " GROUP BY sale_ref) r ON r.sale_ref = s.id WHERE s.member_id IS NOT NULL"
)


def timed(action: Callable[[], object], n: int) -> dict[str, float]:
    samples = []
    for _ in range(n):
        began = time.perf_counter_ns()
        action()
        samples.append(time.perf_counter_ns() - began)
    return summary(samples)


def after_sale(
    shop: Shop, cold: Callable[[], Shop], n: int, measured: dict[str, Any], result: dict[str, Any]
) -> None:
    """One sale after the nightly job, then the three (untimed sale; each run sells once more).

    RFM and churn are the job's workings with the touched members computed
    again (``services/updated_reports.py``); KPIs compute. The first run fits
    the churn model again from its stored rows; later runs in this process reuse it.
    """
    samples: list[int] = []
    how: list[list[str]] = []
    for run in range(n):
        request = till.SaleRequest(
            f"BENCH-{time.time_ns()}", member_no_of(7 + 997 * run), total="25.00"
        )
        till.checkout(shop, LOCAL_ADMIN, request)
        began = time.perf_counter_ns()
        found = [reports.report(cold(), LOCAL_ADMIN, name) for name in TRIO]
        samples.append(time.perf_counter_ns() - began)
        how.append(
            [
                f"{name}: updated from {getattr(f, 'updated_from', None)}, "
                f"not updated: {getattr(f, 'not_updated', None)}"
                for name, f in zip(TRIO, found, strict=True)
            ]
        )
    measured["one sale after the nightly job, then rfm + kpis + churn (first run)"] = summary(
        samples[:1]
    )
    measured["one sale after the nightly job, then rfm + kpis + churn"] = summary(samples)
    result["after_sale_paths"] = how[-1]
    print("\n".join(how[-1]), flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/reports-2m.db"))
    parser.add_argument("--members", type=int, default=200_000)
    parser.add_argument("--lines", type=int, default=2_000_000)
    parser.add_argument("--n", type=int, default=5, help="runs per measurement")
    parser.add_argument("--as-is", action="store_true", help="measure --db as it is, never build")
    parser.add_argument("--from", dest="start", help="the reports' start (default: a year before)")
    parser.add_argument("--at", help="the reports' moment (default: now)")
    parser.add_argument(
        "--only-trio",
        action="store_true",
        help="only the purchase log and RFM + KPIs + churn (computed, stored, read back)",
    )
    args = parser.parse_args(argv)

    if args.as_is:
        opened = open_database(args.db, clock=SystemClock())
    elif not args.db.exists() or read_build(args.db) is None:
        args.db.unlink(missing_ok=True)
        print(f"building {args.db}: {args.members} members, {args.lines} lines ...", flush=True)
        build(args.db, members=args.members, lines=args.lines, progress=print)
    info = read_build(args.db)
    if not args.as_is:
        opened = open_database(args.db, clock=SystemClock(), keys_dir=keys_dir_for(args.db))
    shop, source = opened.shop, opened.shop.reports
    load_before = os.getloadavg()
    with shop.uow(write=False) as uow:
        _, program = program_in_force(uow)
    now = parse_moment(args.at, program.timezone) if args.at else shop.clock.now()
    start = parse_moment(args.start, program.timezone, field="from") if args.start else None
    result: dict[str, Any] = {
        "build": info.__dict__ if info else None,
        "n": args.n,
        "period": [start.isoformat() if start else "a year before", now.isoformat()],
        "load_before": load_before,
        "measured": {},
        "rows": {},
    }
    measured, rows = result["measured"], result["rows"]
    raw = sqlite3.connect(args.db)
    measured["raw sqlite3: the purchase log's rows"] = timed(
        lambda: raw.execute(RAW_LOG).fetchall(), args.n
    )
    engine, clock = opened.engine, shop.clock

    def cold() -> Shop:
        """The shop with a new report source: nothing read before is kept (the full path)."""
        return replace(shop, reports=SqlReportSource(engine, clock))

    measured["purchase_log"] = timed(lambda: cold().reports.purchase_log(now), args.n)
    source.purchase_log(now)
    measured["purchase_log, again (unchanged data: shared)"] = timed(
        lambda: source.purchase_log(now), args.n
    )
    rows["purchase_log"] = len(source.purchase_log(now))
    half_year = now - timedelta(days=180)
    for name in () if args.only_trio else ("now", "180 days before"):
        moment = now if name == "now" else half_year
        key = "member_snapshot" if name == "now" else f"member_snapshot ({name})"
        measured[key] = timed(lambda moment=moment: source.member_snapshot(moment), args.n)
    rows["member_snapshot"] = len(source.member_snapshot(now))
    others = ("kpis", "tiers", "campaigns", "cohorts", "rfm", "churn")
    for name in () if args.only_trio else others:
        measured[f"report {name}"] = timed(
            lambda name=name: reports.report(
                cold(), LOCAL_ADMIN, name, start=start, at=now, fresh=True
            ),
            args.n,
        )

    def computed() -> None:
        fresh = cold()  # one source for the three: the purchase log is read once
        for name in TRIO:
            reports.report(fresh, LOCAL_ADMIN, name, start=start, at=now, fresh=True)

    # The target: RFM, KPIs and churn one after another in 3 s or less.
    measured["report rfm + kpis + churn, computed"] = timed(computed, args.n)
    if args.at is None:  # the nightly job stores them as of now; a report for today reads them
        measured["nightly job: store rfm + kpis + churn"] = timed(
            lambda: result.setdefault("stored", reports.store_for_later(cold(), LOCAL_ADMIN)),
            1,
        )
        stored = result["stored"]
        print(f"stored {stored.stored}, skipped {stored.skipped}", flush=True)
        measured["report rfm + kpis + churn, read back"] = timed(
            lambda: [reports.report(cold(), LOCAL_ADMIN, name) for name in TRIO],
            max(args.n, READ_BACK_RUNS),
        )
        found = [reports.report(cold(), LOCAL_ADMIN, name) for name in TRIO]
        result["read_back_computed_at"] = [str(getattr(f, "computed_at", None)) for f in found]
        after_sale(shop, cold, max(args.n, READ_BACK_RUNS), measured, result)
    result["load_after"] = os.getloadavg()
    result["peak_memory_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    ours = measured["purchase_log"]["p50"]
    base = measured["raw sqlite3: the purchase log's rows"]["p50"]
    result["ratio_p50_purchase_log_vs_raw"] = round(ours / base, 2) if base else None
    raw.close()
    opened.engine.dispose()

    width = max(len(k) for k in measured)
    print(f"{'measured':<{width}}  {'p50':>9} {'p95':>9} {'max':>9}  ms")
    for key, stats in measured.items():
        print(f"{key:<{width}}  {stats['p50']:>9} {stats['p95']:>9} {stats['max']:>9}")
    print(f"rows: {rows}")
    print(f"purchase log p50, ours / raw sqlite3: {result['ratio_p50_purchase_log_vs_raw']}x")
    print(f"load average before {load_before}, after {result['load_after']}")
    print(f"peak memory {result['peak_memory_mb']} MB")
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"reports-{time.strftime('%Y%m%dT%H%M%S')}.json"
    out.write_text(json.dumps(result, indent=2, default=str), encoding="utf-8")
    print(f"written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
