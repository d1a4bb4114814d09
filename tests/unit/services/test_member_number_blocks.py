"""A connected till numbers new members in its store's block; a till never connected as before."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

import pytest

from loyalty_desktop.domain.errors import DuplicateMember, InvalidRequest
from loyalty_desktop.domain.member_numbers import MAX_SEQ, block_number
from loyalty_desktop.services import member_numbers, sync
from loyalty_desktop.services.auth import LOCAL_ADMIN
from tests.unit.services.conftest import ShopDriver


def _connect(driver: ShopDriver, store_no: int | None) -> None:
    sync.connect(driver.shop, LOCAL_ADMIN, "https://hq.example", "tok", "store-id", store_no)


def test_a_till_never_connected_numbers_members_by_card_number(driver: ShopDriver) -> None:
    assert [driver.enrol().member_no for _ in range(3)] == ["10000001", "10000002", "10000003"]


def test_once_connected_new_members_take_the_blocks_numbers_and_old_ones_keep_theirs(
    driver: ShopDriver,
) -> None:
    old = driver.enrol()
    _connect(driver, 7)
    fresh = [driver.enrol() for _ in range(3)]
    assert [m.member_no for m in fresh] == ["107000001", "107000002", "107000003"]
    assert driver.show(old.member_no).member_no == "10000001"
    assert driver.show("107000002").member_no == fresh[1].member_no
    # card numbers are in the block too (chain-unique); the old member keeps its card
    cards = sorted(m.card_no for m in driver.database.store.members.values())
    assert cards == [10000001, 107000001, 107000002, 107000003]


def test_a_number_typed_into_the_block_is_never_given_out_again(driver: ShopDriver) -> None:
    _connect(driver, 7)
    driver.enrol(member_no="107000002")
    driver.enrol(member_no="107999999")  # far ahead: it does not use the block up
    assert [driver.enrol().member_no for _ in range(2)] == ["107000001", "107000003"]
    with pytest.raises(DuplicateMember):
        driver.enrol(member_no="107000003")
    # numbers of another store's block or of no block do not move this store's sequence
    driver.enrol(member_no="108999999")
    driver.enrol(member_no="10700000A")
    driver.enrol(member_no="1070000999")
    assert driver.enrol().member_no == "107000004"


def test_a_till_connected_before_the_counter_goes_on_from_its_first_free_number(
    driver: ShopDriver, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(member_numbers, "_CHUNK", 4)  # the block read in several chunks
    _connect(driver, 7)
    given = [driver.enrol().member_no for _ in range(9)]
    driver.enrol(member_no="107999999")  # the block's last, typed at another store
    driver.enrol(member_no="107000011")
    with driver.shop.uow() as uow:  # as a till connected before this release left it
        uow.settings.set("sync.member_seq", "")
        uow.commit()
    assert given[-1] == "107000009"
    assert [driver.enrol().member_no for _ in range(2)] == ["107000010", "107000012"]


def test_the_last_number_of_a_block_and_then_a_clear_refusal(driver: ShopDriver) -> None:
    _connect(driver, 9899)
    with driver.shop.uow() as uow:  # a store that has given out all but the last three
        uow.settings.set("sync.member_seq", f"9899:{MAX_SEQ - 3}")
        uow.commit()
    driver.enrol(member_no=block_number(9899, MAX_SEQ - 1))
    assert driver.enrol().member_no == "9999999997"
    assert driver.enrol().member_no == "9999999999"
    with pytest.raises(InvalidRequest) as refused:
        driver.enrol()
    assert refused.value.reason == "member_numbers_used_up"
    assert driver.enrol(member_no="Z-1").member_no == "Z-1"  # a typed number still works


class _EmptyQueue:
    """An outbox with nothing waiting (the fakes keep no outbox for the pump)."""

    def pending(self, limit: int) -> list[sync.QueuedEvent]:
        return []

    def mark_sent(self, ids: Sequence[str], at: datetime) -> None:
        raise AssertionError("nothing to mark")

    def queued(self) -> int:
        return 0


def test_sync_status_says_the_block_and_a_server_without_numbers_leaves_the_card_numbers(
    driver: ShopDriver,
) -> None:
    shop = replace(driver.shop, sync_queue=_EmptyQueue())
    _connect(driver, 23)
    with_numbers = sync.status(shop)
    assert (with_numbers.store_no, with_numbers.member_numbers) == (23, "123000001-123999999")
    sync.disconnect(shop, LOCAL_ADMIN)  # the block stays: its numbers are this store's
    assert sync.status(shop).member_numbers == "123000001-123999999"
    assert driver.enrol().member_no == "123000001"
    _connect(driver, None)  # a server before store numbers
    assert sync.status(shop).member_numbers is None
    # the till's own numbers again (the block's card number 123000001 is not one of them)
    assert driver.enrol().member_no == "10000001"
