"""Reading a programme file (TOML) into a ``Program``, naming file, line and key for every mistake."""

from __future__ import annotations

import re
import tomllib
import zoneinfo
from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from loyalty_desktop.domain.errors import BadProgram, InvalidAmount
from loyalty_desktop.domain.money import Currency, money_from_decimal
from loyalty_desktop.domain.program import (
    BIRTHDAY,
    WEEKDAYS,
    Campaign,
    CampaignPolicy,
    EarnRule,
    ExpiryRule,
    Program,
    RedeemRule,
    ScoreScale,
    TierBasis,
    TierLevel,
    TierRule,
)
from loyalty_desktop.domain.program_lifecycle import parse_lifecycle
from loyalty_desktop.domain.program_rewards import parse_rewards
from loyalty_desktop.domain.toml_lines import KeyPath, key_lines

_TOP_KEYS = {
    "shop_name",
    "currency",
    "timezone",
    "campaign_policy",
    "earn",
    "activity",
    "activity_limits",
    "birthday_award",
    "expiry",
    "redeem",
    "tiers",
    "campaigns",
    "rewards",
    "lifecycle",
}
_EARN_KEYS = {"points", "per", "min_order", "exclude_categories", "exclude_skus"}
_EXPIRY_KEYS = {"days"}
_EXTREME = 18  # decimal places either side of the point a programme number may reach
_REDEEM_KEYS = {"point_value", "min_points", "max_share"}
_TIER_KEYS = {"basis", "window_days", "levels", "score"}
_LEVEL_KEYS = {"name", "threshold", "discount_pct", "earn_multiplier", "colour"}
_COLOUR = re.compile(r"#[0-9A-F]{6}")
_SCORE_KEYS = {
    "spend_full",
    "visits_full",
    "interactions_full",
    "spend_weight",
    "activity_weight",
    "interaction_weight",
}
_CAMPAIGN_KEYS = {
    "name",
    "start",
    "end",
    "multiplier",
    "bonus",
    "weekdays",
    "month_days",
    "categories",
    "tiers",
    "birthday_month",
}


class _Reader:
    """Walks the parsed TOML, converting values and raising ``BadProgram`` with file, line and key."""

    def __init__(self, source: str, lines: dict[KeyPath, int], document: str = "programme") -> None:
        self.source = source
        self.lines = lines
        self.document = document  # the file its refusals name: "programme" or "offer"

    def fail(self, path: KeyPath, problem: str, *, reason: str, **details: object) -> BadProgram:
        """The refusal for the value at ``path``: ``problem`` in English, ``reason`` and its details.

        Every refusal names the key, its line and ``where`` (``file:line``) for a screen.
        """
        line = None
        probe = path
        while probe and line is None:
            line = self.lines.get(probe)
            probe = probe[:-1]
        name = ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in path).replace(".[", "[")
        where = f"{self.source}:{line}" if line else self.source
        refusal = BadProgram(
            f"{where}: {name or '(top)'}: {problem}",
            reason=reason,
            key=name,
            line=line,
            where=where,
            document=self.document,
        )
        refusal.details.update(details)
        return refusal

    def table(self, value: Any, path: KeyPath, allowed: set[str]) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(path, "must be a table", reason="program_not_table")
        for key in value:
            if key not in allowed:
                raise self.fail(
                    (*path, key),
                    f"unknown key (allowed: {', '.join(sorted(allowed))})",
                    reason="program_unknown_key",
                    allowed=sorted(allowed),
                )
        return value

    def integer(
        self, value: Any, path: KeyPath, *, minimum: int = 0, maximum: int = 1_000_000
    ) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(
                path, f"must be a whole number, not {_kind(value)}", reason="program_not_integer"
            )
        if value < minimum:
            raise self.fail(
                path, f"must be at least {minimum}", reason="program_too_small", minimum=minimum
            )
        if value > maximum:
            raise self.fail(
                path, f"must be at most {maximum}", reason="program_too_large", maximum=maximum
            )
        return value

    def decimal(
        self,
        value: Any,
        path: KeyPath,
        *,
        low: Decimal | None = Decimal(0),
        high: Decimal | None = None,
    ) -> Decimal:
        if isinstance(value, float):
            raise self.fail(
                path,
                f'write decimals as text, e.g. "{value}", so nothing is rounded',
                reason="program_decimal_as_float",
                example=str(value),
            )
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise self.fail(
                path, f"must be a decimal string, not {_kind(value)}", reason="program_not_decimal"
            )
        try:
            number = Decimal(str(value).strip())
        except InvalidOperation:
            raise self.fail(
                path, f"{value!r} is not a number", reason="program_not_number", value=str(value)
            ) from None
        if not number.is_finite():
            raise self.fail(
                path, f"{value!r} is not a number", reason="program_not_number", value=str(value)
            )
        if number and not -_EXTREME <= number.adjusted() <= _EXTREME:
            # 1E+999999999 would overflow every sum it meets; 1E-999999999 rounds to nothing.
            raise self.fail(
                path,
                f"{value!r} is out of range: write it with at most {_EXTREME} digits before "
                f"and after the decimal point",
                reason="program_number_extreme",
                value=str(value),
                maximum=_EXTREME,
            )
        if low is not None and number < low:
            raise self.fail(
                path, f"must be at least {low}", reason="program_too_small", minimum=str(low)
            )
        if high is not None and number > high:
            raise self.fail(
                path, f"must be at most {high}", reason="program_too_large", maximum=str(high)
            )
        return number

    def money(
        self, value: Any, path: KeyPath, currency: Currency, *, low: Decimal | None = Decimal(0)
    ) -> int:
        number = self.decimal(value, path, low=low)
        try:
            return money_from_decimal(number, currency, what=str(path[-1]))
        except InvalidAmount as exc:
            if exc.reason == "amount_too_precise":
                raise self.fail(
                    path,
                    exc.message,
                    reason="program_amount_too_precise",
                    currency=currency.code,
                    decimals=currency.exponent,
                ) from None
            raise self.fail(path, exc.message, reason="program_amount_too_large") from None

    def text(self, value: Any, path: KeyPath) -> str:
        if not isinstance(value, str) or not value.strip():
            was = "empty text" if isinstance(value, str) else _kind(value)
            raise self.fail(path, f"must be non-empty text, not {was}", reason="program_not_text")
        return value.strip()

    def texts(self, value: Any, path: KeyPath) -> frozenset[str]:
        if not isinstance(value, list):
            raise self.fail(
                path, f"must be a list of text, not {_kind(value)}", reason="program_not_text_list"
            )
        return frozenset(self.text(item, (*path, i)) for i, item in enumerate(value))

    def day(self, value: Any, path: KeyPath) -> date:
        if isinstance(value, date) and not hasattr(value, "hour"):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                pass
        raise self.fail(
            path,
            f"must be a date like 2025-01-31, not {value!r}",
            reason="program_not_date",
            value=str(value),
        )

    def boolean(self, value: Any, path: KeyPath) -> bool:
        if not isinstance(value, bool):
            raise self.fail(
                path, f"must be true or false, not {_kind(value)}", reason="program_not_boolean"
            )
        return value

    def choice(self, value: Any, path: KeyPath, options: list[str]) -> str:
        if value not in options:
            raise self.fail(
                path,
                f"must be one of {', '.join(options)}, not {value!r}",
                reason="program_not_choice",
                choices=options,
                value=str(value),
            )
        return str(value)


def _kind(value: Any) -> str:
    names = {
        bool: "true/false",
        int: "a whole number",
        float: "a float",
        str: "text",
        list: "a list",
        dict: "a table",
    }
    return names.get(type(value), type(value).__name__)


def parse_program(text: str, source: str = "<programme>") -> Program:
    """Parse and check a programme file's text; every key has a default."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise BadProgram(
            f"{source}: not valid TOML: {exc}",
            reason="program_not_toml",
            source=source,
            problem=str(exc),
            document="programme",
        ) from None
    return _build(_Reader(source, key_lines(text)), data)


def _build(r: _Reader, data: dict[str, Any]) -> Program:
    r.table(data, (), _TOP_KEYS)
    code = r.text(data.get("currency", "CNY"), ("currency",))
    try:
        currency = Currency.of(code)
    except InvalidAmount as exc:
        raise r.fail(
            ("currency",), exc.message, reason="program_currency_unknown", value=code
        ) from None
    timezone = r.text(data.get("timezone", "UTC"), ("timezone",))
    try:
        zoneinfo.ZoneInfo(timezone)
    # "Asia" is a folder of the zone database, not a zone: opening it raises an OSError
    # (IsADirectoryError here, PermissionError on Windows), which the editor meets while
    # "Asia/Shanghai" is being typed.
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        raise r.fail(
            ("timezone",),
            f"unknown time zone {timezone!r}; use e.g. Asia/Shanghai",
            reason="program_timezone_unknown",
            value=timezone,
        ) from None
    policy = r.choice(
        data.get("campaign_policy", "best"), ("campaign_policy",), [p.value for p in CampaignPolicy]
    )
    tiers = _tiers(r, data.get("tiers", {}), currency)
    shop = data.get("shop_name", "")
    if not isinstance(shop, str):
        raise r.fail(("shop_name",), f"must be text, not {_kind(shop)}", reason="program_not_text")
    return Program(
        shop_name=shop.strip(),
        currency=currency,
        timezone=timezone,
        campaign_policy=CampaignPolicy(policy),
        earn=_earn(r, data.get("earn", {}), currency),
        activity=_activity(r, data.get("activity", {})),
        activity_limits=_activity_limits(r, data.get("activity_limits", {})),
        birthday_window_days=r.integer(
            r.table(data.get("birthday_award", {}), ("birthday_award",), {"window_days"}).get(
                "window_days", 7
            ),
            ("birthday_award", "window_days"),
            maximum=183,
        ),
        expiry=ExpiryRule(
            days=r.integer(
                r.table(data.get("expiry", {}), ("expiry",), _EXPIRY_KEYS).get("days", 0),
                ("expiry", "days"),
                maximum=36_500,  # a hundred years; longer means never: write 0
            )
        ),
        redeem=_redeem(r, data.get("redeem", {})),
        tiers=tiers,
        campaigns=_campaigns(r, data.get("campaigns", []), tiers),
        rewards=parse_rewards(r, data.get("rewards", []), tiers, currency),
        lifecycle=parse_lifecycle(r, data.get("lifecycle", {})),
    )


def _earn(r: _Reader, value: Any, currency: Currency) -> EarnRule:
    t = r.table(value, ("earn",), _EARN_KEYS)
    per = r.money(t.get("per", "1"), ("earn", "per"), currency)
    if per <= 0:
        raise r.fail(("earn", "per"), "must be more than 0", reason="program_not_positive")
    return EarnRule(
        points=r.integer(t.get("points", 0), ("earn", "points")),
        per=per,
        min_order=r.money(t.get("min_order", "0"), ("earn", "min_order"), currency),
        exclude_categories=r.texts(t.get("exclude_categories", []), ("earn", "exclude_categories")),
        exclude_skus=r.texts(t.get("exclude_skus", []), ("earn", "exclude_skus")),
    )


def _activity(r: _Reader, value: Any) -> tuple[tuple[str, int], ...]:
    if not isinstance(value, dict):
        raise r.fail(("activity",), "must be a table", reason="program_not_table")
    return tuple((name, r.integer(points, ("activity", name))) for name, points in value.items())


def _activity_limits(r: _Reader, value: Any) -> tuple[tuple[str, int], ...]:
    if not isinstance(value, dict):
        raise r.fail(("activity_limits",), "must be a table", reason="program_not_table")
    if BIRTHDAY in value:
        raise r.fail(
            ("activity_limits", BIRTHDAY),
            "birthday points come once per birthday; set the window in [birthday_award]",
            reason="program_birthday_limit",
        )
    return tuple(
        (name, r.integer(count, ("activity_limits", name), minimum=1, maximum=1000))
        for name, count in value.items()
    )


def _redeem(r: _Reader, value: Any) -> RedeemRule:
    t = r.table(value, ("redeem",), _REDEEM_KEYS)
    point_value = r.decimal(t.get("point_value", "0.01"), ("redeem", "point_value"))
    if point_value <= 0:
        raise r.fail(
            ("redeem", "point_value"), "must be more than 0", reason="program_not_positive"
        )
    return RedeemRule(
        point_value=point_value,
        min_points=r.integer(t.get("min_points", 0), ("redeem", "min_points")),
        max_share=r.decimal(t.get("max_share", "1.0"), ("redeem", "max_share"), high=Decimal(1)),
    )


def _tiers(r: _Reader, value: Any, currency: Currency) -> TierRule:
    t = r.table(value, ("tiers",), _TIER_KEYS)
    basis = TierBasis(
        r.choice(t.get("basis", "lifetime_spend"), ("tiers", "basis"), [b.value for b in TierBasis])
    )
    window = r.integer(
        t.get("window_days", 365), ("tiers", "window_days"), minimum=1, maximum=36_500
    )
    score = _score(r, t.get("score", {}))
    raw_levels = t.get("levels")
    if raw_levels is None:
        return TierRule(basis=basis, window_days=window, score=score)
    if not isinstance(raw_levels, list) or not raw_levels:
        raise r.fail(
            ("tiers", "levels"),
            "must hold at least one [[tiers.levels]] table",
            reason="program_no_tier_levels",
        )
    levels: list[TierLevel] = []
    for i, raw in enumerate(raw_levels):
        path: KeyPath = ("tiers", "levels", i)
        lv = r.table(raw, path, _LEVEL_KEYS)
        if "name" not in lv:
            raise r.fail(path, "a tier needs a name", reason="program_tier_unnamed")
        name = r.text(lv["name"], (*path, "name"))
        threshold = r.decimal(lv.get("threshold", "0"), (*path, "threshold"))
        if basis in (TierBasis.LIFETIME_SPEND, TierBasis.ROLLING_SPEND):
            r.money(lv.get("threshold", "0"), (*path, "threshold"), currency)
        if basis is TierBasis.POINTS_EARNED and threshold != threshold.to_integral_value():
            raise r.fail(
                (*path, "threshold"),
                "points thresholds are whole numbers",
                reason="program_threshold_not_whole",
            )
        if basis is TierBasis.SCORE and threshold > 100:
            raise r.fail(
                (*path, "threshold"),
                "score thresholds run from 0 to 100",
                reason="program_score_threshold_range",
                maximum=100,
            )
        if any(other.name == name for other in levels):
            raise r.fail(
                (*path, "name"),
                f"tier {name!r} is named twice",
                reason="program_tier_named_twice",
                tier=name,
            )
        if any(other.threshold == threshold for other in levels):
            raise r.fail(
                (*path, "threshold"),
                f"two tiers share the threshold {threshold}",
                reason="program_threshold_shared",
                threshold=str(threshold),
            )
        levels.append(
            TierLevel(
                name=name,
                threshold=threshold,
                discount_pct=r.decimal(
                    lv.get("discount_pct", "0"), (*path, "discount_pct"), high=Decimal(100)
                ),
                earn_multiplier=r.decimal(
                    lv.get("earn_multiplier", "1"), (*path, "earn_multiplier"), high=Decimal(100)
                ),
                colour=_colour(r, lv.get("colour", ""), (*path, "colour")),
            )
        )
    levels.sort(key=lambda lvl: lvl.threshold, reverse=True)
    return TierRule(basis=basis, window_days=window, levels=tuple(levels), score=score)


def _colour(r: _Reader, value: Any, path: KeyPath) -> str:
    """A tier's colour as ``#RRGGBB`` in capitals; empty text means none."""
    if value == "":
        return ""
    colour = r.text(value, path).upper()
    if not _COLOUR.fullmatch(colour):
        raise r.fail(
            path,
            f'write a colour as "#RRGGBB", e.g. "#C0C0C0", not {value!r}',
            reason="program_not_colour",
            value=str(value),
        )
    return colour


def _score(r: _Reader, value: Any) -> ScoreScale:
    t = r.table(value, ("tiers", "score"), _SCORE_KEYS)
    p: Callable[[str], KeyPath] = lambda key: ("tiers", "score", key)  # noqa: E731
    spend_full = r.decimal(t.get("spend_full", "10000"), p("spend_full"))
    if spend_full <= 0:
        raise r.fail(p("spend_full"), "must be more than 0", reason="program_not_positive")
    return ScoreScale(
        spend_full=spend_full,
        visits_full=r.integer(t.get("visits_full", 24), p("visits_full"), minimum=1),
        interactions_full=r.integer(
            t.get("interactions_full", 12), p("interactions_full"), minimum=1
        ),
        spend_weight=r.decimal(t.get("spend_weight", "0.6"), p("spend_weight"), high=Decimal(1)),
        activity_weight=r.decimal(
            t.get("activity_weight", "0.3"), p("activity_weight"), high=Decimal(1)
        ),
        interaction_weight=r.decimal(
            t.get("interaction_weight", "0.1"), p("interaction_weight"), high=Decimal(1)
        ),
    )


def _campaigns(r: _Reader, value: Any, tiers: TierRule) -> tuple[Campaign, ...]:
    if not isinstance(value, list):
        raise r.fail(
            ("campaigns",),
            "must be written as [[campaigns]] tables",
            reason="program_campaigns_not_tables",
        )
    result = []
    for i, raw in enumerate(value):
        path: KeyPath = ("campaigns", i)
        c = r.table(raw, path, _CAMPAIGN_KEYS)
        name = r.text(c.get("name", f"Campaign {i + 1}"), (*path, "name"))
        start = r.day(c.get("start", "0001-01-01"), (*path, "start"))
        end = r.day(c.get("end", "9999-12-31"), (*path, "end"))
        if end < start:
            raise r.fail(
                (*path, "end"),
                f"ends ({end}) before it starts ({start})",
                reason="program_campaign_ends_before_start",
                start=start.isoformat(),
                end=end.isoformat(),
            )
        weekdays = r.texts(c.get("weekdays", []), (*path, "weekdays"))
        for day in weekdays:
            if day.lower()[:3] not in WEEKDAYS:
                raise r.fail(
                    (*path, "weekdays"),
                    f"{day!r} is not a weekday; use mon, tue, … sun",
                    reason="program_not_weekday",
                    value=day,
                )
        month_days = c.get("month_days", [])
        if not isinstance(month_days, list):
            raise r.fail(
                (*path, "month_days"),
                "must be a list of days of the month",
                reason="program_month_days_not_list",
            )
        days = frozenset(
            r.integer(d, (*path, "month_days", j), minimum=1) for j, d in enumerate(month_days)
        )
        if any(d > 31 for d in days):
            raise r.fail(
                (*path, "month_days"),
                "days of the month run from 1 to 31",
                reason="program_month_day_range",
                maximum=31,
            )
        tier_names = r.texts(c.get("tiers", []), (*path, "tiers"))
        for tier in tier_names:
            if tiers.level(tier) is None:
                raise r.fail(
                    (*path, "tiers"),
                    f"no tier is called {tier!r}",
                    reason="program_unknown_tier",
                    tier=tier,
                )
        multiplier = r.decimal(c.get("multiplier", "1"), (*path, "multiplier"), high=Decimal(100))
        bonus = r.integer(c.get("bonus", 0), (*path, "bonus"))
        if "multiplier" not in c and "bonus" not in c:
            raise r.fail(
                path,
                f"campaign {name!r} needs a multiplier or a bonus",
                reason="program_campaign_without_effect",
                campaign=name,
            )
        result.append(
            Campaign(
                name=name,
                start=start,
                end=end,
                multiplier=multiplier,
                bonus=bonus,
                weekdays=frozenset(WEEKDAYS.index(d.lower()[:3]) for d in weekdays),
                month_days=days,
                categories=r.texts(c.get("categories", []), (*path, "categories")),
                tiers=tier_names,
                birthday_month=r.boolean(c.get("birthday_month", False), (*path, "birthday_month")),
            )
        )
    return tuple(result)
