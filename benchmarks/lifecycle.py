"""Benchmark: the lifecycle report (stages now and a year of monthly stage flow) on a big log.

The baseline is the RFM table on the same purchase log in the same process: both read the whole
log, so the ratio says what the thirteen monthly snapshots of the stage flow cost on top of one
pass. A synthetic log of ``--lines`` sales by ``--members`` members over two years (UTC shop,
members joining over the period, each buying at their own rate, some stopping).

    .venv/bin/python benchmarks/lifecycle.py [--lines 2000000] [--members 200000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np
import pandas as pd

from loyalty_desktop.analytics.lifecycle import lifecycle_report
from loyalty_desktop.analytics.ports import PURCHASE_COLUMNS
from loyalty_desktop.analytics.rfm import rfm_table
from loyalty_desktop.domain.program import LifecycleRule

AT = datetime(2026, 3, 31, 16, 0, tzinfo=UTC)


def synthetic_log(lines: int, members: int, seed: int) -> pd.DataFrame:
    """A purchase log with ``PURCHASE_COLUMNS``, oldest first."""
    rng = np.random.default_rng(seed)
    days = 730
    joined = rng.integers(0, days, members)
    stopped = np.minimum(days, joined + rng.exponential(300, members).astype(np.int64))
    rate = rng.gamma(0.8, 1.0, members)
    who = rng.choice(members, lines, p=rate / rate.sum())
    span = np.maximum(stopped[who] - joined[who], 1)
    day = joined[who] + (rng.random(lines) * span).astype(np.int64)
    seconds = rng.integers(8 * 3600, 22 * 3600, lines)
    origin = pd.Timestamp(AT - timedelta(days=days)).normalize()
    stamps = origin + pd.to_timedelta(day, unit="D") + pd.to_timedelta(seconds, unit="s")
    order = np.argsort(stamps.to_numpy(), kind="stable")
    stamps = pd.DatetimeIndex(stamps[order])
    frame = pd.DataFrame(
        {
            "member_no": pd.Series((10_000_000 + who[order]).astype(str), dtype=object),
            "at": stamps,
            "local_date": stamps.tz_localize(None).normalize(),
            "amount": rng.integers(-500, 30_000, lines)[order].clip(min=0),
            "campaign": rng.random(lines) < 0.1,
            "store": "till-1",
        },
        columns=list(PURCHASE_COLUMNS),
    )
    return frame


class FixedLog:
    """A report source that only serves the purchase log."""

    def __init__(self, log: pd.DataFrame) -> None:
        self.log = log

    def purchase_log(self, end: datetime) -> pd.DataFrame:
        """The whole log (the report cuts it at its moment itself)."""
        return self.log


def timed(action: Callable[[], Any], repeat: int) -> dict[str, float]:
    """Median, min and max seconds of ``repeat`` runs."""
    seconds = []
    for _ in range(repeat):
        began = time.perf_counter()
        action()
        seconds.append(time.perf_counter() - began)
    return {
        "n": repeat,
        "p50_s": round(float(np.median(seconds)), 3),
        "min_s": round(min(seconds), 3),
        "max_s": round(max(seconds), 3),
    }


def main() -> None:
    """Print the timings as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=2_000_000)
    parser.add_argument("--members", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    log = synthetic_log(args.lines, args.members, args.seed)
    source = FixedLog(log)
    start = AT - timedelta(days=365)
    rfm = timed(lambda: rfm_table(log, AT), args.repeat)
    stages = timed(
        lambda: lifecycle_report(source, start, AT, "UTC", LifecycleRule()),  # type: ignore[arg-type]
        args.repeat,
    )
    print(
        json.dumps(
            {
                "lines": args.lines,
                "members": args.members,
                "rfm_table": rfm,
                "lifecycle_report": stages,
                "ratio_p50": round(stages["p50_s"] / rfm["p50_s"], 1),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
