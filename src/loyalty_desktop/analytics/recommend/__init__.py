"""Recommendations over member purchase lines (no Qt, no database: lines come as a frame)."""

from loyalty_desktop.analytics.recommend.matrices import LINE_COLUMNS
from loyalty_desktop.analytics.recommend.model import (
    Reason,
    Recommender,
    Settings,
    Suggestion,
    Weights,
    build,
)

__all__ = ["LINE_COLUMNS", "Reason", "Recommender", "Settings", "Suggestion", "Weights", "build"]
