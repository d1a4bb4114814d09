"""``loyalty recommend``: what a member, every member or a group will likely buy next; the options.

``recommend REF`` is the contract's one member; ``--all`` every member who has
bought; ``--segment``/``--stage``/``--tier`` a group for a campaign: its most
suggested items, and with ``--out`` its campaign list (members who agreed to
marketing, each with their own items) as CSV or an Excel workbook.
``recommend-options show|set`` reads or replaces what suggestions leave out.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from loyalty_desktop.cli.context import Context
from loyalty_desktop.domain.errors import InvalidRequest
from loyalty_desktop.services import recommendations, segment_suggestions
from loyalty_desktop.services.recommend_options import (
    RecommendOptions,
    recommend_options,
    set_recommend_options,
)
from loyalty_desktop.services.recommendations import RecommendedItem
from loyalty_desktop.services.segment_suggestions import MemberGroup


def _item(i: RecommendedItem) -> dict[str, Any]:
    return {"sku": i.sku, "name": i.name, "score": round(i.score, 4), "reason": i.reason}


def _given_options(args: Any) -> RecommendOptions | None:
    given = args.skip_recent_days is not None or args.exclude_category
    return (  # without either flag: the options the manager stored
        RecommendOptions(
            skip_bought_within_days=args.skip_recent_days,
            excluded_categories=frozenset(args.exclude_category or ()),
        )
        if given
        else None
    )


def cmd_recommend(ctx: Context, args: Any) -> dict[str, Any]:
    """``{"items": [{"sku", "name", "score", "reason"}]}``, best first (waits for the model)."""
    group = MemberGroup(args.segment, args.stage, args.tier)
    asked = sum((args.ref is not None, bool(args.all), group.chosen))
    if asked != 1:
        raise InvalidRequest(
            "name one member, or --all, or a group (--segment, --stage, --tier)",
            reason="recommend_whom",
        )
    if args.out:
        ctx.check_out(args.out, force=args.force)  # refused before the work, not after
    if args.all:
        return _everyone(ctx, args)
    if group.chosen:
        return _group(ctx, args, group)
    found = recommendations.recommend(
        ctx.shop, ctx.actor, args.ref, args.k, ctx.moment(args.at), _given_options(args), wait=True
    )
    return {"member_no": found.member_no, "items": [_item(i) for i in found.items]}


def _everyone(ctx: Context, args: Any) -> dict[str, Any]:
    found = recommendations.recommend_many(
        ctx.shop, ctx.actor, None, args.k, ctx.moment(args.at), _given_options(args)
    )
    members = [
        {"member_no": no, "items": [_item(i) for i in items]} for no, items in found.members.items()
    ]
    if args.out:
        text = json.dumps({"members": members}, ensure_ascii=False, indent=2)
        written = ctx.write_out(args.out, text, force=args.force)
        return {"file": str(written), "written": len(members)}  # "members" is the list's name
    return {"members": members}


def _group(ctx: Context, args: Any, group: MemberGroup) -> dict[str, Any]:
    file_format = None
    if args.out:
        file_format = Path(args.out).suffix.lower().lstrip(".")
        if file_format not in ("csv", "xlsx"):
            raise InvalidRequest(
                "a campaign list is written as .csv or .xlsx; give --out such a name",
                reason="campaign_file_kind",
                field="out",
            )
    shop, actor = ctx.shop, ctx.actor
    numbers = segment_suggestions.group_members(shop, actor, group, ctx.moment(args.at))
    top = segment_suggestions.group_suggestions(shop, actor, numbers, args.top)
    answer: dict[str, Any] = {
        "group": {"segment": group.segment, "stage": group.stage, "tier": group.tier},
        "size": len(numbers),
        "items": [
            {"sku": i.sku, "name": i.name, "members": i.members, "share": round(i.share, 4)}
            for i in top.items
        ],
    }
    if args.out and file_format is not None:
        listing = segment_suggestions.campaign_list(shop, actor, numbers, args.k)
        written = ctx.write_out(args.out, listing.file(file_format), force=args.force)
        answer.update(file=str(written), written=len(listing.contacts))
    return answer


def _options_json(options: RecommendOptions) -> dict[str, Any]:
    return {
        "skip_bought_within_days": options.skip_bought_within_days,
        "excluded_categories": sorted(options.excluded_categories),
        "consumable_categories": sorted(options.consumable_categories),
        "active_only": options.active_only,
    }


def cmd_recommend_options(ctx: Context, args: Any) -> dict[str, Any]:
    """The options in force (``show``), or replace them all with those given (``set``)."""
    if args.action == "show":
        return _options_json(recommend_options(ctx.shop, ctx.actor))
    saved = set_recommend_options(
        ctx.shop,
        ctx.actor,
        skip_bought_within_days=args.skip_recent_days,
        excluded_categories=args.exclude_category,
        active_only=not args.suggest_switched_off,
        consumable_categories=args.consumable,
    )
    return _options_json(saved)
