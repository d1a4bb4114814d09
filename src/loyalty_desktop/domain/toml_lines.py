"""Where each key of a TOML text is written, so a mistake can be shown with its line number."""

from __future__ import annotations

import re

KeyPath = tuple[str | int, ...]


def key_lines(text: str) -> dict[KeyPath, int]:
    """Map each key path in a TOML text to the line it is written on (1-based).

    tomllib gives values but no positions; this scan is good enough to point a
    shop owner at the right line, which is all it is used for.
    """
    lines: dict[KeyPath, int] = {}
    table: KeyPath = ()
    array_counts: dict[KeyPath, int] = {}
    in_multiline = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if in_multiline:
            if line.count('"""') % 2 == 1 or line.count("'''") % 2 == 1:
                in_multiline = False
            continue
        if not line or line.startswith("#"):
            continue
        if line.startswith("[["):
            path = _split_key(line[2 : line.find("]]")])
            index = array_counts.get(path, 0)
            array_counts[path] = index + 1
            table = (*path, index)
            lines.setdefault(path, number)
            lines[table] = number
            continue
        if line.startswith("["):
            table = _split_key(line[1 : line.find("]")])
            lines.setdefault(table, number)
            continue
        match = re.match(
            r'^((?:[A-Za-z0-9_\-]+|"[^"]*"|\'[^\']*\')(?:\s*\.\s*(?:[A-Za-z0-9_\-]+|"[^"]*"|\'[^\']*\'))*)\s*=',
            line,
        )
        if match:
            lines.setdefault((*table, *_split_key(match.group(1))), number)
            rest = line[match.end() :]
            if rest.count('"""') == 1 or rest.count("'''") == 1:
                in_multiline = True
    return lines


def _split_key(text: str) -> tuple[str, ...]:
    parts = re.findall(r'"([^"]*)"|\'([^\']*)\'|([^.\s]+)', text)
    return tuple(double or single or bare for double, single, bare in parts)
