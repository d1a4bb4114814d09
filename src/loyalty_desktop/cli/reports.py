"""``loyalty report``: KPIs and points liability as JSON, CSV or a file."""

from __future__ import annotations

import io
import json
import sys
from typing import Any

from loyalty_desktop.cli import presenters
from loyalty_desktop.cli.context import AlreadyPrinted, Context
from loyalty_desktop.services import reports
from loyalty_desktop.services.spreadsheet_cells import SafeCsvWriter


def cmd_report(ctx: Context, args: Any) -> dict[str, Any]:
    """A report for (--from, --at]: printed as JSON, or CSV on standard output, or written to --out."""
    typed = reports.report(
        ctx.shop,
        ctx.actor,
        args.name,
        start=ctx.moment(args.start, "from"),
        at=ctx.moment(args.at),
        horizon_days=args.horizon_days,
    )
    report = presenters.report(typed)
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
