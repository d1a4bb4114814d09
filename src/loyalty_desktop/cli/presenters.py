"""Typed service results turned into the command's JSON (shared/CONTRACT.md fixes its fields).

Money goes out as decimal text with the currency's decimals, moments as ISO
8601 in the shop's time zone, points as integers: formatting lives here, not
in the services, so a screen can sort and sum the same results.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from loyalty_desktop.analytics.kpis import Kpis
from loyalty_desktop.analytics.liability import Liability
from loyalty_desktop.domain.money import Currency, format_money, money_from_decimal
from loyalty_desktop.domain.program import TierBasis
from loyalty_desktop.domain.program_dict import program_to_dict
from loyalty_desktop.services.import_report import ImportReport
from loyalty_desktop.services.integrity import CheckResult
from loyalty_desktop.services.keys import KeyReplacement, KeyRotation
from loyalty_desktop.services.member_view import MemberView
from loyalty_desktop.services.members import Enrolled
from loyalty_desktop.services.merge import Merged
from loyalty_desktop.services.points import Adjusted, Awarded, ExpiryRun
from loyalty_desktop.services.privacy import Erased
from loyalty_desktop.services.products import ProductView, SavedProduct
from loyalty_desktop.services.programs import ProgramVersion
from loyalty_desktop.services.refunds import RefundResult
from loyalty_desktop.services.sale_results import SaleResult
from loyalty_desktop.services.staff import StaffAccount
from loyalty_desktop.services.stored_reports import StoredRun


def sale(result: SaleResult) -> dict[str, Any]:
    """``loyalty sale``: earned, redeemed, points, tier and paid first, as the contract lists them."""
    cur = result.currency
    return {
        "sale_id": result.sale_no,
        "earned": result.earned,
        "redeemed": result.redeemed,
        "points": result.points,
        "tier": result.tier,
        "paid": format_money(result.paid, cur),
        "member_id": result.member_id,
        "member_no": result.member_no,
        "subtotal": format_money(result.subtotal, cur),
        "discount": format_money(result.discount, cur),
        "tier_discount": format_money(result.tier_discount, cur),
        "net": format_money(result.net, cur),
        "points_value": format_money(result.points_value, cur),
        "campaigns": list(result.campaigns),
        "rewards": [
            {"name": r.name, "points": r.points, "value": format_money(r.value, cur)}
            for r in result.rewards
        ],
        "at": result.at.isoformat(),
        "replayed": result.replayed,
        "matched": result.matched,
        "coupon": (
            {
                "number": result.coupon.number,
                "offer": result.coupon.offer,
                "money_off": format_money(result.coupon.money_off, cur),
                "points": result.coupon.points,
            }
            if result.coupon
            else None
        ),
    }


def refund(result: RefundResult) -> dict[str, Any]:
    """``loyalty refund``."""
    cur = result.currency
    return {
        "refund_id": result.refund_no,
        "reversed": result.reversed,
        "restored": result.restored,
        "points": result.points,
        "sale_id": result.sale_no,
        "amount": format_money(result.amount, cur),
        "paid_back": format_money(result.paid_back, cur),
        "replayed": result.replayed,
    }


def adjusted(result: Adjusted) -> dict[str, Any]:
    """``loyalty adjust``."""
    return {
        "points": result.points,
        "request_id": result.request_id,
        "member_id": result.member_id,
        "replayed": result.replayed,
    }


def awarded(result: Awarded) -> dict[str, Any]:
    """``loyalty award`` (a replay does not repeat the tier)."""
    out: dict[str, Any] = {
        "earned": result.earned,
        "points": result.points,
        "activity": result.activity,
    }
    if not result.replayed:
        out["tier"] = result.tier
    out["replayed"] = result.replayed
    return out


def expiry(result: ExpiryRun) -> dict[str, Any]:
    """``loyalty expire``."""
    return {
        "expired_points": result.expired_points,
        "members": result.members,
        "tier_changes": result.tier_changes,
    }


def stored_run(result: StoredRun) -> dict[str, Any]:
    """The reports ``loyalty expire`` stored for the day, and those it could not with why."""
    return {
        "reports_at": result.at.isoformat(),
        "reports_stored": list(result.stored),
        "reports_skipped": [{"report": name, "reason": why} for name, why in result.skipped],
    }


def merged(result: Merged) -> dict[str, Any]:
    """``loyalty merge``."""
    return {
        "id": result.id,
        "points": result.points,
        "merged": result.merged,
        "sales_moved": result.sales_moved,
    }


def enrolled(result: Enrolled) -> dict[str, Any]:
    """``loyalty member add``; ``same_phone`` only when others share the phone."""
    out: dict[str, Any] = {"id": result.id, "member_no": result.member_no, "card": result.card}
    if result.same_phone:
        out["same_phone"] = list(result.same_phone)
    return out


def _basis_text(needs: Decimal, basis: TierBasis, cur: Currency) -> str:
    """How much more of the tier basis is needed, written like the basis (money with its decimals)."""
    if basis in (TierBasis.LIFETIME_SPEND, TierBasis.ROLLING_SPEND):
        return format_money(money_from_decimal(needs, cur), cur)
    return str(needs)


def member(view: MemberView) -> dict[str, Any]:
    """``loyalty member show``."""
    cur = view.currency
    upcoming = view.next_tier
    return {
        "id": view.id,
        "member_no": view.member_no,
        "name": view.name,
        "tier": view.tier,
        "points": view.points,
        "expiring": [
            {"points": e.points, "expires_at": e.expires_at.isoformat()} for e in view.expiring
        ],
        "spend": format_money(view.spend, cur),
        "spendable": view.spendable,
        "next_tier": {
            "name": upcoming.name,
            "needs": _basis_text(upcoming.needs, upcoming.basis, cur),
            "basis": upcoming.basis.value,
        }
        if upcoming
        else None,
        "status": view.status.value,
        "phone": view.phone,
        "email": view.email,
        "birthday": view.birthday.isoformat() if view.birthday else None,
        "consent": view.consent,
        "card": view.card,
        "currency": cur.code,
        "matched": view.matched,
    }


def erased(result: Erased) -> dict[str, Any]:
    """``loyalty member erase``."""
    return {"erased": result.id}


def staff_account(account: StaffAccount) -> dict[str, Any]:
    """``loyalty staff add``."""
    return {"staff": account.name, "role": account.role.value}


def staff_list(accounts: tuple[StaffAccount, ...]) -> dict[str, Any]:
    """``loyalty staff list``."""
    return {
        "staff": [
            {
                "name": a.name,
                "role": a.role.value,
                "active": a.active,
                "locked_until": a.locked_until.isoformat() if a.locked_until else None,
            }
            for a in accounts
        ]
    }


def product(view: ProductView) -> dict[str, Any]:
    """``loyalty product show``: the price as decimal text in the programme's currency."""
    return {
        "sku": view.sku,
        "name": view.name,
        "price": format_money(view.price, view.currency),
        "currency": view.currency.code,
        "category": view.category,
        "barcode": view.barcode,
        "active": view.active,
    }


def saved_product(saved: SavedProduct) -> dict[str, Any]:
    """``loyalty product add``: the product as stored, and whether it was new or changed."""
    return {**product(saved.product), "created": saved.created, "changed": saved.changed}


def product_list(found: tuple[ProductView, ...]) -> dict[str, Any]:
    """``loyalty product list``."""
    return {"products": [product(view) for view in found]}


def program(version: ProgramVersion) -> dict[str, Any]:
    """``loyalty program show`` and ``program load``: every key filled in."""
    return {"version": version.version, **program_to_dict(version.program)}


def check(result: CheckResult) -> dict[str, Any]:
    """``loyalty check``."""
    return {"ok": result.ok, "problems": list(result.problems)}


def key_rotation(result: KeyRotation) -> dict[str, Any]:
    """``loyalty card-key rotate``."""
    return {"active_key": result.active_key, "keys": list(result.keys)}


def key_replacement(result: KeyReplacement) -> dict[str, Any]:
    """``loyalty card-key replace``."""
    return {
        "replaced": True,
        "resealed_audit_entries": result.resealed_audit_entries,
        "reprint_cards": True,
    }


def _rate(value: Decimal | None) -> str | None:
    return str(value) if value is not None else None


def report(result: Kpis | Liability) -> dict[str, Any]:
    """``loyalty report kpis|liability``."""
    cur = result.currency
    if isinstance(result, Liability):
        return {
            "report": "liability",
            "at": result.at.isoformat(),
            "currency": cur.code,
            "point_value": str(result.point_value),
            "points": result.points,
            "value": format_money(result.value, cur),
            "expiring": [
                {"month": m.month, "points": m.points, "value": format_money(m.value, cur)}
                for m in result.expiring
            ],
            "expiring_later": result.expiring_later,
            "never_expiring": result.never_expiring,
            "negative_members": result.negative_members,
            "negative_points": result.negative_points,
            "horizon_days": result.horizon_days,
        }
    return {
        "report": "kpis",
        "from": result.start.isoformat(),
        "at": result.end.isoformat(),
        "computed_at": None if result.computed_at is None else result.computed_at.isoformat(),
        "currency": cur.code,
        "members": result.members,
        "new_members": result.new_members,
        "buying_members": result.buying_members,
        "repeat_members": result.repeat_members,
        "repurchase_rate": _rate(result.repurchase_rate),
        "sales": result.sales,
        "member_sales": result.member_sales,
        "revenue": format_money(result.revenue, cur),
        "member_revenue": format_money(result.member_revenue, cur),
        "member_revenue_share": _rate(result.member_revenue_share),
        "refunds": format_money(result.refunds, cur),
        "average_order": format_money(result.average_order, cur)
        if result.average_order is not None
        else None,
        "purchases_per_buyer": _rate(result.purchases_per_buyer),
        "points_earned": result.points_earned,
        "points_redeemed": result.points_redeemed,
        "points_expired": result.points_expired,
        "points_adjusted": result.points_adjusted,
        "points_outstanding": result.points_outstanding,
        "liability": format_money(result.liability, cur),
        # the names issue 9 gives these figures (the same values as the fields above)
        "active_members": result.buying_members,
        "avg_basket": format_money(result.average_order, cur)
        if result.average_order is not None
        else None,
        "purchase_frequency": _rate(result.purchases_per_buyer),
        "points_liability": format_money(result.liability, cur),
        "member_avg_basket": format_money(result.member_average_order, cur)
        if result.member_average_order is not None
        else None,
        "breakage_rate": _rate(result.breakage_rate),
        "store": result.store,
    }


def import_report(report: ImportReport) -> dict[str, Any]:
    """``{"imported", "rejected": [{"row", "error", "code"}], "skipped", "created_members"}``."""
    result: dict[str, Any] = {
        "imported": report.imported,
        "rejected": [{"row": p.row, "error": p.error, "code": p.code} for p in report.rejected],
        "skipped": report.skipped,
        "created_members": report.created_members,
    }
    if report.stopped:
        result["stopped"] = True
    return result
