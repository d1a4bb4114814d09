"""Every refusal's reason said in English and Simplified Chinese, filled from its details.

A refusal (``LoyaltyError``) carries a stable ``reason`` and keyword details
(``field``, ``limit``, ``step``…). A screen shows ``describe(error, "zh_CN")``:
the reason's template in that language with its placeholders filled. The
field is named as the person knows it (``unit_price`` with ``line=3`` reads
"第 3 行的单价"), and so are payment apps, roles, permissions and statuses.
An unknown reason or locale gives the error's English message.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.domain.reasons_backups import BACKUPS
from loyalty_desktop.domain.reasons_events import MEMBER_EVENTS
from loyalty_desktop.domain.reasons_imports import IMPORTS
from loyalty_desktop.domain.reasons_members import MEMBER_RECORDS
from loyalty_desktop.domain.reasons_offers import COUPONS, OFFERS
from loyalty_desktop.domain.reasons_office import (
    COMMAND_LINE,
    DATABASE,
    FILES,
    KEYS,
    PROGRAMME,
    REPORTS,
    STAFF,
)
from loyalty_desktop.domain.reasons_programme import PROGRAMME_EDITING
from loyalty_desktop.domain.reasons_receipts import RECEIPTS
from loyalty_desktop.domain.reasons_rewards import REWARD_PROGRAMME, REWARDS
from loyalty_desktop.domain.reasons_staff import STAFF_ACCOUNTS, TILL_POLICY
from loyalty_desktop.domain.reasons_stores import STORES
from loyalty_desktop.domain.reasons_surveys import SURVEYS
from loyalty_desktop.domain.reasons_till import (
    CARDS,
    LOOKUP,
    MEMBERS,
    MONEY,
    POINTS,
    PRODUCTS,
    REDEMPTION,
    REFUNDS,
    SALES,
)
from loyalty_desktop.domain.wording import Wording

LOCALES = ("en", "zh_CN")

REASONS: Mapping[str, Wording] = MappingProxyType(
    {
        **CARDS,
        **LOOKUP,
        **MEMBERS,
        **MONEY,
        **SALES,
        **PRODUCTS,
        **REDEMPTION,
        **REWARDS,
        **REFUNDS,
        **RECEIPTS,
        **POINTS,
        **STAFF,
        **PROGRAMME,
        **REWARD_PROGRAMME,
        **DATABASE,
        **KEYS,
        **FILES,
        **REPORTS,
        **COMMAND_LINE,
        **IMPORTS,
        **MEMBER_RECORDS,
        **PROGRAMME_EDITING,
        **STAFF_ACCOUNTS,
        **TILL_POLICY,
        **BACKUPS,
        **STORES,
        **MEMBER_EVENTS,
        **SURVEYS,
        **OFFERS,
        **COUPONS,
    }
)
# Reasons only the ``loyalty`` command gives (usage, interrupted…): no service raises them.
COMMAND_LINE_REASONS = frozenset(COMMAND_LINE)

# Inputs as a person knows them: the command's options and the screens' fields.
FIELDS: Mapping[str, Wording] = MappingProxyType(
    {
        "member": Wording("member", "会员"),
        "member_no": Wording("member number", "会员号"),
        "other": Wording("member to merge", "要合并的会员"),
        "name": Wording("name", "姓名"),
        "phone": Wording("phone", "手机号"),
        "email": Wording("e-mail", "邮箱"),
        "birthday": Wording("birthday", "生日"),
        "pin": Wording("PIN", "PIN 码"),
        "manager": Wording("manager", "店长"),
        "role": Wording("role", "角色"),
        "at": Wording("time", "时间"),
        "from": Wording("start time", "开始时间"),
        "total": Wording("total", "合计金额"),
        "discount": Wording("discount", "折扣"),
        "line_discount": Wording("line discount", "单品折扣"),
        "redeem": Wording("points to redeem", "使用积分"),
        "reward": Wording("reward", "奖励"),
        "amount": Wording("amount", "金额"),
        "line": Wording("line", "商品行"),
        "sku": Wording("SKU", "商品编码"),
        "quantity": Wording("quantity", "数量"),
        "unit_price": Wording("unit price", "单价"),
        "category": Wording("category", "品类"),
        "price": Wording("price", "价格"),
        "barcode": Wording("barcode", "条码"),
        "product": Wording("SKU or barcode", "商品编码或条码"),
        "product_name": Wording("product name", "商品名称"),
        "currency": Wording("currency", "币种"),
        "sale": Wording("sale", "销售单号"),
        "sale_id": Wording("sale id", "销售单号"),
        "receipt_header": Wording("receipt header", "小票抬头"),
        "printer": Wording("printer", "打印机"),
        "refund_id": Wording("refund id", "退货单号"),
        "request_id": Wording("request id", "请求编号"),
        "reason": Wording("reason", "原因"),
        "points": Wording("points", "积分"),
        "activity": Wording("activity", "活动"),
        "capacity": Wording("capacity", "名额"),
        "score": Wording("score", "评分"),
        "scale": Wording("survey scale", "评分方式"),
        "audience": Wording("audience", "目标人群"),
        "budget": Wording("budget", "预算"),
        "control_share": Wording("control group share", "对照组比例"),
        "coupon": Wording("coupon", "优惠券"),
        "multiplier": Wording("multiplier", "倍数"),
        "percent": Wording("percent", "百分比"),
        "per_member": Wording("coupons per member", "每人张数"),
        "start": Wording("start", "开始时间"),
        "end": Wording("end", "结束时间"),
        "report": Wording("report", "报表"),
        "limit": Wording("page size", "每页条数"),
        "after": Wording("page", "翻页位置"),
        "horizon_days": Wording("days ahead", "预测天数"),
        "members": Wording("number of members", "会员人数"),
        "out": Wording("output file", "输出文件"),
        "confirm": Wording("confirmation", "确认"),
        "consent": Wording("consent", "是否同意"),
        "member_ref": Wording("member reference", "会员编号"),
        "qty": Wording("quantity", "数量"),
        "tier": Wording("tier", "会员等级"),
        "refund_limit": Wording("refund limit", "退款上限"),
        "discount_limit": Wording("discount limit", "折扣上限"),
        "skip_bought_within_days": Wording("days to leave out", "排除最近购买的天数"),
        "consumable_categories": Wording("consumable categories", "常购消耗品品类"),
        "segment": Wording("segment", "客群"),
        "stage": Wording("lifecycle stage", "生命周期阶段"),
        "since": Wording("from", "开始时间"),
        "until": Wording("until", "结束时间"),
        "keep": Wording("daily backups to keep", "保留的自动备份份数"),
        "file": Wording("file", "文件"),
        "store": Wording("store", "门店"),
        "bucket": Wording("grouping", "汇总方式"),
    }
)
# A basket line's columns: with ``line`` in the details they read "line 3 quantity".
_LINE_COLUMNS = frozenset({"line", "sku", "quantity", "unit_price", "category"})

_ROLES = {
    "cashier": Wording("cashier", "收银员"),
    "manager": Wording("manager", "店长"),
    "admin": Wording("admin", "管理员"),
}
_ACTIVITIES = {
    "review": Wording("review", "评价"),
    "check_in": Wording("check-in", "签到"),
    "referral": Wording("referral", "推荐好友"),
    "birthday": Wording("birthday", "生日"),
}
# Values a detail holds in the program's own words, said in the person's.
VALUES: Mapping[str, Mapping[str, Wording]] = MappingProxyType(
    {
        "kind": {
            "WeChat Pay": Wording("WeChat Pay", "微信"),
            "Alipay": Wording("Alipay", "支付宝"),
            "UnionPay": Wording("UnionPay", "银联"),
        },
        "status": {
            "active": Wording("active", "状态正常"),
            "closed": Wording("closed (merged into another member)", "已合并到其他会员"),
            "erased": Wording("erased", "已注销"),
        },
        "role": _ROLES,
        "needed": _ROLES,
        "permission": {
            "view_program": Wording("view the programme", "查看积分方案"),
            "find_member": Wording("find a member", "查找会员"),
            "browse_members": Wording("browse members", "浏览会员列表"),
            "enrol": Wording("enrol members", "办理会员"),
            "sell": Wording("sell", "收银"),
            "award": Wording("award activity points", "发放活动积分"),
            "print_card": Wording("print cards", "打印会员卡"),
            "refund": Wording("refund", "办理退货"),
            "adjust": Wording("adjust points", "调整积分"),
            "merge": Wording("merge members", "合并会员"),
            "import": Wording("import", "导入数据"),
            "export": Wording("export a member's data", "导出会员资料"),
            "erase": Wording("erase a member's data", "删除会员资料"),
            "expire": Wording("expire points", "执行积分过期"),
            "backdate": Wording("date records in the past", "补录过去时间的记录"),
            "program": Wording("change the programme", "修改积分方案"),
            "reports": Wording("read reports", "查看报表"),
            "audit": Wording("read the audit log", "查看审计日志"),
            "staff": Wording("manage staff", "管理员工账号"),
            "check": Wording("check the database", "检查数据库"),
            "products": Wording("edit products", "管理商品"),
            "edit_member": Wording("edit a member's profile", "修改会员资料"),
            "manage_cashiers": Wording("look after cashiers' accounts", "管理收银员账号"),
            "set_till_rules": Wording("change the till rules", "修改收银规则"),
            "give_large_discount": Wording("give a discount above the limit", "给出超过上限的折扣"),
            "backup": Wording("back up or restore the database", "备份或恢复数据库"),
            "connect_sync": Wording(
                "connect this store to the central server", "把本店连接到总部服务器"
            ),
            "set_sync_limits": Wording(
                "set the offline redemption limits", "设置离线兑换积分的限额"
            ),
        },
        "activity": _ACTIVITIES,
        "known": _ACTIVITIES,
        "total": {
            "balance": Wording("balance", "积分余额"),
            "lifetime_spend": Wording("lifetime spend", "累计消费"),
            "points_earned": Wording("points earned", "累计获得的积分"),
        },
        "document": {
            "programme": Wording("programme file", "方案文件"),
            "offer": Wording("offer file", "优惠文件"),
        },
        "file_kind": {
            "database": Wording("database", "数据库"),
            "database journal": Wording("database journal", "数据库日志文件"),
            "database backup": Wording("database backup", "数据库备份"),
            "key file": Wording("key file", "密钥文件"),
        },
    }
)
_LIST_SEPARATOR = {"en": ", ", "zh": "、"}
_NOTHING = {"en": "none", "zh": "无"}


def language_of(locale: str) -> str | None:
    """``en`` or ``zh`` for a locale name (``zh_CN``, ``zh-Hans``, ``en_US``); None if not shipped.

    Traditional Chinese (``zh_TW``, ``zh_HK``, ``zh_Hant``) is not shipped: it gets None.
    """
    parts = locale.replace("-", "_").lower().split("_")
    if parts[0] == "en":
        return "en"
    if parts[0] == "zh" and not {"tw", "hk", "mo", "hant"} & set(parts[1:]):
        return "zh"
    return None


def placeholders(reason: str) -> frozenset[str] | None:
    """The details a reason's templates name, or None for a reason not in the catalogue."""
    wording = REASONS.get(reason)
    return None if wording is None else wording.placeholders


def say(reason: str, details: Mapping[str, object], locale: str) -> str | None:
    """A reason in a locale, filled from ``details``; None if the reason, locale or a detail is missing."""
    wording = REASONS.get(reason)
    language = language_of(locale)
    if wording is None or language is None:
        return None
    shown = {key: _shown(key, value, language, details) for key, value in details.items()}
    try:
        return wording.in_language(language).format_map(shown)
    except (KeyError, IndexError, ValueError):
        return None


def describe(error: LoyaltyError, locale: str) -> str:
    """What to tell a person about a refusal, in their language (else the English message)."""
    return say(error.reason, error.details, locale) or error.message


def _shown(key: str, value: object, language: str, details: Mapping[str, object]) -> str:
    if key == "field" and isinstance(value, str):
        return _field(value, language, details.get("line"))
    if isinstance(value, list | tuple):
        items = [_shown(key, item, language, details) for item in value]
        return _LIST_SEPARATOR[language].join(items) if items else _NOTHING[language]
    if isinstance(value, str) and value in VALUES.get(key, {}):
        return VALUES[key][value].in_language(language)
    return "" if value is None else str(value)


def _field(name: str, language: str, line: object) -> str:
    label = FIELDS[name].in_language(language) if name in FIELDS else name
    if name not in _LINE_COLUMNS or not isinstance(line, int) or isinstance(line, bool):
        return label
    if language == "zh":
        return f"第 {line} 行" if name == "line" else f"第 {line} 行的{label}"
    return f"line {line}" if name == "line" else f"line {line} {label}"
