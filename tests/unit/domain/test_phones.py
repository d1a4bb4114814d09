import pytest

from loyalty_desktop.domain.errors import InvalidRequest
from loyalty_desktop.domain.phones import mask_phone, normalize_phone


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
