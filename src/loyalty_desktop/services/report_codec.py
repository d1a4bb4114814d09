"""Reports as JSON text and back, exactly: what the nightly job stores is what a report reads later.

A report is a frozen dataclass of numbers, text, moments, decimals and
tuples of smaller dataclasses. Each value is written so that reading it back
gives an equal object: floats through their shortest exact representation
(``json`` does that), moments as ISO text with their offset, decimals as
text. A tuple of dataclasses (200,000 churn risks) is written column by
column, a list per field, which is smaller and quicker to read than a mapping
per member. Types are taken from the dataclasses' annotations, so nothing in
the text can name a class to build: stored text is data, never code.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from datetime import datetime
from decimal import Decimal
from functools import cache
from typing import Any, TypeVar

from loyalty_desktop.analytics.bulk_rows import build_rows

T = TypeVar("T")


def dump_report(report: object) -> str:
    """``report`` (a dataclass) as compact JSON text."""
    return json.dumps(_encode(report), ensure_ascii=False, separators=(",", ":"), allow_nan=True)


def load_report(text: str, kind: type[T]) -> T:
    """The ``kind`` dataclass written by ``dump_report``.

    Raises:
        ValueError: the text does not hold a ``kind`` (a field missing or of another type).
    """
    try:
        found = _decode(json.loads(text), kind)
    except (KeyError, TypeError, AttributeError, ArithmeticError) as exc:
        raise ValueError(f"not a stored {kind.__name__}: {exc}") from exc
    return typing.cast(T, found)


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, tuple | list):
        if value and all(dataclasses.is_dataclass(item) for item in value):
            names = [f.name for f in dataclasses.fields(value[0])]
            return {
                "columns": {
                    name: [_encode(getattr(item, name)) for item in value] for name in names
                }
            }
        return [_encode(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _encode(item) for key, item in value.items()}
    return value


@cache
def _hints(kind: type) -> dict[str, Any]:
    return typing.get_type_hints(kind)


def _column(values: list[Any], hint: Any) -> list[Any]:
    """One field's values for every item: plain ones as they are, the rest one by one."""
    if hint is str or hint is int:
        if set(map(type, values)) - {hint}:
            raise TypeError(f"a column of {hint.__name__} holds something else")
        return values
    if hint is float:
        return [float(v) for v in values]
    return [_decode(v, hint) for v in values]


def _decode(value: Any, hint: Any) -> Any:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        choices = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _decode(value, choices[0])
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        fields = _hints(hint)
        return hint(**{name: _decode(value[name], fields[name]) for name in value})
    if origin in (tuple, list):
        item = typing.get_args(hint)[0]
        if isinstance(value, dict):  # a tuple of dataclasses, column by column
            columns = value["columns"]
            fields = _hints(item)
            names = list(columns)
            if names != [f.name for f in dataclasses.fields(item)]:
                raise TypeError(f"the columns {names} are not the fields of {item.__name__}")
            decoded = [_column(columns[name], fields[name]) for name in names]
            if len({len(column) for column in decoded}) > 1:
                raise TypeError("columns of different lengths")
            built = list(build_rows(item, *decoded))  # by position: a third quicker than by name
        else:
            built = [_decode(v, item) for v in value]
        return tuple(built) if origin is tuple else built
    if origin is dict:
        _, item = typing.get_args(hint)
        return {key: _decode(v, item) for key, v in value.items()}
    if hint is datetime:
        return datetime.fromisoformat(value)
    if hint is Decimal:
        return Decimal(value)
    if hint is float:
        return float(value)
    if hint in (int, str, bool) and not isinstance(value, hint):
        raise TypeError(f"{value!r} is not {hint.__name__}")
    return value
