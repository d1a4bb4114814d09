import pytest

from loyalty_desktop.domain.errors import InvalidRequest
from loyalty_desktop.domain.phones import (
    ascii_digits,
    is_phone_shaped,
    mask_phone,
    normalize_phone,
)


@pytest.mark.parametrize(
    "typed",
    [
        "13800138000",
        "138 0013 8000",
        "138-0013-8000",
        "+86 138 0013 8000",
        "0086-13800138000",
        "8613800138000",
        "１３８００１３８０００",
        "١٣٨٠٠١٣٨٠٠٠",  # Arabic-Indic
        "۱۳۸ ۰۰۱۳ ۸۰۰۰",  # Extended Arabic-Indic (Persian, Urdu)
        "१३८००१३८०००",  # Devanagari
        "٠٠٨٦١٣٨٠٠١٣٨٠٠٠",
        "+٨٦ ١٣٨ ٠٠١٣ ٨٠٠٠",
        "٨٦١٣٨٠٠١٣٨٠٠٠",
        "138٠٠١٣8000",  # scripts mixed
    ],
)
def test_spaces_dashes_and_country_code_are_ignored(typed: str) -> None:
    assert normalize_phone(typed) == "13800138000"


@pytest.mark.parametrize("typed", ["abc", "12", "+", "138001380001234567"])
def test_what_is_not_a_phone_is_refused(typed: str) -> None:
    with pytest.raises(InvalidRequest):
        normalize_phone(typed)


def test_a_listed_phone_is_masked() -> None:
    assert mask_phone("13812345678") == "138****5678"


def test_digits_of_every_script_become_ascii_and_nothing_else_changes() -> None:
    assert ascii_digits("١٣٨-٠٠١٣ ۸۰۰۰ १२ ３") == "138-0013 8000 12 3"
    assert ascii_digits("+86 abc") == "+86 abc"


def test_a_phone_in_another_digit_script_is_shaped_like_a_phone() -> None:
    assert is_phone_shaped("١٣٨٠٠١٣٨٠٠٠")
    assert not is_phone_shaped("١٣٨٠")


@pytest.mark.parametrize("typed", ["𐩀𐩁𐩂𐩃𐩀𐩁", "፩፪፫፬፭፮"])  # Kharoshthi, Ethiopic
def test_digit_like_signs_that_are_not_decimal_digits_are_not_a_phone(typed: str) -> None:
    with pytest.raises(InvalidRequest):
        normalize_phone(typed)
