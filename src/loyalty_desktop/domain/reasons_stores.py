"""Refusals of the report filters: a store (till) the reports cannot be narrowed to."""

from __future__ import annotations

from loyalty_desktop.domain.wording import Wording

STORES = {
    "store_unknown": Wording(
        "no till of this shop has rung up sales as {value}; choose a store from the list",
        "没有收银机以 {value} 记过销售，请从列表中选择门店",
    ),
    "store_reports_unavailable": Wording(
        "this shop's storage cannot show reports for one store; choose all stores",
        "当前数据库不能按门店查看报表，请选择“全部门店”",
    ),
    "sync_address": Wording(
        "give the server's address (http:// or https://, with no password or query in it) "
        "and this store's token",
        "请填写服务器地址（http:// 或 https://，地址中不含密码或查询参数）和本店的令牌",
    ),
    "sync_unavailable": Wording(
        "this database cannot sync with the central server",
        "此数据库无法与中心服务器同步",
    ),
    "chain_balance_too_low": Wording(
        "the chain has {available} points for this member, not {points}; "
        "the sale can go ahead without redeeming points",
        "该会员在全部门店可用的积分为 {available}，不足 {points}；可以不用积分完成这笔销售",
    ),
    "offline_allowance": Wording(
        "offline, a member may redeem {allowance} points until the next sync "
        "({used} redeemed here already, {points} asked); "
        "the sale can go ahead without redeeming points",
        "离线时每位会员在下次同步前最多兑换 {allowance} 积分（本机已兑换 {used}，本次 {points}）；"
        "可以不用积分完成这笔销售",
    ),
    "offline_exposure_cap": Wording(
        "offline, this store may redeem {cap} points until the next sync "
        "({exposure} redeemed already, {points} asked); "
        "the sale can go ahead without redeeming points",
        "离线时本店在下次同步前最多兑换 {cap} 积分（已兑换 {exposure}，本次 {points}）；"
        "可以不用积分完成这笔销售",
    ),
    "offline_snapshot_stale": Wording(
        "offline, points are redeemed only with member balances received in the last "
        "{max_hours} hours (last received: {last_pull}); "
        "the sale can go ahead without redeeming points",
        "离线时只能按 {max_hours} 小时内收到的会员积分兑换（上次收到：{last_pull}）；"
        "可以不用积分完成这笔销售",
    ),
    "sync_limit_range": Wording(
        "{field} must be a whole number from 0 to {limit}",
        "{field} 必须是 0 到 {limit} 之间的整数",
    ),
    "trend_bucket_unknown": Wording(
        "a trend is grouped by week or by month", "趋势只能按周或按月汇总"
    ),
}
