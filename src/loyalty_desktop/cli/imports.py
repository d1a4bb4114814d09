"""What the ``import`` commands add to the services' arguments: ``--map FIELD=COLUMN`` read into a mapping."""

from __future__ import annotations

from collections.abc import Sequence

from loyalty_desktop.cli.parser import UsageError


def column_map(pairs: Sequence[str] | None) -> dict[str, str] | None:
    """``["phone=手机", "email="]`` as ``{"phone": "手机", "email": ""}``; None without ``--map``.

    An empty column leaves an optional field out on purpose; fields not named
    are guessed from the file's headers.
    """
    if not pairs:
        return None
    found: dict[str, str] = {}
    for pair in pairs:
        field, equals, column = pair.partition("=")
        field = field.strip().lower()
        if not equals or not field:
            raise UsageError(f"--map takes FIELD=COLUMN (like member_no=会员号), not {pair!r}")
        if field in found:
            raise UsageError(f"--map names {field} twice")
        found[field] = column.strip()
    return found
