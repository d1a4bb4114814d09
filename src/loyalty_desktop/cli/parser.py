"""The command line's grammar (argparse), exactly as shared/CONTRACT.md fixes it, plus extensions."""

from __future__ import annotations

import argparse
import json
import sys
from typing import NoReturn

from loyalty_desktop.cli.member_events import add_event_commands
from loyalty_desktop.cli.offers import add_offer_commands
from loyalty_desktop.cli.survey_args import add_survey_commands, add_survey_import


class UsageError(Exception):
    """Wrong usage: exit code 2."""


class Parser(argparse.ArgumentParser):
    """An argparse parser that reports usage errors as exceptions (so ``--json`` can answer in JSON)."""

    def error(self, message: str) -> NoReturn:
        """Raise instead of printing usage and exiting."""
        raise UsageError(f"{self.prog}: {message}")

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        """Raise instead of exiting, so the caller decides the exit code."""
        if message:
            sys.stderr.write(message)
        raise SystemExit(status)


def _at(p: argparse.ArgumentParser) -> None:
    p.add_argument("--at", help="ISO 8601 time; a date alone is midnight in the shop's time zone")


def _encoding(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--encoding",
        metavar="NAME",
        help="read the file in exactly this encoding (cp1252, cp932, big5, utf-16, …); "
        "default: UTF-8, or GBK for Chinese text",
    )


def _import_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--skip-invalid",
        action="store_true",
        help="import the valid rows and list the others (default: nothing if any row is bad)",
    )
    p.add_argument(
        "--map",
        action="append",
        metavar="FIELD=COLUMN",
        help="read FIELD from the file's column COLUMN (member_no=会员号; FIELD= leaves an "
        "optional field out); fields not named are guessed from the headers. The file may be "
        "CSV or Excel (.xlsx)",
    )


def build_parser() -> Parser:
    """The whole ``loyalty`` grammar."""
    root = Parser(prog="loyalty", description="Membership and points for shop tills.")
    root.add_argument(
        "--db", help="SQLite database file (default: $LOYALTY_DB or the per-user data directory)"
    )
    root.add_argument("--json", action="store_true", help="print exactly one JSON object")
    root.add_argument(
        "--staff",
        metavar="NAME",
        help="the signed-in staff member; the PIN comes from a prompt, standard input or LOYALTY_PIN",
    )
    sub = root.add_subparsers(dest="command", required=True, parser_class=Parser)

    p = sub.add_parser("init", help="create or upgrade the database")
    p.add_argument("--program", help="programme file (TOML) to load")

    program = sub.add_parser("program", help="the loyalty programme").add_subparsers(
        dest="action", required=True, parser_class=Parser
    )
    program.add_parser("load", help="load a programme file").add_argument("file")
    program.add_parser("show", help="show the programme in force")
    p = program.add_parser("export", help="the programme file in force (TOML)")
    p.add_argument("--out", help="write it to this file instead of standard output")
    p.add_argument(
        "--force", action="store_true", help="replace --out if it exists (never the database)"
    )
    program.add_parser(
        "versions", help="programme versions: when loaded, by whom, which is in force"
    )
    p = program.add_parser("preview", help="points a sale would earn under a programme")
    p.add_argument("--amount", required=True, help="the sale's total, like 100.00")
    p.add_argument("--tier", help="the member's tier (default: no tier)")
    p.add_argument("--category", help="the category of what is sold")
    p.add_argument("--birthday-month", action="store_true", help="in the member's birthday month")
    p.add_argument("--at", help="when the sale happens (default: now)")
    p.add_argument("--file", help="a programme file to try instead of the one in force")

    member = sub.add_parser("member", help="members").add_subparsers(
        dest="action", required=True, parser_class=Parser
    )
    p = member.add_parser("add", help="enrol a member")
    p.add_argument("--name", required=True)
    p.add_argument("--phone")
    p.add_argument("--email")
    p.add_argument("--birthday", help="YYYY-MM-DD")
    p.add_argument(
        "--consent", action="store_true", help="the member agreed to marketing use of their data"
    )
    p.add_argument("--member-no", help="use this member number instead of the next free one")
    _at(p)
    p = member.add_parser("show", help="tier, points, expiring points")
    p.add_argument("ref")
    _at(p)
    p = member.add_parser("card", help="write the member's card as a PNG")
    p.add_argument("ref")
    p.add_argument("--out", required=True)
    p.add_argument(
        "--force", action="store_true", help="replace --out if it exists (never the database)"
    )
    p.add_argument(
        "--reissue", action="store_true", help="print a new card; the old one stops working"
    )
    p = member.add_parser("export", help="export everything held about a member (JSON)")
    p.add_argument("ref")
    p.add_argument("--out", required=True)
    p.add_argument(
        "--force", action="store_true", help="replace --out if it exists (never the database)"
    )
    member.add_parser("erase", help="erase a member's personal data").add_argument("ref")
    member.add_parser(
        "search",
        help="members whose number or name starts with TEXT, or whose phone (or its last 4 digits) it is",
    ).add_argument("text")
    p = member.add_parser(
        "edit", help="change a member's profile; an empty value clears it (not the name)"
    )
    p.add_argument("ref")
    p.add_argument("--name")
    p.add_argument("--phone")
    p.add_argument("--email")
    p.add_argument("--birthday", help="YYYY-MM-DD")
    p.add_argument(
        "--consent",
        action=argparse.BooleanOptionalAction,
        help="the member agreed (or, with --no-consent, no longer agrees) to marketing use",
    )
    p.add_argument(
        "--personalised-offers",
        action=argparse.BooleanOptionalAction,
        help="with --no-personalised-offers the member gets no targeted offers (apart from consent)",
    )

    product = sub.add_parser("product", help="the product catalogue").add_subparsers(
        dest="action", required=True, parser_class=Parser
    )
    p = product.add_parser(
        "add", help="add a product, or replace every value of the one with this SKU"
    )
    p.add_argument("sku")
    p.add_argument("--name", required=True)
    p.add_argument("--price", required=True, help="in the programme's currency, like 12.50")
    p.add_argument("--category")
    p.add_argument("--barcode")
    p = product.add_parser(
        "list", help="active products whose SKU starts with TEXT or whose name holds it"
    )
    p.add_argument("--search", metavar="TEXT", default="")
    p.add_argument("--limit", type=int, default=20, help="at most 100")
    product.add_parser("show", help="the product with this SKU or barcode").add_argument("code")

    p = sub.add_parser("sale", help="post a sale")
    p.add_argument("sale_id")
    p.add_argument("--member", required=True)
    basket = p.add_mutually_exclusive_group(required=True)
    basket.add_argument("--total")
    basket.add_argument(
        "--line", action="append", metavar="SKU,QTY,UNIT_PRICE[,CATEGORY[,DISCOUNT]]"
    )
    p.add_argument("--discount")
    p.add_argument("--redeem", type=int, default=0)
    p.add_argument(
        "--reward",
        action="append",
        metavar="NAME",
        help="take the programme's reward NAME (repeat for several)",
    )
    p.add_argument(
        "--coupon",
        metavar="CODE",
        help="use the member's coupon (its money off joins the discount, its points the earning)",
    )
    _at(p)

    p = sub.add_parser("refund", help="refund (part of) a sale")
    p.add_argument("refund_id")
    p.add_argument("--sale", required=True)
    goods = p.add_mutually_exclusive_group(required=True)
    goods.add_argument("--amount")
    goods.add_argument("--line", action="append", metavar="SKU,QTY")
    p.add_argument("--reason")
    _at(p)

    p = sub.add_parser(
        "receipt", help="a sale's receipt: shown, saved as printer bytes, or printed"
    )
    p.add_argument("sale_id")
    p.add_argument("--paper", type=int, choices=[58, 80], default=80, help="paper width in mm")
    p.add_argument(
        "--encoding",
        choices=["gb18030", "gbk", "utf-8", "raster"],
        default="gb18030",
        help="how the printer takes text; raster sends a picture (for printers without hanzi)",
    )
    p.add_argument("--language", choices=["en", "zh_CN"], default="en", help="the receipt's words")
    p.add_argument("--no-qr", action="store_true", help="leave out the QR code of the sale id")
    p.add_argument("--out", help="write the printer's bytes (ESC/POS) to this file")
    p.add_argument(
        "--force", action="store_true", help="replace --out if it exists (never the database)"
    )
    p.add_argument(
        "--print",
        dest="printer",
        metavar="TARGET",
        help="send to a printer: a device (/dev/usb/lp0, COM3), a file, or tcp://HOST[:9100]",
    )
    sub.add_parser(
        "receipt-header", help="the lines printed above every receipt (empty: none)"
    ).add_argument("text")

    p = sub.add_parser("adjust", help="correct a member's points with a reason")
    p.add_argument("ref")
    p.add_argument("points", type=int)
    p.add_argument("--reason", required=True)
    p.add_argument("--request-id", required=True)
    _at(p)

    p = sub.add_parser("award", help="activity points (review, check_in, referral, birthday…)")
    p.add_argument("ref")
    p.add_argument("activity")
    p.add_argument("--request-id", help="award once however often this request is sent")
    _at(p)

    p = sub.add_parser(
        "expire", help="the daily job: expire lapsed points, re-evaluate tiers, store reports"
    )
    _at(p)
    p.add_argument(
        "--no-reports",
        dest="reports",
        action="store_false",
        help="do not compute RFM, KPIs and churn ahead for today's reports",
    )

    p = sub.add_parser("merge", help="merge a duplicate member into the one kept")
    p.add_argument("keep")
    p.add_argument("other")
    p.add_argument("--reason")
    p.add_argument(
        "--preview", action="store_true", help="show what the merge would give; change nothing"
    )
    _at(p)

    p = sub.add_parser(
        "recommend",
        help="what a member (or every member, or a segment) will likely buy next, and why",
    )
    p.add_argument("ref", nargs="?", help="the member (else --all or a group)")
    p.add_argument("--all", action="store_true", help="every member who has bought")
    p.add_argument("--segment", help="an RFM segment's members (champions, at_risk, …)")
    p.add_argument("--stage", help="a lifecycle stage's members (new, loyal, lapsed, …)")
    p.add_argument("--tier", help="the members in this tier")
    p.add_argument("--k", type=int, default=5, help="how many items (default 5, at most 50)")
    p.add_argument(
        "--top", type=int, default=10, help="a group's items listed (default 10, at most 50)"
    )
    p.add_argument(
        "--skip-recent-days", type=int, help="leave out what they bought in this many days"
    )
    p.add_argument(
        "--exclude-category", action="append", help="never suggest this category (repeatable)"
    )
    p.add_argument(
        "--out",
        help="--all: write the JSON here; a group: its campaign list (.csv or .xlsx), "
        "members who agreed to marketing with their --k items",
    )
    p.add_argument(
        "--force", action="store_true", help="replace --out if it exists (never the database)"
    )
    _at(p)

    p = sub.add_parser(
        "recommend-options", help="what suggestions leave out (show, or set them all at once)"
    )
    p.add_argument("action", choices=["show", "set"])
    p.add_argument(
        "--skip-recent-days", type=int, help="leave out what was bought in this many days"
    )
    p.add_argument(
        "--exclude-category", action="append", default=[], help="never suggest it (repeatable)"
    )
    p.add_argument(
        "--consumable",
        action="append",
        default=[],
        help="a category bought again and again: suggested once the member's usual interval "
        "has passed (repeatable)",
    )
    p.add_argument(
        "--suggest-switched-off",
        action="store_true",
        help="also suggest products switched off in the catalogue",
    )

    imports = sub.add_parser("import", help="import CSV files").add_subparsers(
        dest="action", required=True, parser_class=Parser
    )
    p = imports.add_parser("members", help="member_no,name,phone,email,birthday,consent")
    p.add_argument("file")
    _encoding(p)
    _import_options(p)
    p = imports.add_parser("products", help="sku,name,price,category,barcode")
    p.add_argument("file")
    _encoding(p)
    _import_options(p)
    p = imports.add_parser("sales", help="sale_id,member_ref,at,sku,qty,unit_price,category")
    p.add_argument("file")
    p.add_argument("--create-members", action="store_true")
    _encoding(p)
    _import_options(p)
    answers = add_survey_import(imports)
    _encoding(answers)
    _import_options(answers)

    p = sub.add_parser("report", help="reports")
    p.add_argument(
        "name",
        choices=[
            "kpis",
            "liability",
            "tiers",
            "campaigns",
            "cohorts",
            "rfm",
            "clv",
            "churn",
            "lifecycle",
            "satisfaction",
            "offers",
        ],
    )
    p.add_argument(
        "--at", "--to", dest="at", help="the report's end (ISO 8601; a date alone is its midnight)"
    )
    p.add_argument("--from", dest="start")
    p.add_argument("--horizon-days", type=int, help="forecast horizon (default 365 days; churn 90)")
    p.add_argument("--format", choices=["json", "csv"], default="json")
    p.add_argument("--out")
    p.add_argument(
        "--force", action="store_true", help="replace --out if it exists (never the database)"
    )
    p.add_argument("--store", help="only the sales this till or store rang up (its device id)")
    p.add_argument(
        "--fresh",
        action="store_true",
        help="compute from the data even when the nightly job stored this report",
    )

    p = sub.add_parser("demo", help="fill the database with a realistic demo shop")
    p.add_argument("--members", type=int, default=5000)
    p.add_argument("--seed", type=int, default=7)

    sub.add_parser("check", help="verify the ledger, the audit chain and the database file")

    p = sub.add_parser("sync", help="send this store's events to the central server")
    p.add_argument("--once", action="store_true", help="send what is queued, then stop")
    p.add_argument("--server", help="the server's URL (default: the one connected)")
    p.add_argument("--token", help="this store's token (default: the one connected)")
    p.add_argument("--every", type=float, default=10.0, help="seconds between passes")
    sync = p.add_subparsers(dest="action", parser_class=Parser)
    p = sync.add_parser("connect", help="remember the server and this store's token")
    p.add_argument("url")
    p.add_argument(
        "--token", required=True, help="the store's token (one that starts with '-': --token=VALUE)"
    )
    sync.add_parser("status", help="queue length, last sync, quarantined events")
    sync.add_parser("disconnect", help="forget the server and token (the queue is kept)")
    sync.add_parser("quarantined", help="events the server refused as a reused key")
    sync.add_parser(
        "passed-over", help="changes from other stores not applied here, and number clashes"
    )
    sync.add_parser(
        "read-again",
        help="read the passed-over changes and clashes again at the next sync (admin)",
    )
    p = sync.add_parser(
        "limits", help="offline redemption limits (manager): shown when no option is given"
    )
    p.add_argument("--member-allowance", type=int, help="points per member until the next sync")
    p.add_argument("--store-cap", type=int, help="points for all members until the next sync")
    p.add_argument(
        "--max-snapshot-age-hours",
        type=int,
        help="redeem offline only with balances received this recently",
    )

    staff = sub.add_parser("staff", help="staff accounts").add_subparsers(
        dest="action", required=True, parser_class=Parser
    )
    p = staff.add_parser("add", help="add a staff member; the PIN is read from standard input")
    p.add_argument("name")
    p.add_argument("--role", required=True, choices=["cashier", "manager", "admin"])
    staff.add_parser("list", help="list staff accounts")
    staff.add_parser("disable", help="stop an account signing in").add_argument("name")
    staff.add_parser("enable", help="let a disabled account sign in again").add_argument("name")
    staff.add_parser(
        "reset-pin", help="give an account a new PIN, read from standard input"
    ).add_argument("name")
    p = staff.add_parser("role", help="make an account a cashier, manager or admin")
    p.add_argument("name")
    p.add_argument("role", choices=["cashier", "manager", "admin"])

    p = sub.add_parser(
        "till-rules", help="what a cashier may do without a manager (no options: show the rules)"
    )
    p.add_argument(
        "--refund-limit",
        metavar="AMOUNT",
        help="a cashier refunds up to this alone; 0: every refund needs a manager",
    )
    p.add_argument(
        "--discount-limit",
        metavar="PERCENT",
        help="a cashier's discounts up to this percentage; 100: any discount",
    )

    keys = sub.add_parser("card-key", help="member card signing keys").add_subparsers(
        dest="action", required=True, parser_class=Parser
    )
    keys.add_parser("rotate", help="sign new cards with a new key; old cards stay valid")
    p = keys.add_parser(
        "replace", help="new keys when the key file is lost for good (every card must be reprinted)"
    )
    p.add_argument("--confirm", action="store_true", help="yes, every printed card stops working")

    sub.add_parser("gui", help="start the desktop application")
    _backup_and_audit(sub)
    add_event_commands(sub, Parser)
    add_survey_commands(sub, Parser)
    add_offer_commands(sub, Parser)
    return root


def _backup_and_audit(sub: argparse._SubParsersAction[Parser]) -> None:
    """``backup``, ``restore`` and ``audit``."""
    p = sub.add_parser("backup", help="copy the database now (into the backups folder, or --out)")
    p.add_argument("--out", help="write the copy to this new file (never over an existing one)")
    backup = p.add_subparsers(dest="action", required=False, parser_class=Parser)
    backup.add_parser("list", help="the backups folder and its backups, newest first")
    backup.add_parser(
        "auto", help="for a scheduled task: back up if the newest backup is a day old, then prune"
    )
    backup.add_parser("keep", help="how many daily backups to keep").add_argument("count", type=int)
    p = sub.add_parser("restore", help="replace the database with a checked backup")
    p.add_argument("file")
    p.add_argument(
        "--force", action="store_true", help="yes, replace it (the current database is kept aside)"
    )
    p = sub.add_parser("audit", help="the audit log, newest first (or all of it as CSV with --out)")
    p.add_argument("--by", metavar="NAME", help="entries by this staff member")
    p.add_argument("--member", metavar="REF", help="entries about this member")
    p.add_argument(
        "--action",
        dest="what",
        help="entries whose action starts so (points.adjust, member.)",
    )
    p.add_argument("--since", metavar="T", help="from this time (a date: its start)")
    p.add_argument("--until", metavar="T", help="until this time (a date: its end)")
    p.add_argument("--limit", type=int, default=50, help="entries printed (at most 500)")
    p.add_argument("--out", metavar="FILE.csv", help="write every matching entry as CSV")
    p.add_argument(
        "--force", action="store_true", help="replace --out if it exists (never the database)"
    )


def wants_json(argv: list[str]) -> bool:
    """Whether ``--json`` was given (checked before parsing, to answer usage errors in JSON)."""
    return "--json" in argv


def usage_json(message: str) -> str:
    """A usage error as the one JSON object ``--json`` promises."""
    return json.dumps({"error": "usage", "message": message}, ensure_ascii=False)
