"""The model is rebuilt after imports, merges, the daily job and a new shop day, and never holds up a sale."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pandas as pd
import pytest

from loyalty_desktop.services import points, recommendations
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.checkout import LineRequest
from loyalty_desktop.services.import_members import import_members
from loyalty_desktop.services.import_sales import import_sales
from loyalty_desktop.services.merge import merge_members
from loyalty_desktop.services.recommendations import recommend

from .conftest import ShopDriver


def _tea(driver: ShopDriver, sale_no: str, member_no: str, sku: str = "TEA") -> None:
    driver.sell(sale_no, member_no, lines=(LineRequest(sku, "1", "5.00", "drinks"),))


def _skus(driver: ShopDriver, member_no: str) -> list[str]:
    return [i.sku for i in recommend(driver.shop, LOCAL_ADMIN, member_no, k=5, wait=True).items]


def _rebuilt(driver: ShopDriver) -> bool:
    """Ask once (the request starts any rebuild due) and wait for the rebuild, if one started."""
    cache = recommendations._cache(driver.shop)
    before = cache.started
    recommend(driver.shop, LOCAL_ADMIN, "10000001")
    cache.wait_idle()  # the build may already be over: a fast one finishes before we look
    return cache.started > before


@pytest.fixture
def ann(driver: ShopDriver) -> str:
    member_no = driver.enrol("Ann").member_no
    _tea(driver, "S1", member_no)
    assert _skus(driver, member_no) == ["TEA"]
    return member_no


def test_a_fresh_model_is_not_rebuilt_for_nothing(driver: ShopDriver, ann: str) -> None:
    driver.clock.advance(hours=1)
    assert not _rebuilt(driver)


def test_a_members_import_rebuilds_the_model(driver: ShopDriver, ann: str, tmp_path: Path) -> None:
    path = tmp_path / "members.csv"
    path.write_text("member_no,name,phone,email,birthday,consent\n20000001,Bo,,,,yes\n")
    assert import_members(driver.shop, LOCAL_ADMIN, path).imported == 1
    assert _rebuilt(driver)


def test_a_sales_import_rebuilds_the_model_with_its_sales(
    driver: ShopDriver, ann: str, tmp_path: Path
) -> None:
    path = tmp_path / "sales.csv"
    at = (driver.clock.current - timedelta(hours=1)).isoformat()
    path.write_text(
        f"sale_id,member_ref,at,sku,qty,unit_price,category\nI1,{ann},{at},CAKE,1,5.00,food\n"
    )
    imported = import_sales(
        driver.shop, LOCAL_ADMIN, path, create_members=False, skip_invalid=False
    )
    assert imported.imported == 1
    assert _rebuilt(driver)
    assert set(_skus(driver, ann)) == {"TEA", "CAKE"}


def test_a_merge_rebuilds_the_model_with_the_duplicate_s_purchases(
    driver: ShopDriver, ann: str
) -> None:
    other = driver.enrol("Ann again").member_no
    _tea(driver, "S2", other, "CAKE")
    merge_members(driver.shop, LOCAL_ADMIN, ann, other)
    assert _rebuilt(driver)
    assert set(_skus(driver, ann)) == {"TEA", "CAKE"}


def test_the_daily_job_and_a_new_shop_day_rebuild_the_model(driver: ShopDriver, ann: str) -> None:
    points.expire(driver.shop, LOCAL_ADMIN)
    assert _rebuilt(driver)
    driver.clock.current = datetime(2026, 3, 2, 15, 30, tzinfo=UTC)  # 23:30 in Shanghai
    assert _rebuilt(driver)  # over MAX_AGE since 10:00
    driver.clock.advance(minutes=20)
    assert not _rebuilt(driver)
    driver.clock.advance(minutes=20)  # 00:10 the next day, 40 minutes after the build
    assert _rebuilt(driver)


class _StuckReports:
    """The shop's reports, except that reading the purchase lines waits until let go."""

    def __init__(self, reports: object) -> None:
        self._reports = reports
        self.reading = threading.Event()
        self.go = threading.Event()

    def purchase_lines(self, end: datetime, start: datetime | None = None) -> pd.DataFrame:
        self.reading.set()
        self.go.wait(timeout=60)
        lines: pd.DataFrame = self._reports.purchase_lines(end, start)  # type: ignore[attr-defined]
        return lines

    def __getattr__(self, name: str) -> object:
        return getattr(self._reports, name)


def test_a_build_that_takes_long_never_holds_up_a_sale_or_a_suggestion(
    driver: ShopDriver,
) -> None:
    stuck = _StuckReports(driver.shop.reports)
    driver.shop = replace(driver.shop, reports=stuck)  # type: ignore[arg-type]
    ann = driver.enrol("Ann").member_no
    try:
        first = recommend(driver.shop, LOCAL_ADMIN, ann)  # starts the build, answers at once
        assert first.provisional
        assert first.items == ()
        assert stuck.reading.wait(timeout=30)  # the build is under way, stuck reading
        sold = driver.sell("S1", ann, lines=(LineRequest("TEA", "1", "5.00", "drinks"),))
        assert sold.earned > 0
        assert recommend(driver.shop, LOCAL_ADMIN, ann).provisional
    finally:
        stuck.go.set()
    assert _skus(driver, ann) == ["TEA"]
