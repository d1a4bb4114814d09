"""What the screens share: refusals in the UI language, the message line's tone, the clock, new numbers."""

from __future__ import annotations

import re
import secrets
from datetime import UTC, datetime

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.domain.reasons import describe


def spoken(error: LoyaltyError) -> str:
    """The refusal's sentence in the UI language (Chinese or English)."""
    return describe(error, QLocale().name())


def tell(label: QLabel, text: str, *, ok: bool = False) -> None:
    """Show ``text`` on a message line, green when something succeeded, else as a notice."""
    label.setObjectName("ok" if ok else "notice")
    label.style().polish(label)  # the stylesheet picks the new name up
    label.setText(text)


def wall_clock() -> datetime:
    """Now, for the screens (tests pass their own clock)."""
    return datetime.now(UTC)


def till_number(prefix: str, now: datetime) -> str:
    """A sale or refund number made at the till: prefix, moment, random tail (``T20261205-142501-3f9a``)."""
    return f"{prefix}{now:%Y%m%d-%H%M%S}-{secrets.token_hex(2)}"


_TILL_SALE = re.compile(r"^T(\d{8}-\d{6})-([0-9a-f]{4})$", re.IGNORECASE)


def till_sale_number(code: str) -> str | None:
    """A scanned receipt's sale number as the till made it, or None if ``code`` is not one.

    CapsLock flips the letters a scanner types, so the case is put back.
    """
    match = _TILL_SALE.match(code.strip())
    return f"T{match[1]}-{match[2].lower()}" if match else None
