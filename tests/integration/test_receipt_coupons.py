"""A member's receipt carries their open coupons home as QR codes a scanner reads, once each."""

from __future__ import annotations

import threading
import uuid
from dataclasses import replace
from datetime import timedelta

import pytest
import zxingcpp
from PIL import Image

from loyalty_desktop.app import Opened
from loyalty_desktop.printing.coupon_slips import coupon_slips
from loyalty_desktop.printing.escpos import Encoding, columns_for, encode_receipt
from loyalty_desktop.printing.receipt_text import receipt_lines
from loyalty_desktop.services import checkout, coupons, members, offers, programs, receipts
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.baskets import SaleRequest
from loyalty_desktop.services.receipts import Receipt
from tests.conftest import FixedClock
from tests.databases import Database
from tests.integration.conftest import PROGRAM


def _offer(opened: Opened, clock: FixedClock, member_no: str, per_member: int) -> list[str]:
    """A 10.00-off offer for the member from today for a month, issued; its coupon codes."""
    today = clock.now().date()
    text = (
        f'name = "春季回馈 Spring thanks"\nkind = "money_off"\namount = "10.00"\n'
        f'min_spend = "30.00"\nstart = "{today}"\nend = "{today + timedelta(days=30)}"\n'
        f'control_share = "0"\nper_member = {per_member}\n'
        f'[audience]\nmembers = ["{member_no}"]\n'
    )
    offer = offers.create_offer(opened.shop, LOCAL_ADMIN, text, "spring.toml")
    offers.issue_offer(opened.shop, LOCAL_ADMIN, offer.id)
    return [c.code for c in offers.coupon_list(opened.shop, LOCAL_ADMIN, offer.id)]


def _member(opened: Opened, clock: FixedClock, *, consent: bool = True) -> str:
    joined = clock.now() - timedelta(days=30)
    new = members.NewMember(name="李雷", consent=consent)
    return members.enrol(opened.shop, LOCAL_ADMIN, new, joined).member_no


def _sell(opened: Opened, sale_no: str, member_no: str, coupon: str | None = None) -> Receipt:
    request = SaleRequest(sale_no, member_no, total="50.00", coupon=coupon)
    checkout.checkout(opened.shop, LOCAL_ADMIN, request)
    return receipts.receipt_for(opened.shop, LOCAL_ADMIN, sale_no)


def _printed(receipt: Receipt, encoding: Encoding, paper: int = 58) -> bytes:
    columns = columns_for(paper)
    return encode_receipt(
        receipt_lines(receipt, columns, language="zh_CN"),
        encoding=encoding,
        paper=58 if paper == 58 else 80,
        qr=receipt.sale_no,
        slips=coupon_slips(receipt.coupons, receipt.currency, columns, language="zh_CN"),
    )


def _scanned(data: bytes) -> list[str]:
    """Every QR code a scanner finds in the raster pictures (GS v 0) of the printer's bytes."""
    found: list[str] = []
    at = data.find(b"\x1dv0")
    while at >= 0:
        width = int.from_bytes(data[at + 4 : at + 6], "little")
        height = int.from_bytes(data[at + 6 : at + 8], "little")
        rows = data[at + 8 : at + 8 + width * height]
        # ESC/POS prints a 1 bit; PIL's "1" mode calls 1 white: invert to see what the paper shows.
        ink = Image.frombytes("1", (width * 8, height), rows).convert("L")
        paper = ink.point(lambda value: 255 - value)
        found += [code.text for code in zxingcpp.read_barcodes(paper)]
        at = data.find(b"\x1dv0", at + 8 + width * height)
    return found


@pytest.mark.parametrize(("encoding", "paper"), [("gb18030", 58), ("raster", 80)])
def test_a_members_receipt_prints_their_open_coupons_as_qr_codes_that_scan(
    opened: Opened, clock: FixedClock, encoding: Encoding, paper: int
) -> None:
    programs.load_program(opened.shop, LOCAL_ADMIN, PROGRAM, "p.toml")
    member_no = _member(opened, clock)
    codes = _offer(opened, clock, member_no, per_member=2)

    receipt = _sell(opened, "S-1", member_no)
    data = _printed(receipt, encoding, paper)

    assert [c.code for c in receipt.coupons] == codes
    assert sorted(_scanned(data)) == sorted(codes)
    slip = coupon_slips(receipt.coupons, receipt.currency, columns_for(paper), language="zh_CN")[0]
    assert "立减 10.00" in slip.lines
    assert any("满 ￥30.00 可用" in line for line in slip.lines)
    last = (clock.now() + timedelta(days=30)).date().isoformat()
    assert any(last in line for line in slip.lines)
    scanned = coupons.check_coupon(opened.shop, LOCAL_ADMIN, _scanned(data)[0], member_no)
    assert scanned.offer == "春季回馈 Spring thanks"  # the till takes what the paper shows


def test_each_coupon_is_printed_once_and_a_reprint_shows_the_same(
    opened: Opened, clock: FixedClock
) -> None:
    programs.load_program(opened.shop, LOCAL_ADMIN, PROGRAM, "p.toml")
    member_no = _member(opened, clock)
    first, second = _offer(opened, clock, member_no, per_member=2)

    # The sale that uses the first coupon prints only the second one.
    used = _sell(opened, "S-1", member_no, coupon=first)
    assert [c.code for c in used.coupons] == [second]
    assert _sell(opened, "S-2", member_no).coupons == ()  # nothing new to take home
    reprint = receipts.receipt_for(opened.shop, LOCAL_ADMIN, "S-1")
    assert [c.code for c in reprint.coupons] == [second]
    assert _scanned(_printed(reprint, "gb18030")) == [second]


def test_no_coupon_is_printed_for_a_member_who_opted_out_or_after_the_offer_ended(
    opened: Opened, clock: FixedClock
) -> None:
    programs.load_program(opened.shop, LOCAL_ADMIN, PROGRAM, "p.toml")
    member_no = _member(opened, clock)
    _offer(opened, clock, member_no, per_member=1)
    offers.set_offer_opt_out(opened.shop, LOCAL_ADMIN, member_no, True)
    assert _sell(opened, "S-1", member_no).coupons == ()
    offers.set_offer_opt_out(opened.shop, LOCAL_ADMIN, member_no, False)
    clock.advance(days=32)  # the offer is over: its coupon is no use any more
    assert _sell(opened, "S-2", member_no).coupons == ()
    assert _scanned(_printed(receipts.receipt_for(opened.shop, LOCAL_ADMIN, "S-2"), "raster")) == []


def test_two_tills_selling_to_the_member_at_once_print_each_coupon_on_one_receipt(
    database: Database, clock: FixedClock
) -> None:
    first, second = database.open(clock), database.open(clock)
    # Another till of the shop: its own device, so its sales take no lock the first till holds.
    second = replace(second, shop=replace(second.shop, device_id=str(uuid.uuid4())))
    programs.load_program(first.shop, LOCAL_ADMIN, PROGRAM, "p.toml")
    member_no = _member(first, clock)
    codes = _offer(first, clock, member_no, per_member=2)
    line = threading.Barrier(2)
    failed: list[BaseException] = []

    def till(opened: Opened, sale_no: str) -> None:
        line.wait()
        try:
            checkout.checkout(
                opened.shop, LOCAL_ADMIN, SaleRequest(sale_no, member_no, total="9.00")
            )
        except BaseException as error:  # the test reads it below
            failed.append(error)

    tills = [threading.Thread(target=till, args=o) for o in ((first, "T1-1"), (second, "T2-1"))]
    for t in tills:
        t.start()
    for t in tills:
        t.join(30)
    assert failed == []
    printed = [
        c.code
        for sale in ("T1-1", "T2-1")
        for c in receipts.receipt_for(first.shop, LOCAL_ADMIN, sale).coupons
    ]
    assert sorted(printed) == sorted(codes)  # each once, on one receipt or the other
