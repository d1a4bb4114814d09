"""A sales import written in bulk per chunk leaves every table exactly as posting sale by sale does.

The same generated file (members with many sales, returns, campaigns, tier
thresholds crossed, points lapsing, non-member sales, members created by the
import, a first part imported before the whole) goes once through the batch
path and once through the till's statement-per-sale path, on two fresh
databases. Every row of every table is then compared, ids that are random by
design (new members, outbox events) named by what they stand for.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from contextlib import ExitStack
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select

from loyalty_desktop.app import Opened
from loyalty_desktop.db.tables import metadata
from loyalty_desktop.services import integrity, members, programs
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.import_sales import Chunking, import_sales
from tests.conftest import FixedClock
from tests.databases import Database, postgres_database, sqlite_database

PROGRAM = """
currency = "CNY"
timezone = "Asia/Shanghai"
campaign_policy = "stack"
[earn]
points = 1
per = "1.00"
exclude_categories = ["fees"]
[expiry]
days = 30
[tiers]
basis = "{basis}"
window_days = 45
[[tiers.levels]]
name = "Bronze"
threshold = "0"
[[tiers.levels]]
name = "Silver"
threshold = "{silver}"
discount_pct = "5"
earn_multiplier = "1.5"
[[tiers.levels]]
name = "Gold"
threshold = "{gold}"
discount_pct = "10"
earn_multiplier = "2"
[[campaigns]]
name = "Weekend"
start = "2025-01-01"
end = "2025-12-31"
multiplier = "2"
weekdays = ["sat", "sun"]
[[campaigns]]
name = "Toys for the best"
start = "2025-02-01"
end = "2025-03-31"
bonus = 5
categories = ["toys"]
tiers = ["Silver", "Gold"]
"""
# Thresholds each basis crosses a few times in the file: money, points, or the 0-100 score.
THRESHOLDS = {
    "lifetime_spend": ("300", "1000"),
    "rolling_spend": ("300", "900"),
    "points_earned": ("300", "1000"),
    "score": ("15", "30"),
}
ENROLLED = ["M01", "M02", "M03", "M04"]
CREATED = ["N01", "N02"]  # unknown to the shop: the import creates them
LATE = "N03"
HEADER = "sale_id,member_ref,at,sku,qty,unit_price,category\n"
PER_SALE = Chunking(seconds=60.0, max_sales=5, batched=False)
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def sales_rows() -> list[list[str]]:
    """About 170 sales over four months; a few whole returns, some sales with a line given back."""
    rng = random.Random(20250101)
    sales = []
    start = datetime(2025, 1, 1, 9, 0)
    for n in range(170):
        at = start + timedelta(hours=16 * n + rng.randrange(0, 6))
        late = [LATE] * 3 if n > 110 else []  # a member the second import creates
        ref = rng.choice(ENROLLED * 3 + CREATED * 2 + late + [""])
        kind = rng.random()
        whole_return = kind < 0.08
        count = rng.randint(1, 4)
        sale_no = f"{'C' if whole_return else ''}{5000 + n}"
        rows = []
        for i in range(count):
            sku = rng.choice(["A1", "B2", "C3", "POST"])
            category = "fees" if sku == "POST" else rng.choice(["", "", "toys"])
            qty = rng.choice(["1", "2", "3", "1.5"])
            price = rng.choice(["9.99", "25.00", "120.50", "0.80"])
            if whole_return or (kind < 0.2 and i == count - 1 and count > 1):
                qty = f"-{qty}"
            minute = at + timedelta(minutes=i)
            rows.append(f"{sale_no},{ref},{minute:%Y-%m-%d %H:%M},{sku},{qty},{price},{category}\n")
        sales.append(rows)
    return sales


def import_twice(opened: Opened, tmp_path: Path, chunking: Chunking) -> list[tuple[int, ...]]:
    """Import the first part of the file, then the whole file (which skips that part)."""
    sales = sales_rows()
    reports = []
    for name, part in (("first.csv", sales[: len(sales) * 2 // 5]), ("sales.csv", sales)):
        path = tmp_path / name
        path.write_text(HEADER + "".join(row for rows in part for row in rows), encoding="utf-8")
        report = import_sales(
            opened.shop,
            LOCAL_ADMIN,
            path,
            create_members=True,
            skip_invalid=False,
            chunking=chunking,
        )
        assert report.rejected == []
        reports.append((report.imported, report.skipped, report.created_members))
    return reports


def set_up(database: Database, clock: FixedClock, basis: str) -> Opened:
    opened = database.open(clock)
    silver, gold = THRESHOLDS[basis]
    text = PROGRAM.format(basis=basis, silver=silver, gold=gold)
    programs.load_program(opened.shop, LOCAL_ADMIN, text, "programme.toml")
    for number in ENROLLED:
        born = date(1990, 2, 14) if number == "M02" else None  # a birthday month in the file
        members.enrol(
            opened.shop,
            LOCAL_ADMIN,
            members.NewMember(name=f"会员{number}", member_no=number, birthday=born),
        )
    return opened


def _names(engine: Engine) -> dict[str, str]:
    """Every id in the database, named by what it stands for (the same in both databases)."""
    t = metadata.tables
    names: dict[str, str] = {}
    with engine.connect() as conn:
        device = conn.execute(
            select(t["settings"].c.value).where(t["settings"].c.key == "device_id")
        )
        names.update({value: "device" for (value,) in device})
        names.update(
            {
                i: f"member {no}"
                for i, no in conn.execute(select(t["members"].c.id, t["members"].c.member_no))
            }
        )
        names.update(
            {
                i: f"sale {no}"
                for i, no in conn.execute(select(t["sales"].c.id, t["sales"].c.sale_id))
            }
        )
        moves = t["movements"]
        names.update(
            {i: f"movement {seq}" for i, seq in conn.execute(select(moves.c.id, moves.c.seq))}
        )
        lots = t["lots"]
        for i, movement in conn.execute(select(lots.c.id, lots.c.movement_id)):
            names[i] = f"lot of {names[movement]}"
    return names


def _named(value: Any, names: dict[str, str]) -> Any:
    if not isinstance(value, str):
        return value
    if value in names:
        return names[value]
    if value.startswith(("{", "[")):  # outbox payloads
        text = json.dumps(json.loads(value), sort_keys=True)
        return UUID.sub(lambda m: names.get(m.group(0), f"unknown id {m.group(0)}"), text)
    return UUID.sub(lambda m: names.get(m.group(0), f"unknown id {m.group(0)}"), value)


# Columns that differ between two installations by design: event ids are random, and
# the audit seals use each installation's own key.
_RANDOM = {("outbox", "id"), ("audit", "prev_hash"), ("audit", "hash")}
_INSTALLATION = {"settings"}


def tables(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, ids named, in an order that does not depend on ids."""
    names = _names(engine)
    found = {}
    with engine.connect() as conn:
        for table in metadata.sorted_tables:
            if table.name in _INSTALLATION:
                continue
            columns = [c for c in table.c if (table.name, c.name) not in _RANDOM]
            rows = [
                tuple((c.name, _named(v, names)) for c, v in zip(columns, row, strict=True))
                for row in conn.execute(select(*columns))
            ]
            found[table.name] = sorted(rows, key=repr)
    return found


@pytest.fixture
def twins(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Database, Database]]:
    """Two fresh databases of the kind the test names."""
    with ExitStack() as stack:
        if request.node.callspec.params["kind"] == "sqlite":
            pair = [stack.enter_context(sqlite_database(tmp_path / f"{n}.db")) for n in "ab"]
        else:
            url = request.getfixturevalue("pg_url")
            pair = [stack.enter_context(postgres_database(url)) for _ in "ab"]
        yield pair[0], pair[1]


# Every tier basis on SQLite, chunks of 3 sales (boundaries between a member's sales) and
# one chunk; PostgreSQL (slower to set up) with the two bases that read the most.
CASES = [
    *(("sqlite", basis, chunk) for basis in THRESHOLDS for chunk in (3, 2000)),
    ("postgres", "lifetime_spend", 3),
    ("postgres", "score", 2000),
]


@pytest.mark.parametrize(
    ("kind", "basis", "chunk"),
    [
        pytest.param(*case, marks=[pytest.mark.postgres] if case[0] == "postgres" else [])
        for case in CASES
    ],
)
def test_a_batch_import_leaves_every_table_as_posting_sale_by_sale_does(
    twins: tuple[Database, Database],
    clock: FixedClock,
    tmp_path: Path,
    kind: str,
    basis: str,
    chunk: int,
) -> None:
    by_sale, in_batches = (set_up(db, clock, basis) for db in twins)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    reports = import_twice(by_sale, tmp_path / "a", PER_SALE)
    batched = Chunking(seconds=60.0, max_sales=chunk, batched=True)
    assert import_twice(in_batches, tmp_path / "b", batched) == reports
    assert reports[1][1] > 0  # the second import skipped the first part
    assert (reports[0][2], reports[1][2]) == (2, 1)
    expected, found = tables(by_sale.engine), tables(in_batches.engine)
    assert expected["movements"], "the file must move points"
    kinds = {dict(row)["kind"] for row in expected["movements"]}
    assert {"earn", "expire", "return_reversal"} <= kinds
    tiers = {dict(row)["tier_after"] for row in expected["sales"]}
    assert {"Bronze", "Silver", "Gold"} <= tiers, tiers
    for name in expected:
        assert found[name] == expected[name], name
    check = integrity.check(in_batches.shop, LOCAL_ADMIN, in_batches.integrity)
    assert check.ok, check.problems
