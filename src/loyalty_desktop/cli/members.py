"""``loyalty member edit`` and ``loyalty merge --preview``: looking after a member's record."""

from __future__ import annotations

from typing import Any

from loyalty_desktop.cli.context import Context
from loyalty_desktop.domain.errors import InvalidRequest
from loyalty_desktop.domain.money import Currency, format_money
from loyalty_desktop.services import member_profile, merge_preview, offers
from loyalty_desktop.services.merge_preview import MergeSide


def cmd_member_edit(ctx: Context, args: Any) -> dict[str, Any]:
    """Change the fields given; ``{"id", "member_no", "changed"}`` (and ``same_phone`` if others share it)."""
    edit = member_profile.ProfileEdit(
        name=args.name,
        phone=args.phone,
        email=args.email,
        birthday=args.birthday,
        consent=args.consent,
    )
    if edit == member_profile.ProfileEdit() and args.personalised_offers is not None:
        choice = offers.set_offer_opt_out(
            ctx.shop, ctx.actor, args.ref, not args.personalised_offers
        )
        return {
            "id": choice.member_id,
            "member_no": choice.member_no,
            "changed": ["personalised_offers"],
        }
    if edit == member_profile.ProfileEdit():
        raise InvalidRequest(
            "say what to change: --name, --phone, --email, --birthday, --consent/--no-consent "
            "or --personalised-offers/--no-personalised-offers",
            reason="member_edit_nothing",
        )
    edited = member_profile.edit_profile(ctx.shop, ctx.actor, args.ref, edit)
    changed = list(edited.changed)
    if args.personalised_offers is not None:
        offers.set_offer_opt_out(ctx.shop, ctx.actor, args.ref, not args.personalised_offers)
        changed.append("personalised_offers")
    out: dict[str, Any] = {
        "id": edited.id,
        "member_no": edited.member_no,
        "changed": changed,
    }
    if edited.same_phone:
        out["same_phone"] = list(edited.same_phone)
    return out


def _side(side: MergeSide, cur: Currency) -> dict[str, Any]:
    return {
        "id": side.id,
        "member_no": side.member_no,
        "name": side.name,
        "points": side.points,
        "spend": format_money(side.lifetime_spend, cur),
        "tier": side.tier,
        "sales": side.sales,
    }


def cmd_merge_preview(ctx: Context, args: Any) -> dict[str, Any]:
    """What ``merge KEEP OTHER`` would give, written nowhere: ``{"preview": true, "result", ...}``."""
    seen = merge_preview.preview_merge(
        ctx.shop, ctx.actor, args.keep, args.other, ctx.moment(args.at)
    )
    cur = seen.currency
    return {
        "preview": True,
        "keep": _side(seen.keep, cur),
        "other": _side(seen.other, cur),
        "result": {
            "id": seen.keep.id,
            "member_no": seen.keep.member_no,
            "name": seen.name,
            "phone": seen.phone,
            "email": seen.email,
            "birthday": seen.birthday.isoformat() if seen.birthday else None,
            "consent": seen.consent,
            "points": seen.points,
            "spend": format_money(seen.lifetime_spend, cur),
            "tier": seen.tier,
            "lots_moved": seen.lots_moved,
            "sales_moved": seen.sales_moved,
        },
    }
