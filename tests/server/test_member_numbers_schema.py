"""Migration s0007 on real PostgreSQL: stores numbered in the order registered, old clashes listed, and back.

Members already on the server before it claim their numbers oldest first; a later member
with a number already claimed (two stores that each gave out 10000013 before blocks) is
listed as a clash, as one arriving afterwards would be.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import sqlalchemy
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from loyalty_desktop.server.migrate import downgrade, head_revision, upgrade
from loyalty_desktop.server.tables import metadata

BEFORE = "s0006_coupon_redemptions"
T0 = datetime(2026, 1, 1, tzinfo=UTC)


def _tables(conn: sqlalchemy.Connection) -> set[str]:
    return set(sqlalchemy.inspect(conn).get_table_names())


def test_s0007_numbers_stores_in_order_lists_old_clashes_and_goes_back(server_db: str) -> None:
    engine = sqlalchemy.create_engine(server_db)
    try:
        upgrade(engine, BEFORE)
        a, b, c = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
        first, second, alone = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
        with engine.begin() as conn:
            # registered c, a, b (ids in another order than their registration)
            for store_id, name, days in ((a, "A", 1), (b, "B", 2), (c, "C", 0)):
                conn.execute(
                    sqlalchemy.text(
                        "insert into stores (id, name, token_hash, created_at) "
                        "values (:id, :name, :hash, :at)"
                    ),
                    {"id": store_id, "name": name, "hash": name * 64, "at": T0 + timedelta(days)},
                )
            for member_id, no, store_id, days in (
                (second, "10000013", b, 5),  # enrolled at B after A's
                (first, "10000013", a, 3),
                (alone, "10000014", a, 4),
            ):
                conn.execute(
                    sqlalchemy.text(
                        "insert into members (id, member_no, home_store, status, consent, "
                        "created_at) values (:id, :no, :store, 'active', false, :at)"
                    ),
                    {"id": member_id, "no": no, "store": store_id, "at": T0 + timedelta(days)},
                )

        assert upgrade(engine) == head_revision()

        with engine.connect() as conn:
            numbered = dict(conn.execute(sqlalchemy.text("select id, store_no from stores")).all())
            held = dict(
                conn.execute(
                    sqlalchemy.text("select member_no, member_id from member_numbers")
                ).all()
            )
            clashes = conn.execute(
                sqlalchemy.text(
                    "select member_id, member_no, store_id, other_member_id, other_store_id, "
                    "cleared_at from number_clashes"
                )
            ).all()
            diffs = compare_metadata(MigrationContext.configure(conn), metadata)
        assert numbered == {c: 1, a: 2, b: 3}
        assert held == {"10000013": first, "10000014": alone}
        assert [tuple(r) for r in clashes] == [(second, "10000013", b, first, a, None)]
        assert [
            d for d in diffs if not (d[0] == "remove_table" and d[1].name.endswith("version"))
        ] == []

        downgrade(engine, BEFORE)
        with engine.connect() as conn:
            assert not {"member_numbers", "number_clashes"} & _tables(conn)
            columns = {col["name"] for col in sqlalchemy.inspect(conn).get_columns("stores")}
            assert "store_no" not in columns
            assert conn.execute(sqlalchemy.text("select count(*) from members")).scalar() == 3

        assert upgrade(engine) == head_revision()  # and up again, from the same rows
        with engine.connect() as conn:
            again = conn.execute(sqlalchemy.text("select count(*) from number_clashes")).scalar()
        assert again == 1
    finally:
        engine.dispose()
