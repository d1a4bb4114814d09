"""The Offers page's table: each offer, what it gives, who got it, and its measured lift."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from loyalty_desktop.analytics.offer_lift import Lift
from loyalty_desktop.domain.money import Currency, format_money
from loyalty_desktop.services.offer_report import OfferResult
from loyalty_desktop.services.offers import OfferSummary

_Index = QModelIndex | QPersistentModelIndex
_COLUMNS = 9  # offer, gives, valid, given, control, redeemed, rate, sales lift, visits lift
_RIGHT = 3  # from this column on, numbers


class OfferTableModel(QAbstractTableModel):
    """Offers as rows, newest first, with the report's numbers once they are in."""

    def __init__(self) -> None:
        super().__init__()
        self.offers: tuple[OfferSummary, ...] = ()
        self.results: dict[str, OfferResult] = {}
        self.currency = Currency.of("CNY")

    def show(self, offers: tuple[OfferSummary, ...]) -> None:
        """Show these offers (the report's numbers stay until new ones come)."""
        self.beginResetModel()
        self.offers = offers
        self.endResetModel()

    def show_results(self, results: tuple[OfferResult, ...], currency: Currency) -> None:
        """Fill in redemption and lift from the offers report (the rows and the choice stay)."""
        self.results = {r.offer.id: r for r in results}
        self.currency = currency
        if self.offers:
            last = self.index(len(self.offers) - 1, _COLUMNS - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008  (Qt's names)
        """The offers (a flat table)."""
        return 0 if parent.isValid() else len(self.offers)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        """Offer, gives, valid, given, control, redeemed, rate, sales lift, visits lift."""
        return 0 if parent.isValid() else _COLUMNS

    def headerData(  # noqa: N802
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Column titles in the UI language."""
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return {
                0: self.tr("Offer"),
                1: self.tr("Gives"),
                2: self.tr("Valid"),
                3: self.tr("Given"),
                4: self.tr("Control"),
                5: self.tr("Redeemed"),
                6: self.tr("Rate"),
                7: self.tr("Sales lift (95% CI)"),
                8: self.tr("Visits lift (95% CI)"),
            }.get(section)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The cell's text, tooltip and alignment (numbers right-aligned)."""
        if not index.isValid() or not 0 <= index.row() < len(self.offers):
            return None
        summary = self.offers[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(summary, column)
        if role == Qt.ItemDataRole.ToolTipRole and column >= 7:
            result = self.results.get(summary.offer.id)
            if result is not None and result.outcome.too_small:
                return self.tr(
                    "Fewer than {n} members on a side: no interval is given, only the means."
                ).format(n=30)
            return self.tr(
                "Per member given the offer, against the control group: the difference of "
                "the means and its 95% confidence interval (Welch)."
            )
        if role == Qt.ItemDataRole.TextAlignmentRole:
            side = Qt.AlignmentFlag.AlignRight if column >= _RIGHT else Qt.AlignmentFlag.AlignLeft
            return int(side | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _lift(self, lift: Lift, money: bool) -> str:
        def shown(x: float | None) -> str:
            if x is None:
                return "—"  # nobody on that side (a control group of 0 members)
            return format_money(round(x), self.currency) if money else f"{x:.2f}"

        if lift.difference is None or lift.low is None or lift.high is None:
            return self.tr("{offered} vs {control}, too few").format(
                offered=shown(lift.offered), control=shown(lift.control)
            )
        sign = "+" if lift.difference >= 0 else ""
        return f"{sign}{shown(lift.difference)} [{shown(lift.low)}, {shown(lift.high)}]"

    def _text(self, summary: OfferSummary, column: int) -> str | None:
        offer = summary.offer
        result = self.results.get(offer.id)
        if column == 0:
            return offer.name
        if column == 1:
            return summary.gives
        if column == 2:
            return f"{summary.first_day:%Y-%m-%d} – {summary.last_day:%Y-%m-%d}"
        if column == 3:
            return str(summary.given)
        if column == 4:
            return str(summary.control)
        if column == 5:
            return str(summary.redeemed)
        if result is None:
            return "…" if column >= 6 else None
        if column == 6:
            rate = result.redemption_rate
            return "—" if rate is None else f"{rate:.0%}"
        if column == 7:
            return self._lift(result.outcome.sales, money=True)
        return self._lift(result.outcome.visits, money=False)
