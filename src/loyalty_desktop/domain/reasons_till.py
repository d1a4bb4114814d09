"""What the till's refusals say, in English and Simplified Chinese: cards, members, sales, points.

Part of the catalogue in ``domain.reasons``; placeholders name the refusal's details.
"""

from __future__ import annotations

from loyalty_desktop.domain.wording import Wording

CARDS = {
    "payment_code_not_card": Wording(
        "this is a {kind} payment code, not a member card",
        "这是{kind}付款码，不是会员码，请扫描会员卡",
    ),
    "payment_code_not_item": Wording(
        "line {line}: that is a payment code, not an item code; it was not kept",
        "第 {line} 行：这是付款码，不是商品编码，未保存",
    ),
    "price_change_needs_manager": Wording(
        "line {line} costs {price} in the catalogue; only a manager may sell it at another price",
        "第 {line} 行商品的目录价是 {price}；只有店长可以改价销售",
    ),
    "return_needs_refund": Wording(
        "line {line} is a return: returns go through a refund, with a manager",
        "第 {line} 行是退货：退货请走退款流程，并由店长确认",
    ),
    "payment_code_not_member_no": Wording(
        "this is a {kind} payment code, not a member number",
        "这是{kind}付款码，不能用作会员号",
    ),
    "card_foreign": Wording(
        "not a valid member card: not one of this shop's codes",
        "这不是本店的会员码",
    ),
    "card_incomplete": Wording(
        "not a valid member card: the code is incomplete; scan it again",
        "会员码不完整，请重新扫描",
    ),
    "card_misread": Wording(
        "not a valid member card: the code was misread; scan it again",
        "会员码没有读对，请重新扫描",
    ),
    "card_unknown_version": Wording(
        "not a valid member card: unknown card version",
        "无法识别这种会员卡，不是有效的会员码",
    ),
    "card_not_issued_here": Wording(
        "not a valid member card: not issued by this shop",
        "这张会员卡不是本店发的",
    ),
    "card_no_holder": Wording(
        "not a valid member card: no member holds this card",
        "这张会员卡没有对应的会员",
    ),
    "card_shared": Wording(
        "not a valid member card: another store's member has a card with this number; "
        "find the member by number or phone and print a new card",
        "这张会员卡的卡号与别的门店的会员卡相同，无法确认是谁的卡；请按会员号或手机号查找，并补办新卡",
    ),
    "card_replaced": Wording(
        "not a valid member card: this card was replaced by a newer one",
        "这张会员卡已补办过新卡，旧卡已作废，请使用新卡",
    ),
    "card_invalid_no_match": Wording(
        "not a valid member card, and no member has this number or phone",
        "不是有效的会员码，也没有会员使用这个会员号或手机号",
    ),
}

LOOKUP = {
    "member_ref_missing": Wording(
        "no member given: scan the card, or type a member number or phone",
        "请扫描会员码，或输入会员号或手机号",
    ),
    "member_not_found": Wording(
        "no member has this number or phone",
        "没有找到使用这个会员号或手机号的会员",
    ),
    "member_id_not_found": Wording("no member has this id", "没有找到这个会员 ID"),
    "member_no_not_found": Wording("no member has this member number", "没有找到这个会员号"),
    "member_phone_invalid": Wording("that is not a phone number", "这不是有效的手机号"),
    "member_phone_not_found": Wording("no member has this phone number", "没有会员登记这个手机号"),
    "member_ambiguous": Wording(
        "{count} members match; scan the card, or write no:NUMBER or phone:NUMBER",
        "有 {count} 位会员符合，请扫描会员码，或输入 no:会员号 或 phone:手机号 加以区分",
    ),
}

MEMBERS = {
    "member_no_card_shaped": Wording(
        "this member number would be read as a member card code",
        "这个会员号会被当成会员码读取，请换一个",
    ),
    "member_no_phone_shaped": Wording(
        "a member number may not look like a phone number",
        "会员号不能像手机号，请换一个（会员号和手机号要分开，免得互相认错）",
    ),
    "member_no_format": Wording(
        "a member number is 1 to {maximum} letters, digits or dashes",
        "会员号只能由 1 到 {maximum} 位字母、数字或短横线组成",
    ),
    "member_numbers_used_up": Wording(
        "this store has given out every member number from {first_no} to {last_no}; type a member number",
        "本店的会员号（{first_no} 至 {last_no}）已全部发完，请手动输入会员号",
    ),
    "card_numbers_used_up": Wording(
        "this store has given out every card number from {first_no} to {last_no}",
        "本店的会员卡号（{first_no} 至 {last_no}）已全部发完",
    ),
    "coupon_numbers_used_up": Wording(
        "this store has given out every coupon number up to {last_no}",
        "本店的优惠券编号（至 {last_no}）已全部发完",
    ),
    "duplicate_member": Wording(
        "member number {member_no} is already taken", "会员号 {member_no} 已被使用"
    ),
    "erase_merged_member": Wording(
        "member {member_no} was merged into member {keeper}; erase {keeper}, which erases both",
        "会员 {member_no} 已合并到会员 {keeper}；请删除 {keeper} 的资料，两者会一起删除",
    ),
    "member_closed": Wording(
        "member {member_no} is {status}",
        "会员 {member_no} {status}，不能再消费或变动积分",
    ),
    "member_closed_no_card": Wording(
        "member {member_no} is {status}; no card can be printed",
        "会员 {member_no} {status}，不能打印会员卡",
    ),
    "name_missing": Wording("a member needs a name", "请填写会员姓名"),
    "name_no_letter": Wording(
        "a name needs at least one letter or digit", "姓名里至少要有一个文字或数字"
    ),
    "name_too_long": Wording("a name has at most {maximum} characters", "姓名最多 {maximum} 个字"),
    "email_too_long": Wording(
        "an e-mail address has at most {limit} characters",
        "邮箱地址最多 {limit} 个字符",
    ),
    "email_format": Wording(
        "the e-mail address is not written like name@example.com",
        "邮箱格式不对，应类似 name@example.com",
    ),
    "birthday_format": Wording(
        "the birthday is not a date like 1990-05-31", "生日格式不对，请写成 1990-05-31"
    ),
    "birthday_future": Wording("the birthday is in the future", "生日不能晚于今天"),
    "phone_not_digits": Wording(
        "that is not a phone number", "手机号只能包含数字（可带空格、短横线或 +86）"
    ),
    "phone_length": Wording(
        "a phone number has {minimum} to {maximum} digits",
        "手机号应为 {minimum} 到 {maximum} 位数字",
    ),
    "merge_same_member": Wording(
        "a member cannot be merged with themselves", "不能把会员和自己合并"
    ),
}

MONEY = {
    "currency_unknown": Wording(
        "unknown currency; use an ISO 4217 code such as CNY",
        "不认识这个币种，请填写 ISO 4217 代码，例如 CNY",
    ),
    "amount_empty": Wording("{field} is empty; write it like 12.50", "请填写{field}，例如 12.50"),
    "amount_not_number": Wording(
        "{field} is not a number; write it like 12.50",
        "{field}不是数字，请写成 12.50 这样的格式",
    ),
    "amount_too_precise": Wording(
        "{field} has more decimals than {currency} allows ({decimals}); amounts are never rounded",
        "{field}的小数位太多：{currency} 最多 {decimals} 位小数，系统不会自动四舍五入",
    ),
    "decimals_exceeded": Wording(
        "{field} has more than {decimals} decimals", "{field}最多只能有 {decimals} 位小数"
    ),
    "amount_too_large": Wording("{field} is too large", "{field}数值过大"),
    "amount_exponent": Wording(
        "{field} has an exponent; write it in plain digits like 12.50",
        "{field}不能用科学计数法，请直接写成 12.50 这样的数字",
    ),
    "amount_too_many_digits": Wording(
        "{field} has more than {maximum} digits", "{field}最多只能有 {maximum} 位数字"
    ),
    "amount_negative": Wording("{field} may not be negative", "{field}不能是负数"),
    "unit_price_negative": Wording("{field} may not be negative", "{field}不能是负数"),
    "quantity_zero": Wording("{field} may not be zero", "{field}不能为 0"),
    "quantity_too_large": Wording("{field} may be at most {maximum}", "{field}不能超过 {maximum}"),
}

SALES = {
    "id_format": Wording(
        "{field} must be 1 to {maximum} visible characters",
        "{field}须为 1 到 {maximum} 个可见字符",
    ),
    "sale_member_missing": Wording(
        "a sale at the till needs a member", "收银时请先扫描会员码或输入会员号"
    ),
    "sale_total_or_lines": Wording(
        "give either a total or lines, not both and not neither",
        "请填写合计金额或商品明细，二者选其一",
    ),
    "sale_line_format": Wording(
        "a sale line is written SKU,QTY,UNIT_PRICE[,CATEGORY[,DISCOUNT]], "
        "with no commas inside a value",
        "商品行的写法是：商品编码,数量,单价[,品类[,折扣]]，各项内容里不能有逗号",
    ),
    "line_sku_missing": Wording("{field} is missing", "{field}没有填写"),
    "line_text_too_long": Wording(
        "{field} has at most {maximum} characters", "{field}最多 {maximum} 个字符"
    ),
    "line_amount_too_large": Wording(
        "{field} comes to more than a till can take", "{field}金额过大，超出收银上限"
    ),
    "basket_too_large": Wording(
        "the basket comes to more than a till can take", "这单商品金额过大，超出收银上限"
    ),
    "basket_negative": Wording(
        "the basket is worth less than nothing; post returns as a refund",
        "这单金额为负数；退货请按退货办理",
    ),
    "discount_without_goods": Wording(
        "nothing in the basket to take a discount from", "没有可以打折的商品"
    ),
    "discount_negative": Wording("a discount may not be negative", "折扣不能是负数"),
    "discount_exceeds_basket": Wording(
        "the discount {discount} is more than the basket {basket}",
        "折扣 {discount} 超过了商品金额 {basket}",
    ),
    "line_discount_on_return": Wording(
        "line {line} is a return: it cannot take a discount", "第 {line} 行是退货，不能打折"
    ),
    "line_discount_exceeds_line": Wording(
        "the discount {discount} on line {line} is more than the line {amount}",
        "第 {line} 行的折扣 {discount} 超过了该行金额 {amount}",
    ),
    "id_conflict": Wording(
        "{field} {id} was already used for a different request; use a new one",
        "{field} {id} 已用于另一笔不同的操作，请换一个新的{field}",
    ),
    "sale_id_other_member": Wording(
        "sale id {id} was already used for a sale to another member; use a new sale id",
        "销售单号 {id} 已用于另一位会员的消费，请换一个新单号",
    ),
    "sale_id_taken": Wording(
        "sale id {id} is already used; start a new basket",
        "销售单号 {id} 已被使用，请开始新的一单",
    ),
    "request_id_other_member": Wording(
        "request id {id} was already used for another member; use a new request id",
        "请求编号 {id} 已用于另一位会员，请换一个新编号",
    ),
    "earn_limit": Wording(
        "this sale would earn {points} points; check the programme's earning rules",
        "这笔消费将获得 {points} 积分，数额异常，请检查积分方案的累积规则",
    ),
}

PRODUCTS = {
    "unknown_product": Wording(
        "no product has this SKU or barcode", "没有找到这个商品编码或条码对应的商品"
    ),
    "product_text_format": Wording(
        "{field} must be 1 to {maximum} visible characters",
        "{field}须为 1 到 {maximum} 个可见字符",
    ),
    "product_name_format": Wording(
        "a product name is 1 to {maximum} characters with at least one letter or digit",
        "商品名称须为 1 到 {maximum} 个字，且至少有一个文字或数字",
    ),
    "barcode_taken": Wording(
        "another product ({sku}) already has this barcode", "条码已被另一个商品（{sku}）使用"
    ),
    "product_twice_in_file": Wording(
        "{sku} is already in the file at row {row}", "商品 {sku} 在文件第 {row} 行已经出现过"
    ),
}

REDEMPTION = {
    "redeem_negative": Wording("points to redeem may not be negative", "使用的积分不能是负数"),
    "redeem_without_member": Wording("only a member can pay with points", "只有会员才能用积分抵扣"),
    "redeem_exceeds_balance": Wording(
        "the member can spend {spendable} points, not {points}",
        "该会员可用积分为 {spendable} 分，不够使用 {points} 分",
    ),
    "redeem_below_minimum": Wording(
        "at least {minimum} points must be redeemed at once", "每次至少使用 {minimum} 积分"
    ),
    "redeem_not_whole_steps": Wording(
        "points are redeemed in steps of {step} (each step pays {step_pays}); "
        "{points} is not a whole number of steps",
        "积分只能按 {step} 分的整数倍使用（每 {step} 分抵 {step_pays}），{points} 分不行",
    ),
    "redeem_exceeds_share": Wording(
        "at most {max_points} points may pay for this sale "
        "(points pay at most {max_share_pct}% of it)",
        "这笔消费最多可用 {max_points} 积分（积分最多抵扣消费金额的 {max_share_pct}%）",
    ),
}

REFUNDS = {
    "unknown_sale": Wording(
        "no such sale was recorded here", "本店没有这笔销售记录，请核对销售单号"
    ),
    "refund_needs_manager": Wording(
        "a refund needs a manager's name and PIN", "退款需要店长输入姓名和 PIN 码"
    ),
    "refund_amount_or_lines": Wording(
        "give either an amount or lines to refund, not both and not neither",
        "请填写退货金额或退货商品，二者选其一",
    ),
    "refund_line_format": Wording(
        "a refund line is written SKU,QTY", "退货行的写法是：商品编码,数量"
    ),
    "refund_lines_of_total_sale": Wording(
        "this sale was rung up as a total; refund it with an amount",
        "这笔销售是按合计金额收银的，请按金额退货",
    ),
    "refund_quantity_not_positive": Wording(
        "the quantity returned of {sku} must be more than 0",
        "退货商品 {sku} 的数量必须大于 0",
    ),
    "refund_sku_not_on_sale": Wording("{sku} is not on this sale", "这笔销售里没有商品 {sku}"),
    "refund_exceeds_quantity_left": Wording(
        "more {sku} returned than is left of the {bought} bought",
        "商品 {sku} 的退货数量超过了剩余可退的数量（原购买 {bought}）",
    ),
    "refund_amount_not_positive": Wording(
        "a refund amount must be more than 0", "退货金额必须大于 0"
    ),
    "refund_exceeds_sale_left": Wording(
        "the refund {amount} is more than is left of the sale ({left})",
        "退货金额 {amount} 超过了这笔销售剩余可退的 {left}",
    ),
    "refund_goods_exceed_sale_left": Wording(
        "these goods are worth {amount}, more than is left of the sale ({left})",
        "这些商品价值 {amount}，超过了这笔销售剩余可退的 {left}",
    ),
    "refund_before_sale": Wording(
        "a refund cannot happen before its sale", "退货时间不能早于原销售时间"
    ),
    "refund_nothing_left": Wording("this sale has nothing to refund", "这笔销售没有可退的金额"),
}

POINTS = {
    "adjust_reason_missing": Wording("a points correction needs a reason", "调整积分必须填写原因"),
    "adjust_points_range": Wording(
        "a correction is a non-zero number of points up to {maximum}",
        "调整的积分不能为 0，也不能超过 {maximum}",
    ),
    "adjust_exceeds_balance": Wording(
        "member {member_no} has {spendable} points; cannot take {points}",
        "会员 {member_no} 只有 {spendable} 积分，不能扣除 {points} 分",
    ),
    "unknown_activity": Wording(
        "the programme gives no points for this activity (it knows: {known})",
        "积分方案没有为这项活动设置积分（已设置的活动：{known}）",
    ),
    "already_awarded": Wording(
        "member {member_no} already had the {activity} points allowed on {day} ({limit} a day)",
        "会员 {member_no} 在 {day} 已领过“{activity}”积分，每天最多 {limit} 次",
    ),
    "birthday_already_awarded": Wording(
        "member {member_no} already had birthday points for this birthday",
        "会员 {member_no} 这次生日的积分已经发过了",
    ),
    "no_birthday": Wording(
        "member {member_no} has no birthday on file; birthday points need one",
        "会员 {member_no} 没有登记生日，不能发放生日积分",
    ),
    "outside_birthday_window": Wording(
        "birthday points are given only within {window_days} days of the member's birthday",
        "生日积分只能在会员生日前后 {window_days} 天内发放",
    ),
    "expire_future": Wording(
        "points cannot be expired as of a time in the future", "不能按未来的时间执行积分过期"
    ),
    "backdate_future": Wording(
        "that time is in the future; nothing can be recorded before it happens",
        "填写的时间还没到，不能提前登记",
    ),
    "before_enrolment": Wording(
        "member {member_no} joined at {joined}; nothing can be recorded for them before that",
        "会员 {member_no} 于 {joined} 入会，不能登记入会之前的记录",
    ),
    "time_format": Wording(
        "the {field} cannot be read; write 2025-03-01 or 2025-03-01T14:30:00+08:00",
        "{field}的格式不对，请写成 2025-03-01 或 2025-03-01T14:30:00+08:00",
    ),
    "time_out_of_range": Wording(
        "the {field} is outside the years {minimum}–{maximum}",
        "{field}须在 {minimum} 年到 {maximum} 年之间",
    ),
    "member_total_too_large": Wording(
        "member {member_no}'s {total} would become larger than the program can keep; "
        "nothing was changed",
        "会员 {member_no} 的{total}将超出系统能记录的上限，没有做任何更改",
    ),
    # A change pulled from the chain's log that this till kept aside (services/pull.py).
    "pulled_coupon_offer_unknown": Wording(
        "the coupons' offer {offer} is not known at this till",
        "本机没有这些优惠券所属的活动 {offer}",
    ),
    "pulled_change_unreadable": Wording(
        "the change cannot be read at this till ({problem})",
        "本机无法读取这条更改（{problem}）",
    ),
    "profile_unreadable": Wording(
        "a member's profile from another store is not written as a till writes it",
        "其他门店发来的会员资料格式不对，未采用",
    ),
    "pulled_member_never_came": Wording(
        "the member's record has not come from the server, and this till no longer waits for "
        "it: their changes from here on were not applied",
        "服务器一直没有发来该会员的资料，本机不再等待：从这条起该会员的更改未应用",
    ),
    "refund_unknown_here": Wording(
        "sale {sale} was refunded after the backup this till was restored from; what was "
        "paid back is not known here, so it is not refunded again",
        "销售单 {sale} 在本机所恢复的备份之后已办理过退货；本机不知道当时退了多少，"
        "因此不再为它退货",
    ),
    "restored_sync_first": Wording(
        "this till was restored from a backup and has not synced with the chain's server "
        "since: enrolling, card printing, coupons, paying with points and refunds wait until "
        "it has (Send now on the Sync page, or loyalty sync --once)",
        "本机已从备份恢复，之后尚未与总部服务器同步：同步一次之前，入会、打印会员卡、"
        "发放和使用优惠券、积分支付和退货都暂不能办理（同步页面的“立即发送”，或 loyalty sync --once）",
    ),
    "pulled_change_conflict": Wording(
        "the change uses an id this till already has for another record",
        "这条更改使用的编号在本机已属于另一条记录",
    ),
}
