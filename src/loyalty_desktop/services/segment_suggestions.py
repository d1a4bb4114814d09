"""What a group of members (an RFM segment, a lifecycle stage, a tier) will likely buy next, for campaigns.

A manager picks the group; ``group_members`` lists it from the reports (RFM
and lifecycle as of a moment, the tier from the member records as they are
now; several choices: the members in all of them). ``group_suggestions``
counts the items the recommender gives its members: the items most often in
their top few, the ones a campaign to the group should show. ``campaign_list``
is the file for a mailing tool: the group's members who agreed to marketing
(the others are left out, see ``campaign_lists``), each with their own top
items.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from loyalty_desktop.analytics.lifecycle import STAGE_KEYS, LifecycleReport
from loyalty_desktop.analytics.rfm import RfmReport
from loyalty_desktop.analytics.rfm_segments import BY_KEY as SEGMENTS
from loyalty_desktop.domain.cards import quoted, repeatable
from loyalty_desktop.domain.errors import InvalidRequest
from loyalty_desktop.services import campaign_lists
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.campaign_lists import CampaignContact
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.programs import program_in_force
from loyalty_desktop.services.recommendations import MAX_K, RecommendedItem, recommend_many
from loyalty_desktop.services.reports import report

PER_MEMBER = 5  # each member's top items counted for the group
GROUP_ITEMS = 10


@dataclass(frozen=True)
class MemberGroup:
    """Who a campaign is for: an RFM segment key, a lifecycle stage key, a tier name (None: any)."""

    segment: str | None = None
    stage: str | None = None
    tier: str | None = None

    @property
    def chosen(self) -> bool:
        """Whether anything narrows the group (else it would be every member)."""
        return any((self.segment, self.stage, self.tier))


@dataclass(frozen=True)
class GroupItem:
    """An item suggested to the group: to how many of its members, and their summed scores."""

    sku: str
    name: str
    members: int
    share: float  # of the group's members
    score: float


@dataclass(frozen=True)
class GroupSuggestions:
    """The group's member numbers and its items, most often suggested first."""

    member_nos: tuple[str, ...]
    items: tuple[GroupItem, ...]
    provisional: bool


@dataclass(frozen=True)
class CampaignList:
    """The group's members who agreed to marketing, each with their top items."""

    contacts: tuple[CampaignContact, ...]
    items: dict[str, tuple[RecommendedItem, ...]]
    asked: int  # members in the group, consenting or not
    k: int

    def file(self, file_format: str) -> bytes:
        """The list as ``csv`` or ``xlsx`` (see ``campaign_lists.campaign_file``)."""
        suggested = {no: [(i.sku, i.name) for i in found] for no, found in self.items.items()}
        return campaign_lists.campaign_file(self.contacts, file_format, suggested, self.k)


def check_group(shop: Shop, group: MemberGroup) -> None:
    """Refuse a segment, stage or tier the shop does not have (before any work)."""
    if not group.chosen:
        raise InvalidRequest(
            "name one member, or --all, or a group (--segment, --stage, --tier)",
            reason="recommend_whom",
        )
    if group.segment is not None and group.segment not in SEGMENTS:
        raise InvalidRequest(
            f"there is no segment {quoted(group.segment)} (segments: {', '.join(SEGMENTS)})",
            reason="recommend_segment_unknown",
            field="segment",
            segment=repeatable(group.segment),
            choices=list(SEGMENTS),
        )
    if group.stage is not None and group.stage not in STAGE_KEYS:
        raise InvalidRequest(
            f"there is no lifecycle stage {quoted(group.stage)} (stages: {', '.join(STAGE_KEYS)})",
            reason="recommend_stage_unknown",
            field="stage",
            stage=repeatable(group.stage),
            choices=list(STAGE_KEYS),
        )
    if group.tier is not None:
        with shop.uow(write=False) as uow:
            _, program = program_in_force(uow)
        names = [level.name for level in program.tiers.levels]
        if group.tier not in names:
            raise InvalidRequest(
                f"the programme has no tier {quoted(group.tier)} (tiers: {', '.join(names)})",
                reason="recommend_tier_unknown",
                field="tier",
                tier=repeatable(group.tier),
                choices=names,
            )


def group_members(
    shop: Shop, actor: Actor, group: MemberGroup, at: datetime | None = None
) -> tuple[str, ...]:
    """The member numbers in every part of ``group`` (RFM and stages as of ``at``; reports right)."""
    require(actor, Permission.REPORTS)
    check_group(shop, group)
    lists: list[list[str]] = []
    if group.segment is not None:
        rfm = report(shop, actor, "rfm", at=at)
        assert isinstance(rfm, RfmReport)
        lists.append([m.member_no for m in rfm.members if m.segment == group.segment])
    if group.stage is not None:
        stages = report(shop, actor, "lifecycle", at=at)
        assert isinstance(stages, LifecycleReport)
        lists.append([m.member_no for m in stages.members if m.stage == group.stage])
    if group.tier is not None:
        with shop.uow(write=False) as uow:
            tiered = sorted(m.member_no for m in uow.members.active() if m.tier == group.tier)
        lists.append(tiered)
    first, *others = lists
    keep = set(first).intersection(*others) if others else set(first)
    return tuple(no for no in first if no in keep)


def group_suggestions(
    shop: Shop,
    actor: Actor,
    member_nos: Sequence[str],
    top: int = GROUP_ITEMS,
    per_member: int = PER_MEMBER,
    *,
    wait: bool = True,
) -> GroupSuggestions:
    """The ``top`` items most often among the members' own ``per_member`` suggestions.

    Ties go to the higher summed score. With ``wait`` False and no model yet:
    no items, provisional (ask again).
    """
    top = max(1, min(int(top), MAX_K))
    found = recommend_many(shop, actor, member_nos, per_member, wait=wait)
    counts: dict[str, list[float]] = {}
    names: dict[str, str] = {}
    for items in found.members.values():
        for item in items:
            seen = counts.setdefault(item.sku, [0.0, 0.0])
            seen[0] += 1
            seen[1] += item.score
            names[item.sku] = item.name
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1][0], -kv[1][1], kv[0]))[:top]
    size = max(len(found.members), 1)
    return GroupSuggestions(
        tuple(member_nos),
        tuple(
            GroupItem(sku, names[sku], int(n), n / size, round(score, 6))
            for sku, (n, score) in ranked
        ),
        found.provisional,
    )


@dataclass(frozen=True)
class MemberTiers:
    """The programme's tiers (highest first) and each active member's tier, for a tier filter."""

    names: tuple[str, ...]
    of_member: dict[str, str]


def member_tiers(shop: Shop, actor: Actor) -> MemberTiers:
    """Every active member's tier as their record holds it now (the reports right)."""
    require(actor, Permission.REPORTS)
    with shop.uow(write=False) as uow:
        _, program = program_in_force(uow)
        held = {m.member_no: m.tier for m in uow.members.active() if m.tier}
    return MemberTiers(tuple(level.name for level in program.tiers.levels), held)


def campaign_list(shop: Shop, actor: Actor, member_nos: Sequence[str], k: int = 3) -> CampaignList:
    """Of ``member_nos``, those who agreed to marketing, each with their ``k`` top items.

    Needs the export right (names, phones); waits for the shop's first model.
    """
    contacts = campaign_lists.consenting_members(shop, actor, member_nos)
    found = recommend_many(shop, actor, [c.member_no for c in contacts], k)
    return CampaignList(contacts, found.members, len(set(member_nos)), max(1, min(int(k), MAX_K)))
