"""Offers and coupons other stores issued, read from the change log and kept at this till.

A store that creates an offer and issues its coupons sends them as facts (``offer.created``,
``coupons.issued``); the server logs an ``offer`` change, then ``coupons`` changes with
member ids only. This till stores the offer as it was sent (its terms read by the same
``domain.offer_terms``, so the same rules apply) and each coupon with its id, number and
key id, so the member's coupon slip, scanned here, is found and applied as at the store
that issued it. Nothing pulled is written to the outbox.

- Applying is idempotent: an offer or coupon already here (by id) is passed over, never
  overwritten.
- A coupon number this till holds for another coupon (both numbered before their stores
  connected, from their own counters) is a clash: that coupon is not added and the change
  is kept aside for a person (``sync.pull_skipped``); the others are added.
- A coupon of a member this till does not have yet waits, as a member's movements do: once
  the member's record arrives the log is read again from that change.
- A coupon another store used before this till learnt of it (the use's change came first)
  is remembered and marked used as soon as the coupon arrives, whatever the order.
- The offer's audience, control group and the rule that chose each member stay at the
  issuing store: this till's offer report shows the coupons issued and used, and no lift.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from loyalty_desktop.domain.coupons import MAX_NUMBER, IssuedCoupon
from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.domain.offer_terms import offer_from_terms
from loyalty_desktop.domain.offers import Offer
from loyalty_desktop.services.ports import UnitOfWork
from loyalty_desktop.services.pull_waiting import Waiting
from loyalty_desktop.services.sync import PULL_SKIPPED

MAX_SKIPPED_KEPT = 200  # as services/pull.py keeps them

KINDS = frozenset({"offer", "coupons"})
USES_FIRST = "sync.pull_coupon_uses"  # coupon id -> a use pulled before the coupon itself
MAX_USES_KEPT = 10_000


@dataclass(frozen=True)
class OfferChange:
    """An offer another store created (as it stores it)."""

    pos: int
    store_id: str
    offer: Offer


@dataclass(frozen=True)
class PulledCoupon:
    """One coupon another store issued: member id only."""

    id: str
    number: int
    member_id: str
    key_id: int
    issued_at: datetime


@dataclass(frozen=True)
class CouponsChange:
    """Coupons of one offer another store issued."""

    pos: int
    store_id: str
    offer_id: str
    coupons: tuple[PulledCoupon, ...]


def read_offer_change(row: Mapping[str, Any]) -> OfferChange | CouponsChange:
    """An ``offer`` or ``coupons`` change of the log; KeyError/TypeError/ValueError if garbled."""
    pos, store = _whole(row["pos"]), _id(row["store_id"])
    if row["kind"] == "offer":
        terms = row["terms"]
        if not isinstance(terms, str):
            raise TypeError("the offer's terms are not a text")
        try:
            offer = offer_from_terms(
                _id(row["offer_id"]),
                _name(row["offer_name"]),
                _id(row["offer_kind"]),
                _moment(row["starts_at"]),
                _moment(row["ends_at"]),
                terms,
                _moment(row["created_at"]),
            )
        except ArithmeticError as exc:  # a number in the terms Decimal cannot read
            raise ValueError(f"the offer's terms cannot be read ({exc!r:.80})") from exc
        return OfferChange(pos, store, offer)
    return CouponsChange(
        pos,
        store,
        _id(row["offer_id"]),
        tuple(
            PulledCoupon(
                _id(c["id"]),
                _number(c["number"]),
                _id(c["member_id"]),
                _key_id(c["key_id"]),
                _moment(c["issued_at"]),
            )
            for c in row["coupons"]
        ),
    )


def apply_offer(uow: UnitOfWork, change: OfferChange) -> int:
    """Keep the offer here unless it is here already (by id); 1 if it was added."""
    if uow.offers.get(change.offer.id) is not None:
        return 0
    uow.offers.add(change.offer)
    return 1


def apply_coupons(uow: UnitOfWork, change: CouponsChange, waiting: Waiting) -> int:
    """Keep the coupons not here yet; how many were added.

    LoyaltyError (the change is kept aside) when the offer is unknown here. A coupon whose
    number is held here by another coupon is left out and the change kept aside; the
    others are added.
    """
    if uow.offers.get(change.offer_id) is None:
        raise LoyaltyError(
            f"the coupons' offer {change.offer_id} is not known at this till",
            code="pulled_change",
            reason="pulled_coupon_offer_unknown",
            offer=change.offer_id,
        )
    held = uow.offers.coupons_named(
        [c.number for c in change.coupons], [c.id for c in change.coupons]
    )
    here = set(held)
    numbers, ids = {n for n, _ in held}, {i for _, i in held}
    new: list[IssuedCoupon] = []
    clashing: list[int] = []
    for c in change.coupons:
        if (c.number, c.id) in here:
            continue
        if c.number in numbers or c.id in ids:
            clashing.append(c.number)
            continue
        if uow.members.get(c.member_id) is None:
            # enrolled at the other store and not here yet: read again once they are
            waiting.wait(c.member_id, change.pos)
            continue
        new.append(
            IssuedCoupon(c.number, c.id, change.offer_id, c.member_id, c.key_id, c.issued_at)
        )
    uow.offers.add_coupons(new)
    _uses_first(uow, [c.id for c in new])
    if clashing:
        _keep_clash(uow, change, clashing)
    return len(new)


def _keep_clash(uow: UnitOfWork, change: CouponsChange, numbers: list[int]) -> None:
    """Kept aside like a change this till cannot apply (``loyalty check`` lists it); the rest stays."""
    shown = ", ".join(str(n) for n in numbers[:5])
    kept = json.loads(uow.settings.get(PULL_SKIPPED) or "[]")
    if any(k["pos"] == change.pos for k in kept):
        return
    kept.append(
        {
            "pos": change.pos,
            "store_id": change.store_id,
            "member_id": None,
            "member_no": None,
            "reason": "pulled_coupon_number_taken",
            "details": {"numbers": shown, "count": len(numbers)},
            "message": f"coupon number {shown} of another store is held here by another "
            "coupon; that coupon is not honoured here",
        }
    )
    uow.settings.set(PULL_SKIPPED, json.dumps(kept[-MAX_SKIPPED_KEPT:]))


def coupon_used_elsewhere(uow: UnitOfWork, coupon_id: str, at: datetime, sale: str) -> bool:
    """Mark the coupon used by another store's sale; one not here yet is remembered for later."""
    if uow.offers.used_elsewhere(coupon_id, at, f"sync:{sale}"):
        return True
    if not uow.offers.coupons_named([], [coupon_id]):
        kept = json.loads(uow.settings.get(USES_FIRST) or "{}")
        kept[coupon_id] = {"at": at.isoformat(), "sale": sale}
        uow.settings.set(USES_FIRST, json.dumps(dict(list(kept.items())[-MAX_USES_KEPT:])))
    return False


def _uses_first(uow: UnitOfWork, ids: list[str]) -> None:
    """Coupons just added whose use was pulled before them: marked used now."""
    kept = json.loads(uow.settings.get(USES_FIRST) or "{}")
    found = [i for i in ids if i in kept]
    for coupon_id in found:
        use = kept.pop(coupon_id)
        uow.offers.used_elsewhere(
            coupon_id, datetime.fromisoformat(use["at"]), f"sync:{use['sale']}"
        )
    if found:
        uow.settings.set(USES_FIRST, json.dumps(kept))


def _id(value: Any) -> str:
    if not isinstance(value, str) or not value or len(value) > 64:
        raise ValueError(f"expected an id, got {value!r:.80}")
    return value


def _name(value: Any) -> str:
    if not isinstance(value, str) or not value or len(value) > 100:
        raise ValueError(f"expected an offer's name, got {value!r:.80}")
    return value


def _whole(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"expected a whole number, got {value!r:.80}")
    return value


def _number(value: Any) -> int:
    if not 0 < _whole(value) <= MAX_NUMBER:
        raise ValueError(f"coupon number {value} out of range")
    return int(value)


def _key_id(value: Any) -> int:
    if not 0 <= _whole(value) <= 9:
        raise ValueError(f"coupon key id {value} out of range")
    return int(value)


def _moment(value: Any) -> datetime:
    moment = datetime.fromisoformat(_id(value))
    if moment.tzinfo is None:
        raise ValueError("a moment without a time zone")
    moment.astimezone(UTC)  # OverflowError for a moment whose UTC falls outside years 1-9999
    return moment
