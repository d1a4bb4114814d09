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
    "trend_bucket_unknown": Wording(
        "a trend is grouped by week or by month", "趋势只能按周或按月汇总"
    ),
}
