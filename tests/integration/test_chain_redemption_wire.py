"""A connected till's redemption against a stand-in server: what goes in the sale's event, and holds given back."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from loyalty_desktop.app import Opened, open_database
from loyalty_desktop.domain.errors import InvalidRequest, RedemptionNotAllowed
from loyalty_desktop.services import checkout, members, programs, sync
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.baskets import SaleRequest
from loyalty_desktop.services.context import Shop
from tests.conftest import FixedClock
from tests.integration.conftest import PROGRAM
from tests.sync_wire import Wire, wired


@pytest.fixture
def till(tmp_path: Path, clock: FixedClock) -> Iterator[tuple[Opened, Shop, Wire, str]]:
    """A connected till whose member has 1,000 points the server has (all events sent)."""
    opened = open_database(tmp_path / "shop.db", clock=clock, keys_dir=tmp_path / "keys")
    programs.load_program(opened.shop, LOCAL_ADMIN, PROGRAM, "test")
    member = members.enrol(opened.shop, LOCAL_ADMIN, members.NewMember("王芳"))
    checkout.checkout(opened.shop, LOCAL_ADMIN, SaleRequest("S-1", member.member_no, "1000.00"))
    wire = Wire()
    shop = wired(opened.shop, wire)
    sync.connect(shop, LOCAL_ADMIN, "https://hq.example", "t0ken", "store-9")
    sync.run_pass(shop)  # everything sent, the log pulled
    yield opened, shop, wire, member.member_no
    opened.engine.dispose()


def _sale_payload(opened: Opened, sale_no: str) -> dict[str, object]:
    with opened.engine.connect() as conn:
        rows = conn.exec_driver_sql("select payload from outbox where kind = 'sale'").all()
    found = [json.loads(r[0]) for r in rows]
    return next(p for p in found if p["sale_id"] == sale_no)


def test_a_held_redemption_names_its_hold_and_a_plain_sale_asks_nothing(
    till: tuple[Opened, Shop, Wire, str],
) -> None:
    opened, shop, wire, member_no = till
    checkout.checkout(shop, LOCAL_ADMIN, SaleRequest("S-2", member_no, "20.00", redeem=800))
    ((hold_id, _member, points),) = wire.held
    assert points == 800
    assert _sale_payload(opened, "S-2")["hold_id"] == hold_id
    checkout.checkout(shop, LOCAL_ADMIN, SaleRequest("S-3", member_no, "20.00"))
    assert len(wire.held) == 1  # no points, no hold
    assert "hold_id" not in _sale_payload(opened, "S-3")
    # the same sale number again is a replay: answered here, nothing asked of the server
    checkout.checkout(shop, LOCAL_ADMIN, SaleRequest("S-2", member_no, "20.00", redeem=800))
    assert len(wire.held) == 1


def test_a_sale_that_fails_after_its_hold_gives_the_hold_back(
    till: tuple[Opened, Shop, Wire, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _opened, shop, wire, member_no = till
    real = checkout.record_sale
    calls = []

    def second_fails(*args: object, **kwargs: object) -> object:
        calls.append(1)
        if len(calls) == 2:  # the quote passed; the posting itself fails
            raise InvalidRequest("the disk is full", reason="disk_full")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(checkout, "record_sale", second_fails)
    with pytest.raises(InvalidRequest):
        checkout.checkout(shop, LOCAL_ADMIN, SaleRequest("S-2", member_no, "20.00", redeem=800))
    assert [h[0] for h in wire.held] == wire.released


def test_a_refused_hold_refuses_the_sale_with_what_the_chain_has(
    till: tuple[Opened, Shop, Wire, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    opened, shop, wire, member_no = till
    monkeypatch.setattr(
        wire,
        "hold",
        lambda hold_id, member_id, points: {
            "hold_id": hold_id,
            "status": "refused",
            "available": 150,
            "reason": "not_enough_points",
        },
    )
    with pytest.raises(RedemptionNotAllowed) as refused:
        checkout.checkout(shop, LOCAL_ADMIN, SaleRequest("S-2", member_no, "20.00", redeem=800))
    assert refused.value.reason == "chain_balance_too_low"
    assert refused.value.details["available"] == 150
    with opened.engine.connect() as conn:
        assert conn.exec_driver_sql("select count(*) from sales").scalar() == 1


def test_offline_the_sale_is_marked_redeemed_offline(
    till: tuple[Opened, Shop, Wire, str],
) -> None:
    opened, shop, wire, member_no = till
    wire.failure = sync.ServerUnavailable("down")
    checkout.checkout(shop, LOCAL_ADMIN, SaleRequest("S-2", member_no, "20.00", redeem=400))
    payload = _sale_payload(opened, "S-2")
    assert payload["redeemed_offline"] is True
    assert "hold_id" not in payload
