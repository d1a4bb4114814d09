"""Confidence intervals for shares of people: one share, the gap between two, and a net score.

Wilson's score interval for a share (right at 0 % and 100 % and for small
groups, where the textbook ``p ± 1.96·se`` runs past the ends), Newcombe's
hybrid score interval for the difference of two independent shares, and the
normal interval of a net score such as NPS (promoters minus detractors).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

Z95 = 1.959963984540054  # the two-sided 95 % point of the standard normal


@dataclass(frozen=True)
class Interval:
    """An estimate and its 95 % interval, as fractions (0.25 is 25 %)."""

    estimate: float
    low: float
    high: float


def wilson(successes: int, total: int) -> Interval | None:
    """The share ``successes / total`` with Wilson's 95 % interval (None for nobody)."""
    if total <= 0:
        return None
    p = successes / total
    z2 = Z95 * Z95
    centre = (p + z2 / (2 * total)) / (1 + z2 / total)
    half = Z95 * math.sqrt(p * (1 - p) / total + z2 / (4 * total * total)) / (1 + z2 / total)
    return Interval(p, max(0.0, centre - half), min(1.0, centre + half))


def difference(first: Interval | None, second: Interval | None) -> Interval | None:
    """``first - second`` with Newcombe's hybrid score interval (method 10), from two Wilson intervals."""
    if first is None or second is None:
        return None
    gap = first.estimate - second.estimate
    below = math.hypot(first.estimate - first.low, second.high - second.estimate)
    above = math.hypot(first.high - first.estimate, second.estimate - second.low)
    return Interval(gap, max(-1.0, gap - below), min(1.0, gap + above))


def net_share(plus: int, minus: int, total: int) -> Interval | None:
    """``(plus - minus) / total`` (NPS as a fraction) with its normal 95 % interval."""
    if total <= 0:
        return None
    p, m = plus / total, minus / total
    net = p - m
    spread = Z95 * math.sqrt(max(p + m - net * net, 0.0) / total)
    return Interval(net, max(-1.0, net - spread), min(1.0, net + spread))
