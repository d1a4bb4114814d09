"""Offers, the members each chose, their coupons and redemptions, and opt-outs of personalised offers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Integer, delete, func, insert, select, update

from loyalty_desktop.db.tables import coupons, members, offer_opt_outs, offer_targets, offers
from loyalty_desktop.domain.coupons import IssuedCoupon
from loyalty_desktop.domain.offer_terms import offer_from_terms, terms_text
from loyalty_desktop.domain.offers import Offer, OfferTarget


def _offer(m: Any) -> Offer:
    return offer_from_terms(
        m["id"], m["name"], m["kind"], m["starts_at"], m["ends_at"], m["terms"], m["created_at"]
    )


def _coupon(m: Any) -> IssuedCoupon:
    return IssuedCoupon(
        number=int(m["number"]),
        id=m["id"],
        offer_id=m["offer_id"],
        member_id=m["member_id"],
        key_id=int(m["key_id"]),
        issued_at=m["issued_at"],
        redeemed_at=m["redeemed_at"],
        sale_no=m["sale_no"],
        money_off=int(m["money_off"]),
        points=int(m["points"]),
    )


class SqlOffers:
    """Offers and coupons; a coupon is marked used by one conditional update, so only one sale wins."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add(self, offer: Offer) -> None:
        self.conn.execute(
            insert(offers),
            {
                "id": offer.id,
                "name": offer.name,
                "kind": offer.kind.value,
                "starts_at": offer.starts_at,
                "ends_at": offer.ends_at,
                "terms": terms_text(offer),
                "created_at": offer.created_at,
            },
        )

    def get(self, offer_id: str) -> Offer | None:
        row = self.conn.execute(select(offers).where(offers.c.id == offer_id)).first()
        return _offer(row._mapping) if row else None

    def listing(self, limit: int) -> list[Offer]:
        query = select(offers).order_by(offers.c.created_at.desc(), offers.c.id).limit(limit)
        return [_offer(r._mapping) for r in self.conn.execute(query)]

    def targets(self, offer_id: str) -> dict[str, OfferTarget]:
        query = select(offer_targets).where(offer_targets.c.offer_id == offer_id)
        return {
            r.member_id: OfferTarget(r.offer_id, r.member_id, bool(r.control), r.rule, r.issued_at)
            for r in self.conn.execute(query)
        }

    def add_targets(self, targets: Sequence[OfferTarget]) -> None:
        if targets:
            self.conn.execute(insert(offer_targets), [dict(t.__dict__) for t in targets])

    def add_coupons(self, issued: Sequence[IssuedCoupon]) -> None:
        if issued:
            self.conn.execute(insert(coupons), [dict(c.__dict__) for c in issued])

    def last_coupon_number(self, within: tuple[int, int] | None = None) -> int:
        query = select(func.max(coupons.c.number))
        if within is not None:
            query = query.where(coupons.c.number.between(*within))
        return int(self.conn.execute(query).scalar() or 0)

    def coupons_named(self, numbers: Sequence[int], ids: Sequence[str]) -> list[tuple[int, str]]:
        """The (number, id) of coupons here holding one of these numbers or ids."""
        query = select(coupons.c.number, coupons.c.id).where(
            coupons.c.number.in_(list(numbers)) | coupons.c.id.in_(list(ids))
        )
        return [(int(r.number), str(r.id)) for r in self.conn.execute(query)]

    def coupon(self, number: int) -> IssuedCoupon | None:
        row = self.conn.execute(select(coupons).where(coupons.c.number == number)).first()
        return _coupon(row._mapping) if row else None

    def coupon_of_sale(self, sale_no: str) -> IssuedCoupon | None:
        row = self.conn.execute(select(coupons).where(coupons.c.sale_no == sale_no)).first()
        return _coupon(row._mapping) if row else None

    def coupons(self, offer_id: str, member_id: str | None = None) -> list[IssuedCoupon]:
        query = select(coupons).where(coupons.c.offer_id == offer_id)
        if member_id is not None:
            query = query.where(coupons.c.member_id == member_id)
        return [_coupon(r._mapping) for r in self.conn.execute(query.order_by(coupons.c.number))]

    def open_coupons_of(self, member_id: str, limit: int) -> list[IssuedCoupon]:
        """The member's unused coupons, oldest first."""
        query = (
            select(coupons)
            .where(coupons.c.member_id == member_id, coupons.c.redeemed_at.is_(None))
            .order_by(coupons.c.number)
            .limit(limit)
        )
        return [_coupon(r._mapping) for r in self.conn.execute(query)]

    def redeem(self, number: int, at: datetime, sale_no: str, money_off: int, points: int) -> bool:
        """Mark the coupon used by this sale; False when another sale already did."""
        done = self.conn.execute(
            update(coupons)
            .where(coupons.c.number == number, coupons.c.redeemed_at.is_(None))
            .values(redeemed_at=at, sale_no=sale_no, money_off=money_off, points=points)
        )
        return done.rowcount == 1

    def used_elsewhere(self, coupon_id: str, at: datetime, sale_no: str) -> bool:
        """Mark the coupon used by another store's sale (no money or points here: that store has them)."""
        done = self.conn.execute(
            update(coupons)
            .where(coupons.c.id == coupon_id, coupons.c.redeemed_at.is_(None))
            .values(redeemed_at=at, sale_no=sale_no)
        )
        return done.rowcount == 1

    def unprinted_coupons_of(self, member_id: str, at: datetime, limit: int) -> list[IssuedCoupon]:
        """Unused coupons of running or coming offers that no receipt printed yet, oldest first.

        None for a member who opted out of personalised offers (one statement: every sale asks).
        """
        opted_out = select(offer_opt_outs.c.member_id).where(
            offer_opt_outs.c.member_id == member_id
        )
        query = (
            select(coupons)
            .join(offers, offers.c.id == coupons.c.offer_id)
            .where(
                coupons.c.member_id == member_id,
                coupons.c.redeemed_at.is_(None),
                coupons.c.receipt_sale_no.is_(None),
                offers.c.ends_at > at,
                ~opted_out.exists(),
            )
            .order_by(coupons.c.number)
            .limit(limit)
        )
        return [_coupon(r._mapping) for r in self.conn.execute(query)]

    def put_on_receipt(self, numbers: Sequence[int], sale_no: str) -> int:
        """One conditional update: of two tills' receipts, only one prints each coupon."""
        done = self.conn.execute(
            update(coupons)
            .where(coupons.c.number.in_(list(numbers)), coupons.c.receipt_sale_no.is_(None))
            .values(receipt_sale_no=sale_no)
        )
        return done.rowcount

    def on_receipt(self, sale_no: str) -> list[IssuedCoupon]:
        query = select(coupons).where(coupons.c.receipt_sale_no == sale_no)
        return [_coupon(r._mapping) for r in self.conn.execute(query.order_by(coupons.c.number))]

    def lock(self, offer_id: str) -> None:
        """Hold the offer's row (PostgreSQL; SQLite's writers are one at a time anyway)."""
        self.conn.execute(select(offers.c.id).where(offers.c.id == offer_id).with_for_update())

    def spent(self, offer_id: str) -> tuple[int, int]:
        """Money off and points given so far by the offer's coupons."""
        row = self.conn.execute(
            select(func.sum(coupons.c.money_off), func.sum(coupons.c.points)).where(
                coupons.c.offer_id == offer_id
            )
        ).one()
        return int(row[0] or 0), int(row[1] or 0)

    def counts(self, offer_ids: Sequence[str]) -> dict[str, tuple[int, int, int]]:
        """Members offered, in control, and coupons redeemed, per offer."""
        found: dict[str, tuple[int, int, int]] = {}
        query = (
            select(
                offer_targets.c.offer_id,
                func.count(),
                func.sum(offer_targets.c.control.cast(Integer())),
            )
            .where(offer_targets.c.offer_id.in_(list(offer_ids)))
            .group_by(offer_targets.c.offer_id)
        )
        for offer_id, targeted, control in self.conn.execute(query):
            found[offer_id] = (int(targeted) - int(control or 0), int(control or 0), 0)
        used = (
            select(coupons.c.offer_id, func.count())
            .where(coupons.c.offer_id.in_(list(offer_ids)), coupons.c.redeemed_at.is_not(None))
            .group_by(coupons.c.offer_id)
        )
        for offer_id, redeemed in self.conn.execute(used):
            given, control, _ = found.get(offer_id, (0, 0, 0))
            found[offer_id] = (given, control, int(redeemed))
        return found

    def of_member(self, member_id: str) -> list[tuple[Offer, OfferTarget]]:
        """Every offer whose audience chose the member, newest first."""
        query = (
            select(offers, offer_targets.c.control, offer_targets.c.rule, offer_targets.c.issued_at)
            .join(offer_targets, offer_targets.c.offer_id == offers.c.id)
            .where(offer_targets.c.member_id == member_id)
            .order_by(offer_targets.c.issued_at.desc())
        )
        return [
            (_offer(r._mapping), OfferTarget(r.id, member_id, bool(r.control), r.rule, r.issued_at))
            for r in self.conn.execute(query)
        ]

    def member_numbers(self, member_ids: Sequence[str]) -> dict[str, str]:
        query = select(members.c.id, members.c.member_no).where(members.c.id.in_(list(member_ids)))
        return {r.id: r.member_no for r in self.conn.execute(query)}

    def forget_rules(self, member_ids: Sequence[str], said: str) -> int:
        """Replace the rule that chose these members by ``said`` (an erasure); how many rows."""
        done = self.conn.execute(
            update(offer_targets)
            .where(offer_targets.c.member_id.in_(list(member_ids)))
            .values(rule=said)
        )
        return done.rowcount

    def set_opt_out(self, member_id: str, at: datetime | None) -> None:
        """Opt the member out of personalised offers (``at``), or back in (None)."""
        self.conn.execute(delete(offer_opt_outs).where(offer_opt_outs.c.member_id == member_id))
        if at is not None:
            self.conn.execute(insert(offer_opt_outs), {"member_id": member_id, "at": at})

    def opted_out(self) -> dict[str, datetime]:
        """Every member who opted out of personalised offers, and since when."""
        return {r.member_id: r.at for r in self.conn.execute(select(offer_opt_outs))}

    def opt_out_of(self, member_id: str) -> datetime | None:
        """When the member opted out of personalised offers (None: they did not)."""
        return self.conn.execute(
            select(offer_opt_outs.c.at).where(offer_opt_outs.c.member_id == member_id)
        ).scalar()
