"""Every permission, tried with every role and with nobody signed in, through the service that needs it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from loyalty_desktop.app import Opened, open_database
from loyalty_desktop.domain.errors import PermissionDenied
from loyalty_desktop.services import (
    backups,
    browsing,
    chain_redemption,
    checkout,
    imports,
    integrity,
    member_profile,
    member_view,
    members,
    merge,
    points,
    privacy,
    products,
    programs,
    refunds,
    reports,
    staff,
    sync,
    till_policy,
)
from loyalty_desktop.services.auth import (
    LOCAL_ADMIN,
    NOT_SIGNED_IN,
    Actor,
    Permission,
    Role,
    lowest_role,
)
from tests.conftest import FixedClock

PROGRAM = """
currency = "CNY"
timezone = "Asia/Shanghai"
[earn]
points = 1
per = "1.00"
[activity]
review = 10
"""

Attempt = Callable[[Opened, Actor, dict[str, Any]], object]


def _sale(o: Opened, a: Actor, s: dict[str, Any]) -> object:
    return checkout.checkout(o.shop, a, checkout.SaleRequest("S-new", s["no"], total="5.00"))


def _large_discount(o: Opened, a: Actor, s: dict[str, Any]) -> object:
    till_policy.set_till_rules(o.shop, LOCAL_ADMIN, discount_limit="10")
    sale = checkout.SaleRequest("S-off", s["no"], total="10.00", discount="5.00")
    return checkout.checkout(o.shop, a, sale)


def _backdated_sale(o: Opened, a: Actor, s: dict[str, Any]) -> object:
    at = o.shop.clock.now() - timedelta(days=2)
    return checkout.checkout(o.shop, a, checkout.SaleRequest("S-old", s["no"], total="5.00", at=at))


ATTEMPTS: dict[Permission, Attempt] = {
    Permission.VIEW_PROGRAM: lambda o, a, s: programs.show_program(o.shop, a),
    Permission.FIND_MEMBER: lambda o, a, s: member_view.show_member(o.shop, a, s["no"]),
    Permission.BROWSE_MEMBERS: lambda o, a, s: browsing.list_members(o.shop, a),
    Permission.AUDIT: lambda o, a, s: browsing.audit_log(o.shop, a),
    Permission.ENROL: lambda o, a, s: members.enrol(o.shop, a, members.NewMember("新人")),
    Permission.SELL: _sale,
    Permission.AWARD: lambda o, a, s: points.award(o.shop, a, s["no"], "review"),
    Permission.PRINT_CARD: lambda o, a, s: members.member_card(
        o.shop, a, s["no"], deliver=lambda m, code, shop: code
    ),
    Permission.REFUND: lambda o, a, s: refunds.refund(
        o.shop, a, refunds.RefundRequest("R-new", "S-first", amount="1.00")
    ),
    Permission.ADJUST: lambda o, a, s: points.adjust(o.shop, a, s["no"], 5, "x", "Q-new"),
    Permission.MERGE: lambda o, a, s: merge.merge_members(o.shop, a, s["no"], s["other"]),
    Permission.IMPORT: lambda o, a, s: imports.import_members(o.shop, a, s["csv"]),
    Permission.EXPORT: lambda o, a, s: privacy.export_member(o.shop, a, s["no"], deliver=len),
    Permission.ERASE: lambda o, a, s: privacy.erase_member(o.shop, a, s["other"]),
    Permission.EXPIRE: lambda o, a, s: points.expire(o.shop, a),
    Permission.BACKDATE: _backdated_sale,
    Permission.PROGRAM: lambda o, a, s: programs.load_program(o.shop, a, PROGRAM, "p.toml"),
    Permission.REPORTS: lambda o, a, s: reports.report(o.shop, a, "kpis"),
    Permission.STAFF: lambda o, a, s: staff.add_staff(o.shop, a, "Max", "admin", "1234"),
    Permission.CHECK: lambda o, a, s: integrity.check(o.shop, a, o.integrity),
    Permission.PRODUCTS: lambda o, a, s: products.save_product(
        o.shop, a, "P-new", name="新商品", price="3.50"
    ),
    Permission.EDIT_MEMBER: lambda o, a, s: member_profile.edit_profile(
        o.shop, a, s["no"], member_profile.ProfileEdit(email="new@example.com")
    ),
    Permission.CASHIERS: lambda o, a, s: staff.list_staff(o.shop, a),
    Permission.TILL_RULES: lambda o, a, s: till_policy.set_till_rules(
        o.shop, a, refund_limit="10.00"
    ),
    Permission.DISCOUNT: _large_discount,
    Permission.BACKUP: lambda o, a, s: backups.list_backups(o.shop, a),
    Permission.SYNC: lambda o, a, s: sync.connect(o.shop, a, "http://hq", "t0ken", "store-1"),
    Permission.SYNC_LIMITS: lambda o, a, s: chain_redemption.set_redemption_limits(
        o.shop, a, member_allowance=300
    ),
}

ACTORS = {
    "cashier": Actor("Cai", Role.CASHIER),
    "manager": Actor("Mia", Role.MANAGER),
    "admin": Actor("Boss", Role.ADMIN),
    "nobody": NOT_SIGNED_IN,
}


def test_every_permission_has_an_attempt() -> None:
    assert set(ATTEMPTS) == set(Permission)


@pytest.fixture
def shop(tmp_path: Path, clock: FixedClock) -> tuple[Opened, dict[str, Any]]:
    clock.advance(days=-30)
    opened = open_database(tmp_path / "shop.db", clock=clock)
    programs.load_program(opened.shop, LOCAL_ADMIN, PROGRAM, "p.toml")
    first = members.enrol(opened.shop, LOCAL_ADMIN, members.NewMember("张三"))
    other = members.enrol(opened.shop, LOCAL_ADMIN, members.NewMember("张三 (duplicate)"))
    clock.advance(days=30)
    checkout.checkout(
        opened.shop, LOCAL_ADMIN, checkout.SaleRequest("S-first", first.member_no, total="50.00")
    )
    path = tmp_path / "members.csv"
    path.write_text("member_no,name,phone,email,birthday,consent\nI1,导入,,,,\n", encoding="utf-8")
    yield opened, {"no": first.member_no, "other": other.member_no, "csv": path}
    opened.engine.dispose()


@pytest.mark.parametrize("who", list(ACTORS))
@pytest.mark.parametrize("permission", list(Permission), ids=lambda p: p.value)
def test_each_permission_is_refused_below_its_role_and_allowed_from_it(
    shop: tuple[Opened, dict[str, Any]], permission: Permission, who: str
) -> None:
    opened, subjects = shop
    actor = ACTORS[who]
    allowed = actor.may(permission)
    if who == "nobody":
        assert allowed is (permission in (Permission.VIEW_PROGRAM, Permission.CHECK))
    else:
        assert allowed is (actor.role.rank >= lowest_role(permission).rank)
    attempt = ATTEMPTS[permission]
    if allowed:
        attempt(opened, actor, subjects)  # no refusal of any kind
    else:
        with pytest.raises(PermissionDenied) as refused:
            attempt(opened, actor, subjects)
        expected = "sign_in_required" if who == "nobody" else "permission_denied"
        assert refused.value.code == expected
