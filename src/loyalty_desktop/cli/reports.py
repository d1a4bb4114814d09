"""``loyalty report``: KPIs, liability, tiers, campaigns and cohorts as JSON, CSV or a file."""

from __future__ import annotations

import io
import json
import sys
from typing import Any

from loyalty_desktop.analytics.campaigns import CampaignReport
from loyalty_desktop.analytics.churn import ChurnReport
from loyalty_desktop.analytics.clv import ClvReport
from loyalty_desktop.analytics.cohorts import CohortReport
from loyalty_desktop.analytics.lifecycle import LifecycleReport
from loyalty_desktop.analytics.rfm import RfmReport
from loyalty_desktop.analytics.satisfaction import SatisfactionReport
from loyalty_desktop.analytics.tiers import TierReport
from loyalty_desktop.cli import analytic_views, presenters, report_views, satisfaction_view
from loyalty_desktop.cli.context import AlreadyPrinted, Context
from loyalty_desktop.cli.offers import offer_report_json
from loyalty_desktop.domain.money import Currency
from loyalty_desktop.services import programs, reports
from loyalty_desktop.services.offer_report import OfferReport
from loyalty_desktop.services.spreadsheet_cells import SafeCsvWriter


def cmd_report(ctx: Context, args: Any) -> dict[str, Any]:
    """A report for (--from, --at]: printed as JSON, or CSV on standard output, or written to --out."""
    if args.out:
        ctx.check_out(args.out, force=args.force)  # refused before minutes of work, not after
    typed = reports.report(
        ctx.shop,
        ctx.actor,
        args.name,
        start=ctx.moment(args.start, "from"),
        at=ctx.moment(args.at),
        horizon_days=args.horizon_days,
        store=args.store,
        fresh=args.fresh,
    )
    report = as_json(typed, programs.show_program(ctx.shop, ctx.actor).program.currency)
    if args.format == "csv" or args.out:
        text = (
            _as_csv(report)
            if args.format == "csv"
            else json.dumps(report, ensure_ascii=False, indent=2)
        )
        if args.out:
            return {
                "report": args.name,
                "file": str(ctx.write_out(args.out, text, force=args.force)),
                "format": args.format,
            }
        if not ctx.as_json:
            sys.stdout.write(text)
            raise AlreadyPrinted
        return {"report": args.name, "format": "csv", "csv": text}
    return report


def as_json(typed: reports.Report, cur: Currency) -> dict[str, Any]:
    """A report's JSON (shared/CONTRACT.md's fields first)."""
    if isinstance(typed, TierReport):
        return report_views.tiers(typed)
    if isinstance(typed, CampaignReport):
        return report_views.campaigns(typed)
    if isinstance(typed, CohortReport):
        return report_views.cohorts(typed)
    if isinstance(typed, RfmReport):
        return analytic_views.rfm(typed, cur)
    if isinstance(typed, ClvReport):
        return analytic_views.clv(typed, cur)
    if isinstance(typed, ChurnReport):
        return analytic_views.churn(typed)
    if isinstance(typed, LifecycleReport):
        return analytic_views.lifecycle(typed, cur)
    if isinstance(typed, SatisfactionReport):
        return satisfaction_view.satisfaction(typed)
    if isinstance(typed, OfferReport):
        return offer_report_json(typed, cur)
    return presenters.report(typed)


def _as_csv(report: dict[str, Any]) -> str:
    table = report_views.csv_table(report)
    if table is not None:
        return table
    buffer = io.StringIO()
    writer = SafeCsvWriter(buffer)
    writer.writerow(["key", "value"])
    for key, value in report.items():
        if isinstance(value, list):
            for i, item in enumerate(value):
                for k, v in item.items() if isinstance(item, dict) else [("value", item)]:
                    writer.writerow([f"{key}[{i}].{k}", v])
        else:
            writer.writerow([key, "" if value is None else value])
    return buffer.getvalue()
