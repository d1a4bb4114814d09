"""Outbox-shaped events for the server tests: a member enrolled and sales with their movements."""

from __future__ import annotations

import uuid
from typing import Any

DEVICE = str(uuid.uuid4())
AT = "2026-03-02T02:00:00+00:00"


def enrolled(member_id: str, seq: int) -> dict[str, Any]:
    return _wire(
        "member.enrolled",
        f"member:{member_id}",
        seq,
        {
            "id": member_id,
            "member_no": f"M{seq:06d}",
            "consent": True,
            "consent_at": None,
            "status": "active",
            "merged_into": None,
            "created_at": AT,
        },
    )


def sale(member_id: str, seq: int, earned: int = 105, price: str = "105.00") -> dict[str, Any]:
    sale_id = str(uuid.uuid4())
    move = {
        "id": str(uuid.uuid4()),
        "member_id": member_id,
        "kind": "earn",
        "points": earned,
        "at": AT,
        "lots": [],
        "allocations": [],
        "reason": None,
        "activity": None,
        "request_id": None,
    }
    return _wire(
        "sale",
        f"sale:{sale_id}",
        seq,
        {
            "id": sale_id,
            "sale_id": f"S{seq}",
            "member_id": member_id,
            "at": AT,
            "currency": "CNY",
            "lines": [
                {
                    "sku": "TEA",
                    "qty": "1",
                    "unit_price": price,
                    "category": None,
                    "amount": price,
                    "net": price,
                }
            ],
            "subtotal": price,
            "discount": "0.00",
            "tier_discount": "0.00",
            "net": price,
            "points_redeemed": 0,
            "points_value": "0.00",
            "paid": price,
            "earned": earned,
            "device_id": DEVICE,
            "movements": [move],
        },
    )


def refund(sale_event: dict[str, Any], seq: int, points: int) -> dict[str, Any]:
    """A refund of ``sale_event`` that takes ``points`` of what it earned back."""
    sold = sale_event["payload"]
    refund_id = str(uuid.uuid4())
    move = {
        "id": str(uuid.uuid4()),
        "member_id": sold["member_id"],
        "kind": "refund_reversal",  # the store's MovementKind.REFUND_REVERSAL
        "points": -points,
        "at": AT,
        "lots": [],
        "allocations": [],
        "reason": None,
        "activity": None,
        "request_id": None,
    }
    return _wire(
        "refund",
        f"refund:{refund_id}",
        seq,
        {
            "id": refund_id,
            "refund_id": f"R{seq}",
            "sale": sold["id"],
            "sale_id": sold["sale_id"],
            "member_id": sold["member_id"],
            "at": AT,
            "amount": sold["net"],
            "lines": [],
            "reversed": points,
            "restored": 0,
            "paid_back": sold["net"],
            "movements": [move],
        },
    )


def _wire(kind: str, key: str, seq: int, payload: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "device_id": DEVICE,
        "seq": seq,
        "kind": kind,
        "version": 1,
        "key": key,
        "at": AT,
        "payload": payload,
    }


def coupon_redeemed(
    member_id: str,
    seq: int,
    coupon_id: str,
    points: int = 50,
    *,
    sale_id: str | None = None,
    key: str | None = None,
) -> dict[str, Any]:
    """Sale ``sale_id`` (a new one if None) used a coupon: its bonus points as an activity movement.

    Keyed by the coupon and the sale, as tills write it; ``key`` overrides (older tills:
    ``coupon:<id>``).
    """
    sale_id = sale_id or str(uuid.uuid4())
    move = {
        "id": str(uuid.uuid4()),
        "member_id": member_id,
        "kind": "activity",
        "points": points,
        "at": AT,
        "lots": [],
        "allocations": [],
        "reason": None,
        "activity": "coupon",
        "request_id": None,
    }
    return _wire(
        "coupon.redeemed",
        key or f"coupon:{coupon_id}:{sale_id}",
        seq,
        {
            "coupon_id": coupon_id,
            "coupon_no": 1,
            "offer_id": str(uuid.uuid4()),
            "member_id": member_id,
            "sale": sale_id,
            "at": AT,
            "money_off": "0.00",
            "points": points,
            "movements": [move],
        },
    )


def merged(keep: str, other: str, seq: int, points: int) -> dict[str, Any]:
    """OTHER merged into KEEP at a store: its sales now KEEP's, its ``points`` moved over."""

    def move(member_id: str, kind: str, pts: int) -> dict[str, Any]:
        return {
            "id": str(uuid.uuid4()),
            "member_id": member_id,
            "kind": kind,
            "points": pts,
            "at": AT,
            "lots": [],
            "allocations": [],
            "reason": None,
            "activity": None,
            "request_id": None,
        }

    return _wire(
        "merge",
        f"merge:{other}",
        seq,
        {
            "keep": keep,
            "other": other,
            "sales_moved": 1,
            "movements": [move(other, "merge_out", -points), move(keep, "merge_in", points)],
        },
    )
