"""Member numbers from a store's block, so two offline stores of one chain never give out the same one.

The central server gives each store a small store number (1 to MAX_STORE_NO). A store's
block is every number made of its head (the store number plus 100) and a six-digit
sequence::

    store 1:     101 000001 … 101 999999
    store 23:    123 000001 … 123 999999
    store 900:  1000 000001 … 1000 999999   (stores 900 to 9899 have a four-digit head)

So a block number is 9 or 10 digits with no leading zero. That keeps it:

- apart from the numbers a till gives out before it is connected (its card numbers,
  ``10000001`` upwards: 8 digits until a till has given out 90 million cards);
- never phone-shaped (a phone is 11 digits or more, ``domain.phones.is_phone_shaped``);
- never payment-shaped (WeChat, Alipay and UnionPay codes are 16 digits or more) nor
  card-shaped (a member card code is 26 digits; ``check_member_no`` refuses 12 or more
  starting 96);
- two heads never share a number: the length says how many digits the head has.
"""

from __future__ import annotations

FIRST_STORE_NO = 1
MAX_STORE_NO = 9899  # the head (store number + 100) has at most four digits
SEQ_DIGITS = 6
MAX_SEQ = 10**SEQ_DIGITS - 1
_HEAD_OFFSET = 100  # no head starts with 0 or is shorter than three digits


def valid_store_no(store_no: object) -> bool:
    """Whether ``store_no`` is a store number a block can be made of (an int, not a bool)."""
    return (
        isinstance(store_no, int)
        and not isinstance(store_no, bool)
        and FIRST_STORE_NO <= store_no <= MAX_STORE_NO
    )


def block_head(store_no: int) -> str:
    """The digits every number of the store's block starts with."""
    if not valid_store_no(store_no):
        raise ValueError(f"store number out of range: {store_no!r}")
    return str(store_no + _HEAD_OFFSET)


def block_number(store_no: int, seq: int) -> str:
    """The ``seq``-th member number of the store's block (seq 1 to MAX_SEQ)."""
    if not 1 <= seq <= MAX_SEQ:
        raise ValueError(f"sequence out of range: {seq!r}")
    return f"{block_head(store_no)}{seq:0{SEQ_DIGITS}d}"


def block_range(store_no: int) -> tuple[str, str]:
    """The first and the last number of the store's block."""
    return block_number(store_no, 1), block_number(store_no, MAX_SEQ)


def block_seq(store_no: int, member_no: str) -> int | None:
    """The sequence of ``member_no`` in the store's block, or None when it is not one of them."""
    head = block_head(store_no)
    tail = member_no[len(head) :]
    if not (
        member_no.startswith(head) and len(tail) == SEQ_DIGITS and tail.isascii() and tail.isdigit()
    ):
        return None
    seq = int(tail)
    return seq if seq >= 1 else None
