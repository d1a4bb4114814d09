"""``loyalty report``: KPIs and points liability as JSON, CSV or a file."""

from __future__ import annotations

import csv
import io
import json
import sys
from datetime import timedelta
from typing import Any

from loyalty_desktop.analytics.kpis import kpis
from loyalty_desktop.analytics.liability import liability
from loyalty_desktop.cli.context import AlreadyPrinted, Context
from loyalty_desktop.db.report_queries import SqlReportSource
from loyalty_desktop.domain.errors import InvalidRequest
from loyalty_desktop.services import programs
from loyalty_desktop.services.auth import Permission, require

MAX_HORIZON_DAYS = 36_500


def cmd_report(ctx: Context, args: Any) -> dict[str, Any]:
    """A report for (--from, --at]: printed as JSON, or CSV on standard output, or written to --out."""
    require(ctx.actor, Permission.REPORTS)
    if not 1 <= args.horizon_days <= MAX_HORIZON_DAYS:
        raise InvalidRequest(
            f"--horizon-days must be from 1 to {MAX_HORIZON_DAYS} (a hundred years)",
            field="horizon_days",
        )
    at = ctx.moment(args.at) or ctx.shop.clock.now()
    start = ctx.moment(args.start) or at - timedelta(days=365)
    if start >= at:
        raise InvalidRequest("--from must be before --at")
    with ctx.shop.uow(write=False) as uow:
        _, program = programs.program_in_force(uow)
    source = SqlReportSource(ctx.opened.engine, now=ctx.shop.clock.now())
    if args.name == "kpis":
        report = kpis(source, program, start, at)
    else:
        report = liability(source, program, at, args.horizon_days)
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


def _as_csv(report: dict[str, Any]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["key", "value"])
    for key, value in report.items():
        if isinstance(value, list):
            for i, item in enumerate(value):
                for k, v in item.items() if isinstance(item, dict) else [("value", item)]:
                    writer.writerow([f"{key}[{i}].{k}", v])
        else:
            writer.writerow([key, "" if value is None else value])
    return buffer.getvalue()
