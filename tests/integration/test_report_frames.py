"""The reports' data on real databases: purchase log, member snapshot, campaign sales, stores, roles."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pandas as pd
import pytest
from sqlalchemy import select, update

from loyalty_desktop.analytics.campaigns import CampaignReport
from loyalty_desktop.analytics.clv import ClvReport
from loyalty_desktop.analytics.cohorts import CohortReport
from loyalty_desktop.analytics.kpis import Kpis
from loyalty_desktop.analytics.liability import Liability
from loyalty_desktop.analytics.ports import CampaignSales, OpenLot, points_due_in
from loyalty_desktop.analytics.rfm import RfmReport
from loyalty_desktop.analytics.tiers import TierReport
from loyalty_desktop.app import Opened
from loyalty_desktop.db.tables import lots, sales
from loyalty_desktop.domain.errors import InvalidRequest, PermissionDenied
from loyalty_desktop.services import checkout, members, programs, refunds, reports
from loyalty_desktop.services.auth import LOCAL_ADMIN, Actor, Role
from loyalty_desktop.services.merge import merge_members
from tests.conftest import FixedClock

PROGRAM = """\
currency = "CNY"
timezone = "Asia/Shanghai"
[earn]
points = 1
per = "1.00"
[expiry]
days = 365
[[tiers.levels]]
name = "Bronze"
threshold = "0"
[[tiers.levels]]
name = "Silver"
threshold = "120"
[[campaigns]]
name = "Mid-July bonus"
start = "2025-07-15"
end = "2025-07-15"
bonus = 5
"""
END = datetime(2025, 9, 1, tzinfo=UTC)

TILL_2 = "2c1e4c8e-0000-4000-8000-000000000002"  # a second till's device id


def _utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.fixture
def shop(opened: Opened) -> dict[str, Any]:
    """A, B, C merged into one (A into B, then B into C) with refunds either side of END; D alone."""
    programs.load_program(opened.shop, LOCAL_ADMIN, PROGRAM, "p.toml")
    people = {
        name: members.enrol(
            opened.shop, LOCAL_ADMIN, members.NewMember(name), at=_utc(f"2025-06-0{day}T00:00")
        )
        for day, name in enumerate("ABCD", start=1)
    }

    def sell(sale_no: str, who: str, total: str, at: str) -> None:
        request = checkout.SaleRequest(sale_no, people[who].member_no, total=total, at=_utc(at))
        checkout.checkout(opened.shop, LOCAL_ADMIN, request)

    def give_back(refund_no: str, sale_no: str, amount: str, at: str) -> None:
        request = refunds.RefundRequest(refund_no, sale_no, amount=amount, at=_utc(at))
        refunds.refund(opened.shop, LOCAL_ADMIN, request)

    sell("S1", "A", "100.00", "2025-07-01T04:00")
    sell("S2", "A", "50.00", "2025-08-01T04:00")
    give_back("R1", "S2", "10.00", "2025-08-05T04:00")  # before END: netted
    sell("S3", "B", "30.00", "2025-08-10T04:00")
    sell("S5", "C", "20.00", "2025-08-20T17:30")  # 01:30 on 21 August in Shanghai
    sell("S6", "D", "100.00", "2025-07-15T04:00")  # the campaign's day: 5 bonus points
    sell("S7", "D", "50.00", "2025-09-01T00:00")  # exactly END: in
    sell("S4", "D", "70.00", "2025-09-10T04:00")  # after END: never in a report as of END
    give_back("R2", "S2", "5.00", "2025-10-05T04:00")  # after END: not netted as of END
    merge_members(
        opened.shop,
        LOCAL_ADMIN,
        people["B"].member_no,
        people["A"].member_no,
        at=_utc("2025-11-01T00:00"),
    )
    merge_members(
        opened.shop,
        LOCAL_ADMIN,
        people["C"].member_no,
        people["B"].member_no,
        at=_utc("2025-12-01T00:00"),
    )
    return {name: p.member_no for name, p in people.items()}


def _rows(frame: pd.DataFrame, *columns: str) -> list[tuple[Any, ...]]:
    return list(frame[list(columns)].itertuples(index=False, name=None))


def test_the_purchase_log_nets_refunds_made_by_its_end_and_nothing_later(
    opened: Opened, shop: dict[str, str]
) -> None:
    log = opened.shop.reports.purchase_log(END)
    c, d = shop["C"], shop["D"]
    assert _rows(log, "member_no", "amount") == [
        (c, 10_000),
        (d, 10_000),
        (c, 4_000),  # 50.00 less the 10.00 refunded before END; the later 5.00 not yet
        (c, 3_000),
        (c, 2_000),
        (d, 5_000),
    ], "merged members' sales are under the survivor's number, oldest first, S4 is after END"
    assert log["at"].max() == pd.Timestamp(END)
    assert str(log["at"].dt.tz) == "UTC"
    assert log["local_date"].iloc[4] == pd.Timestamp("2025-08-21"), "the day in Shanghai"
    assert log["campaign"].tolist() == [False, True, False, False, False, False]
    assert set(log["store"]) == {opened.shop.device_id}
    now = opened.shop.reports.purchase_log(opened.shop.clock.now())
    assert _rows(now, "member_no", "amount")[2] == (c, 3_500), "both refunds by now"
    assert _rows(now, "member_no", "amount")[-1] == (d, 7_000)


def test_a_sale_still_recorded_against_a_member_merged_twice_follows_the_chain(
    opened: Opened, shop: dict[str, str]
) -> None:
    with (
        opened.engine.begin() as conn
    ):  # as a till that had not heard of the merges would record it
        conn.execute(
            update(sales)
            .where(sales.c.sale_id == "S1")
            .values(member_id=_member_id(opened, shop["A"]))
        )
    log = opened.shop.reports.purchase_log(END)
    assert log["member_no"].iloc[0] == shop["C"], "A was merged into B, and B into C"
    assert set(log["member_no"]) == {shop["C"], shop["D"]}


def _member_id(opened: Opened, member_no: str) -> str:
    with opened.shop.uow(write=False) as uow:
        found = uow.members.by_number(member_no)
        assert found is not None
        return found.id


def test_a_past_snapshot_holds_each_balance_and_tier_as_they_were(
    opened: Opened, shop: dict[str, str]
) -> None:
    snap = opened.shop.reports.member_snapshot(END).set_index("member_no")
    assert list(snap.index) == [shop["C"], shop["D"]], "A and B live on in C"
    assert snap.loc[shop["C"], "balance"] == 100 + 50 - 10 + 30 + 20, "the three held it all"
    assert snap.loc[shop["C"], "joined_at"] == pd.Timestamp("2025-06-01", tz="UTC"), "as A did"
    assert snap.loc[shop["C"], "tier"] == "Bronze", "the tier after the last sale of the three"
    assert (snap.loc[shop["D"], "balance"], snap.loc[shop["D"], "tier"]) == (155, "Silver")
    before = opened.shop.reports.member_snapshot(_utc("2025-08-01T00:00")).set_index("member_no")
    assert (before.loc[shop["D"], "balance"], before.loc[shop["D"], "tier"]) == (105, "Bronze")
    first_day = opened.shop.reports.member_snapshot(_utc("2025-06-01T12:00"))
    assert first_day["member_no"].tolist() == [shop["C"]], "only A (now C) had joined"
    assert first_day["tier"].tolist() == [None], "no sale yet"


def test_a_snapshot_just_past_agrees_with_the_live_one(
    opened: Opened, shop: dict[str, str], clock: FixedClock
) -> None:
    live = opened.shop.reports.member_snapshot(clock.now())
    replayed = opened.shop.reports.member_snapshot(clock.now() - timedelta(minutes=2))
    assert live["balance"].tolist() == [100 + 50 - 10 - 5 + 30 + 20, 100 + 5 + 50 + 70]
    pd.testing.assert_frame_equal(live.drop(columns="tier"), replayed.drop(columns="tier"))
    assert live["tier"].tolist() == ["Silver", "Silver"], "the merge re-tiered C on the three"


def test_nothing_to_report_gives_empty_frames_with_the_columns(opened: Opened) -> None:
    log = opened.shop.reports.purchase_log(END)
    snap = opened.shop.reports.member_snapshot(END)
    assert (len(log), len(snap)) == (0, 0)
    assert list(log.columns) == ["member_no", "at", "local_date", "amount", "campaign", "store"]
    assert list(snap.columns) == ["member_no", "joined_at", "balance", "tier", "consent"]


def test_campaign_sales_name_each_campaign_with_its_sales_after_refunds(
    opened: Opened, shop: dict[str, str]
) -> None:
    found = opened.shop.reports.campaign_sales(_utc("2025-07-01T00:00"), END)
    assert found == [CampaignSales("Mid-July bonus", 1, 10_000, 1)]
    assert opened.shop.reports.campaign_sales(_utc("2025-07-16T00:00"), END) == []


def _move_to_till_2(opened: Opened, *sale_ids: str) -> None:
    with opened.engine.begin() as conn:  # as if another store's till had rung them up
        conn.execute(update(sales).where(sales.c.sale_id.in_(sale_ids)).values(device_id=TILL_2))


def test_a_store_narrows_every_sales_figure_to_the_sales_it_rang_up(
    opened: Opened, shop: dict[str, str]
) -> None:
    _move_to_till_2(opened, "S3", "S6")
    start = _utc("2025-06-01T00:00")
    kpis = reports.report(opened.shop, LOCAL_ADMIN, "kpis", start=start, at=END, store=TILL_2)
    assert isinstance(kpis, Kpis)
    assert (kpis.sales, kpis.revenue, kpis.buying_members, kpis.store) == (2, 13_000, 2, TILL_2)
    assert kpis.members == 2, "members are the programme's, not the store's"
    here = reports.report(
        opened.shop, LOCAL_ADMIN, "kpis", start=start, at=END, store=opened.shop.device_id
    )
    assert isinstance(here, Kpis)
    assert (here.sales, here.revenue) == (4, 10_000 + 4_000 + 2_000 + 5_000)
    cohorts = reports.report(opened.shop, LOCAL_ADMIN, "cohorts", start=start, at=END, store=TILL_2)
    assert isinstance(cohorts, CohortReport)
    assert [(c.month, c.members) for c in cohorts.cohorts] == [("2025-07", 1), ("2025-08", 1)]
    assert opened.shop.reports.campaign_sales(start, END, TILL_2)[0].sales == 1
    assert opened.shop.reports.campaign_sales(start, END, opened.shop.device_id) == []


REPORT_TYPES = {
    "kpis": Kpis,
    "liability": Liability,
    "tiers": TierReport,
    "campaigns": CampaignReport,
    "cohorts": CohortReport,
    "rfm": RfmReport,
    "clv": ClvReport,
}


@pytest.mark.parametrize("name", list(REPORT_TYPES))
def test_every_report_is_a_managers_and_refused_to_a_cashier(
    opened: Opened, shop: dict[str, str], name: str
) -> None:
    start = _utc("2025-06-01T00:00")
    with pytest.raises(PermissionDenied):
        reports.report(opened.shop, Actor("Cai", Role.CASHIER), name, start=start, at=END)
    found = reports.report(opened.shop, Actor("Mia", Role.MANAGER), name, start=start, at=END)
    assert isinstance(found, REPORT_TYPES[name])


def test_churn_is_a_managers_and_too_little_history_is_a_refusal_not_a_crash(
    opened: Opened, shop: dict[str, str]
) -> None:
    with pytest.raises(PermissionDenied):
        reports.report(opened.shop, Actor("Cai", Role.CASHIER), "churn", at=END)
    with pytest.raises(InvalidRequest) as refused:
        reports.report(opened.shop, Actor("Mia", Role.MANAGER), "churn", at=END)
    assert refused.value.reason == "churn_too_few_members"


def test_spendable_points_are_summed_in_the_database_as_the_lots_add_up(
    opened: Opened, shop: dict[str, str], clock: FixedClock
) -> None:
    source = opened.shop.reports
    for at, held in [(END, 190 + 155), (clock.now(), 185 + 225)]:
        assert source.spendable_points(at) == held
        assert source.points_due(at, [at + timedelta(days=400)]).total == held
    lapsed = _utc("2026-07-16T00:00")  # the lots of July 2025 have lapsed; later ones have not
    clock.current = lapsed + timedelta(days=1)
    assert source.spendable_points(lapsed) == 185 + 225 - 100 - 105
    assert source.points_due(lapsed, [lapsed + timedelta(days=1)]).total == 185 + 225 - 100 - 105


def test_points_due_are_split_in_the_database_as_the_lots_say_at_each_edge(
    opened: Opened, shop: dict[str, str], clock: FixedClock
) -> None:
    with opened.engine.connect() as conn:
        held = [
            OpenLot(int(points), expires.replace(tzinfo=UTC) if expires else None)
            for points, expires in conn.execute(
                select(lots.c.remaining, lots.c.expires_at).where(lots.c.remaining > 0)
            )
        ]
    expiries = sorted({lot.expires_at for lot in held if lot.expires_at is not None})
    assert len(expiries) >= 2, "the shop needs lots lapsing at different moments"
    at = clock.now()
    # An edge exactly at one lot's expiry moves that lot to the span after it.
    for edges in (
        [expiries[0]],
        [expiries[0] + timedelta(microseconds=1), expiries[-1]],
        [expiries[0] - timedelta(days=1), expiries[1], expiries[-1] + timedelta(days=1)],
    ):
        due = opened.shop.reports.points_due(at, edges)
        assert due == points_due_in(held, at, edges)
        assert due.total == opened.shop.reports.spendable_points(at)
