import random

import pytest

from loyalty_desktop.domain.cards import (
    CardCode,
    card_shaped,
    decode_card,
    encode_card,
    luhn_digit,
    payment_kind,
)
from loyalty_desktop.domain.errors import InvalidCard, PaymentCode

KEY = b"s" * 32
KEYS = {1: KEY}
CARD = CardCode(key_id=1, card_no=10000042, serial=0)


def test_a_card_code_is_26_digits_with_our_prefix_and_reads_back() -> None:
    code = encode_card(CARD, KEY)
    assert code.isdigit()
    assert len(code) == 26
    assert code.startswith("96")
    assert decode_card(code, KEYS) == CARD


def test_full_width_digits_and_blanks_from_an_input_method_still_read() -> None:
    code = encode_card(CARD, KEY)
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in code)
    assert decode_card(f" {full_width}\r\n", KEYS) == CARD


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        ("134567890123456789", "WeChat Pay"),
        ("101234567890123456", "WeChat Pay"),
        ("2812345678901234", "Alipay"),
        ("301234567890123456789012", "Alipay"),
        ("6212345678901234567", "UnionPay"),
    ],
)
def test_payment_codes_are_named_and_refused(code: str, kind: str) -> None:
    assert payment_kind(code) == kind
    with pytest.raises(PaymentCode) as refused:
        decode_card(code, KEYS)
    assert code not in refused.value.message


def test_our_codes_never_look_like_payment_codes() -> None:
    rng = random.Random(1)
    for _ in range(2000):
        card = CardCode(rng.randint(0, 9), rng.randint(1, 10**10 - 1), rng.randint(0, 9))
        assert payment_kind(encode_card(card, KEY)) is None


def test_every_single_digit_change_is_refused() -> None:
    code = encode_card(CARD, KEY)
    for i in range(2, len(code)):
        for d in "0123456789":
            if d != code[i]:
                with pytest.raises(InvalidCard):
                    decode_card(code[:i] + d + code[i + 1 :], KEYS)


def test_a_code_signed_by_another_shop_is_refused() -> None:
    foreign = encode_card(CARD, b"other shop key".ljust(32, b"x"))
    with pytest.raises(InvalidCard, match="not issued by this shop"):
        decode_card(foreign, KEYS)


def test_a_forged_code_with_a_valid_check_digit_is_refused() -> None:
    code = encode_card(CARD, KEY)
    body = code[:14] + "0000000000"
    with pytest.raises(InvalidCard):
        decode_card(body + luhn_digit(body), KEYS)


@pytest.mark.parametrize(
    "text", ["", "96", "9611001", "hello world", "96ABC", "🙂", "\x00\x1b[A", "9" * 200]
)
def test_truncated_or_random_text_is_refused_not_a_crash(text: str) -> None:
    with pytest.raises(InvalidCard):
        decode_card(text, KEYS)


def test_digits_of_other_scripts_are_refused_not_a_crash() -> None:
    """NFKC keeps Arabic-Indic digits; str.isdigit() says yes, but they are never our card."""
    code = encode_card(CARD, KEY)
    other = code[:3] + code[3:-1].translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")) + code[-1]
    assert not card_shaped(other)
    with pytest.raises(InvalidCard) as refused:
        decode_card(other, KEYS)
    assert refused.value.reason == "card_foreign"


def test_random_digit_strings_are_refused_or_payment_codes() -> None:
    rng = random.Random(2)
    for _ in range(5000):
        text = "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 30)))
        with pytest.raises((InvalidCard, PaymentCode)):
            decode_card(text, KEYS)


def test_only_our_card_shape_is_card_shaped_and_product_barcodes_are_not() -> None:
    code = encode_card(CARD, KEY)
    assert card_shaped(code)
    assert card_shaped("".join(chr(ord(c) + 0xFEE0) for c in code))  # full width, from an IME
    wrong_check = code[:-1] + str((int(code[-1]) + 1) % 10)
    assert not card_shaped(wrong_check)
    for barcode in ("6901234567892", "12345670", "036000291452", "96" + "0" * 23, code[:-1]):
        assert not card_shaped(barcode)
