"""The report periods: presets as shop days, read as (start, end] between the shop's midnights."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from loyalty_desktop.ui.console.reports.ranges import Preset, ReportFilter, preset_days


@pytest.mark.parametrize(
    ("preset", "today", "days"),
    [
        (Preset.LAST_30_DAYS, date(2026, 3, 5), (date(2026, 2, 4), date(2026, 3, 5))),
        (Preset.THIS_MONTH, date(2026, 3, 5), (date(2026, 3, 1), date(2026, 3, 5))),
        (Preset.LAST_QUARTER, date(2026, 3, 5), (date(2025, 10, 1), date(2025, 12, 31))),
        (Preset.LAST_QUARTER, date(2026, 7, 1), (date(2026, 4, 1), date(2026, 6, 30))),
        (Preset.LAST_QUARTER, date(2026, 12, 31), (date(2026, 7, 1), date(2026, 9, 30))),
        (Preset.LAST_12_MONTHS, date(2026, 3, 5), (date(2025, 3, 6), date(2026, 3, 5))),
        (Preset.LAST_12_MONTHS, date(2028, 2, 29), (date(2027, 3, 2), date(2028, 2, 29))),
    ],
)
def test_presets(preset: Preset, today: date, days: tuple[date, date]) -> None:
    assert preset_days(preset, today) == days


def test_custom_has_no_preset_days() -> None:
    with pytest.raises(ValueError, match="custom"):
        preset_days(Preset.CUSTOM, date(2026, 3, 5))


def test_a_period_runs_between_the_shops_midnights_and_stops_at_now() -> None:
    now = datetime(2026, 3, 5, 4, 0, tzinfo=UTC)  # noon in Shanghai
    past = ReportFilter.of(date(2026, 2, 1), date(2026, 2, 28), "Asia/Shanghai", now)
    assert past.start == datetime(2026, 1, 31, 16, 0, tzinfo=UTC)
    assert past.end == datetime(2026, 2, 28, 16, 0, tzinfo=UTC)
    assert past.days == 28
    running = ReportFilter.of(date(2026, 3, 1), date(2026, 3, 5), "Asia/Shanghai", now)
    assert running.end == now
    assert running.end_day() == date(2026, 3, 5)
    assert running.choice == (date(2026, 3, 1), date(2026, 3, 5), None)
