"""Benchmark: the recommender's accuracy on Online Retail against the next-basket baselines, and its speed.

**Accuracy** (one process, all models on the same split): ``shared/data/online_retail.csv.gz``
split in time at ``--cutoff``; models see the lines on or before the day before it, and each
member who buys in the ``--horizon`` days from it is given 10 items. Their target is the set of
goods they bought in that window. Reported: recall@10, precision@10, NDCG@10 (binary gains) and
catalogue coverage (share of the items sold before the cut-off that anybody is recommended),
for the blend and for G-TopFreq (global top items), P-TopFreq (the member's own most frequent
items) and GP-TopFreq (own items, then global top to fill). Postage, fees and adjustments
(the stock codes ``scripts/online_retail_sales.py`` puts in ``fees``) and returns are not goods
and are left out. The blend's weights are chosen on ``--validate`` (an earlier cut-off, whose
window ends before the test cut-off's) from a small grid, then used unchanged at ``--cutoff``.

**Speed**: one member's recommendations (``Recommender.recommend``, k=10) timed for every test
member, p50/p99; and the build (``build``) on synthetic lines for ``--members`` members ×
``--items`` items.

    .venv/bin/python benchmarks/recommend_eval.py [--cutoff 2011-09-01] [--validate 2011-08-01]
"""

from __future__ import annotations

import argparse
import gzip
import os
import sys
import time
from collections.abc import Callable, Sequence
from itertools import product
from pathlib import Path

import numpy as np
import pandas as pd

from loyalty_desktop.analytics.recommend import Recommender, Settings, Weights, build
from loyalty_desktop.analytics.recommend.baselines import (
    global_top,
    personal_then_global,
    personal_top,
)

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "online_retail.csv.gz"
FEES = {"POST", "DOT", "M", "m", "C2", "D", "S", "B", "BANK CHARGES", "AMAZONFEE", "CRUK", "PADS"}
K = 10


def load(path: Path) -> pd.DataFrame:
    """Member lines of goods from the data set, with ``LINE_COLUMNS``."""
    with gzip.open(path, "rt", encoding="utf-8") as raw:
        data = pd.read_csv(raw, dtype={"customer_id": str, "stock_code": str, "invoice": str})
    data = data[data["customer_id"].notna() & ~data["stock_code"].str.strip().isin(FEES)]
    return pd.DataFrame(
        {
            "member_no": data["customer_id"].str.replace(r"\.0$", "", regex=True),
            "local_date": pd.to_datetime(data["invoice_date"]).dt.normalize(),
            "sku": data["stock_code"].str.strip().str.upper(),
            "qty": data["quantity"].astype(float),
            "category": None,
        }
    )


def targets(lines: pd.DataFrame, start: pd.Timestamp, days: int) -> dict[str, set[str]]:
    """Each member's goods bought in [start, start + days)."""
    window = lines[
        (lines["local_date"] >= start)
        & (lines["local_date"] < start + pd.Timedelta(days=days))
        & (lines["qty"] > 0)
    ]
    return {str(m): set(g) for m, g in window.groupby("member_no")["sku"]}


def score(
    recommend: Callable[[str], Sequence[str]], truth: dict[str, set[str]], catalogue: int
) -> dict[str, float]:
    """Mean recall@K, precision@K, NDCG@K over the members in ``truth``, and coverage."""
    recall, precision, ndcg, shown = [], [], [], set()
    discount = 1.0 / np.log2(np.arange(2, K + 2))
    for member, wanted in truth.items():
        got = list(recommend(member))[:K]
        shown.update(got)
        hits = np.array([sku in wanted for sku in got], dtype=float)
        recall.append(hits.sum() / len(wanted))
        precision.append(hits.sum() / K)
        ideal = discount[: min(len(wanted), K)].sum()
        ndcg.append(float((hits * discount[: len(hits)]).sum() / ideal))
    return {
        "recall@10": float(np.mean(recall)),
        "precision@10": float(np.mean(precision)),
        "NDCG@10": float(np.mean(ndcg)),
        "coverage": len(shown) / catalogue,
    }


def blend_of(model: Recommender) -> Callable[[str], Sequence[str]]:
    """The blend's top K skus for a member."""
    return lambda member: [s.sku for s in model.recommend(member, K)]


def models(model: Recommender) -> dict[str, Callable[[str], Sequence[str]]]:
    """The blend and the three baselines over one built model."""
    top = global_top(model, K)
    return {
        "blend": blend_of(model),
        "G-TopFreq": lambda m: top,
        "P-TopFreq": lambda m: personal_top(model, m, K),
        "GP-TopFreq": lambda m: personal_then_global(model, m, K, top),
    }


def split(lines: pd.DataFrame, cutoff: pd.Timestamp) -> pd.DataFrame:
    return lines[lines["local_date"] < cutoff]


def choose(lines: pd.DataFrame, cutoff: pd.Timestamp, horizon: int) -> Settings:
    """The grid's best settings by recall@10 at the validation cut-off."""
    truth = targets(lines, cutoff, horizon)
    history = split(lines, cutoff)
    day = cutoff - pd.Timedelta(days=1)
    best: tuple[float, Settings] | None = None
    for half_life, shrink in product((60.0, 180.0, 720.0), (5.0, 20.0)):
        model = build(history, day, Settings(half_life_days=half_life, shrink=shrink))
        for with_, popular in product((0.0, 0.1, 0.3, 0.6), (0.02, 0.1)):
            weights = Weights(again=1.0, with_=with_, category=0.0, popular=popular)
            settings = Settings(half_life, shrink, 50, weights)
            tuned = Recommender(**{**model.__dict__, "settings": settings})
            got = score(blend_of(tuned), truth, len(model.items))
            print(f"  validate {settings}: recall@10 {got['recall@10']:.4f}", file=sys.stderr)
            if best is None or got["recall@10"] > best[0]:
                best = (got["recall@10"], settings)
    assert best is not None
    return best[1]


def speed(model: Recommender, members: Sequence[str]) -> dict[str, float]:
    """p50/p99 milliseconds of one member's recommendations: wall clock and this thread's CPU.

    On a shared machine the wall clock's tail is mostly waiting for a CPU (the two
    do not correlate between runs); the CPU time is what the call itself costs.
    """
    wall, cpu = [], []
    for member in members:
        start, start_cpu = time.perf_counter(), time.thread_time()
        model.recommend(member, K)
        cpu.append((time.thread_time() - start_cpu) * 1000)
        wall.append((time.perf_counter() - start) * 1000)
    return {
        "p50_ms": float(np.percentile(wall, 50)),
        "p99_ms": float(np.percentile(wall, 99)),
        "cpu_p50_ms": float(np.percentile(cpu, 50)),
        "cpu_p99_ms": float(np.percentile(cpu, 99)),
    }


def _speed_text(fast: dict[str, float]) -> str:
    return (
        f"p50 {fast['p50_ms']:.2f} ms, p99 {fast['p99_ms']:.2f} ms wall; "
        f"CPU p50 {fast['cpu_p50_ms']:.2f} ms, p99 {fast['cpu_p99_ms']:.2f} ms"
    )


def synthetic(members: int, items: int, lines_per_member: int, seed: int = 1) -> pd.DataFrame:
    """Lines for ``members`` × ``items``: Zipf-like item popularity, a year of days, 20 categories."""
    rng = np.random.default_rng(seed)
    n = members * lines_per_member
    weights = 1.0 / np.arange(1, items + 1) ** 0.8
    item = rng.choice(items, size=n, p=weights / weights.sum())
    return pd.DataFrame(
        {
            "member_no": (np.repeat(np.arange(members), lines_per_member)).astype(str),
            "local_date": pd.Timestamp("2025-01-01")
            + pd.to_timedelta(rng.integers(0, 365, n), "D"),
            "sku": pd.Series(item).map(lambda i: f"SKU{i:05d}"),
            "qty": rng.integers(1, 4, n).astype(float),
            "category": pd.Series(item % 20).map(lambda c: f"cat{c}"),
        }
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--cutoff", default="2011-09-01")
    parser.add_argument("--validate", default="2011-08-01")
    parser.add_argument("--horizon", type=int, default=30)
    parser.add_argument("--members", type=int, default=5000)
    parser.add_argument("--items", type=int, default=4000)
    parser.add_argument("--lines-per-member", type=int, default=60)
    args = parser.parse_args()
    lines = load(args.data)
    settings = choose(lines, pd.Timestamp(args.validate), args.horizon)
    print(f"chosen: {settings}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    cutoff = pd.Timestamp(args.cutoff)
    truth = targets(lines, cutoff, args.horizon)
    start = time.perf_counter()
    model = build(split(lines, cutoff), cutoff - pd.Timedelta(days=1), settings)
    built = time.perf_counter() - start
    print(
        f"cut-off {cutoff.date()}, {args.horizon} days after: {len(truth)} members, "
        f"{len(model.items)} items, {len(model.member_row)} members with history; "
        f"build {built:.2f} s"
    )
    print("| model | recall@10 | precision@10 | NDCG@10 | coverage |")
    print("|---|---|---|---|---|")
    for name, recommend in models(model).items():
        got = score(recommend, truth, len(model.items))
        print(
            f"| {name} | {got['recall@10']:.4f} | {got['precision@10']:.4f} | "
            f"{got['NDCG@10']:.4f} | {got['coverage']:.3f} |"
        )
    fast = speed(model, list(truth))
    print(f"one member, k=10, {len(truth)} members: {_speed_text(fast)}")
    big = synthetic(args.members, args.items, args.lines_per_member)
    start = time.perf_counter()
    model = build(big, pd.Timestamp("2025-12-31"), settings)
    built = time.perf_counter() - start
    fast = speed(model, [str(m) for m in range(0, args.members, 5)])
    print(
        f"synthetic {args.members} members × {args.items} items, {len(big)} lines: "
        f"build {built:.2f} s; one member {_speed_text(fast)}"
    )


if __name__ == "__main__":
    main()
