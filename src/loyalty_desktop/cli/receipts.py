"""``loyalty receipt``: a posted sale's receipt as text, as ESC/POS bytes in a file, or on a printer."""

from __future__ import annotations

import sys
from typing import Any, cast

from loyalty_desktop.cli.context import AlreadyPrinted, Context
from loyalty_desktop.printing.coupon_slips import coupon_slips
from loyalty_desktop.printing.escpos import Encoding, Paper, columns_for, encode_receipt
from loyalty_desktop.printing.printer_port import send_to_printer
from loyalty_desktop.printing.receipt_text import receipt_lines
from loyalty_desktop.services import receipts


def cmd_receipt(ctx: Context, args: Any) -> dict[str, Any]:
    """The receipt's lines (text, or ``{"sale_id", "lines"}``); with --out/--print its printer bytes."""
    if args.out:
        ctx.check_out(args.out, force=args.force)  # refuse before any work
    receipt = receipts.receipt_for(ctx.shop, ctx.actor, args.sale_id)
    columns = columns_for(args.paper)
    lines = receipt_lines(receipt, columns, language=args.language)
    slips = coupon_slips(receipt, columns, language=args.language)
    if not args.out and not args.printer:
        if not ctx.as_json:
            shown = [*lines, *(line for slip in slips for line in [*slip.lines, "[QR]"])]
            sys.stdout.write("".join(f"{line}\n" for line in shown))
            raise AlreadyPrinted
        coupons = [{"code": slip.code, "lines": list(slip.lines)} for slip in slips]
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
    if args.out:
        result["file"] = str(ctx.write_out(args.out, data, force=args.force))
    if args.printer:
        send_to_printer(data, args.printer, protected=ctx.opened.protected_files())
        result["printed"] = args.printer
    return result


def cmd_receipt_header(ctx: Context, args: Any) -> dict[str, Any]:
    """Set the lines printed above every receipt (manager)."""
    return {"header": receipts.set_receipt_header(ctx.shop, ctx.actor, args.text)}
