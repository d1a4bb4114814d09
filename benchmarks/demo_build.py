"""Time ``loyalty demo``: build the demo shop into a fresh SQLite file, several times, and report the median.

Run: ``.venv/bin/python benchmarks/demo_build.py [--members 5000] [--seed 7] [--runs 3]``.
The target (issue: demo data) is 5,000 members and a year of sales in at most 30 s.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from loyalty_desktop.app import open_database
from loyalty_desktop.demo.build import build_demo
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.integrity import check

TARGET_SECONDS = 30.0


def one_build(members: int, seed: int, verify: bool) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="demo-bench-") as tmp:
        base = Path(tmp)
        began, cpu = time.perf_counter(), time.process_time()
        # Card keys in the temporary directory too, never the developer's own.
        opened = open_database(base / "demo.db", keys_dir=base / "config")
        summary = build_demo(opened.shop, LOCAL_ADMIN, members=members, seed=seed)
        wall, cpu = time.perf_counter() - began, time.process_time() - cpu
        # On a shared machine the CPU time shows what the build costs without the queueing.
        result = {**summary, "wall_seconds": round(wall, 2), "cpu_seconds": round(cpu, 2)}
        if verify:
            result["check_ok"] = check(opened.shop, LOCAL_ADMIN, opened.integrity)["ok"]
        result["db_mb"] = round((base / "demo.db").stat().st_size / 2**20, 1)
        opened.engine.dispose()
    return result


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--members", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--check", action="store_true", help="run loyalty check after each build")
    args = parser.parse_args(argv)
    runs = []
    for i in range(args.runs):
        result = one_build(args.members, args.seed, args.check)
        runs.append(result)
        print(
            f"run {i + 1}: {result['wall_seconds']:.2f} s wall, {result['cpu_seconds']:.2f} s CPU "
            f"(build {result['seconds']:.2f} s), {result['sales']} sales, {result['lines']} lines, "
            f"{result['sales'] / result['wall_seconds']:.0f} sales/s"
            + (f", check ok={result['check_ok']}" if args.check else ""),
            flush=True,
        )
    median = statistics.median(r["wall_seconds"] for r in runs)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    print(
        json.dumps(
            {
                "members": args.members,
                "seed": args.seed,
                "runs": [r["wall_seconds"] for r in runs],
                "median_seconds": median,
                "median_cpu_seconds": statistics.median(r["cpu_seconds"] for r in runs),
                "target_seconds": TARGET_SECONDS,
                "within_target": median <= TARGET_SECONDS,
                "sales": runs[-1]["sales"],
                "lines": runs[-1]["lines"],
                "sales_per_second": round(runs[-1]["sales"] / median, 1),
                "db_mb": runs[-1]["db_mb"],
                "load_average_1m": load,
            },
            ensure_ascii=False,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
