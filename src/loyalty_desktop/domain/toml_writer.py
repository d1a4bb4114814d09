"""Writing TOML text from plain data: tables, arrays of tables, text, whole numbers, booleans and lists.

Only what a programme file needs; the reader is the standard ``tomllib``.
Scalars of a table come before its sub-tables, as TOML requires.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def toml_text(value: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    out = []
    for ch in value:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def toml_key(key: str) -> str:
    """A key, bare when TOML allows it, else quoted."""
    return key if _BARE_KEY.fullmatch(key) else toml_text(key)


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return toml_text(value)
    if isinstance(value, Sequence):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def _is_tables(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, Mapping) for v in value)


def dump_toml(data: Mapping[str, Any]) -> str:
    """``data`` as TOML text; ``tomllib.loads`` of it gives ``data`` back."""
    lines: list[str] = []
    _table(lines, (), data)
    return "\n".join(lines).strip() + "\n"


def _table(lines: list[str], path: tuple[str, ...], data: Mapping[str, Any]) -> None:
    nested = []
    for key, value in data.items():
        if isinstance(value, Mapping) or _is_tables(value):
            nested.append((key, value))
        else:
            lines.append(f"{toml_key(key)} = {_scalar(value)}")
    for key, value in nested:
        inner = (*path, toml_key(key))
        if isinstance(value, Mapping):
            lines.extend(("", f"[{'.'.join(inner)}]"))
            _table(lines, inner, value)
            continue
        for item in value:
            lines.extend(("", f"[[{'.'.join(inner)}]]"))
            _table(lines, inner, item)
