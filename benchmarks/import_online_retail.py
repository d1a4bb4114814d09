"""Benchmark: import the real Online Retail data set (370,931 invoice lines) through ``import sales``.

Converts ``shared/data/online_retail.csv.gz`` to the contract's sales CSV
(invoice → sale_id, customer_id → member_ref, invoice_date → at in
Europe/London, stock_code → sku, postage and fee codes → category ``fees``,
which the programme excludes from earning), then imports it with
``--create-members --skip-invalid`` into a fresh SQLite file, through the
services (default) or the ``loyalty`` command, and prints rows/s, time, peak
memory and the rejected rows by reason.

    .venv/bin/python benchmarks/import_online_retail.py [--limit N] [--cli] [--again] [--profile]
        [--with-till] [--fixed-chunks N] [--against REV [--rounds K]]

``--against REV`` measures an older version of the import in the same run: REV
(a commit; ``beb5c2d`` is the core as it was when the import's speed target was
filed) is checked out into a git worktree beside this checkout (removed after) and its own copy of this
benchmark imports the same file with this virtualenv, alternating with this
version ``--rounds`` times, so both see the same machine and the same load.
It prints each run and the ratio of rows/s, this version's over REV's.
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import importlib.util
import io
import json
import multiprocessing
import os
import pstats
import re
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from sqlalchemy import event

from loyalty_desktop.app import open_database
from loyalty_desktop.cli import presenters
from loyalty_desktop.services import imports, integrity, members, programs
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.checkout import SaleRequest, checkout
from loyalty_desktop.services.import_sales import Chunking
from loyalty_desktop.services.long_jobs import Job, Progress

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "online_retail.csv.gz"
PROGRAM = """
currency = "GBP"
timezone = "Europe/London"
[earn]
points = 1
per = "1.00"
exclude_categories = ["fees"]
[expiry]
days = 365
[[tiers.levels]]
name = "Bronze"
threshold = "0"
[[tiers.levels]]
name = "Silver"
threshold = "1000"
earn_multiplier = "1.25"
[[tiers.levels]]
name = "Gold"
threshold = "5000"
earn_multiplier = "1.5"
"""


def _transform() -> Any:
    """scripts/online_retail_sales.py: the one transform of the data set to the importer's CSV."""
    path = Path(__file__).resolve().parents[1] / "scripts" / "online_retail_sales.py"
    spec = importlib.util.spec_from_file_location("online_retail_sales", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_SALES = _transform()
COLUMNS: list[str] = _SALES.COLUMNS
convert = _SALES.convert


def reason(error: str) -> str:
    """An error text with its particulars (ids, numbers, times) blanked, to group by."""
    text = re.sub(r"'[^']*'", "'…'", error)
    text = re.sub(r"\b[CA]?\d[\d:.\-]*", "N", text)
    return text


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def watch_write_transactions(engine: Any) -> list[float]:
    """Durations (s) of the engine's write transactions, BEGIN IMMEDIATE to COMMIT."""
    spans: list[float] = []
    started: dict[int, float] = {}

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        if conn.get_execution_options().get("sqlite_begin") == "IMMEDIATE":
            started[id(conn)] = time.perf_counter()

    @event.listens_for(engine, "commit")
    def _commit(conn: Any) -> None:
        if id(conn) in started:
            spans.append(time.perf_counter() - started.pop(id(conn)))

    return spans


def till(db: Path, keys: Path, ready: Any, stop: Any, waits: Any) -> None:
    """A till in its own process posting a 1.00 sale every 50 ms until told to stop."""
    opened = open_database(db, keys_dir=keys)
    members.enrol(opened.shop, LOCAL_ADMIN, members.NewMember(name="Till", member_no="T1"))
    ready.set()
    number = 0
    times = []
    while not stop.is_set():
        number += 1
        request = SaleRequest(sale_no=f"TILL{number}", member_ref="T1", total="1.00")
        start = time.perf_counter()
        checkout(opened.shop, LOCAL_ADMIN, request)
        times.append(time.perf_counter() - start)
        time.sleep(0.05)
    waits.put(times)


def raw_executemany(sales_csv: Path, work: Path) -> float:
    """Seconds for sqlite3 to insert the file's rows with executemany (WAL, FULL) in one go."""
    with sales_csv.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))[1:]
    conn = sqlite3.connect(work / "raw.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute(f"create table lines ({', '.join(c + ' text' for c in COLUMNS)})")
    start = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany(f"insert into lines values ({', '.join('?' * len(COLUMNS))})", rows)
    conn.execute("COMMIT")
    seconds = time.perf_counter() - start
    conn.close()
    return seconds


def import_with_services(
    db: Path,
    keys: Path,
    sales_csv: Path,
    profile: bool,
    with_till: bool = False,
    fixed_chunks: int | None = None,
) -> dict[str, Any]:
    opened = open_database(db, keys_dir=keys)
    programs.load_program(opened.shop, LOCAL_ADMIN, PROGRAM, "benchmark")
    spans = watch_write_transactions(opened.engine)
    stop, ready, waits = multiprocessing.Event(), multiprocessing.Event(), multiprocessing.Queue()
    seller = multiprocessing.Process(target=till, args=(db, keys, ready, stop, waits))
    if with_till:
        seller.start()
        ready.wait()
    profiler = cProfile.Profile() if profile else None
    start, cpu = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    phases: dict[str, float] = {}

    def _phase(progress: Progress) -> None:
        phases.setdefault(progress.phase, time.perf_counter())

    report = imports.import_sales(
        opened.shop,
        LOCAL_ADMIN,
        sales_csv,
        create_members=True,
        skip_invalid=True,
        job=Job(_phase, every=0.0),
        chunking=Chunking(seconds=3600.0, max_sales=fixed_chunks) if fixed_chunks else None,
    )
    if profiler:
        profiler.disable()
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu
    marks = [("start", start), *phases.items()]
    print(
        "phases: "
        + ", ".join(
            f"{name} {later - at:.1f} s"
            for (name, at), (_, later) in zip(
                marks[1:], [*marks[2:], ("end", start + seconds)], strict=True
            )
        )
    )
    if profiler:
        stream = io.StringIO()
        stats = pstats.Stats(profiler, stream=stream)
        stats.sort_stats("cumulative").print_stats(35)
        stats.sort_stats("tottime").print_stats(25)
        print(stream.getvalue())
    if with_till:
        stop.set()
        sold = [w * 1000 for w in waits.get()]
        seller.join()
        print(
            f"till (own process) during the import: {len(sold)} sales, "
            f"p50 {percentile(sold, 0.5):.1f} ms, p95 {percentile(sold, 0.95):.1f} ms, "
            f"max {max(sold):.1f} ms"
        )
    ms = [s * 1000 for s in spans]
    print(
        f"write transactions: {len(ms)}, p50 {percentile(ms, 0.5):.0f} ms, "
        f"p99 {percentile(ms, 0.99):.0f} ms, longest {max(ms):.0f} ms"
    )
    # On a machine other jobs load, the wall time follows the load; the CPU time much less.
    print(f"CPU time of the import (this process, all threads): {cpu:.1f} s")
    return {"report": presenters.import_report(report), "seconds": seconds, "opened": opened}


def import_with_cli(db: Path, sales_csv: Path, program: Path) -> dict[str, Any]:
    loyalty = str(Path(sys.executable).with_name("loyalty"))
    subprocess.run(
        [loyalty, "--db", str(db), "--json", "init", "--program", str(program)],
        check=True,
        capture_output=True,
    )
    start = time.perf_counter()
    done = subprocess.run(
        [
            loyalty,
            "--db",
            str(db),
            "--json",
            "import",
            "sales",
            str(sales_csv),
            "--create-members",
            "--skip-invalid",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"loyalty failed ({done.returncode}): {done.stdout} {done.stderr}")
    return {"report": json.loads(done.stdout), "seconds": seconds, "opened": None}


IMPORTED = re.compile(r"imported ([\d,]+) rows in ([\d.]+) s")


def run_against(rev: str, limit: int | None) -> float:
    """Seconds REV's own benchmark takes to import the same file, run in a worktree of REV."""
    root = Path(__file__).resolve().parents[1]
    tree = _tree(rev)
    if not tree.exists():
        subprocess.run(
            ["git", "-C", str(root), "worktree", "add", "--detach", "-q", str(tree), rev],
            check=True,
        )
    command = [sys.executable, str(tree / "benchmarks" / "import_online_retail.py")]
    if limit:
        command += ["--limit", str(limit)]
    done = subprocess.run(
        command,
        capture_output=True,
        text=True,
        check=True,
        cwd=tree,
        env={**os.environ, "PYTHONPATH": str(tree / "src")},
    )
    found = IMPORTED.search(done.stdout)
    if found is None:
        raise SystemExit(f"{rev}'s benchmark printed no import time:\n{done.stdout}{done.stderr}")
    return float(found.group(2))


def _tree(rev: str) -> Path:
    """Where REV is checked out: beside this checkout, so its benchmark finds ../shared/data."""
    return Path(__file__).resolve().parents[2] / f"loyalty-bench-at-{rev}"


def remove_worktree(rev: str) -> None:
    """Remove the worktree of REV, files and git's record of it."""
    root = Path(__file__).resolve().parents[1]
    tree = _tree(rev)
    if tree.exists():
        subprocess.run(
            ["git", "-C", str(root), "worktree", "remove", "--force", str(tree)], check=False
        )


def against(args: argparse.Namespace) -> None:
    """This version and REV, alternately, on the same file; their times and rows/s ratio."""
    with tempfile.TemporaryDirectory(prefix="loyalty-bench-") as tmp:
        work = Path(tmp)
        sales_csv = work / "sales.csv"
        rows = convert(args.data, sales_csv, args.limit)
        ours: list[float] = []
        theirs: list[float] = []
        try:
            for round_no in range(args.rounds):
                theirs.append(run_against(args.against, args.limit))
                db = work / f"shop-{round_no}.db"
                run = import_with_services(db, work / f"keys-{round_no}", sales_csv, False, False)
                ours.append(run["seconds"])
                run["opened"].engine.dispose()
                print(
                    f"round {round_no + 1}: {args.against} {theirs[-1]:.1f} s, "
                    f"this version {ours[-1]:.1f} s"
                )
        finally:
            remove_worktree(args.against)
        mine, old = statistics.median(ours), statistics.median(theirs)
        print(
            f"median of {args.rounds}: {args.against} {old:.1f} s ({rows / old:,.0f} rows/s), "
            f"this version {mine:.1f} s ({rows / mine:,.0f} rows/s): "
            f"{old / mine:.2f}x {args.against}'s rows/s"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="only the first N data rows")
    parser.add_argument("--cli", action="store_true", help="run the loyalty command instead")
    parser.add_argument("--again", action="store_true", help="then import the same file again")
    parser.add_argument("--check", action="store_true", help="then run loyalty check")
    parser.add_argument("--profile", action="store_true", help="cProfile the import")
    parser.add_argument("--with-till", action="store_true", help="a till sells during the import")
    parser.add_argument(
        "--fixed-chunks",
        type=int,
        metavar="N",
        help="chunks of N sales whatever they take (to compare code on a loaded machine: "
        "chunks bounded by time shrink with the load, and their number moves the CPU time)",
    )
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--against", metavar="REV", help="also run REV's import, alternately")
    parser.add_argument("--rounds", type=int, default=1, help="with --against: runs of each")
    args = parser.parse_args()
    if args.against:
        against(args)
        return

    with tempfile.TemporaryDirectory(prefix="loyalty-bench-") as tmp:
        work = Path(tmp)
        sales_csv = work / "sales.csv"
        started = time.perf_counter()
        rows = convert(args.data, sales_csv, args.limit)
        print(
            f"converted {rows:,} rows in {time.perf_counter() - started:.1f} s "
            f"({sales_csv.stat().st_size / 1e6:.1f} MB)"
        )
        db = work / "shop.db"
        if args.cli:
            program = work / "program.toml"
            program.write_text(PROGRAM, encoding="utf-8")
            run = import_with_cli(db, sales_csv, program)
        else:
            run = import_with_services(
                db, work / "keys", sales_csv, args.profile, args.with_till, args.fixed_chunks
            )
        report, seconds = run["report"], run["seconds"]
        rejected = report["rejected"]
        print(
            f"imported {report['imported']:,} rows in {seconds:.1f} s: "
            f"{rows / seconds:,.0f} rows/s (file rows incl. rejected and skipped)"
        )
        raw = raw_executemany(sales_csv, work)
        print(
            f"raw sqlite3 executemany of the same rows: {raw:.2f} s ({rows / raw:,.0f} rows/s); "
            f"ours is {seconds / raw:.1f}x that"
        )
        print(
            f"skipped {report['skipped']:,}, created members {report['created_members']:,}, "
            f"rejected {len(rejected):,} rows"
        )
        for (code, text), count in Counter(
            (r.get("code", ""), reason(r["error"])) for r in rejected
        ).most_common():
            print(f"  {count:>7,}  {code:<18} {text}")
        if not args.cli:
            print(
                f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB"
            )
        conn = sqlite3.connect(db)
        try:
            sales, returns, members = (
                conn.execute(query).fetchone()[0]
                for query in (
                    "select count(*) from sales",
                    "select count(*) from sales where net < 0",
                    "select count(*) from members",
                )
            )
        finally:
            conn.close()
        print(
            f"database {db.stat().st_size / 1e6:.1f} MB: {sales:,} sales "
            f"({returns:,} unlinked returns), {members:,} members"
        )
        opened = run["opened"]
        if args.again and opened is not None:
            start = time.perf_counter()
            again = imports.import_sales(
                opened.shop, LOCAL_ADMIN, sales_csv, create_members=True, skip_invalid=True
            )
            print(
                f"re-import: imported {again.imported}, skipped {again.skipped:,} "
                f"in {time.perf_counter() - start:.1f} s"
            )
        if args.check and opened is not None:
            start = time.perf_counter()
            result = integrity.check(opened.shop, LOCAL_ADMIN, opened.integrity)
            print(
                f"check: ok={result.ok} problems={result.problems[:5]} "
                f"in {time.perf_counter() - start:.1f} s"
            )
        if opened is not None:
            opened.engine.dispose()


if __name__ == "__main__":
    main()
