"""Each store's programme versions, and a sale's earned points recomputed from them.

A till sends its programme file as a ``program.loaded`` event (on ``program load`` and on
``sync connect``), in order with its sales, so the server usually has version N before the
first sale made under it. A sale of a member under a version the server holds is earned
again with the domain's own ``earn_points``, from the lines' net amounts, the share paid in
money and the sale's own context (shop-local date, tier before, birthday month), exactly as
the till's checkout computes it; a sale whose ``earned`` differs is rejected. A sale under
a version the server has not got (a till before this release, or its programme event not
yet committed) is applied as the till says and counted as unchecked (docs/sync.md).

A version id is the till's own counter, so a till restored from a backup gives a new
programme an id it gave before to another text. The server keeps every text a store sent
under a version, by its digest (SHA-256 of the text), and a sale names the digest of the
programme it was earned under (``program_digest``), so it is checked against that text; a
sale from a till before digests is checked against the first text of its version, as then.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from functools import lru_cache
from typing import Any, TypeGuard
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, select
from sqlalchemy.dialects.postgresql import insert as pg_insert

from loyalty_desktop.domain.earn import EarnContext, earn_points
from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.domain.money import Currency, format_money, parse_money
from loyalty_desktop.domain.pricing import SaleLine
from loyalty_desktop.domain.program import Program
from loyalty_desktop.domain.program_file import parse_program
from loyalty_desktop.server.bulk import any_of
from loyalty_desktop.server.facts import Rejected, as_moment
from loyalty_desktop.server.tables import programs

KIND = "program.loaded"
# A mismatch's reason, and the LIKE pattern ``check`` finds the rejected sales by.
MISMATCH = "sale: earned {said} points; the programme version {version} gives {gives}"
MISMATCH_LIKE = MISMATCH.format(said="%", version="%", gives="%")
MAX_VERSION = 2**31 - 1  # programs.version is an integer column
_DIGEST = re.compile(r"[0-9a-f]{64}")


def digest_of(source: str) -> str:
    """A programme text's digest, as a till names it in its sales (SHA-256, lowercase hex)."""
    return hashlib.sha256(source.encode("utf-8")).hexdigest()


@lru_cache(maxsize=64)
def parsed(source: str) -> Program:
    """A programme file's text as the till's parser reads it (pure, so kept per text)."""
    return parse_program(source, "<store programme>")


class StorePrograms:
    """The programme versions a batch may need, read once, plus those the batch brings."""

    def __init__(self, rows: Iterable[Mapping[str, Any]] = ()) -> None:
        self.texts: dict[tuple[int, str], str] = {}  # (version, digest) -> text
        self.firsts: dict[int, str] = {}  # version -> the first text sent under it
        self.add(rows)

    @classmethod
    def read(cls, conn: Connection, store_id: uuid.UUID, versions: Iterable[int]) -> StorePrograms:
        """The store's texts of ``versions``, first sent first (one query; none asked: none read)."""
        wanted = sorted(set(versions))
        if not wanted:
            return cls()
        rows = conn.execute(
            select(programs.c.version, programs.c.digest, programs.c.source)
            .where(programs.c.store_id == store_id, any_of(programs.c.version, "versions"))
            .order_by(programs.c.received_at, programs.c.digest),
            {"versions": wanted},
        ).all()
        return cls(dict(r._mapping) for r in rows)

    def add(self, rows: Iterable[Mapping[str, Any]]) -> None:
        """Texts an applied event brought (kept beside any other text of the version)."""
        for row in rows:
            self.texts.setdefault((row["version"], row["digest"]), row["source"])
            self.firsts.setdefault(row["version"], row["source"])

    def program(self, version: int, digest: str | None = None) -> Program | None:
        """The programme of a version (and text, when the sale names its digest) the server holds."""
        text = self.firsts.get(version) if digest is None else self.texts.get((version, digest))
        return parsed(text) if text is not None else None


def versions_named(events: Iterable[tuple[str, Mapping[str, Any]]]) -> set[int]:
    """The programme versions a batch's sales, programme events and refunds name (kind, payload).

    A refund names the version of the sale it carries (server/refund_checks.py).
    """
    found = set()
    for kind, payload in events:
        version = payload.get("program_version")
        if kind == "refund":
            sent = payload.get("sale_event")
            sale = sent.get("payload") if isinstance(sent, dict) else None
            version = sale.get("program_version") if isinstance(sale, dict) else None
        if kind in ("sale", "refund", KIND) and _version(version):
            found.add(version)
    return found


def program_row(store_id: uuid.UUID, payload: Mapping[str, Any]) -> dict[str, Any]:
    """The ``programs`` row a programme event asks for; Rejected if unreadable.

    Another text under a version the store sent before (a till restored from a backup) is
    kept beside it: sales naming its digest are checked against it.
    """
    version, source = payload["program_version"], payload["source"]
    if not _version(version):
        raise Rejected(f"program.loaded: program_version {version} is out of range")
    try:
        parsed(source)
    except LoyaltyError as exc:
        raise Rejected(f"program.loaded: version {version} does not read: {exc}") from exc
    return {"store_id": store_id, "version": version, "digest": digest_of(source), "source": source}


def _version(value: Any) -> TypeGuard[int]:
    """Whether ``value`` is a programme version id a till gives (0 is the built-in defaults)."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_VERSION


def write_programs(conn: Connection, rows: Sequence[Mapping[str, Any]], now: datetime) -> None:
    """Keep programme texts by store, version and digest; the same text again is nothing new."""
    for row in rows:
        conn.execute(pg_insert(programs).values(**row, received_at=now).on_conflict_do_nothing())


def earn_checked(payload: Mapping[str, Any], known: StorePrograms) -> bool:
    """Whether a member's sale's ``earned`` was recomputed (True) or could not be (False).

    Raises Rejected when the programme version gives another number of points.
    """
    version, digest = payload.get("program_version"), payload.get("program_digest")
    if not _version(version):
        return False  # no version a till gives: none the server can hold
    if digest is not None and not (isinstance(digest, str) and _DIGEST.fullmatch(digest)):
        raise Rejected("sale: program_digest is not a programme digest")
    program = known.program(version, digest)
    inputs = inputs_of(payload, program) if program is not None else None
    if program is None or inputs is None:
        return False
    lines, cash_share, ctx = inputs
    gives = earn_points(program, lines, cash_share=cash_share, ctx=ctx).points
    if gives != payload["earned"]:
        raise Rejected(MISMATCH.format(said=payload["earned"], version=version, gives=gives))
    return True


def inputs_of(
    p: Mapping[str, Any], program: Program
) -> tuple[list[SaleLine], Fraction, EarnContext] | None:
    """The till's earning inputs from a sale event; None if an older till left one out."""
    if "tier_before" not in p or "birthday_month" not in p:
        return None  # queued by a till before sales carried the birthday month
    tier, month = p["tier_before"], p["birthday_month"]
    if not isinstance(tier, str | None):
        raise Rejected("sale: tier_before is not a tier name")
    if month is not None and (not isinstance(month, int) or not 1 <= month <= 12):
        raise Rejected(f"sale: birthday_month {month!r} is not a month")
    try:
        cur = Currency.of(p["currency"])
        lines = [_line(line, cur) for line in p["lines"]]
        net, paid = parse_money(p["net"], cur), parse_money(p["paid"], cur)
    except (LoyaltyError, KeyError, TypeError, InvalidOperation):
        return None  # facts.py has checked what every till sends; this is an older shape
    _check_nets(lines, net, cur)
    # The till's own share: what was paid in money over the net (checkout._earn_and_redeem).
    cash_share = Fraction(paid, net) if net > 0 else Fraction(0)
    at = as_moment(p["at"], "sale at")
    ctx = EarnContext(at.astimezone(ZoneInfo(program.timezone)).date(), tier, month)
    return lines, cash_share, ctx


def _check_nets(lines: Sequence[SaleLine], net: int, cur: Currency) -> None:
    """Refuse line nets the till's pricing could not give: points are earned on them.

    ``domain.pricing.price_basket`` spreads the order and tier discounts over the lines by
    their amounts, exactly (largest remainder): a line's net lies between 0 and its amount
    (a returned item's line, negative, takes no discount), and the nets add up to the
    sale's net. A minor unit a line is allowed for rounding, no more.
    """
    for i, line in enumerate(lines, start=1):
        low, high = sorted((0, line.amount))
        if not low <= line.net <= high:
            raise Rejected(
                f"sale: line {i} net {format_money(line.net, cur)} is not between 0 and its "
                f"amount {format_money(line.amount, cur)}"
            )
    spread = sum(line.net for line in lines)
    if abs(spread - net) > len(lines):
        raise Rejected(
            f"sale: the lines' nets add up to {format_money(spread, cur)}, "
            f"not the sale's net {format_money(net, cur)}"
        )


def _line(line: Mapping[str, Any], cur: Currency) -> SaleLine:
    return SaleLine(
        sku=str(line["sku"]),
        quantity=Decimal(line["qty"]),
        unit_price=Decimal(line["unit_price"]),
        category=line.get("category"),
        amount=parse_money(line["amount"], cur),
        net=parse_money(line["net"], cur),
    )
