"""The demo shop's loyalty programme: tiers 青铜/白银/黄金/钻石, member days, birthday month, seasons.

Written as a programme file (TOML) and loaded through ``load_program`` like any
shop's own, with campaign dates placed inside the demo's history.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from loyalty_desktop.demo.catalogue import (
    CATALOGUE,
    MOONCAKE_SEASON,
    SPRING_FESTIVAL_RUN_UP,
    mid_autumn,
    spring_festival,
)

SHOP_NAME = "好邻居便利店 Good Neighbour Mart"
TIMEZONE = "Asia/Shanghai"
EXPIRY_DAYS = 365


def _latest(
    festival: Callable[[int], date], lead_days: int, first: date, last: date
) -> date | None:
    """The latest festival whose run-up of ``lead_days`` lies inside the history ``first``..``last``."""
    for year in (last.year, last.year - 1, last.year - 2):
        day = festival(year)
        if first <= day - timedelta(days=lead_days) and day <= last:
            return day
    return None


def program_text(first: date, last: date) -> str:
    """The demo programme (TOML), with campaigns dated inside the history ``first``..``last``."""
    open_end = date(last.year + 1, 12, 31)
    campaigns = [
        (
            "会员日双倍积分 Member day",
            first,
            open_end,
            'multiplier = "2"\nmonth_days = [8, 18, 28]',
        ),
        (
            "生日月双倍积分 Birthday month",
            first,
            open_end,
            'multiplier = "2"\nbirthday_month = true',
        ),
        (
            "金卡周末 1.5 倍积分 Gold weekend",
            first,
            open_end,
            'multiplier = "1.5"\nweekdays = ["sat", "sun"]\ntiers = ["黄金", "钻石"]',
        ),
    ]
    summer = date(last.year, 6, 15)
    if summer > last - timedelta(days=14):
        summer = summer.replace(year=last.year - 1)
    if summer >= first:
        campaigns.append(
            (
                "夏日饮品三倍积分 Summer drinks",
                summer,
                summer.replace(month=8, day=31),
                'multiplier = "3"\ncategories = ["drinks"]',
            )
        )
    festival = _latest(spring_festival, SPRING_FESTIVAL_RUN_UP, first, last)
    if festival:
        campaigns.append(
            (
                "新春年货节 1.5 倍积分 New Year shopping",
                festival - timedelta(days=SPRING_FESTIVAL_RUN_UP),
                festival + timedelta(days=6),
                'multiplier = "1.5"',
            )
        )
    moon = _latest(mid_autumn, MOONCAKE_SEASON, first, last)
    if moon:
        campaigns.append(
            (
                "中秋月饼加赠 50 分 Mooncake bonus",
                moon - timedelta(days=28),
                moon,
                'bonus = 50\ncategories = ["mooncake"]',
            )
        )
    gift_cards = ", ".join(f'"{p.sku}"' for p in CATALOGUE if p.category == "gift_card")
    blocks = "".join(
        f'\n[[campaigns]]\nname = "{name}"\nstart = "{start}"\nend = "{end}"\n{rule}\n'
        for name, start, end, rule in campaigns
    )
    return f'''# Demo programme of {SHOP_NAME}
shop_name = "{SHOP_NAME}"
currency = "CNY"
timezone = "{TIMEZONE}"
campaign_policy = "best"

[earn]
points = 1
per = "1.00"
min_order = "0"
exclude_categories = ["tobacco"]
exclude_skus = [{gift_cards}]

[activity]
review = 10
check_in = 1
referral = 50
birthday = 100

[activity_limits]
review = 1
referral = 5

[birthday_award]
window_days = 31  # any day of the birthday month

[expiry]
days = {EXPIRY_DAYS}

[redeem]
point_value = "0.01"
min_points = 100
max_share = "0.5"

[tiers]
basis = "lifetime_spend"

[[tiers.levels]]
name = "青铜"
threshold = "0"
discount_pct = "0"
earn_multiplier = "1"

[[tiers.levels]]
name = "白银"
threshold = "200"
discount_pct = "2"
earn_multiplier = "1.2"

[[tiers.levels]]
name = "黄金"
threshold = "800"
discount_pct = "5"
earn_multiplier = "1.5"

[[tiers.levels]]
name = "钻石"
threshold = "2500"
discount_pct = "8"
earn_multiplier = "2"
{blocks}'''
