"""Printing results: one JSON object with ``--json``, readable lines without."""

from __future__ import annotations

import json
import sys
from typing import Any, TextIO


def emit(result: dict[str, Any], *, as_json: bool, stream: TextIO | None = None) -> None:
    """Print a command's result."""
    out = stream or sys.stdout
    if as_json:
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
        return
    for key, value in result.items():
        if isinstance(value, list | dict):
            if not value:
                out.write(f"{key}: -\n")
                continue
            out.write(f"{key}:\n")
            items = value if isinstance(value, list) else [value]
            for item in items:
                text = (
                    ", ".join(f"{k}={v}" for k, v in item.items())
                    if isinstance(item, dict)
                    else str(item)
                )
                out.write(f"  {text}\n")
        else:
            out.write(f"{key}: {'-' if value is None else value}\n")


_OWN_KEYS = ("error", "message", "reason")


def emit_error(
    code: str,
    message: str,
    *,
    as_json: bool,
    extra: dict[str, Any] | None = None,
    reason: str | None = None,
) -> None:
    """Print a refusal: JSON on stdout with ``--json``, a sentence on stderr without.

    The JSON always has ``error`` (the code), ``message`` and ``reason`` (the
    specific reason in ``domain.reasons``, the code itself when there is none
    more specific), then the refusal's details; a detail never hides those three.
    """
    if as_json:
        details = {k: v for k, v in (extra or {}).items() if k not in _OWN_KEYS}
        body = {"error": code, "message": message, "reason": reason or code, **details}
        sys.stdout.write(json.dumps(body, ensure_ascii=False) + "\n")
    else:
        sys.stderr.write(f"loyalty: {message} [{code}]\n")
        rejected = (extra or {}).get("rejected", [])
        for item in rejected[:50]:
            sys.stderr.write(f"  row {item['row']}: {item['error']}\n")
        if len(rejected) > 50:
            sys.stderr.write(
                f"  … and {len(rejected) - 50} more rows (use --json to see them all)\n"
            )
