"""A till keeps the offers and coupons other stores issued, as the change log brings them.

What cannot be kept is kept aside for a person, never applied halfway: a coupon number this
till holds for another coupon (both numbered before their stores connected), coupons of an
offer this till does not have. A coupon of a member not here yet waits for the member's
record. Nothing pulled goes to the outbox, and a page read again changes nothing.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import timedelta
from typing import Any

from loyalty_desktop.app import Opened
from loyalty_desktop.domain.offer_terms import terms_text
from loyalty_desktop.domain.offers import Audience, Offer, OfferKind
from loyalty_desktop.services import coupons, members, offers, programs, pull
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.pulled import read_changes
from tests.conftest import FixedClock
from tests.integration.conftest import PROGRAM

OTHER_STORE = str(uuid.uuid4())


def _offer_row(pos: int, offer: Offer) -> dict[str, Any]:
    return {
        "pos": pos,
        "kind": "offer",
        "store_id": OTHER_STORE,
        "offer_id": offer.id,
        "offer_name": offer.name,
        "offer_kind": offer.kind.value,
        "starts_at": offer.starts_at.isoformat(),
        "ends_at": offer.ends_at.isoformat(),
        "terms": terms_text(offer),
        "created_at": offer.starts_at.isoformat(),
    }


def _coupons_row(
    pos: int, offer_id: str, issued: list[tuple[int, str]], key_id: int
) -> dict[str, Any]:
    return {
        "pos": pos,
        "kind": "coupons",
        "store_id": OTHER_STORE,
        "offer_id": offer_id,
        "starts_at": "2026-03-01T00:00:00+00:00",
        "ends_at": "2026-03-09T00:00:00+00:00",
        "coupons": [
            {
                "id": str(uuid.uuid4()),
                "number": number,
                "member_id": member_id,
                "key_id": key_id,
                "issued_at": "2026-03-02T00:00:00+00:00",
            }
            for number, member_id in issued
        ],
    }


def _apply(opened: Opened, rows: list[dict[str, Any]]) -> pull.PullReport:
    shop = opened.shop
    with shop.uow() as uow:
        report = pull.apply_page(uow, shop, read_changes(rows).changes, None, careful=True)
        uow.commit()
    return report


def test_pulled_coupons_are_kept_and_what_cannot_be_is_kept_aside(
    opened: Opened, clock: FixedClock
) -> None:
    shop = opened.shop
    programs.load_program(shop, LOCAL_ADMIN, PROGRAM, "test")
    member = members.enrol(shop, LOCAL_ADMIN, members.NewMember("王芳", consent=True))
    today = clock.now().date()
    local = offers.create_offer(
        shop,
        LOCAL_ADMIN,
        f'name = "Here"\nkind = "money_off"\namount = "1.00"\nstart = "{today}"\n'
        f'end = "{today + timedelta(days=6)}"\ncontrol_share = "0"\n'
        f'[audience]\nmembers = ["{member.member_no}"]\n',
    )
    offers.issue_offer(shop, LOCAL_ADMIN, local.id)  # this till's coupon number 1
    with shop.uow(write=False) as uow:
        queued = uow.outbox.count()
    elsewhere = Offer(
        str(uuid.uuid4()),
        "Elsewhere",
        OfferKind.MONEY_OFF,
        clock.now() - timedelta(days=1),
        clock.now() + timedelta(days=6),
        Audience(),
        amount=500,
        seed=7,
    )
    key_id = shop.card_keys.active_id
    stranger = str(uuid.uuid4())  # a member this till has not pulled yet
    rows = [
        _offer_row(11, elsewhere),
        _coupons_row(12, elsewhere.id, [(1, member.id), (2, member.id), (3, stranger)], key_id),
        _coupons_row(13, str(uuid.uuid4()), [(4, member.id)], key_id),  # its offer unknown here
        {  # terms no till can read: put aside, the page goes on
            **_offer_row(14, replace(elsewhere, id=str(uuid.uuid4()))),
            "terms": terms_text(elsewhere).replace('"multiplier": "1"', '"multiplier": "many"'),
        },
    ]

    _apply(opened, rows)
    again = _apply(opened, rows)  # the page read again: nothing more

    assert again.changes == 0
    with shop.uow(write=False) as uow:
        assert uow.outbox.count() == queued  # nothing pulled echoes back
        kept = {c.number: c.offer_id for c in uow.offers.coupons(elsewhere.id)}
        assert kept == {2: elsewhere.id}
        assert uow.offers.coupon(1).offer_id == local.id  # the clash overwrote nothing
        assert uow.offers.coupon(3) is None
        assert uow.offers.coupon(4) is None
        aside = {s["pos"]: s["reason"] for s in pull.skipped(uow)}
        waiting = uow.settings.get(pull.WAITING) or ""
    assert aside == {
        12: "pulled_coupon_number_taken",
        13: "pulled_coupon_offer_unknown",
        14: "pulled_change_unreadable",
    }
    assert stranger in waiting  # read again once the member's record arrives
    found = coupons.check_coupon(
        shop, LOCAL_ADMIN, coupons.coupon_code(2, key_id, shop.card_keys), member.member_no
    )
    assert (found.offer, found.gives) == ("Elsewhere", "5.00 off")
