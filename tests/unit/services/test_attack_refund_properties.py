"""Attack (review branch ``attack``): random till baskets with every discount at once, refunded.

Line discounts (F5) on lines with fractional quantities and four-decimal prices, an order
discount (F6), the Gold tier's 10 % and points paying up to half; then the goods come back,
line by line in pieces or by amounts. Whatever the order, refunding everything must give back
exactly the money paid and the points redeemed, take back exactly the points earned, and leave
the member's balance and lifetime spend where they were before the sale.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.services import checkout, member_view, members, programs, refunds
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.baskets import LineRequest, SaleRequest
from tests.conftest import FixedClock
from tests.fakes import fake_shop
from tests.unit.services.conftest import PROGRAM


@st.composite
def baskets(draw: st.DrawFn) -> tuple[list[LineRequest], str | None, float, list[object]]:
    lines = []
    for n in range(draw(st.integers(1, 5))):
        milli = draw(st.integers(1, 5_000))  # 0.001 to 5 (weighed goods)
        qty = Decimal(milli).scaleb(-3)
        price = Decimal(draw(st.integers(1, 2_000_000))).scaleb(-4)  # 0.0001 to 200.0000
        gross = int((qty * price * 100).quantize(Decimal(1), rounding="ROUND_HALF_UP"))
        off = draw(st.integers(0, max(gross, 0))) if draw(st.booleans()) and gross > 0 else 0
        lines.append(
            LineRequest(
                f"SKU{n}",
                f"{qty.normalize():f}",
                f"{price.normalize():f}",
                None,
                f"{off // 100}.{off % 100:02d}" if off else None,
            )
        )
    order = draw(st.integers(0, 5_000)) if draw(st.booleans()) else 0
    share = draw(st.floats(0, 1))
    plan = draw(
        st.lists(
            st.one_of(
                st.tuples(st.just("line"), st.integers(0, 4), st.integers(1, 5_000)),
                st.tuples(st.just("amount"), st.floats(0.01, 1), st.none()),
            ),
            max_size=6,
        )
    )
    return lines, (f"{order // 100}.{order % 100:02d}" if order else None), share, plan


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(baskets())
def test_refunding_everything_of_a_discounted_basket_gives_back_exactly_what_was_paid(
    case: tuple[list[LineRequest], str | None, float, list[object]],
) -> None:
    lines, discount, share, plan = case
    clock = FixedClock(datetime(2026, 1, 5, 2, tzinfo=UTC))
    shop, _database = fake_shop(clock)
    programs.load_program(shop, LOCAL_ADMIN, PROGRAM, "p.toml")
    no = members.enrol(shop, LOCAL_ADMIN, members.NewMember(name="M")).member_no
    checkout.checkout(shop, LOCAL_ADMIN, SaleRequest("S-GOLD", no, total="2000.00"))
    clock.advance(seconds=1)
    before = member_view.show_member(shop, LOCAL_ADMIN, no)
    request = SaleRequest("S-1", no, lines=tuple(lines), discount=discount)
    try:
        quote = checkout.quote(shop, LOCAL_ADMIN, request)
        redeem = int(min(before.spendable, quote.net) * share)
        redeem = min(redeem, quote.net // 2)
        request = SaleRequest("S-1", no, lines=tuple(lines), discount=discount, redeem=redeem)
        sale = checkout.checkout(shop, LOCAL_ADMIN, request)
    except LoyaltyError as exc:
        event(f"sale refused: {exc.reason}")
        return  # a basket the till would refuse in the screen
    if sale.net <= 0:
        return  # nothing was paid: nothing to refund
    paid_back = restored = reversed_ = 0
    for n, step in enumerate(plan):
        clock.advance(seconds=1)
        kind, a, b = step  # type: ignore[misc]
        try:
            if kind == "line":
                line = lines[int(a) % len(lines)]  # type: ignore[call-overload]
                qty = Decimal(int(b)).scaleb(-3)  # type: ignore[call-overload]
                refund_request = refunds.RefundRequest(
                    f"R-{n}", "S-1", lines=((line.sku, f"{qty.normalize():f}"),)
                )
            else:
                left = sale.net - 0  # the service checks what is left
                amount = max(int(left * float(a)), 1)  # type: ignore[arg-type]
                refund_request = refunds.RefundRequest(
                    f"R-{n}", "S-1", amount=f"{amount // 100}.{amount % 100:02d}"
                )
            done = refunds.refund(shop, LOCAL_ADMIN, refund_request)
        except LoyaltyError:
            continue
        paid_back += done.paid_back
        restored += done.restored
        reversed_ += done.reversed
        assert paid_back <= sale.paid
        assert restored <= sale.redeemed
        assert reversed_ <= sale.earned
    # whatever is left comes back by lines, in full
    clock.advance(seconds=1)
    rest = []
    for line in lines:
        rest.append((line.sku, line.quantity))
    for n, (sku, _qty) in enumerate(rest):
        for attempt in range(2):
            try:
                left_qty = _left_of(shop, sku)
            except LoyaltyError:
                break
            if left_qty <= 0:
                break
            try:
                done = refunds.refund(
                    shop,
                    LOCAL_ADMIN,
                    refunds.RefundRequest(
                        f"R-L{n}-{attempt}", "S-1", lines=((sku, f"{left_qty}"),)
                    ),
                )
            except LoyaltyError as exc:
                raise AssertionError(f"the rest of {sku} could not be refunded: {exc}") from exc
            paid_back += done.paid_back
            restored += done.restored
            reversed_ += done.reversed
    event(f"refunded in full; redeemed>0: {sale.redeemed > 0}, order discount: {sale.discount > 0}")
    after = member_view.show_member(shop, LOCAL_ADMIN, no)
    assert (paid_back, restored, reversed_) == (sale.paid, sale.redeemed, sale.earned)
    assert after.points == before.points
    assert after.spend == before.spend


def _left_of(shop: object, sku: str) -> Decimal:
    """The quantity of ``sku`` not yet returned on sale S-1 (read from the fake store)."""
    from loyalty_desktop.services.context import Shop

    assert isinstance(shop, Shop)
    with shop.uow(write=False) as uow:
        sale = uow.sales.get("S-1")
        assert sale is not None
        left = Decimal(0)
        for state in sale.lines:
            if state.line.sku == sku:
                left += state.line.quantity - state.refunded_qty
        return left
