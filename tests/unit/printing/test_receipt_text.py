"""Receipt text by display width: hanzi take two columns and are never split, amounts line up, ``￥`` not ``¥``."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loyalty_desktop.domain.money import Currency
from loyalty_desktop.printing.escpos import _gb_char
from loyalty_desktop.printing.receipt_text import (
    CHINESE,
    ENGLISH,
    labels_for,
    money_text,
    receipt_lines,
    unit_price_text,
)
from loyalty_desktop.printing.text_columns import (
    char_width,
    clusters,
    printable,
    spread,
    text_width,
    wrap,
)
from loyalty_desktop.services.receipts import Receipt, ReceiptLine, ReceiptRefund

AT = datetime(2026, 3, 2, 10, 5, tzinfo=ZoneInfo("Asia/Shanghai"))
CNY = Currency.of("CNY")
RECEIPT = Receipt(
    sale_no="S-0001",
    header="好邻居便利店\nTel 010-1234",
    at=AT,
    currency=CNY,
    lines=(
        ReceiptLine("COLA", "可口可乐 330ml", Decimal(2), Decimal("3.50"), 700, 654),
        ReceiptLine(
            "RICE", "五常大米 5kg 东北稻花香 新米", Decimal(1), Decimal("59.90"), 5990, 5990
        ),
        ReceiptLine("BAN", "Bananas", Decimal("0.75"), Decimal("6.40"), 480, 448),
    ),
    subtotal=7170,
    order_discount=100,
    tier_discount=300,
    net=6770,
    points_value=100,
    paid=6670,
    earned=66,
    redeemed=100,
    member_no="****0001",
    points=1266,
    tier="银卡",
    refunds=(ReceiptRefund("R-1", AT, 350, 350, 4, 0),),
)


@pytest.mark.parametrize(
    ("char", "width"),
    [
        ("a", 1),
        (" ", 1),
        ("可", 2),
        ("\uffe5", 2),  # ￥
        ("，", 2),
        ("é", 2),  # ambiguous: a Chinese printer draws it from its double-byte font
        ("\u0301", 0),  # a combining accent prints on the letter before it
        ("\U00020bb7", 2),  # 𠮷, outside the BMP
    ],
)
def test_each_character_takes_the_columns_a_chinese_printer_gives_it(char: str, width: int) -> None:
    assert char_width(char) == width


def test_hanzi_wrap_at_half_the_latin_columns() -> None:
    text = "一二三四五六七八九十" * 2
    assert wrap(text, 16) == ["一二三四五六七八", "九十一二三四五六", "七八九十"]
    assert wrap(text, 32) == ["一二三四五六七八九十一二三四五六", "七八九十"]


def test_a_hanzi_is_never_split_when_a_line_has_an_odd_number_of_columns() -> None:
    lines = wrap("一二三四五", 5)
    assert lines == ["一二", "三四", "五"]
    assert all(text_width(line) <= 5 for line in lines)


def test_latin_words_move_whole_and_hanzi_break_anywhere_in_mixed_text() -> None:
    assert wrap("可口可乐零度无糖汽水 330ml 罐装 Coca-Cola Zero Sugar can", 16) == [
        "可口可乐零度无糖",
        "汽水 330ml 罐装",
        "Coca-Cola Zero",
        "Sugar can",
    ]


def test_a_word_longer_than_a_line_is_cut_between_characters() -> None:
    assert wrap("6901234567892690123", 8) == ["69012345", "67892690", "123"]


def test_an_accent_stays_with_its_letter() -> None:
    assert wrap("xab\u0327", 2) == ["xa", "b\u0327"]


@given(st.text(alphabet="ab 可乐￥é-", max_size=60), st.integers(min_value=2, max_value=48))
def test_wrapped_lines_fit_and_lose_nothing_but_spaces(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert all(text_width(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_an_amount_sits_flush_right_after_a_name_by_display_width() -> None:
    assert spread("可口可乐", "3.50", 16) == ["可口可乐    3.50"]
    assert spread("可口可乐零度无糖汽水", "￥12.00", 16) == [
        "可口可乐零度无糖",
        "汽水     ￥12.00",
    ]
    # No room for a space between name and amount: the amount gets a line of its own.
    assert spread("一二三四五六", "9.99", 16) == ["一二三四五六", "            9.99"]


def test_yuan_amounts_carry_the_full_width_sign() -> None:
    assert money_text(6670, CNY, sign=True) == "￥66.70"
    assert money_text(-350, CNY) == "-3.50"
    assert money_text(1200, Currency.of("USD"), sign=True) == "USD 12.00"
    assert printable("Tea ¥5") == "Tea ￥5"


def test_control_characters_in_a_name_never_reach_the_printer() -> None:
    # ESC i (cut) and GS V (cut) lose their command bytes and print as letters.
    assert printable("Cola\x1bi\x1dV\x00\u200b") == "ColaiV"


def test_unit_prices_keep_their_extra_decimals_only_when_they_have_them() -> None:
    assert unit_price_text(Decimal("3.5"), CNY) == "3.50"
    assert unit_price_text(Decimal("3.3333"), CNY) == "3.3333"
    assert unit_price_text(Decimal("120"), Currency.of("JPY")) == "120"


def test_a_58_mm_receipt_in_english() -> None:
    assert receipt_lines(RECEIPT, 32) == [
        "          好邻居便利店",
        "          Tel 010-1234",
        "",
        "Sale                      S-0001",
        "Time            2026-03-02 10:05",
        "Member                  ****0001",
        "-" * 32,
        "可口可乐 330ml",
        "  2 x 3.50                  7.00",
        "五常大米 5kg 东北稻花香 新米",
        "                           59.90",
        "Bananas",
        "  0.75 x 6.40               4.80",
        "-" * 32,
        "Subtotal                   71.70",
        "Discount                   -1.00",
        "Member discount            -3.00",
        "Paid with points           -1.00",
        "Total paid               ￥66.70",
        "-" * 32,
        "Points earned                 66",
        "Points used                  100",
        "Points balance              1266",
        "Tier                        银卡",
        "-" * 32,
        "Refund R-1                 -3.50",
        "  2026-03-02 10:05",
        "",
        "           Thank you!",
    ]


def test_an_80_mm_receipt_in_chinese_keeps_a_name_and_its_amount_on_one_line() -> None:
    lines = receipt_lines(RECEIPT, 48, language="zh_CN")
    assert "五常大米 5kg 东北稻花香 新米               59.90" in lines
    assert "实付金额                                 ￥66.70" in lines
    assert "积分余额                                    1266" in lines
    assert lines[-1] == "             谢谢惠顾，欢迎再次光临"


@pytest.mark.parametrize("columns", [32, 48])
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_line_is_wider_than_the_paper_and_no_yen_sign_is_half_width(
    columns: int, language: str
) -> None:
    odd = replace(
        RECEIPT,
        sale_no="S-" + "9" * 60,
        lines=(ReceiptLine("X", "¥ Special 特价" * 5, Decimal(3), Decimal("1.2345"), 370, 370),),
    )
    lines = receipt_lines(odd, columns, language=language)
    assert all(text_width(line) <= columns for line in lines)
    assert not any("¥" in line for line in lines)


def test_a_sale_without_a_member_has_no_points_block_and_a_total_sale_says_goods() -> None:
    anonymous = replace(
        RECEIPT,
        header="",
        member_no=None,
        points=None,
        tier=None,
        refunds=(),
        lines=(ReceiptLine("", "", Decimal(1), Decimal("12.00"), 1200, 1200),),
    )
    lines = receipt_lines(anonymous, 32)
    assert lines[0].startswith("Sale")
    assert "Goods                      12.00" in lines
    shown = {line.rsplit(" ", 1)[0].strip() for line in lines}
    assert not shown & {"Member", "Points earned", "Points balance", "Tier"}
    assert not any("****" in line for line in lines)


def test_the_till_picks_the_words_by_its_language_or_passes_its_own() -> None:
    assert labels_for("zh_CN") is CHINESE
    assert labels_for("zh-Hans") is CHINESE
    assert labels_for("en_GB") is ENGLISH
    assert labels_for("fr_FR") is ENGLISH
    own = replace(ENGLISH, paid="TOTAL")
    assert "TOTAL                    ￥66.70" in receipt_lines(RECEIPT, 32, labels=own)


@pytest.mark.parametrize(
    ("char", "width"),
    [
        ("ǹ", 2),  # narrow in Unicode, but GB 18030 A8BF: double-byte
        ("€", 2),  # GB 18030 A2E3
        ("ñ", 1),  # four bytes and no hanzi: sent as "?"
        ("א", 1),  # Hebrew: sent as "?"
        ("😀", 2),  # sent as "?", but wide wherever a font draws it
    ],
)
def test_a_character_gb18030_prints_double_takes_two_columns(char: str, width: int) -> None:
    assert char_width(char) == width


@given(st.text(max_size=40))
def test_no_character_prints_wider_in_chinese_mode_than_it_was_laid_out(text: str) -> None:
    for encoding in ("gb18030", "gbk"):
        for cluster in clusters(printable(text)):
            printed = _gb_char(cluster, encoding)
            assert (2 if len(printed) > 1 else len(printed)) <= text_width(cluster), cluster


def test_line_and_paragraph_separators_print_as_spaces_and_other_separators_not_at_all() -> None:
    assert printable("a\u2028b\u2029c\u200bd\u00ade\ufeff") == "a b cde"
