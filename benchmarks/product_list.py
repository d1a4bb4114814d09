"""Benchmark: the back office's product list at 20,000 products (pages, sorts, filter, count).

Fills a fresh shop with ``--products`` products through ``stock_products``,
then times each call the Products page makes on its worker: the first page of
200 for every sort, a deep page (the last 200), the filter box (a name word,
a SKU fragment, a barcode prefix) and the match count.

    .venv/bin/python benchmarks/product_list.py [--products 20000] [--n 200]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from checkout import source_state, summary
from loyalty_desktop.app import open_database
from loyalty_desktop.domain.products import Product
from loyalty_desktop.services import programs
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.product_list import (
    ProductQuery,
    ProductSort,
    count_products,
    list_products,
)
from loyalty_desktop.services.products import stock_products

RESULTS = Path(__file__).with_name("results")
PROGRAM = 'currency = "CNY"\ntimezone = "Asia/Shanghai"\n[earn]\npoints = 1\nper = "1.00"\n'
WORDS = ("绿茶", "矿泉水", "面包", "Green tea", "Cola 可乐", "饼干", "牛奶", "Coffee")
CATEGORIES = ("饮料", "Tea", "零食", None)


def timed(action: Callable[[], object], n: int) -> dict[str, float]:
    samples = []
    for _ in range(n):
        began = time.perf_counter_ns()
        action()
        samples.append(time.perf_counter_ns() - began)
    return summary(samples)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=20_000)
    parser.add_argument("--n", type=int, default=200, help="repetitions per measurement")
    args = parser.parse_args(argv)
    rng = random.Random(11)
    shelves = [
        Product(
            f"SKU{n:06d}",
            f"{rng.choice(WORDS)} {n}",
            rng.randrange(50, 50_000),
            rng.choice(CATEGORIES),
            f"69{n:011d}",
        )
        for n in range(args.products)
    ]
    results: dict[str, Any] = {"products": args.products, "source": source_state()}
    with tempfile.TemporaryDirectory() as tmp:
        opened = open_database(Path(tmp) / "shop.db", keys_dir=Path(tmp) / "keys")
        shop = opened.shop
        programs.load_program(shop, LOCAL_ADMIN, PROGRAM, "bench")
        began = time.perf_counter()
        stock_products(shop, LOCAL_ADMIN, shelves, "bench")
        results["fill_seconds"] = round(time.perf_counter() - began, 2)
        timings: dict[str, dict[str, float]] = {}
        for sort in ProductSort:
            query = ProductQuery(sort=sort)
            timings[f"first_page_{sort.value}"] = timed(
                lambda q=query: list_products(shop, LOCAL_ADMIN, q), args.n
            )
        deep = max(0, args.products - 200)
        timings["last_page_by_name"] = timed(
            lambda: list_products(
                shop, LOCAL_ADMIN, ProductQuery(sort=ProductSort.NAME), offset=deep
            ),
            args.n,
        )
        for label, text in (
            ("name_word", "绿茶"),
            ("sku_fragment", "1999"),
            ("barcode", "6900000"),
        ):
            query = ProductQuery(text)
            timings[f"filter_{label}"] = timed(
                lambda q=query: list_products(shop, LOCAL_ADMIN, q), args.n
            )
            timings[f"count_{label}"] = timed(
                lambda q=query: count_products(shop, LOCAL_ADMIN, q), args.n
            )
        timings["count_all"] = timed(
            lambda: count_products(shop, LOCAL_ADMIN, ProductQuery()), args.n
        )
        opened.engine.dispose()
    results["ms"] = timings
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"product_list-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    json.dump(results["ms"], sys.stdout, indent=2)
    print(f"\nwritten to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
