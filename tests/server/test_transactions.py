"""The server's transaction helper on real PostgreSQL: a serialization failure on the first try leaves one row."""

from __future__ import annotations

import pytest
import sqlalchemy
from sqlalchemy.exc import DBAPIError

from loyalty_desktop.server.transactions import in_transaction


def test_a_forced_serialization_failure_is_retried_and_writes_one_row(server_db: str) -> None:
    engine = sqlalchemy.create_engine(server_db)
    with engine.begin() as conn:
        conn.exec_driver_sql("create table t (id int primary key)")
    tries: list[float] = []

    def work(conn: sqlalchemy.Connection) -> int:
        conn.exec_driver_sql("insert into t values (1)")
        if not tries:
            tries.append(0)
            conn.exec_driver_sql(  # PostgreSQL raises a real 40001 from here
                "do $$ begin raise exception 'forced' using errcode = '40001'; end $$"
            )
        return 1

    waits: list[float] = []
    assert in_transaction(engine, work, sleep=waits.append) == 1
    assert len(waits) == 1
    with engine.connect() as conn:
        assert conn.exec_driver_sql("select count(*) from t").scalar() == 1
    engine.dispose()


def test_other_errors_are_not_retried(server_db: str) -> None:
    engine = sqlalchemy.create_engine(server_db)
    waits: list[float] = []
    with pytest.raises(DBAPIError):
        in_transaction(engine, lambda c: c.exec_driver_sql("select 1/0"), sleep=waits.append)
    assert waits == []
    engine.dispose()
