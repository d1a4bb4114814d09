"""What the report screens read besides the reports: the store list, the sales trend, the best buyers.

Every report can be narrowed to one store (``store_source``); the screens
learn the shop's stores, time zone and currency once (``report_setup``) so
their date presets fall on the shop's own midnights.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from loyalty_desktop.analytics.ports import ReportSource
from loyalty_desktop.analytics.sales_trend import Bucket, SalesTrend, sales_trend
from loyalty_desktop.analytics.store_sales import Buyer, StoreSalesSource
from loyalty_desktop.analytics.store_scope import scoped
from loyalty_desktop.domain.cards import repeatable
from loyalty_desktop.domain.errors import InvalidRequest
from loyalty_desktop.domain.money import Currency
from loyalty_desktop.domain.program import Program
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.programs import program_in_force

MAX_BUYERS = 1000
_TICK = datetime.resolution


@dataclass(frozen=True)
class StoreChoice:
    """A store the reports can be narrowed to: a till that rang up sales (or this one)."""

    store: str  # the device id
    this_till: bool
    sales: int
    first_sale: datetime | None
    last_sale: datetime | None


@dataclass(frozen=True)
class ReportSetup:
    """What the report filters need: the shop's zone and currency, now, and the stores."""

    timezone: str
    currency: Currency
    now: datetime
    stores: tuple[StoreChoice, ...]


def _sales_source(shop: Shop) -> StoreSalesSource:
    if shop.store_sales is None:
        raise InvalidRequest(
            "this shop's storage cannot report by store or day",
            reason="store_reports_unavailable",
            field="store",
        )
    return shop.store_sales


def checked_store(shop: Shop, store: str | None) -> str | None:
    """``store`` as the database writes device ids, or a refusal for what is no device id."""
    if store is None:
        return None
    try:
        return str(uuid.UUID(store))
    except ValueError:
        raise InvalidRequest(
            f"no till of this shop has rung up sales as {store!r}",
            reason="store_unknown",
            field="store",
            value=repeatable(store),
        ) from None


def store_source(shop: Shop, store: str | None, whole: ReportSource | None = None) -> ReportSource:
    """The report aggregates (``whole``, by default the shop's) for one store (``None``: all)."""
    source = whole or shop.reports
    checked = checked_store(shop, store)
    if checked is None:
        return source
    return scoped(source, _sales_source(shop), checked)


def report_setup(shop: Shop, actor: Actor) -> ReportSetup:
    """The shop's time zone, currency and stores (this till first, then by sales)."""
    require(actor, Permission.REPORTS)
    with shop.uow(write=False) as uow:
        _, program = program_in_force(uow)
    found = _sales_source(shop).stores() if shop.store_sales is not None else []
    here = str(uuid.UUID(shop.device_id))
    choices = [
        StoreChoice(s.store, s.store == here, s.sales, s.first_sale, s.last_sale) for s in found
    ]
    if not any(c.this_till for c in choices):
        choices.append(StoreChoice(here, True, 0, None, None))
    choices.sort(key=lambda c: (not c.this_till, -c.sales, c.store))
    return ReportSetup(program.timezone, program.currency, shop.clock.now(), tuple(choices))


def check_period(start: datetime, at: datetime) -> None:
    """Refuse a period whose start is not before its end."""
    if start >= at:
        raise InvalidRequest(
            "the start must be before the end", reason="from_not_before_at", field="from"
        )


def trend(
    shop: Shop,
    actor: Actor,
    *,
    start: datetime,
    at: datetime,
    bucket: str = Bucket.MONTH,
    store: str | None = None,
) -> SalesTrend:
    """Sales in (start, at] by week or calendar month of the shop's days."""
    require(actor, Permission.REPORTS)
    check_period(start, at)
    by = checked_bucket(bucket)
    with shop.uow(write=False) as uow:
        _, program = program_in_force(uow)
    return trend_for(shop, program, start, at, by, store)


def checked_bucket(bucket: str) -> Bucket:
    """``week`` or ``month`` as a ``Bucket``, or a refusal naming the two."""
    if bucket not in tuple(Bucket):
        raise InvalidRequest(
            f"a trend is by week or month, not {bucket!r}",
            reason="trend_bucket_unknown",
            field="bucket",
            choices=[b.value for b in Bucket],
        )
    return Bucket(bucket)


def trend_for(
    shop: Shop, program: Program, start: datetime, at: datetime, bucket: Bucket, store: str | None
) -> SalesTrend:
    """``trend`` for a programme already read (the caller checked the role and the period)."""
    zone = ZoneInfo(program.timezone)
    days = _sales_source(shop).daily_sales(start, at, program.timezone, checked_store(shop, store))
    # (start, at]: the first day is start's own (a sale just after midnight), the last at's.
    first_day = start.astimezone(zone).date()
    last_day = (at - _TICK).astimezone(zone).date()
    return sales_trend(days, first_day, last_day, bucket, program.currency)


def best_buyers(
    shop: Shop,
    actor: Actor,
    *,
    start: datetime,
    at: datetime,
    store: str | None = None,
    limit: int = 10,
) -> tuple[Buyer, ...]:
    """The members who spent most in (start, at], net of refunds made in the period."""
    require(actor, Permission.REPORTS)
    check_period(start, at)
    if not 1 <= limit <= MAX_BUYERS:
        raise InvalidRequest(
            f"a list of best buyers has 1 to {MAX_BUYERS} members",
            reason="page_size_range",
            field="limit",
            minimum=1,
            maximum=MAX_BUYERS,
        )
    found = _sales_source(shop).top_buyers(start, at, checked_store(shop, store), limit)
    return tuple(found)
