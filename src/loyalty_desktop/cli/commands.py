"""One handler per command: turn arguments into a service call and its result into a dict."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from loyalty_desktop.app import open_database
from loyalty_desktop.cli import presenters
from loyalty_desktop.cli.audit import cmd_audit
from loyalty_desktop.cli.backups import (
    cmd_backup,
    cmd_backup_auto,
    cmd_backup_keep,
    cmd_backup_list,
    cmd_restore,
)
from loyalty_desktop.cli.context import AlreadyPrinted, Context, NotOk, Refused, read_text
from loyalty_desktop.cli.imports import column_map
from loyalty_desktop.cli.member_events import EVENT_HANDLERS
from loyalty_desktop.cli.members import cmd_member_edit, cmd_merge_preview
from loyalty_desktop.cli.offers import OFFER_HANDLERS
from loyalty_desktop.cli.parser import UsageError
from loyalty_desktop.cli.programme import (
    cmd_program_export,
    cmd_program_preview,
    cmd_program_versions,
)
from loyalty_desktop.cli.progress import progress_job
from loyalty_desktop.cli.receipts import cmd_receipt, cmd_receipt_header
from loyalty_desktop.cli.recommend import cmd_recommend, cmd_recommend_options
from loyalty_desktop.cli.reports import cmd_report
from loyalty_desktop.cli.staff import (
    cmd_staff_add,
    cmd_staff_disable,
    cmd_staff_enable,
    cmd_staff_list,
    cmd_staff_reset_pin,
    cmd_staff_role,
    cmd_till_rules,
)
from loyalty_desktop.cli.surveys import SURVEY_HANDLERS
from loyalty_desktop.cli.sync import (
    cmd_sync,
    cmd_sync_connect,
    cmd_sync_disconnect,
    cmd_sync_limits,
    cmd_sync_passed_over,
    cmd_sync_quarantined,
    cmd_sync_read_again,
    cmd_sync_status,
)
from loyalty_desktop.demo.build import MAX_DEMO_MEMBERS, build_demo
from loyalty_desktop.domain.cards import quoted
from loyalty_desktop.domain.errors import InvalidRequest
from loyalty_desktop.domain.members import Member, parse_birthday
from loyalty_desktop.domain.program_file import parse_program
from loyalty_desktop.installation import demo_db_path, starts_as_demo
from loyalty_desktop.keyfiles import CardKeyFile, FileAuditSeal
from loyalty_desktop.printing.card_image import card_png
from loyalty_desktop.services import (
    browsing,
    checkout,
    imports,
    integrity,
    keys,
    member_view,
    members,
    merge,
    points,
    privacy,
    products,
    programs,
    refunds,
    reports,
    staff,
)
from loyalty_desktop.services.ports import AuditSeal, KeyFingerprints

Handler = Callable[["Context", Any], dict[str, Any]]


def cmd_init(ctx: Context, args: Any) -> dict[str, Any]:
    # A programme file that cannot be read or used leaves no new database behind.
    text = read_text(args.program, "programme file") if args.program else None
    if text is not None:
        parse_program(text, args.program)
    opened = ctx.opened
    result: dict[str, Any] = {
        "db": opened.location,
        "schema": opened.revision,
        "device_id": opened.shop.device_id,
    }
    if opened.backup:
        result["backup"] = str(opened.backup)
    if text is not None:
        loaded = programs.load_program(ctx.shop, ctx.actor, text, args.program)
        result["program_version"] = loaded.version
    return result


def cmd_program_load(ctx: Context, args: Any) -> dict[str, Any]:
    text = read_text(args.file, "programme file")
    return presenters.program(programs.load_program(ctx.shop, ctx.actor, text, args.file))


def cmd_program_show(ctx: Context, args: Any) -> dict[str, Any]:
    return presenters.program(programs.show_program(ctx.shop, ctx.actor))


def cmd_member_add(ctx: Context, args: Any) -> dict[str, Any]:
    at = ctx.moment(args.at)
    today = (at or datetime.now(UTC)).date()
    data = members.NewMember(
        name=args.name,
        phone=args.phone,
        email=args.email,
        birthday=parse_birthday(args.birthday, today + timedelta(days=1))
        if args.birthday
        else None,
        consent=args.consent,
        member_no=args.member_no,
    )
    return presenters.enrolled(members.enrol(ctx.shop, ctx.actor, data, at))


def cmd_member_show(ctx: Context, args: Any) -> dict[str, Any]:
    return presenters.member(
        member_view.show_member(ctx.shop, ctx.actor, args.ref, ctx.moment(args.at))
    )


def cmd_member_card(ctx: Context, args: Any) -> dict[str, Any]:
    if not args.out.lower().endswith(".png"):
        raise InvalidRequest(
            "the card is written as PNG; give --out a name ending in .png",
            reason="card_out_not_png",
            field="out",
        )
    ctx.check_out(args.out, force=args.force)  # refuse before a reissue revokes the old card

    def save(member: Member, code: str, shop_name: str) -> dict[str, Any]:
        png = card_png(
            code, shop_name=shop_name, member_name=member.name, member_no=member.member_no
        )
        path = ctx.write_out(args.out, png, force=args.force)
        return {"file": str(path), "member_no": member.member_no, "card": code}

    return members.member_card(ctx.shop, ctx.actor, args.ref, reissue=args.reissue, deliver=save)


def cmd_member_export(ctx: Context, args: Any) -> dict[str, Any]:
    ctx.check_out(args.out, force=args.force)

    def write(data: dict[str, Any]) -> dict[str, Any]:
        text = json.dumps(data, ensure_ascii=False, indent=2)
        return {"file": str(ctx.write_out(args.out, text, force=args.force))}

    return privacy.export_member(ctx.shop, ctx.actor, args.ref, deliver=write)


def cmd_member_erase(ctx: Context, args: Any) -> dict[str, Any]:
    return presenters.erased(privacy.erase_member(ctx.shop, ctx.actor, args.ref))


def cmd_member_search(ctx: Context, args: Any) -> dict[str, Any]:
    found = browsing.search_members(ctx.shop, ctx.actor, args.text, limit=5)
    return {
        "members": [
            {"member_no": m.member_no, "name": m.name, "phone": m.phone_masked} for m in found
        ]
    }


def cmd_product_add(ctx: Context, args: Any) -> dict[str, Any]:
    saved = products.save_product(
        ctx.shop,
        ctx.actor,
        args.sku,
        name=args.name,
        price=args.price,
        category=args.category,
        barcode=args.barcode,
    )
    return presenters.saved_product(saved)


def cmd_product_list(ctx: Context, args: Any) -> dict[str, Any]:
    found = products.search_products(ctx.shop, ctx.actor, args.search, limit=args.limit)
    return presenters.product_list(found)


def cmd_product_show(ctx: Context, args: Any) -> dict[str, Any]:
    return presenters.product(products.find_product(ctx.shop, ctx.actor, args.code))


def _sale_line(text: str) -> checkout.LineRequest:
    parts = [p.strip() for p in text.split(",")]
    if not 3 <= len(parts) <= 5:
        raise InvalidRequest(
            f"--line {quoted(text)} must be SKU,QTY,UNIT_PRICE[,CATEGORY[,DISCOUNT]] "
            "(no commas inside a value)",
            reason="sale_line_format",
            field="line",
        )
    category = parts[3] if len(parts) >= 4 else None
    discount = parts[4] if len(parts) == 5 else None
    return checkout.LineRequest(parts[0], parts[1], parts[2], category, discount)


def cmd_sale(ctx: Context, args: Any) -> dict[str, Any]:
    request = checkout.SaleRequest(
        sale_no=args.sale_id,
        member_ref=args.member,
        total=args.total,
        lines=tuple(_sale_line(t) for t in args.line or ()),
        discount=args.discount,
        redeem=args.redeem,
        at=ctx.moment(args.at),
        rewards=tuple(args.reward or ()),
        coupon=args.coupon,
    )
    return presenters.sale(checkout.checkout(ctx.shop, ctx.actor, request))


def _refund_line(text: str) -> tuple[str, str]:
    parts = [p.strip() for p in text.split(",")]
    if len(parts) != 2:
        raise InvalidRequest(
            f"--line {quoted(text)} must be SKU,QTY", reason="refund_line_format", field="line"
        )
    return parts[0], parts[1]


def cmd_refund(ctx: Context, args: Any) -> dict[str, Any]:
    request = refunds.RefundRequest(
        refund_no=args.refund_id,
        sale_no=args.sale,
        amount=args.amount,
        lines=tuple(_refund_line(t) for t in args.line or ()),
        at=ctx.moment(args.at),
        reason=args.reason,
    )
    return presenters.refund(refunds.refund(ctx.shop, ctx.actor, request))


def cmd_adjust(ctx: Context, args: Any) -> dict[str, Any]:
    adjusted = points.adjust(
        ctx.shop,
        ctx.actor,
        args.ref,
        args.points,
        args.reason,
        args.request_id,
        ctx.moment(args.at),
    )
    return presenters.adjusted(adjusted)


def cmd_award(ctx: Context, args: Any) -> dict[str, Any]:
    awarded = points.award(
        ctx.shop, ctx.actor, args.ref, args.activity, ctx.moment(args.at), args.request_id
    )
    return presenters.awarded(awarded)


def cmd_expire(ctx: Context, args: Any) -> dict[str, Any]:
    out = presenters.expiry(points.expire(ctx.shop, ctx.actor, ctx.moment(args.at)))
    if args.reports:  # the nightly job computes today's heavy reports ahead (as of now)
        out.update(presenters.stored_run(reports.store_for_later(ctx.shop, ctx.actor)))
    return out


def cmd_merge(ctx: Context, args: Any) -> dict[str, Any]:
    if args.preview:
        return cmd_merge_preview(ctx, args)
    merged = merge.merge_members(
        ctx.shop, ctx.actor, args.keep, args.other, ctx.moment(args.at), args.reason
    )
    return presenters.merged(merged)


def _import_result(report: imports.ImportReport, skip_invalid: bool) -> dict[str, Any]:
    result = presenters.import_report(report)
    if report.stopped:
        first = report.rejected[0]
        raise Refused(
            "import_stopped",
            f"row {first.row} cannot be posted ({first.error}); the {report.imported} row(s) "
            "before it were imported. Fix the file and run it again: rows already imported "
            "are skipped",
            **result,
        )
    if report.rejected and not skip_invalid:
        raise Refused(
            "invalid_rows",
            f"{len(report.rejected)} row(s) cannot be imported; nothing was imported",
            **result,
        )
    return result


def cmd_import_members(ctx: Context, args: Any) -> dict[str, Any]:
    report = imports.import_members(
        ctx.shop,
        ctx.actor,
        Path(args.file),
        skip_invalid=args.skip_invalid,
        encoding=args.encoding,
        mapping=column_map(args.map),
        job=progress_job(),
    )
    return _import_result(report, args.skip_invalid)


def cmd_import_products(ctx: Context, args: Any) -> dict[str, Any]:
    report = products.import_products(
        ctx.shop,
        ctx.actor,
        Path(args.file),
        args.encoding,
        mapping=column_map(args.map),
        skip_invalid=args.skip_invalid,
        job=progress_job(),
    )
    return _import_result(report, args.skip_invalid)


def cmd_import_sales(ctx: Context, args: Any) -> dict[str, Any]:
    report = imports.import_sales(
        ctx.shop,
        ctx.actor,
        Path(args.file),
        create_members=args.create_members,
        skip_invalid=args.skip_invalid,
        encoding=args.encoding,
        mapping=column_map(args.map),
        job=progress_job(),
    )
    return _import_result(report, args.skip_invalid)


def cmd_demo(ctx: Context, args: Any) -> dict[str, Any]:
    if not 1 <= args.members <= MAX_DEMO_MEMBERS:
        raise InvalidRequest(
            f"--members must be between 1 and {MAX_DEMO_MEMBERS}",
            reason="demo_members_range",
            field="members",
            minimum=1,
            maximum=MAX_DEMO_MEMBERS,
        )
    return build_demo(ctx.shop, ctx.actor, members=args.members, seed=args.seed)


def cmd_check(ctx: Context, args: Any) -> dict[str, Any]:
    verdict = integrity.check(ctx.shop, ctx.actor, ctx.opened.integrity, ctx.opened.key_problems)
    if not verdict.ok:
        raise NotOk(presenters.check(verdict))
    return presenters.check(verdict)


def cmd_card_key_rotate(ctx: Context, args: Any) -> dict[str, Any]:
    def rotate() -> tuple[KeyFingerprints, int]:
        rotated = CardKeyFile.find(ctx.opened.keys_dir)
        assert rotated is not None, "the key file was checked when the database was opened"
        rotated = rotated.rotate()
        return rotated.fingerprints(), rotated.active_id

    return presenters.key_rotation(keys.rotate_card_key(ctx.shop, ctx.actor, rotate))


def cmd_card_key_replace(ctx: Context, args: Any) -> dict[str, Any]:
    if not args.confirm:
        raise InvalidRequest(
            "replacing the keys makes every printed member card invalid; "
            "run again with --confirm if the key file is lost for good",
            reason="confirm_required",
            field="confirm",
        )

    def replace() -> tuple[KeyFingerprints, AuditSeal]:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        fresh = CardKeyFile.replace(ctx.opened.keys_dir, stamp)
        seal = FileAuditSeal(fresh.audit_key, ctx.opened.keys_dir, ctx.shop.device_id)
        return fresh.fingerprints(), seal

    return presenters.key_replacement(keys.replace_keys(ctx.shop, ctx.actor, replace))


DEMO_GUI_MEMBERS = 300  # built in a few seconds on a shop PC's first start
DEMO_SEED = 7  # the demo command's default: the same sample shop


def cmd_gui(ctx: Context, args: Any) -> dict[str, Any]:
    if ctx.gui is None:
        raise Refused(
            "not_available",
            "the desktop application is not installed with this command; run loyalty-desktop",
        )
    # No database chosen and none made yet: a first start shows a labelled demo shop.
    demo = starts_as_demo(ctx.db)
    if not demo:
        ctx.gui(ctx.shop, False, ctx.opened.location)
        raise AlreadyPrinted
    path = demo_db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    fresh = not path.exists()
    opened = open_database(path)
    try:
        if fresh:
            sys.stderr.write("building the demo shop (a few seconds)...\n")
            build_demo(
                opened.shop,
                staff.unsigned_actor(opened.shop),
                members=DEMO_GUI_MEMBERS,
                seed=DEMO_SEED,
            )
        ctx.gui(opened.shop, True, opened.location)
    finally:
        opened.engine.dispose()
    raise AlreadyPrinted


_HANDLERS: dict[tuple[str, str | None], Handler] = {
    ("init", None): cmd_init,
    ("program", "load"): cmd_program_load,
    ("program", "show"): cmd_program_show,
    ("member", "add"): cmd_member_add,
    ("member", "show"): cmd_member_show,
    ("member", "card"): cmd_member_card,
    ("member", "export"): cmd_member_export,
    ("member", "erase"): cmd_member_erase,
    ("member", "search"): cmd_member_search,
    ("product", "add"): cmd_product_add,
    ("product", "list"): cmd_product_list,
    ("product", "show"): cmd_product_show,
    ("sale", None): cmd_sale,
    ("refund", None): cmd_refund,
    ("receipt", None): cmd_receipt,
    ("receipt-header", None): cmd_receipt_header,
    ("adjust", None): cmd_adjust,
    ("award", None): cmd_award,
    ("expire", None): cmd_expire,
    ("merge", None): cmd_merge,
    ("recommend", None): cmd_recommend,
    ("recommend-options", "show"): cmd_recommend_options,
    ("recommend-options", "set"): cmd_recommend_options,
    ("import", "members"): cmd_import_members,
    ("import", "products"): cmd_import_products,
    ("import", "sales"): cmd_import_sales,
    ("report", None): cmd_report,
    ("demo", None): cmd_demo,
    ("check", None): cmd_check,
    ("sync", None): cmd_sync,
    ("sync", "connect"): cmd_sync_connect,
    ("sync", "status"): cmd_sync_status,
    ("sync", "disconnect"): cmd_sync_disconnect,
    ("sync", "quarantined"): cmd_sync_quarantined,
    ("sync", "passed-over"): cmd_sync_passed_over,
    ("sync", "read-again"): cmd_sync_read_again,
    ("sync", "limits"): cmd_sync_limits,
    ("staff", "add"): cmd_staff_add,
    ("staff", "list"): cmd_staff_list,
    ("card-key", "rotate"): cmd_card_key_rotate,
    ("card-key", "replace"): cmd_card_key_replace,
    ("gui", None): cmd_gui,
    ("member", "edit"): cmd_member_edit,
    ("program", "export"): cmd_program_export,
    ("program", "versions"): cmd_program_versions,
    ("program", "preview"): cmd_program_preview,
    ("staff", "disable"): cmd_staff_disable,
    ("staff", "enable"): cmd_staff_enable,
    ("staff", "reset-pin"): cmd_staff_reset_pin,
    ("staff", "role"): cmd_staff_role,
    ("till-rules", None): cmd_till_rules,
    ("backup", None): cmd_backup,
    ("backup", "list"): cmd_backup_list,
    ("backup", "auto"): cmd_backup_auto,
    ("backup", "keep"): cmd_backup_keep,
    ("restore", None): cmd_restore,
    ("audit", None): cmd_audit,
    **EVENT_HANDLERS,
    **SURVEY_HANDLERS,
    **OFFER_HANDLERS,
}


def handler_for(args: Any) -> Handler:
    """The handler of the parsed command."""
    key = (args.command, getattr(args, "action", None))
    if key not in _HANDLERS:
        raise UsageError(f"unknown command {' '.join(k for k in key if k)}")
    return _HANDLERS[key]
