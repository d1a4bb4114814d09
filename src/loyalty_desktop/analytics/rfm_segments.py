"""The ten RFM segments, the R×F grid that assigns them, and what to do with each.

Source of the rules: the R×F grid reproduced in most published RFM
segmentation walk-throughs (the ``seg_map`` of Miuul's CRM analytics course
and the many Kaggle notebooks on the UCI Online Retail data; the names follow
Putler's RFM segments, without its eleventh, "Lost"). With recency score R and
frequency score F, each 1–5 and 5 best, the rules are, as regular expressions
on the text "RF":

======================  ==================
``[1-2][1-2]``          Hibernating
``[1-2][3-4]``          At Risk
``[1-2]5``              Can't Lose Them
``3[1-2]``              About to Sleep
``33``                  Need Attention
``[3-4][4-5]``          Loyal
``41``                  Promising
``51``                  New
``[4-5][2-3]``          Potential Loyalists
``5[4-5]``              Champions
======================  ==================

They cover the 25 cells once each, so every scored member has exactly one
segment. Monetary is scored and shown but, as in the source, does not move a
member between segments: spend follows visits closely, and a grid on two
scores stays readable for a shop manager.

The names and actions are English; the GUI translates them by ``key``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RfmSegment:
    """A segment: stable key (for translations and exports), English name, suggested action."""

    key: str
    name: str
    action: str


SEGMENTS = (
    RfmSegment(
        "champions",
        "Champions",
        "Reward them: early access to new products, thank-you gifts, ask for reviews and "
        "referrals. They come anyway; no discounts needed.",
    ),
    RfmSegment(
        "loyal",
        "Loyal",
        "Upsell: show them the next tier and what it brings, member-only offers on "
        "higher-value products, ask for feedback.",
    ),
    RfmSegment(
        "potential_loyalists",
        "Potential Loyalists",
        "Turn visits into a habit: a tier goal within reach, recommendations from what they "
        "bought, bonus points on the next visits.",
    ),
    RfmSegment(
        "new",
        "New",
        "Welcome them: explain how points work and give a small reason to come back soon.",
    ),
    RfmSegment(
        "promising",
        "Promising",
        "Encourage a second and third visit: a time-limited offer, bonus points this month.",
    ),
    RfmSegment(
        "need_attention",
        "Need Attention",
        "Remind them of their points and offer something for a limited time, based on what "
        "they bought before.",
    ),
    RfmSegment(
        "about_to_sleep",
        "About to Sleep",
        "Reconnect before they lapse: popular products, a modest discount, their points balance.",
    ),
    RfmSegment(
        "at_risk",
        "At Risk",
        "Win them back: a personal message, a strong offer, a reminder of the points they "
        "would lose.",
    ),
    RfmSegment(
        "cant_lose",
        "Can't Lose Them",
        "Your former regulars: contact them personally, make your best offer, ask what went wrong.",
    ),
    RfmSegment(
        "hibernating",
        "Hibernating",
        "Low priority: keep them in general mailings, try one reactivation offer, do not "
        "spend much.",
    ),
)
BY_KEY = {segment.key: segment for segment in SEGMENTS}

# Rows R = 1..5, columns F = 1..5: the table in the module docstring, cell by cell.
GRID = (
    ("hibernating", "hibernating", "at_risk", "at_risk", "cant_lose"),
    ("hibernating", "hibernating", "at_risk", "at_risk", "cant_lose"),
    ("about_to_sleep", "about_to_sleep", "need_attention", "loyal", "loyal"),
    ("promising", "potential_loyalists", "potential_loyalists", "loyal", "loyal"),
    ("new", "potential_loyalists", "potential_loyalists", "champions", "champions"),
)


def segment_key(r: int, f: int) -> str:
    """The segment of a member with recency score ``r`` and frequency score ``f`` (1–5 each)."""
    if not (1 <= r <= 5 and 1 <= f <= 5):
        raise ValueError(f"RFM scores run from 1 to 5, not R={r} F={f}")
    return GRID[r - 1][f - 1]
