"""The offer file (`loyalty offer create FILE.toml`): read and checked, each mistake named with its line.

```toml
name = "Double points for lapsed Gold members"
kind = "points_multiplier"   # bonus_points | points_multiplier | money_off | percent_off | free_item
multiplier = "2"             # or points = 200, amount = "10.00", percent = "15", sku = "TEA-01"
start = "2026-01-01"         # shop days; the end day is included
end = "2026-01-31"
per_member = 1               # single-use coupons each chosen member gets
budget = "500.00"            # optional: most the offer may cost (points for points offers)
min_spend = "50.00"          # optional
control_share = "0.10"       # optional: share of the audience kept as the control group
seed = 7                     # optional: fixes who falls in the control group

[audience]                   # every rule given must hold; none: everyone with consent
tiers = ["Gold"]
stages = ["lapsed"]          # new, developing, loyal, declining, lapsed, won_back
segments = []                # RFM segment keys: champions, at_risk, …
churn = []                   # low, medium, high
birthday_months = []         # 1-12
categories = []              # category affinity
stores = []                  # device ids of stores
members = []                 # an imported list of member numbers
```
"""

from __future__ import annotations

import tomllib
import uuid
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from loyalty_desktop.domain.errors import BadFile, BadProgram, LoyaltyError
from loyalty_desktop.domain.money import Currency
from loyalty_desktop.domain.offers import (
    DEFAULT_CONTROL_SHARE,
    Audience,
    Offer,
    OfferKind,
    check_offer,
)
from loyalty_desktop.domain.program_file import _Reader
from loyalty_desktop.domain.toml_lines import key_lines

_KEYS = {
    "name",
    "kind",
    "points",
    "multiplier",
    "amount",
    "percent",
    "sku",
    "start",
    "end",
    "per_member",
    "budget",
    "min_spend",
    "control_share",
    "seed",
    "audience",
}
_AUDIENCE_KEYS = {
    "tiers",
    "segments",
    "stages",
    "churn",
    "birthday_months",
    "categories",
    "stores",
    "members",
}
MAX_SEED = 2**31 - 1
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(9998, 12, 31)  # a day after 9999-12-31 overflows


def shop_midnight(day: date, timezone: str) -> datetime:
    """00:00 of a shop day, as an aware moment."""
    return datetime.combine(day, time(0), ZoneInfo(timezone))


def parse_offer(
    text: str, currency: Currency, timezone: str, source: str = "<offer>", offer_id: str = ""
) -> Offer:
    """Read an offer file; a mistake is a ``BadFile`` naming the file, line and key."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise BadFile(
            f"{source}: not valid TOML: {exc}",
            reason="program_not_toml",
            source=source,
            problem=str(exc),
            document="offer",
        ) from None
    reader = _Reader(source, key_lines(text), "offer")
    try:
        offer = _build(reader, data, currency, timezone, offer_id or str(uuid.uuid4()))
    except BadProgram as refusal:
        refusal.code = BadFile.code  # the offer file, read by the programme file's reader
        raise
    try:
        check_offer(offer)
    except LoyaltyError as refusal:
        where = _where(reader, str(refusal.details.get("field", "")))
        refusal.code = BadFile.code
        refusal.message = f"{where}: {refusal.message}"
        refusal.args = (refusal.message,)
        refusal.details["where"] = where
        raise
    return offer


def _where(reader: _Reader, key: str) -> str:
    line = reader.lines.get((key,))
    return f"{reader.source}:{line}" if line else reader.source


def _build(r: _Reader, data: dict[str, Any], cur: Currency, tz: str, offer_id: str) -> Offer:
    r.table(data, (), _KEYS)
    for required in ("name", "kind", "start", "end"):
        if required not in data:
            raise r.fail((required,), "is missing", reason="offer_key_missing")
    kind = OfferKind(r.choice(data["kind"], ("kind",), [k.value for k in OfferKind]))
    start = _shop_day(r, data["start"], "start")
    end = _shop_day(r, data["end"], "end")
    points_kind = kind.gives_points
    budget = None
    if "budget" in data:
        budget = (
            r.integer(data["budget"], ("budget",), minimum=1)
            if points_kind
            else r.money(data["budget"], ("budget",), cur, low=None)
        )
        if budget <= 0:  # "-5.00" and "0" get the same answer, not "at least 0" then "more than 0"
            raise r.fail(
                ("budget",), "an offer's budget must be more than nothing", reason="offer_budget"
            )
    return Offer(
        id=offer_id,
        name=r.text(data["name"], ("name",)),
        kind=kind,
        starts_at=shop_midnight(start, tz),
        ends_at=shop_midnight(end + timedelta(days=1), tz),
        audience=_audience(r, data.get("audience", {})),
        points=r.integer(data.get("points", 0), ("points",), minimum=0, maximum=10**9),
        multiplier=r.decimal(
            data.get("multiplier", "1"), ("multiplier",), low=Decimal(1), high=Decimal(10)
        ),
        amount=r.money(data.get("amount", "0"), ("amount",), cur),
        percent=r.decimal(
            data.get("percent", "0"), ("percent",), low=Decimal(0), high=Decimal(100)
        ),
        sku=r.text(data["sku"], ("sku",)) if "sku" in data else None,
        min_spend=r.money(data.get("min_spend", "0"), ("min_spend",), cur),
        per_member=r.integer(data.get("per_member", 1), ("per_member",), minimum=1, maximum=20),
        budget=budget,
        control_share=r.decimal(
            data.get("control_share", str(DEFAULT_CONTROL_SHARE)),
            ("control_share",),
            low=Decimal(0),
            high=Decimal("0.9"),
        ),
        seed=r.integer(data.get("seed", 0), ("seed",), minimum=0, maximum=MAX_SEED),
    )


def _shop_day(r: _Reader, value: Any, key: str) -> date:
    """A start or end day the database and the day after it can hold (year 1 or 9999 cannot)."""
    day = r.day(value, (key,))
    if not FIRST_DAY <= day <= LAST_DAY:
        raise r.fail(
            (key,),
            f"must be a day from {FIRST_DAY} to {LAST_DAY}",
            reason="offer_day_range",
            minimum=FIRST_DAY.isoformat(),
            maximum=LAST_DAY.isoformat(),
        )
    return day


def _audience(r: _Reader, value: Any) -> Audience:
    table = r.table(value, ("audience",), _AUDIENCE_KEYS)

    def texts(key: str) -> tuple[str, ...]:
        return tuple(sorted(r.texts(table.get(key, []), ("audience", key))))

    months = table.get("birthday_months", [])
    if not isinstance(months, list):
        raise r.fail(
            ("audience", "birthday_months"),
            "must be a list of month numbers",
            reason="offer_months_not_list",
        )
    return Audience(
        tiers=texts("tiers"),
        segments=texts("segments"),
        stages=texts("stages"),
        churn_bands=texts("churn"),
        birthday_months=tuple(
            sorted(
                {
                    r.integer(m, ("audience", "birthday_months", i), minimum=1, maximum=12)
                    for i, m in enumerate(months)
                }
            )
        ),
        categories=texts("categories"),
        stores=texts("stores"),
        members=texts("members"),
    )
