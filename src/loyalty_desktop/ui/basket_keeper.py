"""The basket in progress kept on this PC, so a crash, a power cut or the idle lock never loses it.

Saved at every change (a few hundred bytes in QSettings, written through at
once) and forgotten when the sale completes or the cashier clears it (Esc). The
sale number is kept with it: a sale that posted just before the crash replays
when completed again, never posts twice.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from PySide6.QtCore import QSettings

from loyalty_desktop.services.baskets import LineRequest

_KEY = "basket/open"


@dataclass(frozen=True)
class KeptBasket:
    """What was on the till: its sale number, member, lines (with names) and order discount."""

    sale_no: str
    member_no: str | None
    lines: tuple[tuple[LineRequest, str], ...]
    discount: str


def keep_basket(basket: KeptBasket) -> None:
    """Write the basket through to disk now (a crash a moment later must not lose it)."""
    settings = QSettings()
    settings.setValue(
        _KEY,
        json.dumps(
            {
                "sale_no": basket.sale_no,
                "member_no": basket.member_no,
                "discount": basket.discount,
                "lines": [
                    [ln.sku, ln.quantity, ln.unit_price, ln.category, ln.discount, name]
                    for ln, name in basket.lines
                ],
            },
            ensure_ascii=False,
        ),
    )
    settings.sync()


def forget_basket() -> None:
    """The sale completed or was cleared: nothing to bring back."""
    settings = QSettings()
    settings.remove(_KEY)
    settings.sync()


def kept_basket() -> KeptBasket | None:
    """The basket left by the last run, or None (none, or a damaged value: never a reason to fail)."""
    text = QSettings().value(_KEY)
    if not isinstance(text, str):
        return None
    try:
        data = json.loads(text)
        lines = tuple(
            (LineRequest(str(s), str(q), str(p), c and str(c), d and str(d)), str(n))
            for s, q, p, c, d, n in data["lines"]
        )
        member = data.get("member_no")
        return KeptBasket(
            str(data["sale_no"]),
            str(member) if member else None,
            lines,
            str(data.get("discount") or ""),
        )
    except (ValueError, KeyError, TypeError):
        return None
