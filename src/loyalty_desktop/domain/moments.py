"""Moments as people write them: ISO 8601, a bare date meaning midnight in the shop's time zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from loyalty_desktop.domain.cards import quoted, repeatable
from loyalty_desktop.domain.errors import InvalidRequest

# Far enough back for old records, far enough ahead for any expiry; nothing overflows a date.
EARLIEST_YEAR, LATEST_YEAR = 1900, 2999


def parse_moment(text: str, timezone: str, *, field: str = "at") -> datetime:
    """``2025-03-01`` (shop midnight) or ``2025-03-01T14:30:00+08:00``, as an aware UTC datetime.

    ``field`` names the input in a refusal (``at``, ``from``).
    """
    cleaned = text.strip()
    zone = ZoneInfo(timezone)
    try:
        if len(cleaned) == 10:
            moment = datetime.combine(date.fromisoformat(cleaned), time(0), tzinfo=zone)
        else:
            moment = datetime.fromisoformat(cleaned.replace("Z", "+00:00"))
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=zone)
        utc = moment.astimezone(UTC)
    except (ValueError, OverflowError):
        raise InvalidRequest(
            f"{quoted(text)} is not a time; write 2025-03-01 or 2025-03-01T14:30:00+08:00",
            code="invalid_time",
            reason="time_format",
            field=field,
            value=repeatable(text),
        ) from None
    if not EARLIEST_YEAR <= utc.year <= LATEST_YEAR:
        raise InvalidRequest(
            f"{quoted(text)} is outside the years {EARLIEST_YEAR}–{LATEST_YEAR}",
            code="invalid_time",
            reason="time_out_of_range",
            field=field,
            value=repeatable(text),
            minimum=EARLIEST_YEAR,
            maximum=LATEST_YEAR,
        )
    return utc


def local_iso(moment: datetime, timezone: str) -> str:
    """A stored UTC moment as the shop reads it: ISO 8601 in the shop's time zone, with its offset."""
    return moment.astimezone(ZoneInfo(timezone)).isoformat()
