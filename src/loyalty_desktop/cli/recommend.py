"""``loyalty recommend REF``: what a member will likely buy next, with a reason for each item."""

from __future__ import annotations

from typing import Any

from loyalty_desktop.cli.context import Context
from loyalty_desktop.services import recommendations
from loyalty_desktop.services.recommend_options import RecommendOptions


def cmd_recommend(ctx: Context, args: Any) -> dict[str, Any]:
    """``{"items": [{"sku", "name", "score", "reason"}]}``, best first (waits for the model)."""
    given = args.skip_recent_days is not None or args.exclude_category
    options = (  # without either flag: the options the manager stored
        RecommendOptions(
            skip_bought_within_days=args.skip_recent_days,
            excluded_categories=frozenset(args.exclude_category or ()),
        )
        if given
        else None
    )
    found = recommendations.recommend(
        ctx.shop, ctx.actor, args.ref, args.k, ctx.moment(args.at), options, wait=True
    )
    return {
        "member_no": found.member_no,
        "items": [
            {"sku": i.sku, "name": i.name, "score": round(i.score, 4), "reason": i.reason}
            for i in found.items
        ],
    }
