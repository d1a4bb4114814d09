"""RFM and churn after changes that day: the nightly job's workings brought up to date equal a full computation."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from loyalty_desktop.analytics.churn import ChurnReport
from loyalty_desktop.analytics.rfm import RfmReport
from loyalty_desktop.app import Opened
from loyalty_desktop.db.tables import sales
from loyalty_desktop.services import checkout, members, points, programs, refunds, reports
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.merge import merge_members
from loyalty_desktop.services.updated_reports import workings_key
from tests.conftest import FixedClock

UPDATED = ("rfm", "churn")


def _report(opened: Opened, name: str, **options: Any) -> Any:
    return reports.report(opened.shop, LOCAL_ADMIN, name, **options)


def _assert_updated_equals_full(opened: Opened, since: Any) -> None:
    for name in UPDATED:
        found = _report(opened, name)
        assert (found.updated_from, found.not_updated) == (since, None), name
        assert found.computed_at is None
        full = _report(opened, name, fresh=True)
        assert (full.updated_from, full.not_updated) == (None, None)
        assert replace(found, updated_from=None) == full, name


def _sell(opened: Opened, clock: FixedClock, sale_no: str, member_no: str, total: str) -> None:
    request = checkout.SaleRequest(sale_no, member_no, total=total, at=clock.now())
    checkout.checkout(opened.shop, LOCAL_ADMIN, request)


@pytest.mark.parametrize("seed", [1, 2])
def test_after_random_changes_the_updated_reports_equal_the_full_computation(
    demo: Opened, clock: FixedClock, seed: int
) -> None:
    rng = random.Random(seed)
    job = clock.now()
    run = reports.store_for_later(demo.shop, LOCAL_ADMIN)
    assert "churn" in run.stored
    numbers = sorted(m.member_no for m in _report(demo, "rfm").members)
    sold: list[str] = []
    for step in range(5):
        clock.advance(minutes=rng.randint(5, 90))
        for turn in range(rng.randint(1, 4)):
            action = rng.choice(("sale", "sale", "new", "refund", "adjust"))
            tag = f"{seed}-{step}-{turn}"
            if action == "sale" or (action == "refund" and not sold):
                _sell(demo, clock, f"U-{tag}", rng.choice(numbers), f"{rng.randint(5, 900)}.00")
                sold.append(f"U-{tag}")
            elif action == "new":
                joined = members.enrol(
                    demo.shop, LOCAL_ADMIN, members.NewMember(f"New {tag}"), at=clock.now()
                )
                if rng.random() < 0.5:  # some buy at once, some only join
                    _sell(demo, clock, f"N-{tag}", joined.member_no, "120.00")
            elif action == "refund":
                request = refunds.RefundRequest(
                    f"R-{tag}", rng.choice(sold), amount="3.00", at=clock.now()
                )
                refunds.refund(demo.shop, LOCAL_ADMIN, request)
            else:
                points.adjust(
                    demo.shop,
                    LOCAL_ADMIN,
                    rng.choice(numbers),
                    rng.choice((-5, 40, 300)),
                    "goodwill",
                    f"A-{tag}",
                    at=clock.now(),
                )
        _assert_updated_equals_full(demo, job)


def test_a_sale_moves_only_its_buyer_and_the_shared_scores(demo: Opened, clock: FixedClock) -> None:
    job = clock.now()
    reports.store_for_later(demo.shop, LOCAL_ADMIN)
    before = _report(demo, "churn")
    assert isinstance(before, ChurnReport)
    assert before.computed_at == job
    buyer = before.members[0].member_no  # the likeliest to be gone
    clock.advance(hours=2)
    _sell(demo, clock, "BACK-1", buyer, "80.00")
    after = _report(demo, "churn")
    assert isinstance(after, ChurnReport)
    assert after.updated_from == job
    risk_before = {r.member_no: r.risk for r in before.members}
    risk_after = {r.member_no: r.risk for r in after.members}
    assert risk_after[buyer] < risk_before[buyer]
    assert {m for m in risk_after if risk_after[m] != risk_before[m]} == {buyer}
    assert after.backtest == before.backtest  # the model learnt from the days before today


def test_changes_that_cannot_be_followed_member_by_member_compute_in_full_and_say_why(
    demo: Opened, clock: FixedClock
) -> None:
    job = clock.now()
    reports.store_for_later(demo.shop, LOCAL_ADMIN)
    some = _report(demo, "rfm").members
    with demo.engine.connect() as conn:
        old_sale = conn.execute(select(sales.c.sale_id).where(sales.c.at < job).limit(1)).scalar()
    assert old_sale is not None

    clock.advance(minutes=20)  # a refund of a sale before today: churn's model read that sale
    refunds.refund(demo.shop, LOCAL_ADMIN, refunds.RefundRequest("OLD-R", old_sale, amount="1.00"))
    churn = _report(demo, "churn")
    assert (churn.updated_from, churn.not_updated) == (None, "backdated")
    assert replace(churn, not_updated=None) == _report(demo, "churn", fresh=True)
    rfm = _report(demo, "rfm")  # RFM reads no model: its member is simply recomputed
    assert isinstance(rfm, RfmReport)
    assert rfm.updated_from == job
    assert replace(rfm, updated_from=None) == _report(demo, "rfm", fresh=True)

    merge_members(demo.shop, LOCAL_ADMIN, some[1].member_no, some[2].member_no)
    for name in UPDATED:
        found = _report(demo, name)
        assert (found.updated_from, found.not_updated) == (None, "members_closed")
        assert replace(found, not_updated=None) == _report(demo, name, fresh=True)


def test_a_sale_dated_before_the_job_or_a_new_programme_computes_in_full(
    demo: Opened, clock: FixedClock
) -> None:
    job = clock.now()
    reports.store_for_later(demo.shop, LOCAL_ADMIN)
    buyer = _report(demo, "rfm").members[0].member_no
    clock.advance(hours=1)
    late = checkout.SaleRequest("LATE-ENTRY", buyer, total="60.00", at=job - timedelta(days=2))
    checkout.checkout(demo.shop, LOCAL_ADMIN, late)
    for name in UPDATED:
        found = _report(demo, name)
        assert (found.updated_from, found.not_updated) == (None, "backdated")
        assert replace(found, not_updated=None) == _report(demo, name, fresh=True)

    reports.store_for_later(demo.shop, LOCAL_ADMIN)  # stored again with the late sale in
    programs.load_program(demo.shop, LOCAL_ADMIN, 'currency = "CNY"\n', "plain.toml")
    assert _report(demo, "rfm").not_updated == "programme"


def test_another_day_or_a_past_moment_computes_in_full(demo: Opened, clock: FixedClock) -> None:
    job = clock.now()
    reports.store_for_later(demo.shop, LOCAL_ADMIN)
    buyer = _report(demo, "rfm").members[0].member_no
    clock.advance(hours=1)
    _sell(demo, clock, "P-1", buyer, "10.00")
    earlier = _report(demo, "rfm", at=job + timedelta(minutes=30))
    assert (earlier.updated_from, earlier.not_updated) == (None, "past_moment")
    clock.advance(days=1)
    assert _report(demo, "churn").not_updated == "another_day"


def test_a_member_merged_before_the_job_is_updated_with_the_duplicates_history(
    demo: Opened, clock: FixedClock
) -> None:
    some = _report(demo, "rfm").members
    keep, other = some[3].member_no, some[4].member_no
    merge_members(demo.shop, LOCAL_ADMIN, keep, other)
    clock.advance(minutes=5)
    job = clock.now()
    reports.store_for_later(demo.shop, LOCAL_ADMIN)
    clock.advance(hours=1)
    _sell(demo, clock, "MERGED-1", keep, "42.00")
    _assert_updated_equals_full(demo, job)
    rfm = _report(demo, "rfm")
    kept = next(m for m in rfm.members if m.member_no == keep)
    assert kept.frequency > max(some[3].frequency, some[4].frequency)  # both histories, and today
    assert all(m.member_no != other for m in rfm.members)


def test_workings_written_by_another_version_are_ignored_not_trusted(
    demo: Opened, clock: FixedClock
) -> None:
    reports.store_for_later(demo.shop, LOCAL_ADMIN)
    keeper = demo.shop.report_store
    assert keeper is not None
    for name in UPDATED:
        key = workings_key(name, 365 if name == "rfm" else 90)
        kept = keeper.stored(key)
        assert kept is not None
        keeper.store(replace(kept, payload='{"format": 0, "members": "AAAA"}'))
    buyer = _report(demo, "rfm").members[0].member_no
    clock.advance(minutes=30)
    _sell(demo, clock, "D-1", buyer, "15.00")
    for name in UPDATED:
        found = _report(demo, name)
        assert (found.updated_from, found.not_updated) == (None, "damaged")
        assert replace(found, not_updated=None) == _report(demo, name, fresh=True)
