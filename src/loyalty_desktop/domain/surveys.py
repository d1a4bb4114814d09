"""Satisfaction surveys (seeds 001 and 003): one question after a sale, on the shop's scale.

The shop asks either for 1-5 stars (CSAT: the share of 4 and 5 stars) or for
the 0-10 "would you recommend us" score (NPS: promoters 9-10 minus detractors
0-6). Each answer keeps the scale it was given on, so a shop that changes its
mind later never mixes stars with NPS points. The rules here are pure; the
services store answers and read the setting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from loyalty_desktop.domain.errors import InvalidRequest


class SurveyScale(StrEnum):
    """The question's scale."""

    STARS = "stars"  # 1 to 5 stars; satisfied: 4-5, dissatisfied: 1-2
    NPS = "nps"  # 0 to 10; promoters: 9-10, detractors: 0-6

    @property
    def lowest(self) -> int:
        """The lowest score a customer can give."""
        return 1 if self is SurveyScale.STARS else 0

    @property
    def highest(self) -> int:
        """The highest score a customer can give."""
        return 5 if self is SurveyScale.STARS else 10

    def satisfied(self, score: int) -> bool:
        """4-5 stars, or a promoter (9-10)."""
        return score >= (4 if self is SurveyScale.STARS else 9)

    def dissatisfied(self, score: int) -> bool:
        """1-2 stars, or a detractor (0-6)."""
        return score <= (2 if self is SurveyScale.STARS else 6)


@dataclass(frozen=True)
class SurveySettings:
    """What the shop asks and whether the till asks it after each sale with a member."""

    scale: SurveyScale = SurveyScale.STARS
    ask_at_till: bool = False


@dataclass(frozen=True)
class SurveyAnswer:
    """A member's answer, the sale it was about (if any), and where and by whom it was taken."""

    id: str
    member_id: str
    member_no: str
    score: int
    scale: SurveyScale
    sale_no: str | None  # the sale the question was about; None: asked apart from a sale
    store: str  # the device id of the till that rang the sale up (or took the answer)
    staff: str | None  # who took the answer (the cashier of the sale at the till)
    tier: str | None  # the member's tier when they answered
    at: datetime
    recorded_at: datetime


_WHOLE = re.compile(r"-?\d+")  # decimal digits int() reads (full width too), never "²" or "--5"


def parse_score(text: str) -> int:
    """A score typed or read from a file: a whole number, else a refusal naming the text."""
    value = text.strip()
    if not _WHOLE.fullmatch(value) or len(value) > 3:
        raise InvalidRequest(
            f"a score is a whole number, not {value!r}",
            code="invalid_score",
            reason="survey_score_not_number",
            field="score",
            value=value[:20],
        )
    return int(value)


def parse_scale(text: str) -> SurveyScale:
    """``stars`` or ``nps``, else a refusal listing both."""
    try:
        return SurveyScale(text.strip().lower())
    except ValueError:
        raise InvalidRequest(
            f"the survey scale is stars or nps, not {text!r}",
            code="invalid_scale",
            reason="survey_scale_unknown",
            field="scale",
            value=text[:20],
            choices=[s.value for s in SurveyScale],
        ) from None


def check_score(score: int, scale: SurveyScale) -> None:
    """Refuse a score outside the scale (6 stars, 11 on NPS, a negative score)."""
    if not scale.lowest <= score <= scale.highest:
        raise InvalidRequest(
            f"a score on the {scale.value} scale is {scale.lowest} to {scale.highest}, not {score}",
            code="invalid_score",
            reason="survey_score_range",
            field="score",
            value=score,
            minimum=scale.lowest,
            maximum=scale.highest,
        )
