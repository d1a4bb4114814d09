"""Reports the nightly job stored: read back only while they are exactly what computing them would give."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

import pandas as pd

from loyalty_desktop.analytics.kpis import Kpis
from loyalty_desktop.analytics.rfm import RfmReport
from loyalty_desktop.app import Opened
from loyalty_desktop.db.report_queries import SqlReportSource
from loyalty_desktop.services import checkout, members, programs, refunds, reports
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.merge import merge_members
from loyalty_desktop.services.stored_reports import KINDS
from tests.conftest import FixedClock

STORED = tuple(KINDS)


def _report(opened: Opened, name: str, **options: Any) -> Any:
    return reports.report(opened.shop, LOCAL_ADMIN, name, **options)


def test_the_nightly_job_stores_rfm_kpis_and_churn_and_they_read_back_exactly(
    demo: Opened, clock: FixedClock
) -> None:
    job = clock.now()
    run = reports.store_for_later(demo.shop, LOCAL_ADMIN)
    assert (run.stored, run.skipped, run.at) == (STORED, (), job)
    full = {name: _report(demo, name, fresh=True) for name in STORED}  # same moment, computed

    clock.advance(hours=3)  # later the same shop day, nothing sold since
    for name in STORED:
        found = _report(demo, name)
        assert full[name].computed_at is None  # computed for the call
        assert found.computed_at == job  # the report says when it was computed
        assert replace(found, computed_at=None) == full[name]


def test_a_sale_after_the_nightly_job_makes_the_report_compute_again(
    demo: Opened, clock: FixedClock
) -> None:
    job = clock.now()
    reports.store_for_later(demo.shop, LOCAL_ADMIN)
    stored = _report(demo, "rfm")
    assert stored.computed_at == job
    buyer = max(stored.members, key=lambda m: m.recency_days)  # not today
    clock.advance(hours=1)
    sale = checkout.SaleRequest("LATE-1", buyer.member_no, total="5000.00", at=clock.now())
    checkout.checkout(demo.shop, LOCAL_ADMIN, sale)

    for name in STORED:
        found = _report(demo, name)
        assert found.computed_at is None  # computed again, the sale in it
        if name == "rfm":  # the job's workings with the buyer computed again
            assert found.updated_from == job
        if name == "churn":  # the buyer reached a tier nobody held: the model's codes change
            assert (found.updated_from, found.not_updated) == (None, "tiers_changed")
        if name != "kpis":
            found = replace(found, updated_from=None, not_updated=None)
        assert found == _report(demo, name, fresh=True)
    rfm = _report(demo, "rfm")
    assert isinstance(rfm, RfmReport)
    after = next(m for m in rfm.members if m.member_no == buyer.member_no)
    assert (after.frequency, after.monetary) == (buyer.frequency + 1, buyer.monetary + 500_000)
    assert after.recency_days == 0


def test_a_past_day_or_another_day_or_another_period_always_computes(
    demo: Opened, clock: FixedClock
) -> None:
    job = clock.now()
    reports.store_for_later(demo.shop, LOCAL_ADMIN)
    yesterday = _report(demo, "rfm", at=job - timedelta(days=1))
    assert yesterday.computed_at is None
    assert yesterday.at == job - timedelta(days=1)
    earlier_today = _report(demo, "kpis", at=job - timedelta(minutes=5))
    assert earlier_today.computed_at is None
    assert earlier_today.end == job - timedelta(minutes=5)
    own_period = _report(demo, "kpis", start=job - timedelta(days=30))
    assert isinstance(own_period, Kpis)
    assert own_period.computed_at is None
    assert own_period.start == job - timedelta(days=30)
    other_horizon = _report(demo, "churn", horizon_days=60)
    assert other_horizon.computed_at is None
    assert other_horizon.horizon_days == 60

    assert _report(demo, "rfm").computed_at == job  # the same day and period: read back
    clock.advance(days=1)  # the next shop day: yesterday's job no longer stands in
    for name in STORED:
        assert _report(demo, name).computed_at is None


def test_a_report_that_cannot_be_computed_is_not_stored_and_says_why(
    opened: Opened, clock: FixedClock
) -> None:
    run = reports.store_for_later(opened.shop, LOCAL_ADMIN)
    assert run.stored == ("rfm", "kpis")
    assert run.skipped == (("churn", "churn_too_few_members"),)


def test_every_change_a_report_reads_changes_the_data_version(
    demo: Opened, clock: FixedClock
) -> None:
    keeper = demo.shop.report_store
    assert keeper is not None
    seen = [keeper.data_version()]
    some = _report(demo, "rfm").members

    def changed() -> bool:
        seen.append(keeper.data_version())
        return seen[-1] != seen[-2]

    clock.advance(minutes=10)
    checkout.checkout(
        demo.shop,
        LOCAL_ADMIN,
        checkout.SaleRequest("V-1", some[0].member_no, total="80.00", at=clock.now()),
    )
    assert changed()
    refunds.refund(
        demo.shop, LOCAL_ADMIN, refunds.RefundRequest("V-R1", "V-1", amount="8.00", at=clock.now())
    )
    assert changed()
    members.enrol(demo.shop, LOCAL_ADMIN, members.NewMember("New"), at=clock.now())
    assert changed()
    merge_members(demo.shop, LOCAL_ADMIN, some[1].member_no, some[2].member_no, at=clock.now())
    assert changed()
    programs.load_program(demo.shop, LOCAL_ADMIN, 'currency = "CNY"\n', "plain.toml")
    assert changed()
    assert not changed()  # reading changes nothing


def test_a_stored_report_from_another_version_is_ignored_not_trusted(
    demo: Opened, clock: FixedClock
) -> None:
    reports.store_for_later(demo.shop, LOCAL_ADMIN)
    keeper = demo.shop.report_store
    assert keeper is not None
    kept = keeper.stored("rfm:all:365d")
    assert kept is not None
    keeper.store(replace(kept, payload='{"at": "2026-03-02T02:00:00+00:00"}'))
    assert _report(demo, "rfm").computed_at is None
    # The key is the name and the horizon: kpis with its default year is stored too.
    assert keeper.stored("kpis:all:365d") is not None


def test_the_reports_share_one_read_of_the_purchase_log_until_it_would_differ(
    demo: Opened, clock: FixedClock
) -> None:
    source = demo.shop.reports

    def read_afresh() -> pd.DataFrame:
        return SqlReportSource(demo.engine, clock).purchase_log(clock.now())

    week_before = source.purchase_log(clock.now() - timedelta(days=7))
    now = source.purchase_log(clock.now())  # the week's sales are not in the earlier read
    assert len(now) > len(week_before)
    pd.testing.assert_frame_equal(now, read_afresh())
    clock.advance(minutes=30)
    again = source.purchase_log(clock.now())  # nothing dated since: the same rows serve
    pd.testing.assert_frame_equal(again, now)
    again["amount"] = 0  # a report changing its copy changes nobody else's
    pd.testing.assert_frame_equal(source.purchase_log(clock.now()), now)

    buyer = str(now["member_no"].iloc[-1])
    checkout.checkout(
        demo.shop,
        LOCAL_ADMIN,
        checkout.SaleRequest("SHARED-1", buyer, total="9.00", at=clock.now()),
    )
    after = source.purchase_log(clock.now())
    assert len(after) == len(now) + 1
    pd.testing.assert_frame_equal(after, read_afresh())
