"""What every report is computed over: the storage's report queries, the programme, the period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from loyalty_desktop.analytics.ports import ReportSource
from loyalty_desktop.domain.program import Program
from loyalty_desktop.domain.surveys import SurveyAnswer, SurveyScale


@dataclass(frozen=True)
class SurveyAnswers:
    """The shop's survey scale and the answers given in the period (one store's, if chosen)."""

    scale: SurveyScale
    answers: tuple[SurveyAnswer, ...]


@dataclass(frozen=True)
class ReportPeriod:
    """A report's inputs, checked: sales in (start, end], one store's or all (``store`` None)."""

    source: ReportSource
    program: Program
    start: datetime
    end: datetime
    horizon_days: int
    store: str | None
    surveys: SurveyAnswers | None = None  # read only for the satisfaction report
