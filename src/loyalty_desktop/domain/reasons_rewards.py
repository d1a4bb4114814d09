"""What refusals about rewards say, in English and Simplified Chinese: the file's tables and the till's use.

Part of the catalogue in ``domain.reasons``; placeholders name the details.
"""

from __future__ import annotations

from loyalty_desktop.domain.wording import Wording

_IN = "方案文件 {where}："

REWARD_PROGRAMME = {
    "program_rewards_not_tables": Wording(
        "{where}: rewards must be written as [[rewards]] tables",
        _IN + "奖励必须写成 [[rewards]] 表",
    ),
    "program_reward_unnamed": Wording("{where}: a reward needs a name", _IN + "每个奖励都要有名称"),
    "program_reward_name_long": Wording(
        "{where}: a reward's name is at most {maximum} characters",
        _IN + "奖励名称最多 {maximum} 个字",
    ),
    "program_reward_no_points": Wording(
        "{where}: a reward needs its cost in points", _IN + "奖励需要设置所需积分（points）"
    ),
    "program_reward_named_twice": Wording(
        "{where}: reward {reward} is named twice", _IN + "奖励“{reward}”重名了"
    ),
    "program_reward_value_or_sku": Wording(
        "{where}: reward {reward} needs either a value (a coupon) or a sku (an item), not both",
        _IN + "奖励“{reward}”须设置抵扣金额（value）或赠送商品（sku），二者选其一",
    ),
    "program_reward_ends_before_start": Wording(
        "{where}: the reward ends ({end}) before it starts ({start})",
        _IN + "奖励的结束日期 {end} 早于开始日期 {start}",
    ),
}

REWARDS = {
    "reward_without_member": Wording("only a member can take a reward", "只有会员才能兑换奖励"),
    "reward_unknown": Wording("there is no reward called {reward}", "没有叫“{reward}”的奖励"),
    "reward_twice": Wording(
        "the reward {reward} is chosen twice; a sale takes each reward once",
        "奖励“{reward}”选了两次，每笔消费每种奖励只能兑换一次",
    ),
    "reward_not_today": Wording(
        "the reward {reward} can be taken from {start} to {end}, not today",
        "奖励“{reward}”的兑换期是 {start} 到 {end}，今天不能兑换",
    ),
    "reward_wrong_tier": Wording(
        "the reward {reward} is only for {tiers}", "奖励“{reward}”仅限 {tiers} 会员兑换"
    ),
    "reward_item_missing": Wording(
        "the reward {reward} gives {sku}: put it in the basket first",
        "奖励“{reward}”赠送的是 {sku}，请先把该商品加入购物篮",
    ),
    "reward_nothing_left": Wording(
        "nothing is left of the basket for the reward {reward} to pay",
        "购物篮已经没有可以用奖励“{reward}”抵扣的金额了",
    ),
    "reward_unaffordable": Wording(
        "the rewards and points need {points} points; the member can spend {spendable}",
        "奖励和抵扣共需 {points} 积分，该会员只有 {spendable} 积分可用",
    ),
}
