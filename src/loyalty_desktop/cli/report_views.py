"""The tier, campaign and cohort reports as the command's JSON, and list reports as CSV tables.

Money as decimal text in the programme's currency, rates as four-decimal
text, days as ISO dates: the same conventions as ``presenters``. A report
whose substance is a list (a row per tier, campaign or cohort) is written to
CSV as that table, one row per item and nested figures as prefixed columns,
so it opens in a spreadsheet as it reads on screen.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

from loyalty_desktop.analytics.campaigns import (
    CampaignReport,
    CampaignResult,
    GroupResponse,
    WindowSales,
)
from loyalty_desktop.analytics.cohorts import CohortReport
from loyalty_desktop.analytics.tiers import TierReport
from loyalty_desktop.domain.money import Currency, format_money
from loyalty_desktop.services.spreadsheet_cells import safe_cell

# The list each report's CSV is a table of, and its first column (the header of an empty table).
TABLES = {
    "tiers": ("tiers", "tier"),
    "campaigns": ("campaigns", "name"),
    "cohorts": ("cohorts", "month"),
    "rfm": ("members", "member_no"),
    "clv": ("members", "member_no"),
    "churn": ("members", "member_no"),
    "lifecycle": ("members", "member_no"),
    "satisfaction": ("groups", "by"),
}


def _rate(value: Decimal | None) -> str | None:
    return str(value) if value is not None else None


def tiers(result: TierReport) -> dict[str, Any]:
    """``loyalty report tiers``."""
    cur = result.currency
    return {
        "report": "tiers",
        "from": result.start.isoformat(),
        "at": result.end.isoformat(),
        "currency": cur.code,
        "store": result.store,
        "tiers": [
            {
                "tier": row.tier,
                "members_start": row.members_start,
                "members_end": row.members_end,
                "joined": row.joined,
                "moved_in": row.moved_in,
                "moved_out": row.moved_out,
                "buyers": row.buyers,
                "revenue": format_money(row.revenue, cur),
            }
            for row in result.rows
        ],
        "moves": [
            {"from": m.from_tier, "to": m.to_tier, "members": m.members, "direction": m.direction}
            for m in result.moves
        ],
        "upgraded": result.upgraded,
        "downgraded": result.downgraded,
        "unchanged": result.unchanged,
    }


def _window(window: WindowSales, cur: Currency) -> dict[str, Any]:
    return {
        "first_day": window.first_day.isoformat(),
        "last_day": window.last_day.isoformat(),
        "sales": window.sales,
        "revenue": format_money(window.revenue, cur),
        "buyers": window.buyers,
    }


def _group(group: GroupResponse | None, cur: Currency) -> dict[str, Any] | None:
    if group is None:
        return None
    return {
        "members": group.members,
        "buyers": group.buyers,
        "buyers_before": group.buyers_before,
        "rate": _rate(group.rate),
        "rate_before": _rate(group.rate_before),
        "revenue": format_money(group.revenue, cur),
        "revenue_before": format_money(group.revenue_before, cur),
    }


def _campaign(c: CampaignResult, cur: Currency) -> dict[str, Any]:
    return {
        "name": c.name,
        "campaign_start": c.campaign_start.isoformat(),
        "campaign_end": c.campaign_end.isoformat(),
        "tiers": list(c.tiers),
        "targeting": c.targeting,
        "window": _window(c.during, cur),
        "before": _window(c.before, cur),
        "applied": {
            "sales": c.applied_sales,
            "revenue": format_money(c.applied_revenue, cur),
            "members": c.applied_members,
        },
        "sales_change": _rate(c.sales_change),
        "revenue_change": _rate(c.revenue_change),
        "buyers_change": _rate(c.buyers_change),
        "targeted": _group(c.targeted, cur),
        "control": _group(c.control, cur),
        "lift": _rate(c.lift),
    }


def campaigns(result: CampaignReport) -> dict[str, Any]:
    """``loyalty report campaigns``."""
    return {
        "report": "campaigns",
        "from": result.start.isoformat(),
        "at": result.end.isoformat(),
        "currency": result.currency.code,
        "store": result.store,
        "timezone": result.timezone,
        "campaigns": [_campaign(c, result.currency) for c in result.campaigns],
    }


def cohorts(result: CohortReport) -> dict[str, Any]:
    """``loyalty report cohorts``: ``retention[k]`` is the share buying in the k-th month after."""
    return {
        "report": "cohorts",
        "from": result.start.isoformat(),
        "at": result.end.isoformat(),
        "store": result.store,
        "timezone": result.timezone,
        "last_month": result.last_month,
        "last_month_partial": result.last_month_partial,
        "cohorts": [
            {
                "month": c.month,
                "members": c.members,
                "buyers": list(c.buyers),
                "retention": [_rate(r) for r in c.retention],
            }
            for c in result.cohorts
        ],
        "average": [_rate(r) for r in result.average],
    }


def _flat(item: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """A row's nested figures as ``outer_inner`` columns; a list of names as one ``;`` cell."""
    flat: dict[str, Any] = {}
    for key, value in item.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flat(value, f"{name}_"))
        elif value is None and key == "control":
            continue  # no control group: its columns stay empty
        elif isinstance(value, list):
            if name in ("buyers", "retention"):  # a cohort's months: a column each
                flat.update({f"{name}_{k}": v for k, v in enumerate(value)})
            else:
                flat[name] = ";".join(str(v) for v in value)
        else:
            flat[name] = value
    return flat


def csv_table(report: dict[str, Any]) -> str | None:
    """The report's list as a CSV table (a header row, then a row per item), or None if it has none."""
    table = TABLES.get(str(report.get("report")))
    if table is None:
        return None
    key, first = table
    rows = [_flat(item) for item in report[key]]
    header: list[str] = [first]
    for row in rows:
        header.extend(name for name in row if name not in header)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, restval="")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if v is None else safe_cell(v) for k, v in row.items()})
    return buffer.getvalue()
