"""``loyalty program export|versions|preview``: the programme file out, its history, what a sale earns."""

from __future__ import annotations

import sys
from typing import Any

from loyalty_desktop.cli.context import AlreadyPrinted, Context, read_text
from loyalty_desktop.domain.money import format_money
from loyalty_desktop.domain.program_file import parse_program
from loyalty_desktop.services import programs
from loyalty_desktop.services.programme_preview import preview_earn


def cmd_program_export(ctx: Context, args: Any) -> dict[str, Any]:
    """The programme file in force: to --out (never over an existing file without --force), else printed."""
    if args.out:
        ctx.check_out(args.out, force=args.force)
    exported = programs.export_program(ctx.shop, ctx.actor)
    if args.out:
        written = ctx.write_out(args.out, exported.text, force=args.force)
        return {"file": str(written), "version": exported.version}
    if ctx.as_json:
        return {"version": exported.version, "text": exported.text}
    sys.stdout.write(exported.text)
    raise AlreadyPrinted


def cmd_program_versions(ctx: Context, args: Any) -> dict[str, Any]:
    """Programme versions, newest first."""
    return {
        "versions": [
            {
                "version": v.version,
                "loaded_at": v.loaded_at.isoformat(),
                "loaded_by": v.loaded_by,
                "source": v.source,
                "in_force": v.in_force,
            }
            for v in programs.program_versions(ctx.shop, ctx.actor)
        ]
    }


def cmd_program_preview(ctx: Context, args: Any) -> dict[str, Any]:
    """What a sale would earn under the programme in force or under ``--file``."""
    if args.file:
        program = parse_program(read_text(args.file, "programme file"), args.file)
    else:
        program = programs.show_program(ctx.shop, ctx.actor).program
    preview = preview_earn(
        ctx.shop,
        ctx.actor,
        program,
        args.amount,
        tier=args.tier,
        at=ctx.moment(args.at),
        category=args.category,
        birthday_month=args.birthday_month,
    )
    cur = program.currency
    return {
        "amount": format_money(preview.amount, cur),
        "tier_discount": format_money(preview.tier_discount, cur),
        "paid": format_money(preview.paid, cur),
        "earned": preview.points,
        "campaigns": list(preview.campaigns),
    }
