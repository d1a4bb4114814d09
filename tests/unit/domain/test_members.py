"""Members' names: kept as they show, and refused when nothing of them would show."""

from __future__ import annotations

import pytest

from loyalty_desktop.domain.errors import InvalidRequest
from loyalty_desktop.domain.members import MAX_EMAIL, check_email, check_name, visible_name

INVISIBLE = {
    "zero width space": "\u200b",
    "word joiner": "\u2060",
    "byte order mark": "\ufeff",
    "ideographic space": "\u3000",
    "no-break space": "\u00a0",
    "zero width joiner": "\u200d",
    "left-to-right mark": "\u200e",
    "right-to-left override": "\u202e",
    "soft hyphen": "\u00ad",
    "Arabic letter mark": "\u061c",
    "tag space": "\U000e0020",
    "NUL": "\x00",
    "escape": "\x1b",
    "delete": "\x7f",
    "C1 control": "\x85",
    "tab and newline": "\t\n\r",
    "Hangul filler": "\u3164",
    "half-width Hangul filler": "\uffa0",
    "Hangul choseong filler": "\u115f",
}
MARKS_ALONE = {
    "combining acute": "\u0301",
    "combining grave and dot": "\u0300\u0307",
    "variation selector": "\ufe0f",
    "combining enclosing circle": "\u20dd",
}


@pytest.mark.parametrize("text", INVISIBLE.values(), ids=INVISIBLE.keys())
def test_a_name_of_only_invisible_characters_is_refused(text: str) -> None:
    for name in (text, text * 3, f" {text} {text} "):
        with pytest.raises(InvalidRequest, match="a member needs a name"):
            check_name(name)


@pytest.mark.parametrize(
    "text",
    [*MARKS_ALONE.values(), "...", "-", "\u2800", "\u3001\u3002", "😀"],
    ids=[*MARKS_ALONE.keys(), "dots", "hyphen", "braille blank", "CJK commas", "emoji"],
)
def test_a_name_without_a_letter_or_digit_is_refused(text: str) -> None:
    with pytest.raises(InvalidRequest, match="at least one letter or digit"):
        check_name(text)


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("张三", "张三"),
        ("  Li   Si ", "Li Si"),
        ("张\u3000三", "张 三"),  # an ideographic space is a space
        ("\u200b张三\ufeff", "张三"),
        ("Ann\u200b\u200bMarie", "AnnMarie"),
        ("Ｍüller", "Müller"),  # full-width letters as the NFKC form
        ("Mu\u200b\u0308ller", "Müller"),  # the mark finds its letter once the gap is gone
        ("ﾔﾏﾀﾞ", "ヤマダ"),
        ("O'Brien-Smith", "O'Brien-Smith"),
        ("R2", "R2"),
        ("7", "7"),
        ("José\u0301", "José\u0301"),  # a combining mark after a letter stays
    ],
)
def test_a_name_is_kept_as_it_shows(typed: str, kept: str) -> None:
    assert check_name(typed) == kept


def test_a_name_may_have_at_most_100_characters_once_cleaned() -> None:
    assert check_name("\u200b" * 500 + "张" * 100) == "张" * 100
    with pytest.raises(InvalidRequest, match="at most 100 characters"):
        check_name("张" * 101)


def test_visible_name_only_cleans_and_never_refuses() -> None:
    assert visible_name("\u200b \u3000") == ""
    assert visible_name(" Ａnn\u00ad ") == "Ann"


def test_an_e_mail_address_longer_than_mail_can_carry_is_refused_without_repeating_it() -> None:
    longest = "a" * (MAX_EMAIL - len("@example.com")) + "@example.com"
    assert check_email(f" {longest} ") == longest
    with pytest.raises(InvalidRequest) as refused:
        check_email("b" + longest)
    assert (refused.value.reason, refused.value.details["limit"]) == ("email_too_long", 254)
    assert longest not in refused.value.message
