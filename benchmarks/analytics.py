"""Benchmark: the CLV models' fit against the ``lifetimes`` package, and the CLV report on 2 M sale lines.

Two measurements, each in one process so their ratios compare like with like:

- **fit**: BG/NBD + Gamma-Gamma on ``--customers`` (100,000) synthetic customers drawn from the
  CDNOW parameters (BG/NBD r 0.243, alpha 4.414, a 0.793, b 2.426 in weeks; Gamma-Gamma p 6.25,
  q 3.74, gamma 15.44), ages uniform up to 78 weeks in whole days. Ours
  (``analytics.bgnbd``/``analytics.gamma_gamma``) and lifetimes 0.11.3's ``BetaGeoFitter`` and
  ``GammaGammaFitter`` fit the same arrays; lifetimes also once more with our grouping of
  identical rows passed as its ``weights``, to show what grouping alone buys. Each side's time
  is the median of ``--repeat`` fits (min and max beside it); the parameters each recovers are
  printed next to the truth. lifetimes also computes a Hessian (autograd) after fitting, which
  is part of its time, as it is of every ``fit`` call a user makes.
- **report**: ``analytics.clv.clv_from_log`` end to end (purchase days, summary, both fits,
  forecasts, seed formula, one result per member) on a purchase log of ``--lines`` sale lines
  from ``--members`` members (BG/NBD in days, several sales on some days), with its peak traced
  memory (``tracemalloc``, a separate run, as tracing slows the code it traces).

lifetimes is optional and never needed by the tests::

    .venv/bin/pip install -c constraints.txt -e '.[bench]'    # lifetimes 0.11.3, autograd, dill

Without it the lifetimes rows say so and our side still runs. lifetimes 0.11.3 runs unchanged on
pandas 3, numpy 2 and scipy 1.17 for these two fitters (only its ``datasets`` module needs
``pkg_resources``, which the benchmark does not import).

    .venv/bin/python benchmarks/analytics.py [--customers 100000] [--repeat 5] [--lines 2000000]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import tracemalloc
import warnings
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from checkout import source_state
from loyalty_desktop.analytics.bgnbd import fit_bgnbd
from loyalty_desktop.analytics.clv import clv_from_log
from loyalty_desktop.analytics.clv_simulation import simulate_customers
from loyalty_desktop.analytics.gamma_gamma import fit_gamma_gamma
from loyalty_desktop.analytics.likelihood import distinct_rows

RESULTS = Path(__file__).with_name("results")
BGNBD = (0.243, 4.414, 0.793, 2.426)
GAMMA_GAMMA = (6.25, 3.74, 15.44)
INSTALL = "pip install -c constraints.txt -e '.[bench]'"


def timed(action: Callable[[], Any], repeat: int) -> tuple[dict[str, float], Any]:
    """Median, min and max seconds of ``repeat`` runs, and the last run's result."""
    seconds, result = [], None
    for _ in range(repeat):
        began = time.perf_counter()
        result = action()
        seconds.append(time.perf_counter() - began)
    stats = {
        "n": repeat,
        "p50_s": round(float(np.median(seconds)), 3),
        "min_s": round(min(seconds), 3),
        "max_s": round(max(seconds), 3),
    }
    return stats, result


def ours(data: pd.DataFrame) -> dict[str, float]:
    x, t_x, age, m = (
        data[c].to_numpy(float) for c in ("frequency", "recency", "T", "monetary_value")
    )
    bg = fit_bgnbd(x, t_x, age)
    gg = fit_gamma_gamma(x, m)
    return {
        "r": bg.r,
        "alpha": bg.alpha,
        "a": bg.a,
        "b": bg.b,
        "p": gg.p,
        "q": gg.q,
        "gamma": gg.gamma,
    }


def with_lifetimes(data: pd.DataFrame, grouped: bool) -> dict[str, float]:
    from lifetimes import BetaGeoFitter, GammaGammaFitter  # optional: the bench extra

    x, t_x, age, m = (
        data[c].to_numpy(float) for c in ("frequency", "recency", "T", "monetary_value")
    )
    buyers = x > 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # its own deprecations are not what is measured
        if grouped:
            (gx, gt, ga), counts = distinct_rows(x, t_x, age)
            bg = BetaGeoFitter().fit(gx, gt, ga, weights=counts)
            (mx, mm), mcounts = distinct_rows(x[buyers], m[buyers])
            gg = GammaGammaFitter().fit(mx, mm, weights=mcounts)
        else:
            bg = BetaGeoFitter().fit(x, t_x, age)
            gg = GammaGammaFitter().fit(x[buyers], m[buyers])
    found = {k: float(v) for k, v in bg.params_.items()}
    found.update(p=float(gg.params_["p"]), q=float(gg.params_["q"]), gamma=float(gg.params_["v"]))
    return found


def fit_section(customers: int, repeat: int, seed: int) -> dict[str, Any]:
    data = simulate_customers(customers, BGNBD, GAMMA_GAMMA, 78, seed=seed)
    truth = dict(zip(("r", "alpha", "a", "b", "p", "q", "gamma"), BGNBD + GAMMA_GAMMA, strict=True))
    (ux, _, _), _ = distinct_rows(data["frequency"], data["recency"], data["T"])
    section: dict[str, Any] = {
        "customers": customers,
        "repeat_buyers": int((data["frequency"] > 0).sum()),
        "distinct_bgnbd_rows": int(ux.size),
        "truth": truth,
        "times": {},
        "params": {},
    }
    ours(data)  # warm-up: first calls pay for imports and scipy's lazy set-up
    section["times"]["ours"], section["params"]["ours"] = timed(lambda: ours(data), repeat)
    try:
        import lifetimes  # noqa: F401 - optional: the bench extra

        for name, grouped in (("lifetimes", False), ("lifetimes, grouped rows", True)):
            section["times"][name], section["params"][name] = timed(
                lambda g=grouped: with_lifetimes(data, g), max(1, min(repeat, 3))
            )
        base = section["times"]["ours"]["p50_s"]
        section["ratio_p50_vs_ours"] = {
            name: round(section["times"][name]["p50_s"] / base, 2) if base else None
            for name in ("lifetimes", "lifetimes, grouped rows")
        }
        section["max_relative_difference_vs_lifetimes"] = max(
            abs(section["params"]["ours"][k] / v - 1)
            for k, v in section["params"]["lifetimes"].items()
        )
    except ImportError:
        section["lifetimes"] = f"not installed: {INSTALL}"
    return section


def purchase_log(members: int, lines: int, seed: int) -> tuple[pd.DataFrame, datetime]:
    """A shop's member sales: BG/NBD purchase days over two years, some days split into several sales."""
    rng = np.random.default_rng(seed)
    c = simulate_customers(members, (2.0, 25.0, 1.0, 20.0), GAMMA_GAMMA, 730, seed, days_per_unit=1)
    x = c["frequency"].to_numpy()
    recency = c["recency"].to_numpy().astype(np.int64)
    age = c["T"].to_numpy().astype(np.int64)
    member = np.repeat(np.arange(members), x + 1)
    first_row = np.r_[0, np.cumsum(x + 1)[:-1]]
    offset = np.floor(rng.random(member.size) * (recency[member] + 1)).astype(np.int64)
    offset[first_row] = 0
    repeat = x > 0
    offset[first_row[repeat] + x[repeat]] = recency[repeat]
    extra = rng.integers(0, member.size, max(lines - member.size, 0))  # second sales on a day
    member, offset = np.r_[member, member[extra]], np.r_[offset, offset[extra]]
    today = np.datetime64("2026-06-30")
    day = today - age[member] + offset
    local = day.astype("datetime64[s]") + rng.integers(8 * 3600, 22 * 3600, day.size)
    at = datetime(2026, 6, 30, 23, 59, 59, tzinfo=timezone(timedelta(hours=8)))  # the shop's zone
    log = pd.DataFrame(
        {
            "member_no": pd.Series(
                np.char.add("M", (member + 1_000_000).astype(str)), dtype=object
            ),
            "at": pd.to_datetime(local - np.timedelta64(8, "h")).tz_localize("UTC"),
            "local_date": pd.to_datetime(day),
            "amount": np.rint(rng.gamma(6.25, 3522 / 6.25, day.size)).astype(np.int64),  # fen
            "campaign": False,
            "store": "bench",
        }
    ).sort_values("at", ignore_index=True)
    return log, at


def report_section(members: int, lines: int, repeat: int, seed: int) -> dict[str, Any]:
    log, at = purchase_log(members, lines, seed)
    clv_from_log(log, at, 365)  # warm-up
    stats, report = timed(lambda: clv_from_log(log, at, 365), repeat)
    tracemalloc.start()
    clv_from_log(log, at, 365)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    bg, gg = report.bgnbd, report.gamma_gamma
    return {
        "lines": len(log),
        "members": len(report.members),
        "time": stats,
        "peak_traced_mb": round(peak / 2**20, 1),
        "log_mb": round(log.memory_usage(deep=True).sum() / 2**20, 1),
        "bgnbd_days": None if bg is None else [round(v, 4) for v in (bg.r, bg.alpha, bg.a, bg.b)],
        "gamma_gamma": None if gg is None else [round(v, 4) for v in (gg.p, gg.q, gg.gamma)],
        "unfitted": report.unfitted,
    }


def print_fit(section: dict[str, Any]) -> None:
    names = list(section["params"])
    print(
        f"fit: {section['customers']:,} customers ({section['repeat_buyers']:,} repeat buyers, "
        f"{section['distinct_bgnbd_rows']:,} distinct BG/NBD rows)"
    )
    print(f"{'':<26}{'p50 s':>8}{'min s':>8}{'max s':>8}  runs")
    for name, t in section["times"].items():
        print(f"{name:<26}{t['p50_s']:>8}{t['min_s']:>8}{t['max_s']:>8}  {t['n']}")
    print(f"{'param':<8}{'truth':>10}" + "".join(f"{n:>26}" for n in names))
    for key, value in section["truth"].items():
        row = "".join(f"{section['params'][n][key]:>26.4f}" for n in names)
        print(f"{key:<8}{value:>10.3f}{row}")
    if "ratio_p50_vs_ours" in section:
        print("ratio p50 lifetimes/ours:", json.dumps(section["ratio_p50_vs_ours"]))
        print(
            f"largest relative parameter difference ours vs lifetimes: "
            f"{section['max_relative_difference_vs_lifetimes']:.2e}"
        )
    else:
        print("lifetimes", section["lifetimes"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement")
    parser.add_argument("--members", type=int, default=100_000, help="members in the report's log")
    parser.add_argument(
        "--lines",
        type=int,
        default=2_000_000,
        help="sale lines in the report's log (at least one per purchase day)",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--skip-report", action="store_true", help="only the fit comparison")
    args = parser.parse_args(argv)

    result: dict[str, Any] = {"source": source_state()}
    result["fit"] = fit_section(args.customers, args.repeat, args.seed)
    print_fit(result["fit"])
    if not args.skip_report:
        result["report"] = report_section(args.members, args.lines, args.repeat, args.seed)
        r = result["report"]
        print(
            f"report: {r['lines']:,} lines, {r['members']:,} members: p50 {r['time']['p50_s']} s "
            f"(min {r['time']['min_s']}, max {r['time']['max_s']}), peak traced "
            f"{r['peak_traced_mb']} MB beside a {r['log_mb']} MB log"
        )
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"analytics-{time.strftime('%Y%m%dT%H%M%S')}.json"
    out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(f"written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
