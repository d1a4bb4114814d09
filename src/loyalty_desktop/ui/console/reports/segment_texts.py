"""The ten RFM segments' names and suggested actions in the UI language, by segment key.

``analytics.rfm_segments`` holds them in English for files and the command
line; the screens translate by the stable key, so a reworded English text
never loses its translation silently (an unknown key shows the English).
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from loyalty_desktop.analytics.rfm_segments import BY_KEY


class SegmentTexts(QObject):
    """``name(key)`` and ``action(key)`` of a segment, translated."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.names = {
            "champions": self.tr("Champions"),
            "loyal": self.tr("Loyal"),
            "potential_loyalists": self.tr("Potential Loyalists"),
            "new": self.tr("New"),
            "promising": self.tr("Promising"),
            "need_attention": self.tr("Need Attention"),
            "about_to_sleep": self.tr("About to Sleep"),
            "at_risk": self.tr("At Risk"),
            "cant_lose": self.tr("Can't Lose Them"),
            "hibernating": self.tr("Hibernating"),
        }
        self.actions = {
            "champions": self.tr(
                "Reward them: early access to new products, thank-you gifts, ask for reviews "
                "and referrals. They come anyway; no discounts needed."
            ),
            "loyal": self.tr(
                "Upsell: show them the next tier and what it brings, member-only offers on "
                "higher-value products, ask for feedback."
            ),
            "potential_loyalists": self.tr(
                "Turn visits into a habit: a tier goal within reach, recommendations from what "
                "they bought, bonus points on the next visits."
            ),
            "new": self.tr(
                "Welcome them: explain how points work and give a small reason to come back soon."
            ),
            "promising": self.tr(
                "Encourage a second and third visit: a time-limited offer, bonus points this month."
            ),
            "need_attention": self.tr(
                "Remind them of their points and offer something for a limited time, based on "
                "what they bought before."
            ),
            "about_to_sleep": self.tr(
                "Reconnect before they lapse: popular products, a modest discount, their points "
                "balance."
            ),
            "at_risk": self.tr(
                "Win them back: a personal message, a strong offer, a reminder of the points "
                "they would lose."
            ),
            "cant_lose": self.tr(
                "Your former regulars: contact them personally, make your best offer, ask what "
                "went wrong."
            ),
            "hibernating": self.tr(
                "Low priority: keep them in general mailings, try one reactivation offer, do not "
                "spend much."
            ),
        }

    def name(self, key: str) -> str:
        """The segment's name (the English one for a key not known here)."""
        known = BY_KEY.get(key)
        return self.names.get(key, known.name if known else key)

    def action(self, key: str) -> str:
        """What to do with the segment's members."""
        known = BY_KEY.get(key)
        return self.actions.get(key, known.action if known else "")
