"""The demo shop's satisfaction answers: a third of member sales answered on the till's star question.

Synthetic, and said so in docs/satisfaction.md: a customer who comes back
within two months tends to give more stars than one who does not, and one of
the three cashiers gets a little less; so the satisfaction report has real
differences to show. Drawn from their own random stream, so the rest of the
demo (baskets, redemptions) is the same with or without them.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterable
from datetime import datetime, timedelta

from loyalty_desktop.demo.history import SalePlan
from loyalty_desktop.domain.members import Member
from loyalty_desktop.domain.sales import Sale
from loyalty_desktop.domain.surveys import SurveyAnswer, SurveyScale

ASKED = 0.35  # share of member sales whose customer answers
CASHIERS = ("王芳", "李娜", "张伟")
SOON = timedelta(days=60)
# Star weights (1..5): customers who come back soon, and those who do not.
RETURNING = (2, 3, 10, 40, 45)
NOT_RETURNING = (10, 12, 25, 33, 20)


def next_visits(events: Iterable[object]) -> dict[str, timedelta | None]:
    """For each member sale of the plan, the time to that member's next sale (None: none after)."""
    last: dict[int, SalePlan] = {}
    gaps: dict[str, timedelta | None] = {}
    for event in events:
        if not isinstance(event, SalePlan) or event.person is None:
            continue
        before = last.get(event.person.index)
        if before is not None:
            gaps[before.sale_no] = event.at - before.at
        gaps[event.sale_no] = None
        last[event.person.index] = event
    return gaps


def demo_answer(
    rng: random.Random,
    sale: Sale,
    member: Member,
    gap: timedelta | None,
    store: str,
    at: datetime,
) -> SurveyAnswer | None:
    """The customer's stars for this sale, or None when they were not asked or skipped."""
    if rng.random() >= ASKED:
        return None
    staff = rng.choice(CASHIERS)
    weights = list(RETURNING if gap is not None and gap <= SOON else NOT_RETURNING)
    if staff == CASHIERS[2]:  # a little less patient at the till
        weights = [weights[0] + 4, weights[1] + 4, weights[2], weights[3], max(weights[4] - 8, 1)]
    score = rng.choices(range(1, 6), weights=weights)[0]
    return SurveyAnswer(
        id=str(uuid.UUID(int=rng.getrandbits(128))),
        member_id=member.id,
        member_no=member.member_no,
        score=score,
        scale=SurveyScale.STARS,
        sale_no=sale.sale_no,
        store=store,
        staff=staff,
        tier=sale.tier_after,
        at=at + timedelta(minutes=1),
        recorded_at=at + timedelta(minutes=1),
    )
