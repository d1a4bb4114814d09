"""The programme services of the back office: preview equals a real sale, saving is audited, cashiers refused."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest

from loyalty_desktop.app import Opened
from loyalty_desktop.demo.programme import program_text
from loyalty_desktop.domain.errors import PermissionDenied
from loyalty_desktop.domain.program_file import parse_program
from loyalty_desktop.domain.program_writer import write_program
from loyalty_desktop.services import browsing, checkout, members, programs
from loyalty_desktop.services.auth import LOCAL_ADMIN, Actor, Role
from loyalty_desktop.services.programme_preview import preview_earn
from tests.conftest import FixedClock

CASHIER = Actor("Cai", Role.CASHIER)
MANAGER = Actor("Mia", Role.MANAGER)


@pytest.fixture
def demo_shop(opened: Opened, clock: FixedClock) -> Opened:
    """The demo programme in force, its campaigns dated around the test's clock."""
    today = clock.now().date()
    text = program_text(today - timedelta(days=400), today)
    programs.load_program(opened.shop, LOCAL_ADMIN, text, "demo.toml")
    return opened


@pytest.mark.parametrize("days_back", [0, 1, 2, 3, 4, 5, 6, 10])
def test_the_preview_earns_exactly_what_a_silver_members_real_sale_earns(
    demo_shop: Opened, clock: FixedClock, days_back: int
) -> None:
    shop = demo_shop.shop
    clock.advance(days=-60)
    member = members.enrol(
        shop, LOCAL_ADMIN, members.NewMember("白银会员", birthday=date(1990, 2, 14))
    )
    checkout.checkout(
        shop, LOCAL_ADMIN, checkout.SaleRequest("S-seed", member.member_no, total="300")
    )
    clock.advance(days=60)
    at = clock.now() - timedelta(days=days_back)
    program = programs.show_program(shop, MANAGER).program
    in_birthday_month = checkout.local_date_of(at, program).month == 2
    preview = preview_earn(
        shop, MANAGER, program, "100.00", tier="白银", at=at, birthday_month=in_birthday_month
    )
    sale = checkout.checkout(
        shop,
        MANAGER,
        checkout.SaleRequest(f"S-{days_back}", member.member_no, total="100.00", at=at),
    )
    assert sale.tier_discount == preview.tier_discount == 200  # Silver's 2 %: the tier held
    assert (preview.points, preview.paid) == (sale.earned, sale.paid)
    assert preview.campaigns == sale.campaigns


def test_a_category_in_a_campaign_and_an_excluded_category_show_in_the_preview(
    demo_shop: Opened,
) -> None:
    shop = demo_shop.shop
    program = programs.show_program(shop, MANAGER).program
    plain = preview_earn(shop, MANAGER, program, "100.00", tier="青铜", category="snacks")
    tobacco = preview_earn(shop, MANAGER, program, "100.00", tier="青铜", category="tobacco")
    assert plain.points >= 100
    assert tobacco.points == 0


def test_saving_an_edited_programme_makes_a_new_audited_version_in_force(
    demo_shop: Opened,
) -> None:
    shop = demo_shop.shop
    before = programs.show_program(shop, MANAGER)
    levels = tuple(
        replace(lvl, threshold=Decimal(300)) if lvl.name == "白银" else lvl
        for lvl in before.program.tiers.levels
    )
    edited = replace(before.program, tiers=replace(before.program.tiers, levels=levels))
    saved = programs.load_program(shop, MANAGER, write_program(edited), "back office")
    assert saved.version == before.version + 1
    assert programs.show_program(shop, MANAGER).program == edited
    versions = programs.program_versions(shop, MANAGER)
    assert [(v.version, v.loaded_by, v.source, v.in_force) for v in versions[:2]] == [
        (saved.version, "Mia", "back office", True),
        (before.version, "local-admin", "demo.toml", False),
    ]
    audit = browsing.audit_log(shop, MANAGER)
    assert audit.rows[0].action == "program.load"
    assert audit.rows[0].actor == "Mia"
    exported = programs.export_program(shop, MANAGER)
    assert parse_program(exported.text) == edited


def test_a_cashier_is_refused_every_programme_office_action(demo_shop: Opened) -> None:
    shop = demo_shop.shop
    program = programs.show_program(shop, CASHIER).program
    attempts = [
        lambda: preview_earn(shop, CASHIER, program, "100.00", tier=None),
        lambda: programs.export_program(shop, CASHIER),
        lambda: programs.program_versions(shop, CASHIER),
        lambda: programs.load_program(shop, CASHIER, write_program(program), "back office"),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionDenied):
            attempt()
    assert len(programs.program_versions(shop, MANAGER)) == 1
