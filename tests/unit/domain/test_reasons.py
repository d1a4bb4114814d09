"""The catalogue says every refusal in English and Chinese, filled from its details."""

from __future__ import annotations

import re

import pytest

from loyalty_desktop.domain import (
    reasons_backups,
    reasons_events,
    reasons_imports,
    reasons_members,
    reasons_offers,
    reasons_office,
    reasons_programme,
    reasons_receipts,
    reasons_rewards,
    reasons_staff,
    reasons_stores,
    reasons_surveys,
    reasons_till,
)
from loyalty_desktop.domain.cards import payment_kind
from loyalty_desktop.domain.errors import InvalidAmount, InvalidRequest, LoyaltyError
from loyalty_desktop.domain.members import MemberStatus
from loyalty_desktop.domain.reasons import FIELDS, REASONS, VALUES, describe, language_of, say
from loyalty_desktop.domain.wording import Wording
from loyalty_desktop.services.auth import Permission, Role

HAN = re.compile(r"[\u4e00-\u9fff]")

# A value of the right kind for every placeholder any template uses.
SAMPLES: dict[str, object] = {
    "event": "Tea tasting",
    "categories": "kitchen, drinks",
    "segment": "champions",
    "stage": "loyal",
    "offer": "Double points for Gold",
    "backup": "/var/lib/loyalty/backups/shop-0011.db",
    "churned": 120,
    "cutoff": "2026-06-01",
    "horizon_days": 90,
    "members": 15,
    "field": "total",
    "line": 3,
    "kind": "Alipay",
    "status": "erased",
    "role": "cashier",
    "needed": "manager",
    "permission": "adjust",
    "activity": "check_in",
    "total": "lifetime_spend",
    "file_kind": "key file",
    "allowed": ["earn", "expiry"],
    "choices": ["kpis", "liability"],
    "known": ["review", "check_in"],
    "missing": ["𠮷"],
    "currency": "CNY",
    "decimals": 2,
    "minimum": 1,
    "maximum": 100,
    "first_no": "101000001",
    "last_no": "101999999",
    "step": 2,
    "step_pays": "0.01",
    "points": 150,
    "available": 120,
    "allowance": 500,
    "used": 400,
    "cap": 5000,
    "exposure": 4900,
    "max_hours": 24,
    "last_pull": "2026-12-06T09:00:00+00:00",
    "spendable": 100,
    "max_points": 50,
    "max_share_pct": "50",
    "member_no": "M001",
    "id": "S1",
    "count": 2,
    "discount": "30.00",
    "basket": "20.00",
    "amount": "10.00",
    "left": "5.00",
    "sku": "A1",
    "bought": "2",
    "day": "2025-03-01",
    "joined": "2025-01-01T09:00:00+08:00",
    "limit": 1,
    "window_days": 7,
    "locked_until": "2025-03-01T10:05:00+00:00",
    "wrong_pins": 5,
    "minutes": 5,
    "where": "shop.toml:12",
    "document": "programme",
    "key": "earn.points",
    "source": "shop.toml",
    "problem": "Expected '=' after a key (at line 3, column 5)",
    "example": "0.5",
    "value": "x",
    "tier": "Gold",
    "threshold": "1000",
    "start": "2025-02-01",
    "end": "2025-01-01",
    "campaign": "Double weekend",
    "recorded": "CNY",
    "wanted": "HKD",
    "folder": "/home/shop/.config/loyalty",
    "file": "/home/shop/card.png",
    "variable": "LOYALTY_CARD_FONT",
    "row": 12,
    "expected": "sale_id,member_ref,at",
    "found": "sale_id,member",
    "likely_encoding": "cp1252",
    "encoding": "gbk",
    "byte": 1024,
    "keeper": "M002",
    "target": "192.168.1.50:9100",
    "seconds": "5",
    "price": "999.00",
    "reward": "Free coffee",
    "stock": 20,
    "tiers": ["Gold", "Silver"],
    "at": "2025-03-01 10:20:00",
    "first": "2025-03-01 10:00:00",
    "sale": "S1",
    "sale_at": "2025-03-01 09:55:00",
    "rows": "3, 4",
    "column": "mobile",
    "fields": ["points"],
    "percent": 10,
    "staff": "Cai",
    "detail": "disk I/O error",
    "revision": "0009",
    "seq": 41,
}


def test_every_placeholder_has_a_sample() -> None:
    used = set().union(*(w.placeholders for w in REASONS.values()))
    assert used <= set(SAMPLES), sorted(used - set(SAMPLES))


@pytest.mark.parametrize("reason", sorted(REASONS))
def test_every_reason_reads_in_english_and_chinese_with_every_placeholder_filled(
    reason: str,
) -> None:
    details = {name: SAMPLES[name] for name in REASONS[reason].placeholders}
    english, chinese = say(reason, details, "en"), say(reason, details, "zh_CN")
    assert english is not None
    assert chinese is not None
    for text in (english, chinese):
        assert "{" not in text
        assert "}" not in text
    assert HAN.search(chinese), chinese
    assert not HAN.search(english), english


@pytest.mark.parametrize("reason", sorted(REASONS))
def test_chinese_templates_use_chinese_punctuation(reason: str) -> None:
    chinese = REASONS[reason].zh
    assert not re.search(r"[;()]|[,:](?=\s)", chinese), chinese
    assert not chinese.endswith(("。", ".")), "templates are sentences a screen may end itself"


def test_reasons_are_lower_snake_case_and_no_part_of_the_catalogue_hides_another() -> None:
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", reason) for reason in REASONS)
    parts = [
        value
        for module in (
            reasons_till,
            reasons_office,
            reasons_receipts,
            reasons_rewards,
            reasons_imports,
            reasons_members,
            reasons_programme,
            reasons_staff,
            reasons_backups,
            reasons_stores,
            reasons_events,
            reasons_surveys,
            reasons_offers,
        )
        for value in vars(module).values()
        if isinstance(value, dict) and all(isinstance(w, Wording) for w in value.values())
    ]
    assert sum(len(part) for part in parts) == len(REASONS)


def test_a_basket_lines_field_is_named_with_its_line_number() -> None:
    refused = InvalidAmount(
        "line 3 quantity may not be zero", reason="quantity_zero", field="quantity", line=3
    )
    assert describe(refused, "zh_CN") == "第 3 行的数量不能为 0"
    assert describe(refused, "en") == "line 3 quantity may not be zero"
    whole = InvalidAmount("total is empty", reason="amount_empty", field="total", line=None)
    assert describe(whole, "zh_CN") == "请填写合计金额，例如 12.50"


def test_values_in_the_programs_words_are_said_in_the_persons() -> None:
    refused = LoyaltyError(
        "x", reason="role_too_low", role="cashier", permission="adjust", needed="manager"
    )
    assert describe(refused, "zh_CN") == "收银员没有权限调整积分，请店长来操作"
    code = LoyaltyError("x", reason="payment_code_not_card", kind="WeChat Pay")
    assert describe(code, "zh-CN") == "这是微信付款码，不是会员码，请扫描会员卡"
    listed = LoyaltyError("x", reason="unknown_activity", known=[])
    assert describe(listed, "zh_CN") == "积分方案没有为这项活动设置积分（已设置的活动：无）"


def test_the_redemption_step_reads_as_the_shop_says_it() -> None:
    refused = LoyaltyError(
        "x", reason="redeem_not_whole_steps", step=2, step_pays="0.01", points=3, field="redeem"
    )
    assert describe(refused, "zh_CN") == "积分只能按 2 分的整数倍使用（每 2 分抵 0.01），3 分不行"


@pytest.mark.parametrize("locale", ["fr_FR", "zh_TW", "zh-Hant", "ja", ""])
def test_a_locale_not_shipped_gets_the_english_message(locale: str) -> None:
    refused = InvalidRequest("a PIN is 4 to 12 digits", reason="pin_format", minimum=4, maximum=12)
    assert describe(refused, locale) == "a PIN is 4 to 12 digits"


def test_an_unknown_reason_or_a_missing_detail_gets_the_english_message() -> None:
    assert describe(LoyaltyError("as written", reason="no_such_reason"), "zh_CN") == "as written"
    assert describe(LoyaltyError("as written", reason="pin_format"), "zh_CN") == "as written"


@pytest.mark.parametrize(
    ("locale", "language"),
    [("en", "en"), ("en_GB", "en"), ("zh_CN", "zh"), ("zh-Hans-CN", "zh"), ("zh_SG", "zh")],
)
def test_locale_names_are_read_as_people_write_them(locale: str, language: str) -> None:
    assert language_of(locale) == language


def test_every_permission_role_status_and_payment_app_has_words() -> None:
    assert {p.value for p in Permission} == set(VALUES["permission"])
    assert {r.value for r in Role} == set(VALUES["role"])
    assert {s.value for s in MemberStatus} == set(VALUES["status"])
    shapes = ["134567890123456789", "2512345678901234", "6212345678901234567"]
    assert {payment_kind(code) for code in shapes} == set(VALUES["kind"])


def test_field_labels_are_said_in_both_languages() -> None:
    for name, label in FIELDS.items():
        assert HAN.search(label.zh), name
        assert not HAN.search(label.en), name
