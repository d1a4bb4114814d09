"""Hot statements compiled once and run on the driver's cursor, skipping per-call SQLAlchemy work.

A checkout runs a dozen small statements; SQLAlchemy Core spends several times
longer preparing each one than SQLite spends running it. ``Prepared`` keeps
what Core would compute every time (the SQL text, parameter order, the bind
and result processors of each column type, such as ``UTCDateTime``) and reuses
it. Statements stay Core constructs, so SQLite and PostgreSQL each get their
own SQL, and driver errors still arrive as SQLAlchemy's ``IntegrityError`` & co.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from sqlalchemy import BindParameter, Connection, Table, bindparam, insert
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.expression import Executable

Processor = Callable[[Any], Any] | None
_MISSING = object()  # a parameter the caller must supply


@dataclass(frozen=True)
class _Compiled:
    sql: str
    positional: bool
    binds: tuple[tuple[str, Processor, Any], ...]  # (name, processor, value fixed in the statement)
    results: tuple[Processor, ...]
    # For batches on positional drivers when every value comes from the rows: the values
    # in the SQL's order taken at C speed, then only the columns with a processor touched.
    pick: Callable[[Mapping[str, Any]], tuple[Any, ...]] | None
    processed: tuple[tuple[int, Callable[[Any], Any]], ...]


class Prepared:
    """A Core statement with its compiled form cached per dialect."""

    def __init__(self, statement: Executable) -> None:
        self.statement = statement
        self._by_dialect: dict[str, _Compiled] = {}
        selected = getattr(statement, "selected_columns", None)
        self.keys: tuple[str, ...] = (
            tuple(col.key for col in selected) if selected is not None else ()
        )

    def _compiled(self, dialect: Dialect) -> _Compiled:
        found = self._by_dialect.get(dialect.name)
        if found is None:
            compiled = self.statement.compile(dialect=dialect)  # type: ignore[attr-defined]
            by_name = {
                name: (
                    name,
                    bind.type.dialect_impl(dialect).bind_processor(dialect),
                    _MISSING
                    if bind.callable is None and bind.value is None
                    else bind.effective_value,
                )
                for bind, name in compiled.bind_names.items()
            }
            # Positional drivers (SQLite) take the values in the SQL's order.
            order = compiled.positiontup if compiled.positional else list(by_name)
            binds = tuple(by_name[name] for name in order)
            columns = getattr(self.statement, "selected_columns", None)
            if columns is None:
                columns = list(getattr(self.statement, "_returning", ()))
            results = tuple(
                col.type.dialect_impl(dialect).result_processor(dialect, None) for col in columns
            )
            names = [name for name, _, _ in binds]
            pick = None
            if compiled.positional and names and all(f is _MISSING for _, _, f in binds):
                getter = itemgetter(*names)
                pick = getter if len(names) > 1 else lambda row: (getter(row),)
            processed = tuple((i, proc) for i, (_, proc, _) in enumerate(binds) if proc is not None)
            found = _Compiled(
                compiled.string, bool(compiled.positional), binds, results, pick, processed
            )
            self._by_dialect[dialect.name] = found
        return found

    def _params(self, c: _Compiled, values: Mapping[str, Any]) -> Any:
        processed = []
        for name, proc, fixed in c.binds:
            value = values[name] if fixed is _MISSING else values.get(name, fixed)
            processed.append(proc(value) if proc is not None and value is not None else value)
        if c.positional:
            return processed
        return {name: value for (name, _, _), value in zip(c.binds, processed, strict=True)}

    def _many(self, c: _Compiled, rows: Sequence[Mapping[str, Any]]) -> list[Any]:
        if c.pick is None:
            return [self._params(c, row) for row in rows]
        pick = c.pick
        if not c.processed:
            return [pick(row) for row in rows]
        many = []
        for row in rows:
            values = list(pick(row))
            for i, proc in c.processed:
                if values[i] is not None:
                    values[i] = proc(values[i])
            many.append(values)
        return many

    def _rows(self, c: _Compiled, fetched: Sequence[Sequence[Any]]) -> list[tuple[Any, ...]]:
        """Rows read back through their column types; columns without a processor as they came."""
        if len(fetched) and len(fetched[0]) != len(c.results):
            raise ValueError("a row does not have the statement's columns")
        reading = [(i, proc) for i, proc in enumerate(c.results) if proc is not None]
        if not reading:
            return [tuple(row) for row in fetched]
        rows = []
        for row in fetched:
            values = list(row)
            for i, proc in reading:
                values[i] = proc(values[i])
            rows.append(tuple(values))
        return rows

    def run(self, conn: Connection, values: Mapping[str, Any] | None = None) -> None:
        """Execute once, ignoring any rows."""
        c = self._compiled(conn.dialect)
        _execute(conn, c.sql, self._params(c, values or {}), many=False, fetch=False)

    def run_many(self, conn: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
        """Execute once per row (inserts of lines, lots, allocations)."""
        if rows:
            c = self._compiled(conn.dialect)
            _execute(conn, c.sql, self._many(c, rows), many=True, fetch=False)

    def rows(
        self, conn: Connection, values: Mapping[str, Any] | None = None
    ) -> list[tuple[Any, ...]]:
        """Execute and return every row, each value read back through its column type."""
        c = self._compiled(conn.dialect)
        fetched = _execute(conn, c.sql, self._params(c, values or {}), many=False, fetch=True)
        return self._rows(c, fetched)

    def first(
        self, conn: Connection, values: Mapping[str, Any] | None = None
    ) -> tuple[Any, ...] | None:
        """Execute and return the first row, or None."""
        found = self.rows(conn, values)
        return found[0] if found else None

    def mappings(
        self, conn: Connection, values: Mapping[str, Any] | None = None
    ) -> list[dict[str, Any]]:
        """Execute and return every row as a dict keyed by column name."""
        return [dict(zip(self.keys, row, strict=True)) for row in self.rows(conn, values)]

    def mapping(
        self, conn: Connection, values: Mapping[str, Any] | None = None
    ) -> dict[str, Any] | None:
        """The first row as a dict, or None."""
        found = self.mappings(conn, values)
        return found[0] if found else None


class PreparedIn:
    """A statement with one IN list of values, prepared once per size of list.

    Lists are padded with their last value to a multiple of ``step`` (repeating a
    value changes nothing in an IN list), so a few compiled statements serve
    every length up to ``most``; longer lists are run in parts.
    """

    def __init__(
        self,
        build: Callable[[list[BindParameter[Any]]], Executable],
        *,
        step: int = 50,
        most: int = 500,
    ) -> None:
        self.build = build
        self.step = step
        self.most = most
        self._by_size: dict[int, Prepared] = {}

    def _prepared(self, size: int) -> Prepared:
        found = self._by_size.get(size)
        if found is None:
            found = Prepared(self.build([bindparam(f"b_in{i}") for i in range(size)]))
            self._by_size[size] = found
        return found

    def rows(self, conn: Connection, values: Sequence[Any]) -> list[tuple[Any, ...]]:
        """Every row for the values (each value once), read back through the column types."""
        unique = list(dict.fromkeys(values))
        found: list[tuple[Any, ...]] = []
        for start in range(0, len(unique), self.most):
            part = unique[start : start + self.most]
            size = -(-len(part) // self.step) * self.step
            padded = part + [part[-1]] * (size - len(part))
            params = {f"b_in{i}": value for i, value in enumerate(padded)}
            found.extend(self._prepared(size).rows(conn, params))
        return found


def insert_into(table: Table, *, skip: Sequence[str] = ()) -> Prepared:
    """An insert naming every column but ``skip`` (auto-numbered keys), each from a same-named parameter."""
    return Prepared(
        insert(table).values({c.name: bindparam(c.name) for c in table.c if c.name not in skip})
    )


def _execute(conn: Connection, sql: str, params: Any, *, many: bool, fetch: bool) -> list[Any]:
    """Run on the driver's cursor inside the connection's transaction."""
    raw = conn.connection.driver_connection
    assert raw is not None
    driver_error = conn.dialect.loaded_dbapi.Error
    cursor = raw.cursor()
    try:
        if many:
            cursor.executemany(sql, params)
        else:
            cursor.execute(sql, params)
        return list(cursor.fetchall()) if fetch else []
    except driver_error as error:
        raise DBAPIError.instance(sql, params, error, driver_error) from error
    finally:
        cursor.close()
