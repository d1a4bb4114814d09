"""Reports written as JSON and read back are equal to the originals, to the last bit of every float."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from loyalty_desktop.analytics.churn import ChurnBacktest, ChurnReport, ChurnRisk
from loyalty_desktop.analytics.kpis import Kpis
from loyalty_desktop.analytics.rfm import RfmMember, RfmReport, RfmSegmentTotal
from loyalty_desktop.domain.money import Currency
from loyalty_desktop.services.report_codec import dump_report, load_report

AT = datetime(2026, 3, 2, 10, 0, tzinfo=timezone(timedelta(hours=8)))


def test_churn_risks_come_back_bit_for_bit_with_their_backtest() -> None:
    risks = (ChurnRisk("M0001", 0.1 + 0.2), ChurnRisk("M0002", 1e-300), ChurnRisk("M3", 1.0))
    backtest = ChurnBacktest(
        AT - timedelta(days=180), AT - timedelta(days=90), AT, 120, 40, 130, 51, 2 / 3, 0.7, None
    )
    report = ChurnReport(AT, 90, risks, backtest, computed_at=AT.astimezone(UTC))
    back = load_report(dump_report(report), ChurnReport)
    assert back == report
    assert [r.risk.hex() for r in back.members] == [r.risk.hex() for r in risks]
    assert back.at.utcoffset() == timedelta(hours=8)


def test_rfm_members_and_segments_come_back_in_their_order() -> None:
    report = RfmReport(
        AT,
        (
            RfmMember("B", 5, 4, 3, 2, 9, 12345, "champions"),
            RfmMember("A", 1, 1, 1, 300, 1, -50, "lost"),
        ),
        (RfmSegmentTotal("champions", "Champions", 1, 12345, "Reward them"),),
    )
    assert load_report(dump_report(report), RfmReport) == report


def _kpis() -> Kpis:
    return Kpis(
        AT - timedelta(days=365), AT, Currency.of("CNY"), 10, 2, 8, 3, Decimal("0.3750"),
        20, 15, 100_000, 80_000, Decimal("0.8000"), 500, 5000, None,
        120, 30, 5, 0, 85, 85, breakage_rate=None,
    )  # fmt: skip


def test_kpis_keep_their_decimals_currency_and_missing_figures() -> None:
    kpis = _kpis()
    back = load_report(dump_report(kpis), Kpis)
    assert back == kpis
    assert str(back.repurchase_rate) == "0.3750"


def test_text_that_is_not_the_report_asked_for_is_refused() -> None:
    with pytest.raises(ValueError, match="RfmReport"):
        load_report('{"at": "2026-03-02T10:00:00+08:00"}', RfmReport)
    churn = dump_report(
        ChurnReport(AT, 90, (), ChurnBacktest(AT, AT, AT, 0, 0, 0, 0, 0.5, 0.5, None))
    )
    with pytest.raises(ValueError, match="RfmReport"):
        load_report(churn, RfmReport)
    garbled = dump_report(_kpis()).replace('"0.3750"', '"a third"')
    with pytest.raises(ValueError, match="Kpis"):
        load_report(garbled, Kpis)
