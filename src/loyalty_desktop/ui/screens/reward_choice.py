"""Which of the member's rewards the basket takes: chosen with Alt+1 … Alt+9, or pre-chosen when only one fits.

Kept apart from the checkout screen: no widgets, only the choice. A reward
fits the basket when the member can afford it and, for an item reward, the
item is in the basket. While the cashier has not pressed a reward key, the
single fitting reward (if exactly one fits) is chosen for them, so F12 takes
it; any reward key hands the choice to the cashier until the next customer.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from loyalty_desktop.services.member_view import RewardOffer


@dataclass
class RewardChoice:
    """The rewards on offer to the member at the till and the names chosen, in hotkey order."""

    offers: tuple[RewardOffer, ...] = ()
    chosen: set[str] = field(default_factory=set)
    by_hand: bool = False  # the cashier pressed a reward key: no more choosing for them

    def start(self, offers: tuple[RewardOffer, ...]) -> None:
        """A new member (or none): nothing chosen, choosing for the cashier again."""
        self.offers, self.chosen, self.by_hand = offers, set(), False

    def offer(self, number: int) -> RewardOffer | None:
        """The reward on key Alt+``number`` (1-based), if there is one."""
        return self.offers[number - 1] if 1 <= number <= len(self.offers) else None

    def toggle(self, offer: RewardOffer) -> bool:
        """Choose ``offer``, or give it back if chosen; False (nothing changed) if unaffordable."""
        self.by_hand = True
        if offer.name in self.chosen:
            self.chosen.discard(offer.name)
            return True
        if not offer.affordable:
            return False
        self.chosen.add(offer.name)
        return True

    def fit(self, skus: set[str]) -> None:
        """Unless the cashier chose, pre-choose the one reward that fits a basket of ``skus``."""
        if self.by_hand:
            return
        fitting = [o for o in self.offers if o.affordable and (o.sku is None or o.sku in skus)]
        self.chosen = {fitting[0].name} if len(fitting) == 1 else set()

    @property
    def names(self) -> tuple[str, ...]:
        """The chosen rewards' names in hotkey order (the order the sale takes them)."""
        return tuple(o.name for o in self.offers if o.name in self.chosen)

    @property
    def points(self) -> int:
        """What the chosen rewards cost together."""
        return sum(o.points for o in self.offers if o.name in self.chosen)
