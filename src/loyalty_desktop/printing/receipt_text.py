"""A receipt laid out as lines of text for a printer's character columns, in English or Chinese.

Pure layout: the receipt from ``services.receipts`` in, lines out. Widths are
display widths (``text_columns``: a hanzi takes two columns), so names wrap
without splitting a character and amounts line up on the right. Money is
written by the domain's ``format_money``; yuan (and yen) amounts carry the
full-width ``￥``, never ``¥``, which GB 18030 printers print as garbage.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from loyalty_desktop.domain.money import Currency, format_money
from loyalty_desktop.domain.reasons import language_of
from loyalty_desktop.printing.text_columns import centred, printable, spread, wrap
from loyalty_desktop.services.receipts import Receipt, ReceiptLine

# Currencies whose sign is the yen/yuan sign, printed in its full-width form.
_YEN_SIGN = {"CNY": "￥", "JPY": "￥"}


@dataclass(frozen=True)
class Labels:
    """The words printed on a receipt, in one language."""

    sale: str
    time: str
    member: str
    goods: str
    subtotal: str
    line_discount: str
    order_discount: str
    tier_discount: str
    points_value: str
    paid: str
    earned: str
    redeemed: str
    balance: str
    tier: str
    refund: str
    thanks: str
    reward_points: str = "  {points} points"  # under a reward's line: what it cost


ENGLISH = Labels(
    sale="Sale",
    time="Time",
    member="Member",
    goods="Goods",
    subtotal="Subtotal",
    line_discount="  line discount",
    order_discount="Discount",
    tier_discount="Member discount",
    points_value="Paid with points",
    paid="Total paid",
    earned="Points earned",
    redeemed="Points used",
    balance="Points balance",
    tier="Tier",
    refund="Refund",
    thanks="Thank you!",
)

CHINESE = Labels(
    sale="单号",
    time="时间",
    member="会员",
    goods="商品",
    subtotal="小计",
    line_discount="  单品折扣",
    order_discount="整单折扣",
    tier_discount="会员折扣",
    points_value="积分抵扣",
    paid="实付金额",
    earned="本次获得积分",
    redeemed="本次使用积分",
    balance="积分余额",
    tier="会员等级",
    refund="退货",
    thanks="谢谢惠顾，欢迎再次光临",
    reward_points="  使用 {points} 积分",
)


def labels_for(locale: str) -> Labels:
    """The labels for a locale (``zh_CN``, ``zh``, ``en_US``…); English for any other."""
    return CHINESE if language_of(locale) == "zh" else ENGLISH


def money_text(minor: int, currency: Currency, *, sign: bool = False) -> str:
    """An amount as printed: ``12.50``, with ``sign`` ``￥12.50`` (``USD 12.50`` for others)."""
    text = format_money(minor, currency)
    if not sign:
        return text
    prefix = _YEN_SIGN.get(currency.code)
    return f"{prefix}{text}" if prefix else f"{currency.code} {text}"


def _plain(value: Decimal) -> str:
    """A decimal without trailing zeros or exponent (``2``, ``0.75``)."""
    text = format(value.normalize(), "f")
    return text if text != "-0" else "0"


def unit_price_text(price: Decimal, currency: Currency) -> str:
    """A unit price with the currency's decimals, or all four when it has more (``3.3333``)."""
    step = Decimal(1).scaleb(-currency.exponent)
    rounded = price.quantize(step)
    return format(rounded, "f") if rounded == price else _plain(price)


def _item(line: ReceiptLine, currency: Currency, labels: Labels, columns: int) -> list[str]:
    name = line.name or labels.goods
    amount = money_text(line.amount, currency)
    off = spread(labels.line_discount, money_text(-line.discount, currency), columns)
    if line.quantity == 1 and not line.discount:
        return spread(name, amount, columns)
    if line.quantity == 1:  # the shelf price, the money off, what it came to
        return [*spread(name, money_text(line.amount + line.discount, currency), columns), *off]
    detail = f"  {_plain(line.quantity)} x {unit_price_text(line.unit_price, currency)}"
    gross = money_text(line.amount + line.discount, currency) if line.discount else amount
    return [*wrap(name, columns), *spread(detail, gross, columns), *(off if line.discount else [])]


def _totals(receipt: Receipt, labels: Labels, columns: int) -> list[str]:
    cur = receipt.currency
    lines = spread(labels.subtotal, money_text(receipt.subtotal, cur), columns)
    for label, minor in (
        (labels.order_discount, receipt.order_discount),
        (labels.tier_discount, receipt.tier_discount),
    ):
        if minor:
            lines += spread(label, money_text(-minor, cur), columns)
    for reward in receipt.rewards:  # each once, with what it cost; plain points follow
        lines += spread(reward.name, money_text(-reward.value, cur), columns)
        lines += wrap(labels.reward_points.format(points=reward.points), columns)
    plain = receipt.points_value - sum(r.value for r in receipt.rewards)
    if plain:
        lines += spread(labels.points_value, money_text(-plain, cur), columns)
    lines += spread(labels.paid, money_text(receipt.paid, cur, sign=True), columns)
    return lines


def _points(receipt: Receipt, labels: Labels, columns: int) -> list[str]:
    lines = spread(labels.earned, str(receipt.earned), columns)
    if receipt.redeemed:  # rewards' points included: what left the balance
        lines += spread(labels.redeemed, str(receipt.redeemed), columns)
    if receipt.points is not None:
        lines += spread(labels.balance, str(receipt.points), columns)
    if receipt.tier:
        lines += spread(labels.tier, receipt.tier, columns)
    return lines


def receipt_lines(
    receipt: Receipt, columns: int, *, language: str = "en", labels: Labels | None = None
) -> list[str]:
    """The receipt as lines of at most ``columns`` display columns.

    ``labels`` overrides the words of ``language`` (``en`` or ``zh_CN``): the
    till passes its screen language. Header, sale number and time, the items
    (name left, amount right), totals, then the member's points block and any
    refunds already made.
    """
    words = labels or labels_for(language)
    cur = receipt.currency
    rule = "-" * columns
    out: list[str] = []
    for header_line in receipt.header.splitlines():
        out += centred(header_line, columns) if header_line.strip() else [""]
    if receipt.header:
        out.append("")
    out += spread(words.sale, receipt.sale_no, columns)
    out += spread(words.time, receipt.at.strftime("%Y-%m-%d %H:%M"), columns)
    if receipt.member_no is not None:
        out += spread(words.member, receipt.member_no, columns)
    out.append(rule)
    for line in receipt.lines:
        out += _item(line, cur, words, columns)
    out.append(rule)
    out += _totals(receipt, words, columns)
    if receipt.member_no is not None:
        out.append(rule)
        out += _points(receipt, words, columns)
    if receipt.refunds:
        out.append(rule)
    for refund in receipt.refunds:
        title = f"{words.refund} {refund.refund_no}"
        out += spread(title, money_text(-refund.paid_back, cur), columns)
        out += wrap(f"  {refund.at.strftime('%Y-%m-%d %H:%M')}", columns)
    out.append("")
    out += centred(words.thanks, columns)
    return [printable(line) for line in out]
