"""The member at the till at one glance: who, tier and the way to the next, points, what lapses soon, flags."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from loyalty_desktop.services.member_view import MemberView, Offer

SOON = timedelta(days=30)


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
        box = QVBoxLayout(self)
        for label in (self.who, self.tier, self.points, self.expiring, self.offers, self.flags):
            box.addWidget(label)
        box.addStretch(1)
        self.show_nobody()

    def show_nobody(self) -> None:
        """No member yet: say how to find one."""
        self.who.setText(self.tr("No member"))
        self.tier.setText(self.tr("Scan the member's card or type a number or phone."))
        for label in (self.points, self.expiring, self.offers, self.flags):
            label.clear()

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
