"""An offer's terms as one JSON text: how the till stores them and how they travel to other stores.

What a coupon gives and the audience rules are kept as one text beside the offer's name,
kind and dates. The same text goes in the ``offer.created`` fact, so a store that pulls
the offer reads it with this same code and applies the same rules.
"""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal

from loyalty_desktop.domain.offers import Audience, Offer, OfferKind

AUDIENCE_FIELDS = (
    "tiers",
    "segments",
    "stages",
    "churn_bands",
    "birthday_months",
    "categories",
    "stores",
    "members",
)


def terms_text(offer: Offer) -> str:
    """The offer's terms (gift, limits, seed, audience) as the till stores them."""
    audience = {name: list(getattr(offer.audience, name)) for name in AUDIENCE_FIELDS}
    return json.dumps(
        {
            "points": offer.points,
            "multiplier": str(offer.multiplier),
            "amount": offer.amount,
            "percent": str(offer.percent),
            "sku": offer.sku,
            "min_spend": offer.min_spend,
            "per_member": offer.per_member,
            "budget": offer.budget,
            "control_share": str(offer.control_share),
            "seed": offer.seed,
            "audience": audience,
        },
        sort_keys=True,
        ensure_ascii=False,
    )


def offer_from_terms(
    offer_id: str,
    name: str,
    kind: str,
    starts_at: datetime,
    ends_at: datetime,
    terms: str,
    created_at: datetime | None,
) -> Offer:
    """The offer a stored row (or a pulled fact) describes; KeyError/ValueError if the terms are garbled."""
    found = json.loads(terms)
    seen = found["audience"]
    return Offer(
        id=offer_id,
        name=name,
        kind=OfferKind(kind),
        starts_at=starts_at,
        ends_at=ends_at,
        audience=Audience(**{name: tuple(seen.get(name, ())) for name in AUDIENCE_FIELDS}),
        points=int(found["points"]),
        multiplier=Decimal(found["multiplier"]),
        amount=int(found["amount"]),
        percent=Decimal(found["percent"]),
        sku=found["sku"],
        min_spend=int(found["min_spend"]),
        per_member=int(found["per_member"]),
        budget=found["budget"],
        control_share=Decimal(found["control_share"]),
        seed=int(found["seed"]),
        created_at=created_at,
    )
