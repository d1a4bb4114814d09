"""``loyalty offer create|list|show|issue|coupons`` and ``loyalty coupon check``: targeted offers."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from loyalty_desktop.cli.context import Context, read_text
from loyalty_desktop.cli.receipts import cmd_coupon_slips
from loyalty_desktop.domain.money import Currency, format_money
from loyalty_desktop.printing.coupon_image import coupon_png
from loyalty_desktop.services import coupons, offers
from loyalty_desktop.services.offer_report import OfferReport


def add_offer_commands(sub: argparse._SubParsersAction[Any], parser_class: type) -> None:
    """The ``offer`` and ``coupon`` commands' grammar."""
    offer = sub.add_parser("offer", help="targeted offers and their coupons").add_subparsers(
        dest="action", required=True, parser_class=parser_class
    )
    offer.add_parser("create", help="a new offer from its file (docs/offers.md)").add_argument(
        "file", help="the offer file (TOML)"
    )
    offer.add_parser("list", help="offers with members reached and coupons used")
    offer.add_parser("show", help="one offer").add_argument("offer", help="offer id or exact name")
    p = offer.add_parser("issue", help="give the offer's audience their coupons")
    p.add_argument("offer", help="offer id or exact name")
    p.add_argument("--at", help="choose the audience as of this moment (ISO 8601)")
    p = offer.add_parser("coupons", help="the unused coupons as a CSV list for SMS or WeChat")
    p.add_argument("offer", help="offer id or exact name")
    p.add_argument("--out", required=True, help="the CSV file to write")
    p.add_argument("--force", action="store_true", help="replace --out if it exists")
    coupon = sub.add_parser("coupon", help="coupons").add_subparsers(
        dest="action", required=True, parser_class=parser_class
    )
    p = coupon.add_parser("check", help="whether a coupon can be used now, and what it gives")
    p.add_argument("code", help="the coupon code as scanned or typed")
    p.add_argument("--member", help="the member who shows it")
    p.add_argument("--at", help="ISO 8601 time")
    p = coupon.add_parser("print", help="write the coupon as a printable QR image (PNG)")
    p.add_argument("code", help="the coupon code")
    p.add_argument("--out", required=True, help="the PNG file to write")
    p.add_argument("--force", action="store_true", help="replace --out if it exists")
    p = coupon.add_parser(
        "slips", help="a member's open coupons on the receipt printer: shown, saved or printed"
    )
    p.add_argument("member", help="member number, phone or card scan")
    p.add_argument("--paper", type=int, choices=[58, 80], default=80, help="paper width in mm")
    p.add_argument(
        "--encoding",
        choices=["gb18030", "gbk", "utf-8", "raster"],
        default="gb18030",
        help="how the printer takes text; raster sends a picture (for printers without hanzi)",
    )
    p.add_argument("--language", choices=["en", "zh_CN"], default="en", help="the slips' words")
    p.add_argument("--out", help="write the printer's bytes (ESC/POS) to this file")
    p.add_argument("--force", action="store_true", help="replace --out if it exists")
    p.add_argument("--print", dest="printer", help="send to this printer (tcp://host:9100, a port)")


def _offer(summary: offers.OfferSummary) -> dict[str, Any]:
    o = summary.offer
    return {
        "id": o.id,
        "name": o.name,
        "kind": o.kind.value,
        "gives": summary.gives,
        "start": o.starts_at.isoformat(),
        "end": o.ends_at.isoformat(),
        "first_day": summary.first_day.isoformat(),
        "last_day": summary.last_day.isoformat(),
        "per_member": o.per_member,
        "budget": o.budget,
        "control_share": str(o.control_share),
        "seed": o.seed,
        "audience": {name: list(values) for name, values in o.audience.rules()},
        "given": summary.given,
        "control": summary.control,
        "redeemed": summary.redeemed,
    }


def cmd_offer_create(ctx: Context, args: Any) -> dict[str, Any]:
    """A new offer from ``FILE.toml``: the offer as stored."""
    text = read_text(args.file, "offer file")
    created = offers.create_offer(ctx.shop, ctx.actor, text, Path(args.file).name)
    return _offer(offers.show_offer(ctx.shop, ctx.actor, created.id))


def cmd_offer_list(ctx: Context, args: Any) -> dict[str, Any]:
    """``{"offers": [...]}``, newest first."""
    return {"offers": [_offer(s) for s in offers.list_offers(ctx.shop, ctx.actor)]}


def cmd_offer_show(ctx: Context, args: Any) -> dict[str, Any]:
    """One offer with its counts."""
    return _offer(offers.show_offer(ctx.shop, ctx.actor, args.offer))


def cmd_offer_issue(ctx: Context, args: Any) -> dict[str, Any]:
    """``{"offer_id", "given", "control", "coupons", "already", "opted_out", "without_consent"}``."""
    done = offers.issue_offer(ctx.shop, ctx.actor, args.offer, ctx.moment(args.at))
    return {
        "offer_id": done.offer.id,
        "given": done.given,
        "control": done.control,
        "coupons": done.coupons,
        "already": done.already,
        "opted_out": done.opted_out,
        "without_consent": done.without_consent,
    }


def cmd_offer_coupons(ctx: Context, args: Any) -> dict[str, Any]:
    """Write the coupon list CSV: ``{"file", "coupons"}``."""
    ctx.check_out(args.out, force=args.force)
    lines = offers.coupon_list(ctx.shop, ctx.actor, args.offer)
    written = ctx.write_out(args.out, offers.coupon_list_csv(lines), force=args.force)
    return {"file": str(written), "coupons": len(lines)}


def cmd_coupon_check(ctx: Context, args: Any) -> dict[str, Any]:
    """``{"valid": true, "number", "offer", "gives", "member_no", "valid_until"}``; refused: exit 1."""
    found = coupons.check_coupon(ctx.shop, ctx.actor, args.code, args.member, ctx.moment(args.at))
    return {
        "valid": True,
        "number": found.number,
        "offer_id": found.offer_id,
        "offer": found.offer,
        "kind": found.kind.value,
        "gives": found.gives,
        "member_no": found.member_no,
        "valid_until": found.valid_until.isoformat(),
    }


def cmd_coupon_print(ctx: Context, args: Any) -> dict[str, Any]:
    """Write the coupon's image: ``{"file"}``."""
    ctx.check_out(args.out, force=args.force)
    shop_name, line = offers.coupon_to_print(ctx.shop, ctx.actor, args.code)
    png = coupon_png(
        line.code,
        shop_name=shop_name,
        offer=line.offer,
        gives=line.gives,
        valid_until=line.valid_until,
        member_no=line.member_no,
    )
    return {"file": str(ctx.write_out(args.out, png, force=args.force))}


def _lift(lift: Any, money: Callable[[float], Any]) -> dict[str, Any]:
    def shown(x: float | None) -> Any:
        return None if x is None else money(x)

    return {
        "offered": shown(lift.offered),
        "control": shown(lift.control),
        "incremental": shown(lift.difference),
        "ci95": None if lift.low is None else [shown(lift.low), shown(lift.high)],
    }


def offer_report_json(report: OfferReport, cur: Currency) -> dict[str, Any]:
    """``loyalty report offers``: per offer, issued, redeemed, rate, and the lift with its interval."""

    def money(x: float) -> str:
        return format_money(round(x), cur)

    def visits(x: float) -> float:
        return round(x, 3)

    return {
        "at": report.at.isoformat(),
        "min_group": report.min_group,
        "offers": [
            {
                "id": r.offer.id,
                "name": r.offer.name,
                "kind": r.offer.kind.value,
                "gives": r.gives,
                "issued": r.issued,
                "redeemed": r.redeemed,
                "redemption_rate": (
                    None if r.redemption_rate is None else round(r.redemption_rate, 4)
                ),
                "money_off": format_money(r.money_off, cur),
                "points": r.points,
                "offered_members": r.outcome.offered_members,
                "control_members": r.outcome.control_members,
                "measured_to": r.window_end.isoformat(),
                "sales_per_member": _lift(r.outcome.sales, money),
                "visits_per_member": _lift(r.outcome.visits, visits),
                "note": (
                    f"too few members for an interval (each side needs {report.min_group})"
                    if r.outcome.too_small
                    else None
                ),
            }
            for r in report.offers
        ],
    }


OFFER_HANDLERS: dict[tuple[str, str | None], Callable[[Context, Any], dict[str, Any]]] = {
    ("offer", "create"): cmd_offer_create,
    ("offer", "list"): cmd_offer_list,
    ("offer", "show"): cmd_offer_show,
    ("offer", "issue"): cmd_offer_issue,
    ("offer", "coupons"): cmd_offer_coupons,
    ("coupon", "check"): cmd_coupon_check,
    ("coupon", "print"): cmd_coupon_print,
    ("coupon", "slips"): cmd_coupon_slips,
}
