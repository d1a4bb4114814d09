"""Many rows in one short statement: `INSERT … SELECT FROM unnest(arrays)` and `= ANY(array)`.

A batch writes a few hundred rows per table. SQLAlchemy's multi-row `INSERT … VALUES`
(needed for `RETURNING`) and `IN (…)` lists put one parameter per value in the SQL, so
every batch sends psycopg a new, long statement that it parses again in Python (psycopg
keeps a parsed statement only under 50 parameters and 4 KB). Sending one array per column
keeps the statement's text the same for any number of rows: parsed once, and prepared by
the server after a few uses. The server's engine sends the arrays in binary
(``binary_arrays``), so no element is quoted or escaped in Python. PostgreSQL, CockroachDB
and YugabyteDB all have `unnest` of several arrays and `= ANY(array)`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from psycopg.types.array import ListBinaryDumper
from sqlalchemy import ColumnElement, Engine, String, Table, any_, bindparam, event, func, select
from sqlalchemy.dialects.postgresql import ARRAY, Insert
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.sql.schema import Column


@functools.cache
def insert_from_arrays(table: Table, columns: tuple[str, ...]) -> Insert:
    """`INSERT INTO table (columns) SELECT * FROM unnest(:columns…)`; give it ``arrays(rows)``.

    Chain ``on_conflict_do_nothing()``, ``on_conflict_do_update`` or ``returning`` as on any
    PostgreSQL insert. Each column's array parameter is named after the column. A column
    left out keeps its default (``columns_of`` names the ones the rows give).
    """
    arrays = [_array(table.c[name]) for name in columns]
    rows = func.unnest(*arrays).table_valued(*columns).render_derived("given")
    return pg_insert(table).from_select(list(columns), select(*rows.c))


def columns_of(table: Table, rows: Sequence[Mapping[str, Any]]) -> tuple[str, ...]:
    """The table's columns the rows give values for (every row gives the same ones)."""
    return tuple(c.name for c in table.c if c.name in rows[0])


def arrays(rows: Sequence[Mapping[str, Any]], columns: Iterable[str]) -> dict[str, list[Any]]:
    """The parameters of ``insert_from_arrays``: one list per column, in row order."""
    return {name: [row.get(name) for row in rows] for name in columns}


def any_of(column: Column[Any] | ColumnElement[Any], name: str) -> ColumnElement[bool]:
    """`column = ANY(:name)`: the values go in one array parameter called ``name``."""
    return column == any_(bindparam(name, type_=ARRAY(_unbounded(column.type))))


def _array(column: Column[Any]) -> Any:
    return bindparam(column.name, type_=ARRAY(_unbounded(column.type)))


def _unbounded(kind: Any) -> Any:
    # `'…'::varchar(200)` cuts a longer text silently; the column itself refuses it.
    return String() if isinstance(kind, String) and kind.length else kind


def binary_arrays(engine: Engine) -> None:
    """Have psycopg send the engine's list parameters in binary, not as array literals.

    The text form checks every element against a regular expression and escapes quotes and
    backslashes in Python (a tenth of a batch; a fifth more for the pull log's JSON bodies);
    the binary form writes each element's length and bytes. Every array parameter here is
    cast to its column's type in the statement, so the element type psycopg picks does not
    matter. A list of nothing but None still goes as text, as psycopg decides.
    """

    @event.listens_for(engine, "connect")
    def _binary(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.adapters.register_dumper(list, ListBinaryDumper)
