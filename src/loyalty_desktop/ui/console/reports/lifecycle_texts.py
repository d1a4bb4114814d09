"""The six lifecycle stages' names, actions and chart colours in the UI language, by stage key.

``analytics.lifecycle`` holds them in English for files and the command line;
the screens translate by the stable key (an unknown key shows the English).
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from loyalty_desktop.analytics.lifecycle import STAGES
from loyalty_desktop.ui.widgets.charts import PALETTE

_ENGLISH = {stage.key: stage for stage in STAGES}

# A stage keeps its colour on every chart: blue new, teal developing, green loyal, orange
# declining, grey lapsed, purple won back.
STAGE_COLOURS = {
    "new": PALETTE[0],
    "developing": PALETTE[4],
    "loyal": PALETTE[2],
    "declining": PALETTE[1],
    "lapsed": PALETTE[7],
    "won_back": PALETTE[3],
}


class LifecycleTexts(QObject):
    """``name(key)`` and ``action(key)`` of a stage, translated."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.names = {
            "new": self.tr("New"),
            "developing": self.tr("Developing"),
            "loyal": self.tr("Loyal"),
            "declining": self.tr("Declining"),
            "lapsed": self.tr("Lapsed"),
            "won_back": self.tr("Won back"),
        }
        self.actions = {
            "new": self.tr("Welcome them and give a reason for a second visit soon."),
            "developing": self.tr("Build the habit: a tier goal within reach, bonus points."),
            "loyal": self.tr("Reward and keep them: thanks, early access, referrals."),
            "declining": self.tr("Act before they lapse: a reminder of their points, an offer."),
            "lapsed": self.tr("Win them back with a strong, time-limited offer."),
            "won_back": self.tr("Make the return stick: thank them, follow up within weeks."),
        }
        self.first_purchase = self.tr("First purchase")

    def name(self, key: str | None) -> str:
        """The stage's name; ``None`` (no stage yet) reads "First purchase"."""
        if key is None:
            return self.first_purchase
        known = _ENGLISH.get(key)
        return self.names.get(key, known.name if known else key)

    def action(self, key: str) -> str:
        """What to do with the stage's members."""
        known = _ENGLISH.get(key)
        return self.actions.get(key, known.action if known else "")
