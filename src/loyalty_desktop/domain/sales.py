"""Sales and refunds as recorded: what was bought, paid and earned, and what came back."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from loyalty_desktop.domain.pricing import SaleLine
from loyalty_desktop.domain.refunds import LineState
from loyalty_desktop.domain.rewards import RewardUse


@dataclass
class Sale:
    """A posted sale (or, with negative ``net``, an unlinked return from an import)."""

    id: str
    sale_no: str
    member_id: str | None
    at: datetime
    recorded_at: datetime
    currency: str
    lines: list[LineState]
    subtotal: int
    order_discount: int
    tier_discount: int
    net: int
    points_redeemed: int
    points_value: int
    paid: int
    earned: int
    program_id: int
    tier_before: str | None
    local_date: date
    birthday_month: int | None = None
    campaigns: tuple[str, ...] = ()
    points_after: int = 0
    tier_after: str | None = None
    refunded_net: int = 0
    reversed: int = 0
    restored: int = 0
    paid_back: int = 0
    device_id: str = ""
    request_hash: str | None = None  # fingerprint of what was asked for under this sale number
    # Rewards taken; their points and value are inside points_redeemed and points_value.
    rewards: tuple[RewardUse, ...] = ()

    @property
    def sale_lines(self) -> list[SaleLine]:
        """The lines as bought."""
        return [state.line for state in self.lines]


@dataclass
class Refund:
    """A refund against a sale: goods value returned and the points that followed."""

    id: str
    refund_no: str
    sale_ref: str
    sale_no: str
    member_id: str | None
    at: datetime
    recorded_at: datetime
    amount: int
    reversed: int
    restored: int
    paid_back: int
    points_after: int | None
    lines: list[tuple[int, Decimal, int]] = field(default_factory=list)  # (line index, qty, net)
    request_hash: str | None = None
