"""The CLV models recover the parameters published for the CDNOW sample (tests/data/cdnow/README.md)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from loyalty_desktop.analytics.bgnbd import fit_bgnbd, log_likelihood
from loyalty_desktop.analytics.clv import clv_from_log
from loyalty_desktop.analytics.gamma_gamma import fit_gamma_gamma
from loyalty_desktop.analytics.repeat_purchases import rfm_summary

DATA = Path(__file__).resolve().parents[2] / "data" / "cdnow"
CALIBRATION_END = datetime(1997, 9, 30, 23, 59, 59, tzinfo=UTC)  # 39 weeks after 1 January 1997


@pytest.fixture(scope="module")
def published() -> pd.DataFrame:
    """The published calibration summary: x, t_x, T in weeks, zbar in dollars."""
    return pd.read_csv(DATA / "cdnow_customers_summary_with_transactions.csv", index_col="ID")


@pytest.fixture(scope="module")
def purchase_log() -> pd.DataFrame:
    """The raw CDNOW purchases as a shop's purchase log (amounts in cents, bought at noon UTC)."""
    raw = pd.read_csv(
        DATA / "CDNOW_sample.txt",
        sep=r"\s+",
        header=None,
        names=["master_id", "member_no", "date", "cds", "dollars"],
        dtype={"member_no": str, "date": str},
    )
    day = pd.to_datetime(raw["date"], format="%Y%m%d")
    return pd.DataFrame(
        {
            "member_no": raw["member_no"].str.zfill(4),
            "at": (day + pd.Timedelta(hours=12)).dt.tz_localize("UTC"),
            "local_date": day,
            "amount": np.rint(raw["dollars"] * 100).astype(np.int64),
            "campaign": False,
            "store": "cdnow",
        }
    )


def test_bgnbd_recovers_the_published_cdnow_parameters(published: pd.DataFrame) -> None:
    fit = fit_bgnbd(published["x"], published["t_x"], published["T"])
    assert (round(fit.r, 3), round(fit.alpha, 3), round(fit.a, 3), round(fit.b, 3)) == (
        0.243,
        4.414,
        0.793,
        2.426,
    )
    assert fit.loglik == pytest.approx(-9582.4, abs=0.05)  # FHL 2005, table 1
    assert fit.customers == 2357


def test_the_bgnbd_likelihood_peaks_at_the_fit(published: pd.DataFrame) -> None:
    x, t_x, age = (published[c].to_numpy(float) for c in ("x", "t_x", "T"))
    fit = fit_bgnbd(x, t_x, age)
    best = (fit.r, fit.alpha, fit.a, fit.b)
    at_best = log_likelihood(best, x, t_x, age).sum()
    assert at_best == pytest.approx(fit.loglik)
    for i in range(4):
        for step in (0.98, 1.02):
            moved = list(best)
            moved[i] *= step
            assert log_likelihood(tuple(moved), x, t_x, age).sum() < at_best  # type: ignore[arg-type]


def test_gamma_gamma_recovers_the_published_cdnow_parameters(published: pd.DataFrame) -> None:
    fit = fit_gamma_gamma(published["x"], published["zbar"])
    assert fit.customers == 946
    assert (round(fit.p, 2), round(fit.q, 2), round(fit.gamma, 1)) == (6.25, 3.74, 15.4)
    assert fit.gamma == pytest.approx(15.44, abs=0.01)


def test_the_summary_built_from_raw_purchases_is_the_published_one(
    purchase_log: pd.DataFrame, published: pd.DataFrame
) -> None:
    summary = rfm_summary(purchase_log, CALIBRATION_END, time_unit="weeks")
    summary.index = summary.index.astype(int)
    summary = summary.loc[published.index]
    assert len(summary) == 2357
    assert (summary["frequency"] == published["x"]).all()
    # The published weeks are rounded to two decimals.
    assert np.abs(summary["recency"] - published["t_x"]).max() < 0.005
    assert np.abs(summary["T"] - published["T"]).max() < 0.005
    assert np.abs(summary["monetary_value"] / 100 - published["zbar"]).max() < 0.005 + 1e-9


def test_same_day_purchases_must_count_once_to_match_the_published_frequencies(
    purchase_log: pd.DataFrame, published: pd.DataFrame
) -> None:
    early = purchase_log[purchase_log["at"] <= CALIBRATION_END]
    per_sale = early.groupby("member_no").size() - 1
    per_sale.index = per_sale.index.astype(int)
    differ = per_sale.loc[published.index] != published["x"]
    assert differ.sum() > 50  # counting every sale would not give the published summary


def test_the_report_from_raw_purchases_recovers_the_published_parameters(
    purchase_log: pd.DataFrame,
) -> None:
    report = clv_from_log(purchase_log, CALIBRATION_END, horizon_days=273)
    assert report.unfitted is None
    bg, gg = report.bgnbd, report.gamma_gamma
    assert bg is not None
    assert gg is not None
    assert (round(bg.r, 3), round(bg.alpha, 3), round(bg.a, 3), round(bg.b, 3)) == (
        0.243,
        4.414,
        0.793,
        2.426,
    )
    assert (round(gg.p, 2), round(gg.q, 2)) == (6.25, 3.74)
    assert gg.gamma == pytest.approx(1544, abs=1)  # cents, not dollars
    assert len(report.members) == 2357
    first = report.members[0]
    assert first.member_no == "0001"
    assert (first.frequency, round(first.recency, 2), round(first.T, 2)) == (2, 30.43, 38.86)
    assert first.expected_purchases == pytest.approx(1.2259, abs=1e-4)  # lifetimes 0.11.3: 1.225910
    assert first.p_alive == pytest.approx(0.7266, abs=1e-4)  # lifetimes: 0.726609
    assert first.expected_value == pytest.approx(2466, abs=1)  # lifetimes: $24.6586
