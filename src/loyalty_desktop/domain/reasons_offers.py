"""Refusals around targeted offers and their coupons: the offer file, issuing, and the till's coupon check."""

from __future__ import annotations

from loyalty_desktop.domain.wording import Wording

OFFERS = {
    "offer_name": Wording(
        "an offer needs a name of 1 to {limit} visible characters on one line",
        "优惠名称须为 1 到 {limit} 个可见字符，且只占一行",
    ),
    "offer_sku": Wording(
        "the free item's SKU is 1 to {limit} visible characters",
        "免费商品的编码须为 1 到 {limit} 个可见字符",
    ),
    "offer_ends_before_start": Wording(
        "an offer must end after it starts", "优惠结束日期须晚于开始日期"
    ),
    "offer_gives_nothing": Wording(
        "a {kind} offer needs its {field} set to something it can give",
        "{kind} 类优惠须填写有效的 {field}",
    ),
    "offer_per_member": Wording(
        "each member may get 1 to {limit} coupons of an offer", "每位会员可得 1 到 {limit} 张券"
    ),
    "offer_control_share": Wording(
        "the control group is a share from 0 up to (not including) 1",
        "对照组比例须在 0 到 1 之间（不含 1）",
    ),
    "offer_budget": Wording("an offer's budget must be more than nothing", "优惠预算须大于 0"),
    "offer_audience_value": Wording(
        "churn bands are low, medium or high and birthday months 1 to 12; not {value}",
        "流失风险只能是 low、medium、high，生日月份只能是 1 到 12，不能是 {value}",
    ),
    "offer_key_missing": Wording(
        "{where}: {key} is missing from the offer file", "优惠文件 {where}：缺少 {key}"
    ),
    "offer_months_not_list": Wording(
        "{where}: {key} must be a list of month numbers", "优惠文件 {where}：{key} 须为月份列表"
    ),
    "offer_day_range": Wording(
        "{where}: {key} must be a day from {minimum} to {maximum}",
        "优惠文件 {where}：{key} 须为 {minimum} 到 {maximum} 之间的日期",
    ),
    "offer_unknown": Wording("there is no offer {value}", "没有优惠 {value}"),
    "offer_name_shared": Wording(
        "{count} offers are called {value}; give the offer's id (loyalty offer list)",
        "有 {count} 个优惠都叫 {value}，请改用优惠的编号（loyalty offer list）",
    ),
    "offer_name_taken": Wording(
        "an offer called {value} is still running (until {end}); give this one another name",
        "名为 {value} 的优惠仍在进行（至 {end}），请给新优惠另起名称",
    ),
    "offer_unknown_tier": Wording(
        "the programme has no tier called {tier}", "积分方案中没有名为 {tier} 的等级"
    ),
    "offer_over": Wording(
        "{offer} ended on {end}; it can no longer be issued", "“{offer}”已于 {end} 结束，不能再发放"
    ),
}

COUPONS = {
    "coupon_not_a_coupon": Wording(
        "not a coupon of this shop: check the code and type it again",
        "不是本店的优惠券码，请核对后重新输入",
    ),
    "coupon_misread": Wording(
        "the coupon code was misread or mistyped; scan it again", "优惠券码读错或输错了，请重新扫描"
    ),
    "coupon_forged": Wording(
        "this coupon was not issued by this shop (forged or altered)",
        "此优惠券不是本店发放的（伪造或被改动）",
    ),
    "coupon_unknown": Wording(
        "this coupon is not known at this till yet; sync and try again",
        "本收银台还没有这张优惠券的记录，请同步后再试",
    ),
    "coupon_used": Wording("this coupon was already used on {at}", "此优惠券已于 {at} 使用过"),
    "coupon_expired": Wording("this coupon expired on {end}", "此优惠券已于 {end} 过期"),
    "coupon_not_yet": Wording(
        "this coupon can be used from {start}", "此优惠券从 {start} 起才能使用"
    ),
    "coupon_other_member": Wording(
        "this coupon belongs to another member", "此优惠券属于另一位会员"
    ),
    "coupon_member_erased": Wording(
        "this coupon's member was erased; it can no longer be used",
        "此优惠券的会员资料已删除，不能再使用",
    ),
    "coupon_needs_member": Wording(
        "scan the member's card before their coupon", "请先扫描会员卡，再使用优惠券"
    ),
    "coupon_budget_spent": Wording(
        "the budget of {offer} is spent; the coupon can no longer be used",
        "“{offer}”的预算已用完，此券不能再使用",
    ),
    "coupon_min_spend": Wording(
        "the coupon needs a basket of at least {minimum}", "购物满 {minimum} 才能使用此券"
    ),
    "coupon_item_missing": Wording(
        "the coupon is for a free {sku}; add one to the basket first",
        "此券可免费领取 {sku}，请先把它加入购物篮",
    ),
    "coupon_other_sale": Wording(
        "sale id {id} was already posted with another coupon; use a new sale id",
        "流水号 {id} 已用另一张优惠券结过账，请换一个流水号",
    ),
}
