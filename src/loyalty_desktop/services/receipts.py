"""A posted sale as its receipt shows it, read back from storage so a reprint says what was stored.

Everything on a receipt comes from the stored sale: its lines and totals, the
points it earned and redeemed, and the member's balance and tier right after
it. Nothing is recomputed, so a reprint weeks later shows the same numbers as
the first print. Product names are the catalogue's (a SKU the catalogue does
not know prints as itself); the member number is masked, since a receipt is
left on counters and in bins.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from loyalty_desktop.domain.cards import quoted, repeatable
from loyalty_desktop.domain.errors import InvalidRequest, UnknownSale
from loyalty_desktop.domain.money import Currency, line_amount
from loyalty_desktop.domain.rewards import RewardUse
from loyalty_desktop.domain.sales import Refund, Sale
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.baskets import TOTAL_SKU, same_id
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.journal import write_audit
from loyalty_desktop.services.ports import UnitOfWork
from loyalty_desktop.services.programs import program_in_force
from loyalty_desktop.services.receipt_coupons import ReceiptCoupon, receipt_coupons

HEADER_SETTING = "receipt.header"
MAX_HEADER_LINES = 6
MAX_HEADER_CHARS = 300
_SHOWN_DIGITS = 4  # of the member number: enough for the member to know it is theirs


@dataclass(frozen=True)
class ReceiptLine:
    """One line as bought: ``name`` is the catalogue's (else the SKU; empty for a sale rung up as a total).

    ``unit_price`` is in major units as rung up (up to four decimals);
    ``amount`` is quantity × unit price and ``net`` the line after its share
    of the discounts, both in minor units.
    """

    sku: str
    name: str
    quantity: Decimal
    unit_price: Decimal
    amount: int
    net: int
    discount: int = 0  # money taken off this line alone (quantity × unit price − amount)


@dataclass(frozen=True)
class ReceiptRefund:
    """A refund already made against the sale: goods value back, money back, points moved."""

    refund_no: str
    at: datetime
    amount: int
    paid_back: int
    reversed: int
    restored: int


@dataclass(frozen=True)
class Receipt:
    """What a receipt prints: money in minor units of ``currency``, ``at`` in the shop's time zone.

    ``header`` may hold several lines or be empty. ``member_no`` is
    masked (``******5678``) and None for a sale to nobody; ``points`` and
    ``tier`` are the member's right after the sale (None without a member).
    ``points_value`` and ``redeemed`` include the ``rewards`` taken;
    ``coupons`` are the member's coupons this receipt prints (``receipt_coupons``).
    """

    sale_no: str
    header: str
    at: datetime
    currency: Currency
    lines: tuple[ReceiptLine, ...]
    subtotal: int
    order_discount: int
    tier_discount: int
    net: int
    points_value: int
    paid: int
    earned: int
    redeemed: int
    member_no: str | None
    points: int | None
    tier: str | None
    refunds: tuple[ReceiptRefund, ...] = ()
    rewards: tuple[RewardUse, ...] = ()
    coupons: tuple[ReceiptCoupon, ...] = ()


def mask_member_no(member_no: str) -> str:
    """``******5678``: the last four characters shown (fewer for a short number), the rest starred."""
    shown = min(_SHOWN_DIGITS, len(member_no) // 2)
    return "*" * (len(member_no) - shown) + member_no[len(member_no) - shown :]


def receipt_header(uow: UnitOfWork) -> str:
    """The header a manager set; without one, the shop's name."""
    stored = uow.settings.get(HEADER_SETTING)
    if stored is not None:
        return stored
    _, program = program_in_force(uow)
    return program.shop_name or uow.settings.get("shop_name") or ""


def _lines(uow: UnitOfWork, sale: Sale, currency: Currency) -> tuple[ReceiptLine, ...]:
    names: dict[str, str] = {}
    for state in sale.lines:
        sku = state.line.sku
        if sku != TOTAL_SKU and sku not in names:
            product = uow.products.get(sku)
            names[sku] = product.name if product is not None else sku
    return tuple(
        ReceiptLine(
            sku=s.line.sku,
            name=names.get(s.line.sku, ""),
            quantity=s.line.quantity,
            unit_price=s.line.unit_price,
            amount=s.line.amount,
            net=s.line.net,
            # a stored line keeps its own discount inside the amount
            discount=max(
                0, line_amount(s.line.quantity, s.line.unit_price, currency) - s.line.amount
            ),
        )
        for s in sale.lines
    )


def _refund(refund: Refund, zone: ZoneInfo) -> ReceiptRefund:
    return ReceiptRefund(
        refund_no=refund.refund_no,
        at=refund.at.astimezone(zone),
        amount=refund.amount,
        paid_back=refund.paid_back,
        reversed=refund.reversed,
        restored=refund.restored,
    )


def receipt_for(shop: Shop, actor: Actor, sale_no: str) -> Receipt:
    """The receipt of a posted sale, as stored (any cashier may reprint one).

    Raises:
        UnknownSale: no sale with this number was recorded here.
    """
    require(actor, Permission.SELL)
    wanted = same_id(sale_no)
    with shop.uow(write=False) as uow:
        sale = uow.sales.get(wanted) if wanted else None
        if sale is None:
            raise UnknownSale(
                f"no sale {quoted(sale_no)} was recorded here",
                field="sale",
                sale_id=repeatable(wanted),
            )
        _, program = program_in_force(uow)
        zone = ZoneInfo(program.timezone)
        member = uow.members.get(sale.member_id) if sale.member_id else None
        return Receipt(
            sale_no=sale.sale_no,
            header=receipt_header(uow),
            at=sale.at.astimezone(zone),
            currency=Currency.of(sale.currency),
            lines=_lines(uow, sale, Currency.of(sale.currency)),
            subtotal=sale.subtotal,
            order_discount=sale.order_discount,
            tier_discount=sale.tier_discount,
            net=sale.net,
            points_value=sale.points_value,
            paid=sale.paid,
            earned=sale.earned,
            redeemed=sale.points_redeemed,
            member_no=mask_member_no(member.member_no) if member else None,
            points=sale.points_after if member else None,
            tier=sale.tier_after if member else None,
            refunds=tuple(_refund(r, zone) for r in uow.sales.refunds_of(sale.id)),
            rewards=tuple(sale.rewards),
            coupons=receipt_coupons(uow, shop.card_keys, program, sale.sale_no),
        )


def check_receipt_header(text: str) -> str:
    """The header as it will print: line ends unified, trailing spaces and blank edges dropped.

    Raises:
        InvalidRequest: too many lines or characters, or a control character
            (which a printer would take as a command).
    """
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    cleaned = "\n".join(lines).strip("\n")
    if any(unicodedata.category(char) in ("Cc", "Cf") for char in cleaned.replace("\n", "")):
        raise InvalidRequest(
            "the receipt header may not hold control characters",
            reason="receipt_header_control",
            field="receipt_header",
        )
    if cleaned.count("\n") + 1 > MAX_HEADER_LINES:
        raise InvalidRequest(
            f"the receipt header may have at most {MAX_HEADER_LINES} lines",
            reason="receipt_header_lines",
            field="receipt_header",
            maximum=MAX_HEADER_LINES,
        )
    if len(cleaned) > MAX_HEADER_CHARS:
        raise InvalidRequest(
            f"the receipt header may have at most {MAX_HEADER_CHARS} characters",
            reason="receipt_header_long",
            field="receipt_header",
            maximum=MAX_HEADER_CHARS,
        )
    return cleaned


def set_receipt_header(shop: Shop, actor: Actor, text: str) -> str:
    """Set the lines printed above every receipt (manager); empty text prints none. Returns it as stored."""
    require(actor, Permission.PROGRAM)
    header = check_receipt_header(text)
    with shop.uow() as uow:
        uow.settings.set(HEADER_SETTING, header)
        write_audit(
            uow,
            shop,
            actor,
            "receipt.header",
            f"setting:{HEADER_SETTING}",
            None,
            {"header": header},
            shop.clock.now(),
        )
        uow.commit()
    return header
