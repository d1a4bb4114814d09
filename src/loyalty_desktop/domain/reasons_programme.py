"""What refusals about editing the programme say, in English and Simplified Chinese.

Part of the catalogue in ``domain.reasons``; placeholders name the details.
"""

from __future__ import annotations

from loyalty_desktop.domain.wording import Wording

_IN = "方案文件 {where}："

PROGRAMME_EDITING = {
    "program_not_colour": Wording(
        '{where}: {key}: write a colour as "#RRGGBB", e.g. "#C0C0C0", not {value}',
        _IN + '{key} 的颜色请写成 "#RRGGBB"（例如 "#C0C0C0"），现在是 {value}',
    ),
    "program_lifecycle_quiet_after_lapsed": Wording(
        "{where}: {key}: must be at most {maximum}, below lapsed_days: a member would lapse "
        "before they could decline",
        _IN + "{key} 最多为 {maximum}（须小于 lapsed_days），否则会员来不及进入“衰退”就已流失",
    ),
    "preview_unknown_tier": Wording(
        "the programme has no tier called {tier}", "方案里没有叫“{tier}”的等级"
    ),
    "reward_out_of_stock": Wording(
        "the reward {reward} is out of stock (all {stock} are taken)",
        "奖励“{reward}”已兑完（共 {stock} 份）",
    ),
}
