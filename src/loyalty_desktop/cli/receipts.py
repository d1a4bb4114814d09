"""``loyalty receipt`` and ``coupon slips``: a sale's receipt, or a member's coupons, for the receipt printer.

Each is shown as text, written as ESC/POS bytes to a file, or sent to a printer.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any, cast

from loyalty_desktop.cli.context import AlreadyPrinted, Context
from loyalty_desktop.printing.coupon_slips import CouponSlip, coupon_slips, sheet_lines
from loyalty_desktop.printing.escpos import Encoding, Paper, columns_for, encode_receipt
from loyalty_desktop.printing.printer_port import send_to_printer
from loyalty_desktop.printing.receipt_text import receipt_lines
from loyalty_desktop.services import receipts
from loyalty_desktop.services.coupon_sheets import member_coupon_sheet


def cmd_receipt(ctx: Context, args: Any) -> dict[str, Any]:
    """The receipt's lines (text, or ``{"sale_id", "lines"}``); with --out/--print its printer bytes."""
    if args.out:
        ctx.check_out(args.out, force=args.force)  # refuse before any work
    receipt = receipts.receipt_for(ctx.shop, ctx.actor, args.sale_id)
    columns = columns_for(args.paper)
    lines = receipt_lines(receipt, columns, language=args.language)
    slips = coupon_slips(receipt.coupons, receipt.currency, columns, language=args.language)
    if not args.out and not args.printer:
        coupons = _preview(ctx, lines, slips)
        return {"sale_id": receipt.sale_no, "lines": lines, "coupons": coupons}
    data = encode_receipt(
        lines,
        encoding=cast(Encoding, args.encoding),
        paper=cast(Paper, args.paper),
        qr=None if args.no_qr else receipt.sale_no,
        slips=slips,
    )
    result: dict[str, Any] = {
        "sale_id": receipt.sale_no,
        "paper": args.paper,
        "encoding": args.encoding,
        "bytes": len(data),
        "coupons": len(slips),
    }
    return _deliver(ctx, args, data, result)


def cmd_receipt_header(ctx: Context, args: Any) -> dict[str, Any]:
    """Set the lines printed above every receipt (manager)."""
    return {"header": receipts.set_receipt_header(ctx.shop, ctx.actor, args.text)}


def cmd_coupon_slips(ctx: Context, args: Any) -> dict[str, Any]:
    """A member's open coupons as slips: ``{"member_no", "coupons": [{"code", "lines"}], "lines"}``.

    With --out/--print: ``{"member_no", "coupons": N, "bytes", "file"/"printed"}``.
    """
    if args.out:
        ctx.check_out(args.out, force=args.force)
    sheet = member_coupon_sheet(ctx.shop, ctx.actor, args.member)
    columns = columns_for(args.paper)
    lines = sheet_lines(sheet, columns, language=args.language)
    slips = coupon_slips(sheet.coupons, sheet.currency, columns, language=args.language)
    if not args.out and not args.printer:
        coupons = _preview(ctx, lines, slips)
        return {"member_no": sheet.member_no, "lines": lines, "coupons": coupons}
    data = encode_receipt(
        lines,
        encoding=cast(Encoding, args.encoding),
        paper=cast(Paper, args.paper),
        slips=slips,
    )
    result: dict[str, Any] = {
        "member_no": sheet.member_no,
        "coupons": len(slips),
        "bytes": len(data),
    }
    return _deliver(ctx, args, data, result)


def _preview(ctx: Context, lines: list[str], slips: Sequence[CouponSlip]) -> list[dict[str, Any]]:
    """Without --out/--print: the text printed here (raises AlreadyPrinted), or the slips for JSON."""
    if not ctx.as_json:
        shown = [*lines, *(line for slip in slips for line in [*slip.lines, "[QR]"])]
        sys.stdout.write("".join(f"{line}\n" for line in shown))
        raise AlreadyPrinted
    return [{"code": slip.code, "lines": list(slip.lines)} for slip in slips]


def _deliver(ctx: Context, args: Any, data: bytes, result: dict[str, Any]) -> dict[str, Any]:
    """Write the printer bytes to --out and/or send them to --print; say where in ``result``."""
    if args.out:
        result["file"] = str(ctx.write_out(args.out, data, force=args.force))
    if args.printer:
        send_to_printer(data, args.printer, protected=ctx.opened.protected_files())
        result["printed"] = args.printer
    return result
