"""Block member numbers: accepted as typed, never phone-, payment- or card-shaped, one store's only.

Property tests over the whole range, with the edges (store 1, 899, 900, 9899; sequence
1 and 999999) always among the examples.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from loyalty_desktop.domain.cards import card_shaped, looks_like_card, payment_kind
from loyalty_desktop.domain.member_numbers import (
    MAX_SEQ,
    MAX_STORE_NO,
    block_number,
    block_range,
    block_seq,
    valid_store_no,
)
from loyalty_desktop.domain.phones import is_phone_shaped
from loyalty_desktop.services.members import check_member_no

stores = st.integers(1, MAX_STORE_NO)
seqs = st.integers(1, MAX_SEQ)


@given(stores, seqs)
@example(1, 1)
@example(1, MAX_SEQ)
@example(899, MAX_SEQ)
@example(900, 1)
@example(MAX_STORE_NO, 1)
@example(MAX_STORE_NO, MAX_SEQ)
@example(861, 1)  # head 961: starts with 96 like a card code
@example(9500, 1)  # head 9600
def test_a_block_number_is_a_plain_short_number_nothing_else_can_take_for_itself(
    store_no: int, seq: int
) -> None:
    number = block_number(store_no, seq)
    assert number.isascii()
    assert number.isdigit()
    assert number[0] != "0"
    assert 9 <= len(number) <= 10  # short enough to type, longer than a till's own 8 digits
    assert check_member_no(number) == number  # nothing refuses it, nothing rewrites it
    assert not is_phone_shaped(number)
    assert payment_kind(number) is None
    assert not card_shaped(number)
    assert not looks_like_card(number)
    assert block_seq(store_no, number) == seq


@given(stores, seqs, stores, seqs)
@example(1, 1, 900, 1)  # 101000001 and 1000000001: the length tells the heads apart
@example(10, 100000, 1, 1)
def test_two_stores_never_give_out_the_same_number(a: int, i: int, b: int, j: int) -> None:
    same = block_number(a, i) == block_number(b, j)
    assert same == ((a, i) == (b, j))
    if a != b:
        assert block_seq(b, block_number(a, i)) is None


@given(st.integers(10_000_001, 99_999_999), stores)
def test_a_number_given_out_before_connecting_is_in_no_block(card_no: int, store_no: int) -> None:
    assert block_seq(store_no, str(card_no)) is None


def test_the_block_edges_and_what_is_not_a_store_number() -> None:
    assert block_range(1) == ("101000001", "101999999")
    assert block_range(23) == ("123000001", "123999999")
    assert block_range(MAX_STORE_NO) == ("9999000001", "9999999999")
    for bad in (0, -1, MAX_STORE_NO + 1, True, "3", 2.0, None):
        assert not valid_store_no(bad)
        if not isinstance(bad, bool) and isinstance(bad, int):
            with pytest.raises(ValueError, match="store number"):
                block_number(bad, 1)
    with pytest.raises(ValueError, match="sequence"):
        block_number(1, 0)
    with pytest.raises(ValueError, match="sequence"):
        block_number(1, MAX_SEQ + 1)
    assert block_seq(1, "101000000") is None  # sequence 0 is never given out
    assert block_seq(1, "10100001A") is None
    assert block_seq(1, "1010000001") is None
