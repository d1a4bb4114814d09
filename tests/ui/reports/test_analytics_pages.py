"""The Segments, Lifetime value and Churn risk pages on the demo shop: figures, drill-down, campaign file."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from pathlib import Path
from typing import cast

from openpyxl import load_workbook
from PySide6.QtCharts import QPieSeries
from pytestqt.qtbot import QtBot

from loyalty_desktop.analytics.churn import ChurnReport
from loyalty_desktop.analytics.clv import ClvReport
from loyalty_desktop.analytics.lifecycle import LifecycleReport
from loyalty_desktop.analytics.rfm import RfmReport
from loyalty_desktop.app import Opened
from loyalty_desktop.services import member_profile, segment_suggestions, staff
from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.reports import report
from loyalty_desktop.ui.console.reports.churn_page import ChurnView, band_counts
from loyalty_desktop.ui.console.reports.clv_page import ClvView
from loyalty_desktop.ui.console.reports.formats import count_text, money_text
from loyalty_desktop.ui.console.reports.reports_page import ReportsPage
from loyalty_desktop.ui.console.reports.segments_page import ALL, SegmentsView
from loyalty_desktop.ui.main_window import MainWindow
from tests.ui.conftest import PIN
from tests.ui.reports.conftest import open_reports


def _manager(opened: Opened) -> Actor:
    return staff.sign_in(opened.shop, "Mia", PIN)


def _settled(qtbot: QtBot, page: ReportsPage) -> None:
    qtbot.waitUntil(lambda: not page.computing and page.tasks.pending == 0, timeout=30_000)


def _open(qtbot: QtBot, window: MainWindow, key: str) -> tuple[ReportsPage, object]:
    page = open_reports(qtbot, window)
    view = page.open_report(key)
    qtbot.waitUntil(lambda: view.shown_filter is not None, timeout=30_000)
    _settled(qtbot, page)
    return page, view


def test_segments_show_the_services_figures_and_a_clicked_segment_lists_its_members(
    qtbot: QtBot, demo_window: MainWindow, demo_shop: Opened
) -> None:
    _page, view = _open(qtbot, demo_window, "segments")
    assert isinstance(view, SegmentsView)
    shown = view.shown_filter
    assert shown is not None
    rfm = cast(RfmReport, report(demo_shop.shop, _manager(demo_shop), "rfm", at=shown.end))
    model = view.segments_table.report_model
    assert model.rowCount() == 10
    for row, segment in enumerate(rfm.segments):
        assert model.index(row, 1).data() == count_text(segment.members)
    assert view.members_table.report_model.rowCount() == len(rfm.members)

    pie = next(s for s in view.chart.chart().series() if isinstance(s, QPieSeries))
    biggest = max((s for s in rfm.segments if s.members), key=lambda s: s.members)
    drawn = [s for s in rfm.segments if s.members]
    pie.slices()[drawn.index(biggest)].clicked.emit()
    assert view.chosen_segment() == biggest.key
    listed = view.listed_members()
    assert len(listed) == biggest.members
    assert {m.segment for m in listed} == {biggest.key}
    assert view.texts.name(biggest.key) in view.members_title.text()

    view.choose_segment(ALL)
    assert view.members_table.report_model.rowCount() == len(rfm.members)


def test_the_campaign_file_leaves_out_members_without_consent(
    qtbot: QtBot, demo_window: MainWindow, demo_shop: Opened, tmp_path: Path
) -> None:
    _page, view = _open(qtbot, demo_window, "segments")
    assert isinstance(view, SegmentsView)
    view.choose_segment(ALL)
    numbers = [m.member_no for m in view.listed_members()]
    manager = _manager(demo_shop)
    refused, agreed = numbers[0], numbers[1]
    member_profile.edit_profile(
        demo_shop.shop, manager, f"no:{refused}", member_profile.ProfileEdit(consent=False)
    )
    member_profile.edit_profile(
        demo_shop.shop, manager, f"no:{agreed}", member_profile.ProfileEdit(consent=True)
    )
    with demo_shop.shop.uow(write=False) as uow:
        consenting = {m.member_no for m in uow.members.active() if m.consent}
    assert set(numbers) - consenting  # the demo has members who said no

    with qtbot.waitSignal(view.campaign_written, timeout=30_000) as done:
        view.export_campaign(tmp_path / "campaign.csv")
    written = done.args[0]
    rows = list(csv.DictReader(io.StringIO(written.read_text(encoding="utf-8-sig"))))
    exported = [r["member_no"] for r in rows]
    assert refused not in exported
    assert agreed in exported
    assert set(exported) == set(numbers) & consenting
    assert all(r["name"] for r in rows)
    assert sum(1 for r in rows if r["item_1"]) == len(rows)  # each with their own top items


def test_a_segment_shows_its_likely_items_and_exports_a_workbook_with_them(
    qtbot: QtBot, demo_window: MainWindow, demo_shop: Opened, tmp_path: Path
) -> None:
    _page, view = _open(qtbot, demo_window, "segments")
    assert isinstance(view, SegmentsView)
    biggest = max((s for s in view.found.rfm.segments if s.members), key=lambda s: s.members)
    view.choose_segment(biggest.key)
    panel = view.items
    qtbot.waitUntil(lambda: panel.found is not None, timeout=30_000)
    assert panel.found is not None
    numbers = [m.member_no for m in view.listed_members()]
    assert panel.found.member_nos == tuple(numbers)
    counts = [i.members for i in panel.found.items]
    assert counts
    assert counts == sorted(counts, reverse=True)
    assert panel.table.report_model.rowCount() == len(counts)
    view.choose_segment(ALL)
    assert panel.found is None  # every member: pick a segment first
    assert "Pick a segment" in panel.note.text()
    tiers = segment_suggestions.member_tiers(demo_shop.shop, _manager(demo_shop))
    held = [n for n in tiers.names if n in tiers.of_member.values()]
    assert [view.filters.tier.itemData(i) for i in range(1, view.filters.tier.count())] == list(
        tiers.names
    )
    view.filters.tier.setCurrentIndex(view.filters.tier.findData(held[0]))
    view.choose_segment(ALL)  # a tier alone narrows the list enough
    qtbot.waitUntil(lambda: panel.found is not None, timeout=30_000)
    in_tier = [m.member_no for m in view.listed_members()]
    assert in_tier
    assert {tiers.of_member[n] for n in in_tier} == {held[0]}
    assert panel.found.member_nos == tuple(in_tier)
    view.filters.tier.setCurrentIndex(0)
    stages = report(demo_shop.shop, _manager(demo_shop), "lifecycle", at=view.shown_filter.end)
    assert isinstance(stages, LifecycleReport)
    held_stage = stages.members[0].stage
    view.filters.stage.setCurrentIndex(view.filters.stage.findData(held_stage))
    view.filters.stage.activated.emit(view.filters.stage.currentIndex())
    assert "Reading the stage" in panel.note.text()
    qtbot.waitUntil(lambda: panel.found is not None, timeout=30_000)
    in_stage = {m.member_no for m in stages.members if m.stage == held_stage}
    listed = {m.member_no for m in view.listed_members()}
    assert listed
    assert listed <= in_stage
    assert listed == in_stage & {m.member_no for m in view.found.rfm.members}
    view.filters.stage.setCurrentIndex(0)
    view.choose_segment(biggest.key)
    qtbot.waitUntil(lambda: panel.found is not None, timeout=30_000)
    with qtbot.waitSignal(view.campaign_written, timeout=30_000) as done:
        view.export_campaign(tmp_path / "campaign.xlsx")
    sheet = load_workbook(done.args[0]).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:6] == ("member_no", "name", "phone", "email", "item_1", "item_1_sku")
    with demo_shop.shop.uow(write=False) as uow:
        consenting = {m.member_no for m in uow.members.active() if m.consent}
    assert {r[0] for r in rows[1:]} == set(numbers) & consenting
    view.with_items.setChecked(False)
    with qtbot.waitSignal(view.campaign_written, timeout=30_000) as done:
        view.export_campaign(tmp_path / "plain.csv")
    header = done.args[0].read_text(encoding="utf-8-sig").splitlines()[0]
    assert header == "member_no,name,phone,email"


def test_lifetime_value_shows_the_services_forecast_highest_first(
    qtbot: QtBot, demo_window: MainWindow, demo_shop: Opened
) -> None:
    page, view = _open(qtbot, demo_window, "clv")
    assert isinstance(view, ClvView)
    shown = view.shown_filter
    assert shown is not None
    found = cast(
        ClvReport,
        report(demo_shop.shop, _manager(demo_shop), "clv", at=shown.end, horizon_days=365),
    )
    assert found.bgnbd is not None
    assert view.found is not None
    cur = view.found.currency
    assert view.seed_tiles.value_of("seed_clv") == money_text(found.seed.clv, cur)
    assert view.seed_tiles.value_of("average") == money_text(found.seed.average_purchase, cur)
    weeks = found.bgnbd.alpha / found.bgnbd.r
    assert f"{weeks:.1f}" in view.model_tiles.value_of("every")
    model = view.table.report_model
    best = max((m for m in found.members if m.clv is not None), key=lambda m: m.clv or 0)
    assert model.row_at(0).member_no == best.member_no
    assert model.index(0, 5).data() == money_text(best.clv, cur)

    view.horizon.setValue(30)
    view.horizon.editingFinished.emit()
    qtbot.waitUntil(lambda: view.found is not None and view.found.clv.horizon_days == 30)
    _settled(qtbot, page)


def test_churn_shows_the_backtest_and_members_by_risk(
    qtbot: QtBot, demo_window: MainWindow, demo_shop: Opened
) -> None:
    _page, view = _open(qtbot, demo_window, "churn")
    assert isinstance(view, ChurnView)
    shown = view.shown_filter
    assert shown is not None
    found = cast(
        ChurnReport,
        report(demo_shop.shop, _manager(demo_shop), "churn", at=shown.end, horizon_days=90),
    )
    assert view.found is not None
    assert f"{found.backtest.auc:.0%}" in view.backtest.text()
    assert f"{found.backtest.auc_recency:.0%}" in view.backtest.text()
    model = view.table.report_model
    assert model.rowCount() == len(found.members)
    assert model.row_at(0).member_no == found.members[0].member_no
    assert sum(band_counts([m.risk for m in found.members])) == len(found.members)


def test_churn_with_too_little_history_says_so(
    qtbot: QtBot, demo_window: MainWindow, demo_shop: Opened
) -> None:
    page, view = _open(qtbot, demo_window, "churn")
    assert isinstance(view, ChurnView)
    today = page.filters.today()
    page.filters.choose_days(today - timedelta(days=400), today - timedelta(days=330))
    qtbot.waitUntil(
        lambda: view.found is None and "Not enough history" in view.backtest.text(),
        timeout=30_000,
    )
    _settled(qtbot, page)
    assert view.table.report_model.rowCount() == 0
    assert view.chart.empty_text
    assert page.message.text() == ""
