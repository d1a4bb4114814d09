"""Tiers measured on each basis the programme file offers, as the till and the nightly job see them."""

from datetime import timedelta

from loyalty_desktop.domain.tier_changes import TierCause
from loyalty_desktop.services import member_record, points, programs
from loyalty_desktop.services.auth import LOCAL_ADMIN
from tests.unit.services.conftest import ShopDriver
from tests.unit.services.test_refunds import refund

LEVELS = """
[earn]
points = 1
per = "1.00"
[activity]
review = 10
[[tiers.levels]]
name = "Member"
threshold = "0"
[[tiers.levels]]
name = "VIP"
threshold = "{vip}"
"""


def load(driver: ShopDriver, head: str, vip: str) -> None:
    programs.load_program(driver.shop, LOCAL_ADMIN, head + LEVELS.format(vip=vip), "tiers.toml")


def test_rolling_spend_tier_lapses_when_the_window_moves_on(driver: ShopDriver) -> None:
    load(driver, '[tiers]\nbasis = "rolling_spend"\nwindow_days = 90\n', "500")
    m = driver.enrol()
    assert driver.sell("S1", m.member_no, "600.00").tier == "VIP"
    driver.clock.advance(days=91)
    assert driver.show(m.member_no).tier == "Member"
    points.expire(driver.shop, LOCAL_ADMIN)  # the nightly job re-measures cached tiers
    assert driver.database.store.members[m.id].tier == "Member"
    moves = member_record.tier_history(driver.shop, LOCAL_ADMIN, m.member_no)
    assert (moves[0].cause, moves[0].before, moves[0].after, moves[0].at) == (
        TierCause.REVIEW,
        "VIP",
        "Member",
        driver.clock.now(),
    )


def test_refunded_spend_does_not_count_towards_a_tier(driver: ShopDriver) -> None:
    load(driver, "", "500")
    m = driver.enrol()
    driver.sell("S1", m.member_no, "600.00")
    refund(driver, "R1", "S1", amount="200.00")
    shown = driver.show(m.member_no)
    assert (shown.tier, shown.spend) == ("Member", 40000)


def test_points_paid_do_not_count_as_tier_spend(driver: ShopDriver) -> None:
    load(driver, "", "500")
    m = driver.enrol()
    driver.sell("S1", m.member_no, "400.00")  # 400 points
    sale = driver.sell("S2", m.member_no, "100.00", redeem=400)  # 4.00 of it in points
    assert (sale.paid, sale.tier) == (9600, "Member")
    assert driver.show(m.member_no).spend == 49600
    assert driver.sell("S3", m.member_no, "4.00").tier == "VIP"


def test_points_earned_basis_counts_activity_and_not_reversed_points(driver: ShopDriver) -> None:
    load(driver, '[tiers]\nbasis = "points_earned"\n', "100")
    m = driver.enrol()
    driver.sell("S1", m.member_no, "95.00")
    assert driver.show(m.member_no).tier == "Member"
    assert points.award(driver.shop, LOCAL_ADMIN, m.member_no, "review").tier == "VIP"
    refund(driver, "R1", "S1", amount="10.00")
    assert driver.show(m.member_no).tier == "Member"  # 85 + 10 earned


def test_composite_score_weighs_spend_visits_and_interactions(driver: ShopDriver) -> None:
    head = '[tiers]\nbasis = "score"\nwindow_days = 365\n[tiers.score]\nspend_full = "1000"\nvisits_full = 10\n'
    head += "interactions_full = 5\n"
    load(driver, head, "50")
    m = driver.enrol()
    driver.sell("S1", m.member_no, "500.00")  # spend 50 → 0.6 × 50 = 30
    assert driver.show(m.member_no).tier == "Member"
    for i in range(5):  # 6 visits → 0.3 × 60 = 18
        driver.clock.advance(days=1)
        driver.sell(f"V{i}", m.member_no, "1.00")
    for _ in range(3):  # 3 reviews, a day apart → 0.1 × 60 = 6: 30.3 + 18 + 6 ≥ 50
        points.award(driver.shop, LOCAL_ADMIN, m.member_no, "review")
        driver.clock.advance(days=1)
    shown = driver.show(m.member_no)
    assert shown.tier == "VIP"
    driver.clock.advance(days=366)
    assert driver.show(m.member_no, at=driver.clock.now() + timedelta(seconds=1)).tier == "Member"
