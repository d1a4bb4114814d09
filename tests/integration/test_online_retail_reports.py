"""Reports on real data: the Online Retail set, imported as a shop would, against an independent count.

The cohort table is recomputed from the raw file the way the data set's
analyses usually do it (customers with an id, cancellation invoices left out,
cohort = month of the first invoice, retention = distinct customers buying in
each month since / the cohort's size); the report, which reads the imported
sales through the ledger's tables, must give the same table.
"""

from __future__ import annotations

import importlib.util
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pandas as pd
import pytest

from loyalty_desktop.services import imports, programs, reports
from loyalty_desktop.services.auth import LOCAL_ADMIN
from tests.conftest import FixedClock
from tests.databases import sqlite_database

ROOT = Path(__file__).resolve().parents[2]
LINES = 80_000  # December 2010 to early February 2011


def _transform() -> Any:
    spec = importlib.util.spec_from_file_location(
        "online_retail_sales", ROOT / "scripts" / "online_retail_sales.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_monthly_cohorts_of_the_real_data_match_a_count_from_the_raw_file(
    tmp_path: Path, clock: FixedClock
) -> None:
    script = _transform()
    data: Path = script.DATA
    if not data.exists():
        pytest.skip(f"{data} is not here")
    sales_csv = tmp_path / "sales.csv"
    script.convert(data, sales_csv, LINES)
    london = ZoneInfo("Europe/London")
    # SQLite only: the report's SQL is tested on PostgreSQL too, on small data elsewhere.
    with sqlite_database(tmp_path / "retail.db") as database:
        opened = database.open(clock)
        programs.load_program(opened.shop, LOCAL_ADMIN, script.PROGRAM, "retail.toml")
        report = imports.import_sales(
            opened.shop, LOCAL_ADMIN, sales_csv, create_members=True, skip_invalid=True
        )
        assert report.imported > LINES - 10
        found = reports.report(
            opened.shop,
            LOCAL_ADMIN,
            "cohorts",
            start=datetime(2010, 12, 1, tzinfo=london),
            at=datetime(2011, 2, 1, tzinfo=london),
        )

    raw = pd.read_csv(data, nrows=LINES, dtype={"invoice": str, "customer_id": str})
    raw = raw[raw["customer_id"].notna() & ~raw["invoice"].str.startswith("C")]
    raw = raw[raw["invoice_date"] < "2011-02-01"]  # the report's end
    month = pd.to_datetime(raw["invoice_date"]).dt.to_period("M")
    first = month.groupby(raw["customer_id"]).transform("min")
    since = (month - first).map(lambda gap: gap.n)
    counts = raw.groupby([first, since])["customer_id"].nunique()
    expected = [
        (str(cohort), int(counts[cohort][0]), tuple(int(n) for n in counts[cohort]))
        for cohort in sorted({c for c, _ in counts.index})
    ]
    assert [(c.month, c.members, c.buyers) for c in found.cohorts] == expected
    assert len(expected) == 2
