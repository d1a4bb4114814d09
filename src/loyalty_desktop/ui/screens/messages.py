"""A refusal said in the language the screens are showing (the services' own wording tables)."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.domain.reasons import describe


def spoken(error: LoyaltyError) -> str:
    """The refusal's sentence in the UI language (Chinese or English)."""
    return describe(error, QLocale().name())
