"""``loyalty audit``: the audit log filtered by staff, member, action and dates; printed or saved as CSV."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from loyalty_desktop.cli.context import Context
from loyalty_desktop.services import audit_view


def _until(ctx: Context, text: str | None) -> datetime | None:
    """``--until``: a date alone means the whole of that day."""
    moment = ctx.moment(text, "until")
    if moment is not None and text is not None and len(text.strip()) == len("2025-03-01"):
        return moment + timedelta(days=1) - timedelta(microseconds=1)
    return moment


def cmd_audit(ctx: Context, args: Any) -> dict[str, Any]:
    """A page of entries as JSON, or every matching entry written to --out as CSV."""
    query = audit_view.AuditQuery(
        staff=args.by,
        member=args.member,
        action=args.what,
        since=ctx.moment(args.since, "since"),
        until=_until(ctx, args.until),
    )
    if args.out:
        ctx.check_out(args.out, force=args.force)
        export = audit_view.audit_csv(ctx.shop, ctx.actor, query)
        written = ctx.write_out(args.out, export.text, force=args.force)
        return {"file": str(written), "entries": export.entries}
    page = audit_view.audit_lines(ctx.shop, ctx.actor, query, limit=args.limit)
    return {
        "entries": [
            dict(zip(audit_view.CSV_COLUMNS, _json_cells(line), strict=True)) for line in page.lines
        ],
        "more": page.next is not None,
    }


def _json_cells(line: audit_view.AuditLine) -> list[Any]:
    return [
        line.seq,
        line.at.isoformat(),
        line.staff,
        line.action,
        line.subject,
        line.member_no,
        line.reason,
        dict(line.details),
    ]
