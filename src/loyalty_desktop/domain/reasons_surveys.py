"""Refusals around satisfaction surveys: scores, the sale an answer is about, survey files."""

from __future__ import annotations

from loyalty_desktop.domain.wording import Wording

SURVEYS = {
    "survey_score_not_number": Wording(
        "a score is a whole number, not {value}", "评分须为整数，不能是 {value}"
    ),
    "survey_score_range": Wording(
        "a score on this shop's scale is {minimum} to {maximum}, not {value}",
        "本店的评分须为 {minimum} 到 {maximum}，不能是 {value}",
    ),
    "survey_scale_unknown": Wording(
        "the survey scale is stars (1-5) or nps (0-10), not {value}",
        "评分方式须为 stars（1-5 星）或 nps（0-10 分），不能是 {value}",
    ),
    "survey_sale_other_member": Wording(
        "sale {sale} was not made to this member", "销售单 {sale} 不是该会员的消费"
    ),
    "survey_sale_answered": Wording(
        "sale {sale} already has an answer ({value}, taken {at}); the first answer stands",
        "销售单 {sale} 已有评价（{value}，{at} 记录），以第一次评价为准",
    ),
    "survey_before_sale": Wording(
        "the answer about sale {sale} is dated {at}, before the sale itself ({sale_at})",
        "销售单 {sale} 的评价时间 {at} 早于该笔消费本身（{sale_at}）",
    ),
    "survey_sale_twice_in_file": Wording(
        "sale {sale} is already answered at row {row} of this file",
        "销售单 {sale} 在本文件第 {row} 行已有评价",
    ),
}
