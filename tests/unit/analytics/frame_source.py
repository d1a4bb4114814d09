"""A report source over hand-written purchases and tier histories, answering as the database would."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

import pandas as pd

from loyalty_desktop.analytics.ports import MEMBER_COLUMNS, PURCHASE_COLUMNS, CampaignSales

SHOP_ZONE = ZoneInfo("Asia/Shanghai")


@dataclass(frozen=True)
class Sale:
    """A member sale: who, when, its net after refunds (minor units), the store, campaigns applied."""

    member_no: str
    at: datetime
    amount: int
    store: str = "till-1"
    campaigns: tuple[str, ...] = ()


@dataclass
class FrameSource:
    """Members (joined when), their tier after each sale, and their sales; nothing else."""

    joined: dict[str, datetime] = field(default_factory=dict)
    tiers: list[tuple[str, datetime, str]] = field(default_factory=list)  # (member, from, tier)
    sales: list[Sale] = field(default_factory=list)

    def purchase_log(self, end: datetime) -> pd.DataFrame:
        kept = sorted((s for s in self.sales if s.at <= end), key=lambda s: s.at)
        return pd.DataFrame(
            {
                "member_no": pd.Series([s.member_no for s in kept], dtype=object),
                "at": pd.to_datetime([s.at for s in kept], utc=True),
                "local_date": pd.to_datetime(
                    [s.at.astimezone(SHOP_ZONE).date().isoformat() for s in kept]
                ),
                "amount": pd.Series([s.amount for s in kept], dtype="int64"),
                "campaign": pd.Series([bool(s.campaigns) for s in kept], dtype=bool),
                "store": pd.Series([s.store for s in kept], dtype=object),
            },
            columns=list(PURCHASE_COLUMNS),
        )

    def member_snapshot(self, at: datetime) -> pd.DataFrame:
        there = sorted((m for m, when in self.joined.items() if when <= at), key=self.joined.get)
        tier: dict[str, str | None] = dict.fromkeys(there)
        for member, since, name in sorted(self.tiers, key=lambda t: t[1]):
            if since <= at and member in tier:
                tier[member] = name
        return pd.DataFrame(
            {
                "member_no": pd.Series(there, dtype=object),
                "joined_at": pd.to_datetime([self.joined[m] for m in there], utc=True),
                "balance": pd.Series([0] * len(there), dtype="int64"),
                "tier": pd.Series([tier[m] for m in there], dtype=object),
                "consent": pd.Series([False] * len(there), dtype=bool),
            },
            columns=list(MEMBER_COLUMNS),
        )

    def campaign_sales(
        self, start: datetime, end: datetime, store: str | None = None
    ) -> list[CampaignSales]:
        found: dict[str, list[Sale]] = {}
        for s in self.sales:
            if start < s.at <= end and (store is None or s.store == store):
                for name in s.campaigns:
                    found.setdefault(name, []).append(s)
        return [
            CampaignSales(
                name, len(got), sum(s.amount for s in got), len({s.member_no for s in got})
            )
            for name, got in sorted(found.items())
        ]
