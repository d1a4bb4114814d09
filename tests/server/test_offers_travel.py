"""Two real tills and a real server: an offer and its coupons issued at one store are honoured at every store.

Issue 12: a manager at store A creates a targeted offer and issues its coupons; the
member walks into store B with the slip. Before, issuing published nothing and B said
``coupon_unknown``. Now ``offer.created`` and ``coupons.issued`` travel by the pull log,
and the first use still claims the coupon chain-wide.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import pytest

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.domain.offers import Offer
from loyalty_desktop.services import checkout, members, offers, sync
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.baskets import SaleRequest
from loyalty_desktop.services.offer_report import offer_report
from tests.conftest import FixedClock
from tests.server.conftest import Server, _command
from tests.server.test_store_pull import Till, tills  # noqa: F401 (the fixture)

OFFER_KINDS = ("offer.created", "coupons.issued")


def _issue(till: Till, clock: FixedClock, name: str, member_no: str) -> tuple[Offer, str]:
    """A money-off offer for one member, issued at ``till``; the offer and the coupon's code."""
    today = clock.now().date()
    offer = offers.create_offer(
        till.shop,
        LOCAL_ADMIN,
        f'name = "{name}"\nkind = "money_off"\namount = "5.00"\nstart = "{today}"\n'
        f'end = "{today + timedelta(days=6)}"\ncontrol_share = "0"\n'
        f'[audience]\nmembers = ["{member_no}"]\n',
        f"{name}.toml",
    )
    offers.issue_offer(till.shop, LOCAL_ADMIN, offer.id)
    [line] = offers.coupon_list(till.shop, LOCAL_ADMIN, offer.id)
    return offer, line.code


def _member_at_both(a: Till, b: Till) -> str:
    member = members.enrol(a.shop, LOCAL_ADMIN, members.NewMember("王芳", consent=True))
    a.sync()
    b.sync()
    return member.member_no


def _sell(till: Till, sale_no: str, member_no: str, code: str) -> Any:
    return checkout.checkout(
        till.shop, LOCAL_ADMIN, SaleRequest(sale_no, member_no, "50.00", coupon=code)
    )


def _refused(till: Till, sale_no: str, member_no: str, code: str) -> str:
    with pytest.raises(LoyaltyError) as refused:
        _sell(till, sale_no, member_no, code)
    return str(refused.value.reason)


def _unsent(till: Till, *kinds: str) -> list[dict[str, Any]]:
    """The till's queued events of these kinds, as they go on the wire, in outbox order."""
    queued = sync._queue(till.shop).pending(1000)
    return [e.wire() for e in queued if not kinds or e.kind in kinds]


def _logged(server: Server, kind: str) -> int:
    return int(server.sql(f"select count(*) from changes where kind = '{kind}'")[0][0])


def test_a_coupon_issued_at_a_is_honoured_at_b_and_refused_at_a_after_its_next_pull(
    tills: tuple[Till, Till],  # noqa: F811
    clock: FixedClock,
    server: Server,
) -> None:
    a, b = tills
    member_no = _member_at_both(a, b)
    spring, code_a = _issue(a, clock, "Spring", member_no)
    summer, code_b = _issue(b, clock, "Summer", member_no)  # B's own, numbered in B's block
    a.sync()
    b.sync()
    a.sync()

    sold = _sell(b, "B-1", member_no, code_a)
    assert (sold.coupon.offer, sold.coupon.money_off) == ("Spring", 500)
    assert _sell(a, "A-1", member_no, code_b).coupon.offer == "Summer"
    b.sync()
    a.sync()
    b.sync()
    assert _refused(a, "A-2", member_no, code_a) == "coupon_used"
    assert _refused(b, "B-2", member_no, code_b) == "coupon_used"

    # every coupon number is its store's own: A's block starts at 100000001, B's at 200000001
    assert sorted(r[0] for r in a.sql("select number from coupons")) == [100000001, 200000001]
    assert sorted(r[0] for r in b.sql("select number from coupons")) == [100000001, 200000001]
    # nothing pulled goes back out: B's outbox holds only its own offer's facts
    offered = b.sql("select payload from outbox where kind = 'offer.created'")
    assert offered
    assert all(summer.id in p and spring.id not in p for (p,) in offered)
    assert _command_ok(server)
    assert a.check() == ()
    assert b.check() == ()
    # B's offer report lists the offer issued elsewhere, counted once
    [pulled] = [r for r in offer_report(b.shop, LOCAL_ADMIN).offers if r.offer.id == spring.id]
    assert (pulled.issued, pulled.redeemed, pulled.money_off) == (1, 1, 500)


def _command_ok(server: Server) -> bool:
    return bool(_command(server.db, "check", "--json")["ok"])


def test_offer_and_coupon_facts_sent_again_are_duplicates_and_travel_once(
    tills: tuple[Till, Till],  # noqa: F811
    clock: FixedClock,
    server: Server,
) -> None:
    a, b = tills
    member_no = _member_at_both(a, b)
    _, code = _issue(a, clock, "Spring", member_no)
    facts = _unsent(a, *OFFER_KINDS)
    assert [f["kind"] for f in facts] == ["offer.created", "offer.created", "coupons.issued"]
    a.sync()
    b.sync()

    again = a.client.push(facts)  # a retry of the same events
    assert [r["status"] for r in again] == ["duplicate"] * 3
    renamed = [{**f, "id": str(uuid.uuid4()), "key": f"{f['key']}:again"} for f in facts]
    assert {r["status"] for r in a.client.push(renamed)} == {"applied"}  # the same facts anew
    assert (_logged(server, "offer"), _logged(server, "coupons")) == (1, 1)
    assert server.sql("select count(*) from issued_coupons") == [(1,)]

    with b.opened.engine.begin() as conn:  # B reads the whole log again: nothing doubles
        conn.exec_driver_sql("update settings set value = '0' where key = 'sync.pull_cursor'")
    b.sync()
    assert b.sql("select count(*) from offers") == [(1,)]
    assert b.sql("select count(*) from coupons") == [(1,)]
    assert _sell(b, "B-1", member_no, code).coupon.offer == "Spring"
    assert b.check() == ()


def test_coupons_sent_before_their_offer_wait_on_the_server_until_it_comes(
    tills: tuple[Till, Till],  # noqa: F811
    clock: FixedClock,
    server: Server,
) -> None:
    a, b = tills
    member_no = _member_at_both(a, b)
    _, code = _issue(a, clock, "Spring", member_no)
    [coupons] = _unsent(a, "coupons.issued")
    [answer] = a.client.push([coupons])  # a later batch that committed first
    assert answer["status"] == "applied"
    assert _logged(server, "coupons") == 0  # no till could honour it without its offer
    b.sync()
    assert _refused(b, "B-1", member_no, code) == "coupon_unknown"

    a.sync()  # the offer arrives: its waiting coupons are logged with it
    assert (_logged(server, "offer"), _logged(server, "coupons")) == (1, 1)
    b.sync()
    assert _sell(b, "B-2", member_no, code).coupon.offer == "Spring"
    assert b.check() == ()


@pytest.mark.parametrize(
    ("coupon", "reason"),
    [
        ({"number": 0}, "coupon number out of range"),
        ({"number": 10**12}, "coupon number out of range"),
        ({"key_id": 10}, "key id out of range"),
        ({"member_id": "Robert'); drop table members;--"}, "is not a UUID"),
        ({"issued_at": "9999-12-31T23:59:59-12:00"}, "out of range"),
    ],
)
def test_a_coupon_fact_a_till_could_not_read_is_rejected_alone(
    tills: tuple[Till, Till],  # noqa: F811
    clock: FixedClock,
    server: Server,
    coupon: dict[str, Any],
    reason: str,
) -> None:
    a, b = tills
    member_no = _member_at_both(a, b)
    _issue(a, clock, "Spring", member_no)
    offer, _, coupons = _unsent(a, *OFFER_KINDS)
    bad = {**coupons, "id": str(uuid.uuid4()), "key": "coupons:bad", "seq": coupons["seq"] + 1}
    bad["payload"] = {
        **coupons["payload"],
        "coupons": [{**coupons["payload"]["coupons"][0], "id": str(uuid.uuid4()), **coupon}],
    }
    answers = a.client.push([offer, bad])
    assert [r["status"] for r in answers] == ["applied", "rejected"]
    assert reason in answers[1]["reason"]
    assert server.sql("select count(*) from issued_coupons") == [(0,)]


def test_a_use_pulled_before_the_coupon_keeps_it_used_at_b(
    tills: tuple[Till, Till],  # noqa: F811
    clock: FixedClock,
    server: Server,
) -> None:
    a, b = tills
    member_no = _member_at_both(a, b)
    _, code = _issue(a, clock, "Spring", member_no)
    _sell(a, "A-1", member_no, code)
    queued = _unsent(a)
    issued = [e for e in queued if e["kind"] in OFFER_KINDS]
    rest = [e for e in queued if e["kind"] not in OFFER_KINDS]
    assert "coupon.redeemed" in [e["kind"] for e in rest]
    assert {r["status"] for r in a.client.push(rest)} == {"applied"}  # the use first
    b.sync()
    assert {r["status"] for r in a.client.push(issued)} == {"applied"}  # then the issue
    b.sync()
    assert _refused(b, "B-1", member_no, code) == "coupon_used"
    assert b.sql("select sale_no like 'sync:%' from coupons") == [(1,)]
    assert b.check() == ()


def test_a_coupon_number_outside_the_store_s_block_or_given_out_twice_is_rejected_alone(
    tills: tuple[Till, Till],  # noqa: F811
    clock: FixedClock,
    server: Server,
) -> None:
    a, b = tills
    member_no = _member_at_both(a, b)
    _issue(a, clock, "Spring", member_no)
    facts = _unsent(a, *OFFER_KINDS)
    a.sync()
    *_, coupons = facts
    [sent] = coupons["payload"]["coupons"]
    assert sent["number"] > 10**8  # in A's block

    def anew(**change: Any) -> dict[str, Any]:
        event = {**coupons, "id": str(uuid.uuid4()), "key": f"coupons:{uuid.uuid4()}"}
        event["payload"] = {
            **coupons["payload"],
            "coupons": [{**sent, "id": str(uuid.uuid4()), **change}],
        }
        return event

    # B's token sends a coupon numbered in A's block: it would use up or shadow A's numbers
    [forged] = b.client.push([anew(number=sent["number"] + 1)])
    # A's own till, restored from a backup, gives its number to another coupon
    [twice] = a.client.push([anew()])

    assert (forged["status"], forged["reason"]) == (
        "rejected",
        "coupons.issued: a coupon number outside this store's block",
    )
    assert (twice["status"], twice["reason"]) == (
        "rejected",
        f"coupons.issued: coupon number {sent['number']} is another coupon's",
    )
    assert server.sql("select count(*) from issued_coupons") == [(1,)]
