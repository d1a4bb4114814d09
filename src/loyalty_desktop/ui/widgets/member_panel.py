"""The member at the till at one glance: who, tier and the way to the next, points, rewards, flags.

Every reward open to the member is listed with its hotkey (Alt+1 … Alt+9),
never behind a "More": one they cannot afford is shown disabled with the
points it still needs, and a chosen one is ticked.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from loyalty_desktop.domain.money import format_money
from loyalty_desktop.services.member_view import MemberView, Offer, RewardOffer

SOON = timedelta(days=30)
REWARD_KEYS = 9  # Alt+1 … Alt+9


class MemberPanel(QFrame):
    """Shows a ``MemberView``; empty until a member is scanned."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("panel")
        self.who = QLabel()
        self.who.setObjectName("title")
        self.who.setWordWrap(True)
        self.tier = QLabel()
        self.tier.setWordWrap(True)
        self.points = QLabel()
        self.points.setObjectName("points")
        self.expiring = QLabel()
        self.expiring.setWordWrap(True)
        self.offers = QLabel()
        self.offers.setObjectName("ok")
        self.offers.setWordWrap(True)
        self.flags = QLabel()
        self.flags.setObjectName("notice")
        self.flags.setWordWrap(True)
        self.reward_rows: list[QLabel] = []  # one per reward, in hotkey order
        self._rewards: tuple[RewardOffer, ...] = ()
        self._spendable = 0
        self._view: MemberView | None = None
        box = QVBoxLayout(self)
        for label in (self.who, self.tier, self.points, self.expiring, self.offers):
            box.addWidget(label)
        self._reward_box = QVBoxLayout()
        box.addLayout(self._reward_box)
        box.addWidget(self.flags)
        box.addStretch(1)
        self.show_nobody()

    def add_line(self, widget: QWidget) -> None:
        """Show another line under the points and offers (above rewards and flags)."""
        box = self.layout()
        assert isinstance(box, QVBoxLayout)
        box.insertWidget(box.indexOf(self.offers) + 1, widget)

    def show_nobody(self) -> None:
        """No member yet: say how to find one."""
        self.who.setText(self.tr("No member"))
        self.tier.setText(self.tr("Scan the member's card or type a number or phone."))
        for label in (self.points, self.expiring, self.offers, self.flags):
            label.clear()
        self._list_rewards(None)

    def show_member(self, view: MemberView, today: datetime) -> None:
        """Fill the panel from ``view``; ``today`` decides the birthday flag and what lapses soon."""
        self.who.setText(f"{view.name}  ·  {view.member_no}")
        tier = view.tier or self.tr("no tier")
        if view.next_tier is not None:
            needs = (
                f"{view.next_tier.needs:.2f}"
                if view.currency.exponent
                else f"{view.next_tier.needs}"
            )
            self.tier.setText(
                self.tr("Tier: {tier} — {needs} more to {next}").format(
                    tier=tier, needs=needs, next=view.next_tier.name
                )
            )
        else:
            self.tier.setText(self.tr("Tier: {tier}").format(tier=tier))
        self.points.setText(self.tr("{points} points").format(points=view.points))
        soon = sum(e.points for e in view.expiring if e.expires_at <= today + SOON)
        self.expiring.setText(
            self.tr("{points} points expire in the next 30 days").format(points=soon)
            if soon
            else ""
        )
        self.offers.setText("\n".join(self._offer(offer) for offer in view.offers))
        flags = []
        if view.points < 0:
            flags.append(self.tr("⚠ Negative balance: points owed from a refund"))
        if view.birthday is not None and view.birthday.month == today.month:
            flags.append(self.tr("🎂 Birthday this month"))
        if view.status.value != "active":
            flags.append(self.tr("⚠ Member is {status}").format(status=view.status.value))
        self.flags.setText("\n".join(flags))
        self._list_rewards(view)

    def _list_rewards(self, view: MemberView | None) -> None:
        for row in self.reward_rows:
            self._reward_box.removeWidget(row)
            row.deleteLater()
        self.reward_rows = []
        self._view = view
        self._rewards = view.rewards if view is not None else ()
        self._spendable = view.spendable if view is not None else 0
        for _ in self._rewards:
            row = QLabel()
            row.setWordWrap(True)
            self._reward_box.addWidget(row)
            row.show()  # now, not when the layout's queued show runs (the cashier may press Alt+N first)
            self.reward_rows.append(row)
        self.show_chosen(())

    def show_chosen(self, chosen: tuple[str, ...]) -> None:
        """Tick the rewards in ``chosen``; the others show their key, or what they still need."""
        for number, (reward, row) in enumerate(
            zip(self._rewards, self.reward_rows, strict=True), start=1
        ):
            row.setText(self._reward(number, reward, reward.name in chosen))
            row.setEnabled(reward.affordable)

    def _reward(self, number: int, reward: RewardOffer, chosen: bool) -> str:
        """``[Alt+1] ✓ Free coffee — 300 points (COF-1)``; unaffordable: what it still needs."""
        key = f"Alt+{number}" if number <= REWARD_KEYS else "—"
        view = self._view
        worth = (
            f"−{format_money(reward.value, view.currency)}"
            if reward.value is not None and view is not None
            else reward.sku or ""
        )
        text = self.tr("[{key}] {mark} {name} — {points} points ({worth})").format(
            key=key,
            mark="✓" if chosen else "○",
            name=reward.name,
            points=reward.points,
            worth=worth,
        )
        if not reward.affordable:
            text += self.tr(" ✗ needs {more} more points").format(
                more=reward.points - max(self._spendable, 0)
            )
        elif chosen:
            text += self.tr(" — chosen")
        return text

    def _offer(self, offer: Offer) -> str:
        """One campaign on today, as the cashier tells the member (``★ Tea week: ×3 on Tea``)."""
        gains = []
        if offer.multiplier != 1:
            gains.append(
                self.tr("×{times} points").format(times=f"{offer.multiplier.normalize():f}")
            )
        if offer.bonus:
            gains.append(self.tr("+{bonus} bonus points").format(bonus=offer.bonus))
        text = self.tr("★ Today: {name}").format(name=offer.name)
        if gains:
            text += " — " + ", ".join(gains)
        if offer.categories:
            text += self.tr(" on {categories}").format(categories=", ".join(offer.categories))
        return text
