"""RFM and churn on real shop data: the UCI Online Retail transactions, Dec 2010 to Sep 2011.

The purchase log is built straight from the file with pandas, as the database
adapter would give it after ``loyalty import sales --create-members``: one row
per invoice of a known customer, net of its lines in pence; cancellations
("C…" invoices) stay as negative sales, so they reduce spend without being
visits. Members join at their first invoice.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pytest

from loyalty_desktop.analytics.churn import ChurnReport, churn_report
from loyalty_desktop.analytics.rfm import rfm_report

from .purchase_logs import LogSource, members_from

DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "online_retail.csv.gz"
AT = datetime(2011, 10, 1, tzinfo=UTC)  # the day after the file's last invoice
HORIZON_DAYS = 90


@pytest.fixture(scope="module")
def online_retail() -> LogSource:
    if not DATA.exists():
        pytest.skip(f"the Online Retail data is not at {DATA}")
    lines = pd.read_csv(
        DATA,
        usecols=["invoice", "quantity", "invoice_date", "unit_price", "customer_id"],
        dtype={"invoice": str, "customer_id": str},
    ).dropna(subset=["customer_id"])
    lines["pence"] = (lines["quantity"] * lines["unit_price"] * 100).round()
    invoices = lines.groupby(["invoice", "customer_id", "invoice_date"], as_index=False)[
        "pence"
    ].sum()
    local = pd.to_datetime(invoices["invoice_date"])
    log = pd.DataFrame(
        {
            "member_no": invoices["customer_id"].astype(object),
            "at": local.dt.tz_localize("Europe/London").dt.tz_convert("UTC"),
            "local_date": local.dt.normalize(),
            "amount": invoices["pence"].astype("int64"),
            "campaign": False,
            "store": "web",
        }
    )
    log = log.sort_values("at", kind="stable").reset_index(drop=True)
    return LogSource(log, members_from(log))


def test_rfm_segments_hold_every_buyer_once(online_retail: LogSource) -> None:
    report = rfm_report(online_retail, AT)
    log = online_retail.log
    buyers = log.loc[log["amount"] > 0, "member_no"].nunique()
    assert len(report.members) == buyers > 3500
    assert sum(s.members for s in report.segments) == buyers
    assert all(s.members > 0 for s in report.segments)
    revenue = log[log["member_no"].isin({m.member_no for m in report.members})]["amount"].sum()
    assert sum(s.revenue for s in report.segments) == revenue


def test_churn_model_beats_recency_alone_on_the_backtest(online_retail: LogSource) -> None:
    report = churn_report(online_retail, AT, HORIZON_DAYS)
    assert isinstance(report, ChurnReport)
    test = report.backtest
    assert test.train_cutoff == datetime(2011, 4, 4, tzinfo=UTC)
    assert test.test_cutoff == datetime(2011, 7, 3, tzinfo=UTC)
    assert test.auc > 0.6
    assert test.auc > test.auc_recency
    assert len(report.members) == online_retail.log["member_no"].nunique()
