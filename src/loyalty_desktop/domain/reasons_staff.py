"""What refusals about staff accounts and the till rules say, in English and Simplified Chinese.

Part of the catalogue in ``domain.reasons``; placeholders name the details.
"""

from __future__ import annotations

from loyalty_desktop.domain.wording import Wording

STAFF_ACCOUNTS = {
    "staff_unknown": Wording("no staff member is called {staff}", "没有叫“{staff}”的员工账号"),
    "manager_manages_cashiers": Wording(
        "a manager looks after cashiers' accounts only; an admin must do this",
        "店长只能管理收银员账号，这项操作请管理员来做",
    ),
    "last_admin": Wording(
        "{staff} is the last active admin; make another admin first",
        "{staff} 是最后一个在用的管理员账号，请先把另一位员工设为管理员",
    ),
    "disable_self": Wording(
        "you cannot disable your own account; another manager or admin must",
        "不能停用自己的账号，请其他店长或管理员操作",
    ),
    "own_role": Wording(
        "you cannot change your own role; another admin must",
        "不能修改自己的角色，请其他管理员操作",
    ),
    "account_disabled": Wording(
        "this account was disabled; sign in again with another account",
        "这个账号已被停用，请换一个账号重新登录",
    ),
    "role_changed": Wording(
        "this account's role changed to {role}; sign in again",
        "这个账号的角色已改为{role}，请重新登录",
    ),
}

TILL_POLICY = {
    "refund_above_cashier_limit": Wording(
        "a refund of {amount} is above the {limit} a cashier may refund alone; "
        "a manager must approve it",
        "退款 {amount} 超过收银员可自行办理的 {limit}，需要店长批准",
    ),
    "discount_above_cashier_limit": Wording(
        "a discount over {percent}% needs a manager: ask a manager to sign in and complete "
        "the sale (the basket is kept)",
        "超过 {percent}% 的折扣需要店长：请店长登录后完成这笔销售（购物篮会保留）",
    ),
    "discount_limit_range": Wording(
        "the discount limit is a whole percentage from 0 to 100",
        "折扣上限须为 0 到 100 之间的整数百分比",
    ),
    "recommend_skip_days_range": Wording(
        "leave out what was bought in 0 to 3650 days, or nothing",
        "排除最近购买的天数须为 0 到 3650，或不排除",
    ),
    "recommend_category_both": Wording(
        "a category is either left out or consumable, not both: {categories}",
        "一个品类不能既被排除又算作常购消耗品：{categories}",
    ),
    "recommend_segment_unknown": Wording(
        "there is no segment {segment} (segments: {choices})",
        "没有“{segment}”这个客群（可选：{choices}）",
    ),
    "recommend_stage_unknown": Wording(
        "there is no lifecycle stage {stage} (stages: {choices})",
        "没有“{stage}”这个生命周期阶段（可选：{choices}）",
    ),
    "recommend_tier_unknown": Wording(
        "the programme has no tier {tier} (tiers: {choices})",
        "会员计划中没有“{tier}”这个等级（可选：{choices}）",
    ),
    "campaign_file_kind": Wording(
        "a campaign list is written as .csv or .xlsx; give --out such a name",
        "营销名单只能保存为 .csv 或 .xlsx，请给 --out 一个这样的文件名",
    ),
    "recommend_whom": Wording(
        "name one member, or --all, or a group (--segment, --stage, --tier)",
        "请指定一位会员，或 --all，或一组会员（--segment、--stage、--tier）",
    ),
}
