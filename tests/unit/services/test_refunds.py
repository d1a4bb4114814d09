import pytest

from loyalty_desktop.domain.errors import InsufficientPoints, RefundTooLarge, UnknownSale
from loyalty_desktop.services import refunds
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.checkout import LineRequest
from tests.unit.services.conftest import ShopDriver


def refund(
    driver: ShopDriver,
    refund_no: str,
    sale_no: str,
    amount: str | None = None,
    lines: tuple[tuple[str, str], ...] = (),
) -> dict[str, object]:
    return refunds.refund(
        driver.shop, LOCAL_ADMIN, refunds.RefundRequest(refund_no, sale_no, amount, lines)
    )


BASKET = (LineRequest("A", "2", "30.00", "food"), LineRequest("B", "1", "40.00", "drinks"))


def test_a_partial_refund_reverses_what_the_returned_goods_earned(driver: ShopDriver) -> None:
    m = driver.enrol()
    driver.sell("S1", m.member_no, lines=BASKET)
    done = refund(driver, "R1", "S1", lines=(("B", "1"),))
    assert (done.reversed, done.restored, done.points) == (40, 0, 60)


def test_refunds_add_up_to_exactly_what_was_earned_and_paid_with_points(driver: ShopDriver) -> None:
    m = driver.enrol()
    driver.sell("S0", m.member_no, "999.00")  # 999 points to spend, still Bronze
    sale = driver.sell("S1", m.member_no, lines=BASKET, redeem=333)  # 100.00 basket, 3.33 in points
    assert (sale.paid, sale.earned) == (9667, 96)
    steps = [
        refund(driver, "R1", "S1", lines=(("A", "1"),)),
        refund(driver, "R2", "S1", lines=(("A", "1"),)),
        refund(driver, "R3", "S1", lines=(("B", "1"),)),
    ]
    assert sum(s.reversed for s in steps) == 96
    assert sum(s.restored for s in steps) == 333
    assert driver.balance(m.member_no) == 999


def test_the_member_ends_where_buying_only_the_kept_goods_would_leave_them(
    driver: ShopDriver,
) -> None:
    m = driver.enrol()
    driver.sell("S1", m.member_no, lines=BASKET)
    refund(driver, "R1", "S1", lines=(("A", "2"),))
    other = driver.enrol("李四")
    driver.sell("S2", other.member_no, lines=(BASKET[1],))
    assert driver.balance(m.member_no) == driver.balance(other.member_no)


def test_a_refund_by_amount_and_then_the_rest(driver: ShopDriver) -> None:
    m = driver.enrol()
    driver.sell("S1", m.member_no, "100.00")
    assert refund(driver, "R1", "S1", amount="25.50").reversed == 26  # keeps 74.50 → 74 points
    assert refund(driver, "R2", "S1", amount="74.50").reversed == 74
    with pytest.raises(RefundTooLarge):
        refund(driver, "R3", "S1", amount="0.01")


def test_the_same_refund_no_again_changes_nothing(driver: ShopDriver) -> None:
    m = driver.enrol()
    driver.sell("S1", m.member_no, "100.00")
    first = refund(driver, "R1", "S1", amount="50.00")
    again = refund(driver, "R1", "S1", amount="50.00")
    assert again.replayed is True
    assert again.reversed == first.reversed
    assert driver.balance(m.member_no) == 50


def test_a_retry_with_refund_and_sale_no_typed_full_width_replays_the_refund(
    driver: ShopDriver,
) -> None:
    m = driver.enrol()
    driver.sell("S1", m.member_no, "100.00")
    first = refund(driver, "R1", "S1", amount="50.00")
    again = refund(driver, "Ｒ１", "Ｓ１", amount="50.00")
    assert again.replayed is True
    assert again.reversed == first.reversed
    assert driver.balance(m.member_no) == 50, "the points are taken back once"
    assert set(driver.database.store.refunds) == {"R1"}
    assert refund(driver, "R2", "Ｓ１", amount="10.00").reversed == 10, "the sale is found"


def test_a_refund_is_never_refused_for_points_and_a_negative_balance_blocks_redemption(
    driver: ShopDriver,
) -> None:
    m = driver.enrol()
    driver.sell("S1", m.member_no, "100.00")
    driver.sell("S2", m.member_no, "10.00", redeem=100)  # spends S1's points, earns 9
    done = refund(driver, "R1", "S1", amount="100.00")
    assert (done.reversed, done.points) == (100, -91)
    shown = driver.show(m.member_no)
    assert (shown.points, shown.spendable) == (-91, 0)
    with pytest.raises(InsufficientPoints):
        driver.sell("S3", m.member_no, "100.00", redeem=1)
    driver.sell("S4", m.member_no, "50.00")
    driver.sell("S5", m.member_no, "100.00")
    assert driver.show(m.member_no).spendable == 59


def test_refund_of_an_unknown_sale(driver: ShopDriver) -> None:
    with pytest.raises(UnknownSale):
        refund(driver, "R1", "nope", amount="1.00")


def test_returning_the_goods_that_earned_a_category_bonus_takes_the_bonus_back(
    driver: ShopDriver,
) -> None:
    from loyalty_desktop.services import programs

    programs.load_program(
        driver.shop,
        LOCAL_ADMIN,
        """
[earn]
points = 1
per = "1.00"
[[campaigns]]
name = "Wine bonus"
bonus = 100
categories = ["wine"]
""",
        "wine.toml",
    )
    m = driver.enrol()
    basket = (LineRequest("W1", "1", "50", "wine"), LineRequest("BR", "1", "50", "bread"))
    assert driver.sell("S1", m.member_no, lines=basket).earned == 200
    assert refund(driver, "R1", "S1", lines=(("W1", "1"),)).reversed == 150
    free = (LineRequest("W0", "1", "0", "wine"), LineRequest("BR", "1", "5", "bread"))
    assert driver.sell("S2", m.member_no, lines=free).earned == 5


def test_a_refund_never_returns_more_than_was_paid_for_a_sale_with_returned_goods(
    driver: ShopDriver,
) -> None:
    m = driver.enrol()
    exchange = (LineRequest("A", "1", "10.00"), LineRequest("B", "-1", "5.00"))
    driver.sell("S1", m.member_no, lines=exchange)  # net 5.00
    with pytest.raises(RefundTooLarge):
        refund(driver, "R1", "S1", amount="10.00")
    with pytest.raises(RefundTooLarge):
        refund(driver, "R1", "S1", lines=(("A", "1"),))
    assert refund(driver, "R1", "S1", amount="5.00").reversed == 5
    with pytest.raises(RefundTooLarge):
        refund(driver, "R2", "S1", amount="0.01")
