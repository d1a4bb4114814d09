"""Campaign results: did members buy more while a campaign ran than before it, and than those it skipped?

For each campaign of the programme whose days overlap the report's period,
the campaign window is its shop days inside the period; the comparison
window is the same number of days just before it. Both count member sales
(a purchase: something kept after refunds by the report's end).

The groups are the members who had joined by the window's first day. A
campaign for some tiers targets the members in those tiers on that day (their
tier after their last sale by then); the others are the control group. The
lift is a difference in differences of the share of the group buying:
(targeted in window − targeted before) − (control in window − control
before), so a season that lifts everyone does not count as the campaign's
doing. A campaign for every tier, or for birthday months (birthdays are not
in the report's data), has no control group and no lift; its window is
compared with the window before only. Campaigns that a past programme had and
the current one dropped are not listed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

import pandas as pd

from loyalty_desktop.analytics.frames import (
    bought,
    day_start,
    exact_sum,
    just_before,
    purchases_in,
    shop_day,
)
from loyalty_desktop.analytics.kpis import rate
from loyalty_desktop.analytics.ports import CampaignSales, ReportSource
from loyalty_desktop.domain.money import Currency
from loyalty_desktop.domain.program import Campaign, Program


@dataclass(frozen=True)
class WindowSales:
    """Member purchases in a window of shop days (first to last, both included)."""

    first_day: date
    last_day: date
    sales: int
    revenue: int
    buyers: int


@dataclass(frozen=True)
class GroupResponse:
    """A group of members: how many, and how many bought in the window and in the one before."""

    members: int
    buyers: int
    buyers_before: int
    rate: Decimal | None
    rate_before: Decimal | None
    revenue: int
    revenue_before: int


@dataclass(frozen=True)
class CampaignResult:
    """One campaign's window against the window before it, and targeted members against the rest."""

    name: str
    campaign_start: date
    campaign_end: date
    tiers: tuple[str, ...]
    targeting: str  # "tiers", "everyone" or "birthday_month"
    during: WindowSales
    before: WindowSales
    applied_sales: int  # sales in the window the campaign actually applied to
    applied_revenue: int
    applied_members: int
    sales_change: Decimal | None  # during / before − 1
    revenue_change: Decimal | None
    buyers_change: Decimal | None
    targeted: GroupResponse
    control: GroupResponse | None
    lift: Decimal | None  # difference in differences of the buying share, as a fraction


@dataclass(frozen=True)
class CampaignReport:
    """The programme's campaigns that ran in (start, end], in the programme's order."""

    start: datetime
    end: datetime
    currency: Currency
    store: str | None
    timezone: str
    campaigns: tuple[CampaignResult, ...]


def _window(log: pd.DataFrame, first: date, last: date) -> pd.DataFrame:
    days = log["local_date"]
    return log[(days >= pd.Timestamp(first)) & (days <= pd.Timestamp(last))]


def _sales(log: pd.DataFrame, first: date, last: date) -> WindowSales:
    return WindowSales(
        first, last, len(log), exact_sum(log["amount"]), int(log["member_no"].nunique())
    )


def _group(members: pd.Index, during: pd.DataFrame, before: pd.DataFrame) -> GroupResponse:
    now = during[during["member_no"].isin(members)]
    then = before[before["member_no"].isin(members)]
    buyers, buyers_before = int(now["member_no"].nunique()), int(then["member_no"].nunique())
    return GroupResponse(
        members=len(members),
        buyers=buyers,
        buyers_before=buyers_before,
        rate=rate(buyers, len(members)),
        rate_before=rate(buyers_before, len(members)),
        revenue=exact_sum(now["amount"]),
        revenue_before=exact_sum(then["amount"]),
    )


def _change(now: int, then: int) -> Decimal | None:
    return rate(now - then, then) if then > 0 else None


def _lift(targeted: GroupResponse, control: GroupResponse | None) -> Decimal | None:
    if control is None:
        return None
    aimed, aimed_before = targeted.rate, targeted.rate_before
    others, others_before = control.rate, control.rate_before
    if aimed is None or aimed_before is None or others is None or others_before is None:
        return None
    return (aimed - aimed_before) - (others - others_before)


def campaign_report(
    source: ReportSource,
    program: Program,
    start: datetime,
    end: datetime,
    store: str | None = None,
) -> CampaignReport:
    """Results of each programme campaign whose days overlap (start, end]."""
    zone = program.timezone
    period_first, period_last = shop_day(start, zone), shop_day(just_before(end), zone)
    log = source.purchase_log(end)
    if store is not None:
        log = log[log["store"] == store]
    log = bought(log)
    everyone = source.member_snapshot(end)
    snapshots: dict[datetime, pd.DataFrame] = {}
    applied_in: dict[tuple[datetime, datetime], dict[str, CampaignSales]] = {}
    results = []
    for campaign in program.campaigns:
        first, last = max(campaign.start, period_first), min(campaign.end, period_last)
        if first > last:
            continue
        opens = day_start(first, zone)
        length = (last - first).days + 1
        early, late = first - timedelta(days=length), first - timedelta(days=1)
        during = purchases_in(_window(log, first, last), start, end)
        before = _window(log, early, late)
        joined = everyone[everyone["joined_at"] <= pd.Timestamp(opens)]
        targeting, control = _targeting(campaign), None
        targeted = pd.Index(joined["member_no"])
        if targeting == "tiers":
            if opens not in snapshots:
                snapshots[opens] = source.member_snapshot(opens)
            then = snapshots[opens]
            aimed = then["tier"].isin(list(campaign.tiers))
            targeted = pd.Index(then.loc[aimed, "member_no"])
            control = _group(pd.Index(then.loc[~aimed, "member_no"]), during, before)
        bounds = (
            max(start, just_before(opens)),
            min(end, just_before(day_start(last + timedelta(days=1), zone))),
        )
        if bounds not in applied_in:  # campaigns running all period long share one query
            applied_in[bounds] = {c.name: c for c in source.campaign_sales(*bounds, store)}
        applied = applied_in[bounds].get(campaign.name)
        now, then_ = _sales(during, first, last), _sales(before, early, late)
        response = _group(targeted, during, before)
        results.append(
            CampaignResult(
                name=campaign.name,
                campaign_start=campaign.start,
                campaign_end=campaign.end,
                tiers=tuple(sorted(campaign.tiers)),
                targeting=targeting,
                during=now,
                before=then_,
                applied_sales=applied.sales if applied else 0,
                applied_revenue=applied.revenue if applied else 0,
                applied_members=applied.members if applied else 0,
                sales_change=_change(now.sales, then_.sales),
                revenue_change=_change(now.revenue, then_.revenue),
                buyers_change=_change(now.buyers, then_.buyers),
                targeted=response,
                control=control,
                lift=_lift(response, control),
            )
        )
    return CampaignReport(start, end, program.currency, store, zone, tuple(results))


def _targeting(campaign: Campaign) -> str:
    if campaign.birthday_month:
        return "birthday_month"
    return "tiers" if campaign.tiers else "everyone"
