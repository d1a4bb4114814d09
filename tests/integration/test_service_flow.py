"""A shop's whole day through the services on SQLite and on PostgreSQL, with the same results on both.

Enrolment, sales by lines and by total, paying with points, partial refunds,
corrections, an activity award, the expiry job and a merge of duplicates; every
request is then replayed, and ``loyalty check`` must find nothing wrong.
"""

from __future__ import annotations

import dataclasses
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select

from loyalty_desktop.app import Opened
from loyalty_desktop.db.tables import audit, lots, members, movements, outbox, refunds, sales
from loyalty_desktop.services import checkout, integrity, member_view, merge, points, programs
from loyalty_desktop.services import members as enrolment
from loyalty_desktop.services import refunds as refund
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.changes import NOTHING
from tests.conftest import FixedClock
from tests.databases import Database, postgres_database, sqlite_database

PROGRAM = """\
currency = "CNY"
timezone = "Asia/Shanghai"

[earn]
points = 1
per = "1.00"

[activity]
review = 10

[expiry]
days = 365

[redeem]
point_value = "0.01"
max_share = "0.5"

[tiers]
basis = "lifetime_spend"
[[tiers.levels]]
name = "铜卡"
threshold = "0"
[[tiers.levels]]
name = "银卡"
threshold = "500"
discount_pct = "5"
"""


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def run_shop_day(opened: Opened, clock: FixedClock) -> dict[str, Any]:
    """Every service call of the day, in order, with what each returned."""
    shop = opened.shop
    out: dict[str, Any] = {}
    out["program"] = programs.load_program(shop, LOCAL_ADMIN, PROGRAM, "program.toml").version
    joined = _at("2025-01-01T09:00:00+08:00")
    ann = enrolment.enrol(
        shop,
        LOCAL_ADMIN,
        enrolment.NewMember(name="安娜", phone="138 0013 8000", consent=True),
        joined,
    )
    bob = enrolment.enrol(
        shop, LOCAL_ADMIN, enrolment.NewMember(name="王五", phone="+86 139-0013-9000"), joined
    )
    out["enrol"] = [ann, bob]

    def sale(sale_no: str, ref: str, at: str, **fields: Any) -> dict[str, Any]:
        request = checkout.SaleRequest(sale_no, ref, at=_at(at), **fields)
        return checkout.checkout(shop, LOCAL_ADMIN, request)

    lines = (
        checkout.LineRequest("TEA", "2", "35.50", "饮料"),
        checkout.LineRequest("CUP", "1", "29.00"),
        checkout.LineRequest("BUN", "0.5", "18.3333", "面包"),
    )
    out["sales"] = [
        sale("B-OLD", bob.member_no, "2025-01-05T12:00:00+08:00", total="120.00"),
        sale("A-1", ann.member_no, "2026-02-01T10:00:00+08:00", lines=lines, discount="5.00"),
        sale("A-2", "13800138000", "2026-02-10T18:30:00+08:00", total="450.00"),
        sale("A-3", ann.card, "2026-02-20T09:15:00+08:00", total="200.00", redeem=80),
        sale("B-1", bob.member_no, "2026-02-21T11:00:00+08:00", total="60.00"),
    ]
    out["refunds"] = [
        refund.refund(
            shop,
            LOCAL_ADMIN,
            refund.RefundRequest(
                "R-1", "A-1", lines=(("TEA", "1"),), at=_at("2026-02-02T10:00:00+08:00")
            ),
        ),
        refund.refund(
            shop,
            LOCAL_ADMIN,
            refund.RefundRequest("R-2", "A-3", amount="47.50", at=_at("2026-02-22T10:00:00+08:00")),
        ),
        refund.refund(
            shop,
            LOCAL_ADMIN,
            refund.RefundRequest("R-3", "A-3", amount="20.00", at=_at("2026-02-23T10:00:00+08:00")),
        ),
    ]
    out["adjust"] = [
        points.adjust(shop, LOCAL_ADMIN, ann.member_no, 30, "收银错误补偿", "REQ-1"),
        points.adjust(shop, LOCAL_ADMIN, ann.member_no, -12, "重复积分更正", "REQ-2"),
    ]
    out["award"] = points.award(
        shop, LOCAL_ADMIN, bob.member_no, "review", at=_at("2026-02-25T08:00:00+08:00")
    )
    out["expire"] = points.expire(shop, LOCAL_ADMIN)
    out["merge"] = merge.merge_members(
        shop, LOCAL_ADMIN, ann.member_no, bob.member_no, reason="同一人"
    )
    clock.advance(minutes=5)
    out["after_merge_sale"] = sale("A-4", bob.member_no, "2026-03-02T10:03:00+08:00", total="10.00")
    out["replays"] = {
        "sale": sale("A-3", ann.card, "2026-02-20T09:15:00+08:00", total="200.00", redeem=80),
        "refund": refund.refund(
            shop, LOCAL_ADMIN, refund.RefundRequest("R-2", "A-3", amount="47.50")
        ),
        "adjust": points.adjust(shop, LOCAL_ADMIN, ann.member_no, 30, "收银错误补偿", "REQ-1"),
    }
    out["show"] = [
        member_view.show_member(shop, LOCAL_ADMIN, ann.member_no),
        member_view.show_member(
            shop, LOCAL_ADMIN, ann.member_no, at=_at("2026-02-15T00:00:00+08:00")
        ),
    ]
    out["check"] = integrity.check(shop, LOCAL_ADMIN, opened.integrity)
    return out


def stored_rows(opened: Opened) -> dict[str, list[tuple[Any, ...]]]:
    """What the day left in the tables, without the random ids and in a fixed order."""
    with opened.engine.connect() as conn:
        number = dict(conn.execute(select(members.c.id, members.c.member_no)).all())
        sale_nos = dict(conn.execute(select(sales.c.id, sales.c.sale_id)).all())

        def rows(query: Any) -> list[tuple[Any, ...]]:
            found = [
                tuple(number.get(v, sale_nos.get(v, v)) if isinstance(v, str) else v for v in row)
                for row in conn.execute(query)
            ]
            return sorted(found, key=repr)

        return {
            "members": rows(
                select(
                    members.c.member_no,
                    members.c.name,
                    members.c.phone,
                    members.c.status,
                    members.c.merged_into,
                    members.c.tier,
                    members.c.balance,
                    members.c.lifetime_spend,
                    members.c.points_earned,
                    members.c.last_movement_at,
                    members.c.consent,
                    members.c.consent_at,
                )
            ),
            "movements": rows(
                select(
                    movements.c.member_id,
                    movements.c.kind,
                    movements.c.points,
                    movements.c.at,
                    movements.c.sale_ref,
                    movements.c.request_id,
                    movements.c.reason,
                    movements.c.actor,
                    movements.c.activity,
                    movements.c.points_after,
                )
            ),
            "lots": rows(
                select(
                    lots.c.member_id, lots.c.at, lots.c.expires_at, lots.c.points, lots.c.remaining
                )
            ),
            "sales": rows(
                select(
                    sales.c.sale_id,
                    sales.c.member_id,
                    sales.c.at,
                    sales.c.subtotal,
                    sales.c.order_discount,
                    sales.c.tier_discount,
                    sales.c.net,
                    sales.c.points_redeemed,
                    sales.c.points_value,
                    sales.c.paid,
                    sales.c.earned,
                    sales.c.tier_before,
                    sales.c.tier_after,
                    sales.c.points_after,
                    sales.c.refunded_net,
                    sales.c.reversed,
                    sales.c.restored,
                    sales.c.paid_back,
                    sales.c.local_date,
                )
            ),
            "refunds": rows(
                select(
                    refunds.c.refund_id,
                    refunds.c.sale_ref,
                    refunds.c.at,
                    refunds.c.amount,
                    refunds.c.reversed,
                    refunds.c.restored,
                    refunds.c.paid_back,
                    refunds.c.points_after,
                    refunds.c.lines,
                )
            ),
            "outbox": [
                tuple(r)
                for r in conn.execute(select(outbox.c.seq, outbox.c.kind).order_by(outbox.c.seq))
            ],
            "audit": [
                tuple(r)
                for r in conn.execute(
                    select(audit.c.seq, audit.c.actor, audit.c.action, audit.c.reason).order_by(
                        audit.c.seq
                    )
                )
            ],
        }


def _without_ids(value: Any, names: dict[str, str]) -> Any:
    """The results with member ids replaced by member numbers, so two databases compare."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _without_ids(getattr(value, f.name), names) for f in dataclasses.fields(value)
        }
    if isinstance(value, dict):
        return {k: _without_ids(v, names) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_without_ids(v, names) for v in value]
    if isinstance(value, set | frozenset):
        return sorted(_without_ids(v, names) for v in value)
    if isinstance(value, str):
        return names.get(value, value)
    return value


def _comparable(opened: Opened, day: dict[str, Any]) -> dict[str, Any]:
    names = {m.id: f"<{m.member_no}>" for m in day["enrol"]}
    return {"results": _without_ids(day, names), "tables": stored_rows(opened)}


def _day_clock() -> FixedClock:
    return FixedClock(datetime(2026, 3, 2, 2, 0, tzinfo=UTC))  # Monday 10:00 in Shanghai


def test_a_shop_day_leaves_a_consistent_ledger(database: Database) -> None:
    clock = _day_clock()
    opened = database.open(clock)
    day = run_shop_day(opened, clock)
    ann, bob = day["enrol"]

    assert (day["check"].ok, day["check"].problems) == (True, ())
    first_a3 = day["sales"][3]
    assert day["replays"]["sale"] == replace(first_a3, replayed=True, changes=NOTHING)
    assert first_a3.replayed is False
    assert day["replays"]["refund"] == replace(day["refunds"][1], replayed=True, changes=NOTHING)
    assert day["replays"]["adjust"] == replace(day["adjust"][0], replayed=True, changes=NOTHING)
    # Bob's 120 points from January 2025 lapsed in January 2026: they were written off on the
    # way into his February sale, at their own expiry moment, so the nightly job finds nothing.
    assert day["expire"].expired_points == 0
    with opened.shop.uow(write=False) as uow:
        bobs = uow.ledger.history([bob.id])
    assert [(m.kind.value, m.points, m.at) for m in bobs if m.kind.value == "expire"] == [
        ("expire", -120, _at("2026-01-05T12:00:00+08:00"))
    ]
    assert day["merge"].merged == bob.id
    assert day["after_merge_sale"].member_id == ann.id, "a merged card finds the kept member"

    with opened.shop.uow(write=False) as uow:
        kept = uow.members.get(ann.id)
        closed = uow.members.get(bob.id)
        history = uow.ledger.history([ann.id, bob.id])
        open_lots = uow.ledger.lots(ann.id)
    assert kept is not None
    assert closed is not None
    assert closed.status.value == "closed"
    assert closed.balance == 0
    assert kept.balance == sum(m.points for m in history)
    assert kept.balance == sum(lot.remaining for lot in open_lots)
    assert kept.balance == day["show"][0].points
    assert kept.name == "安娜"
    with opened.engine.connect() as conn:
        keys = conn.execute(select(outbox.c.key)).scalars().all()
        seqs = sorted(conn.execute(select(outbox.c.seq)).scalars())
    assert len(keys) == len(set(keys))
    assert seqs == list(range(1, len(seqs) + 1))
    sale_nos = ["B-OLD", "A-1", "A-2", "A-3", "B-1", "A-4"]
    assert sum(k.startswith("sale:") for k in keys) == len(sale_nos), (
        "one event per sale, none per replay"
    )


@pytest.mark.postgres
def test_sqlite_and_postgres_give_identical_results(tmp_path: Any, pg_url: str) -> None:
    with sqlite_database(tmp_path / "shop.db") as lite, postgres_database(pg_url) as pg:
        lite_clock, pg_clock = _day_clock(), _day_clock()
        on_sqlite = lite.open(lite_clock)
        on_postgres = pg.open(pg_clock)
        lite_day = _comparable(on_sqlite, run_shop_day(on_sqlite, lite_clock))
        pg_day = _comparable(on_postgres, run_shop_day(on_postgres, pg_clock))

    assert lite_day["results"] == pg_day["results"]
    for table, rows in lite_day["tables"].items():
        assert rows == pg_day["tables"][table], f"{table} differ between SQLite and PostgreSQL"
