"""Customer lifetime value: the fitted models in plain words, the seed formula, and members by CLV.

BG/NBD says how often members buy and how likely they are to stop;
Gamma-Gamma what they spend per purchase; the seed formula is the rule of
thumb beside them. The horizon (days ahead) is the page's own control.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from loyalty_desktop.analytics.clv import ClvReport
from loyalty_desktop.analytics.repeat_purchases import DAYS_PER_UNIT
from loyalty_desktop.domain.money import Currency
from loyalty_desktop.services import report_series
from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.long_jobs import Job
from loyalty_desktop.services.report_files import ExportTable
from loyalty_desktop.services.reports import report
from loyalty_desktop.ui.console.reports.formats import (
    NONE_TEXT,
    money_text,
    money_value,
    percent_text,
    percent_value,
)
from loyalty_desktop.ui.console.reports.ranges import ReportFilter
from loyalty_desktop.ui.console.reports.table import ReportColumn, ReportTable
from loyalty_desktop.ui.console.reports.tiles import Tile, TileGrid
from loyalty_desktop.ui.console.reports.view import ReportView, ReportWork

DEFAULT_HORIZON_DAYS = 365


@dataclass(frozen=True)
class LifetimeValue:
    """The CLV report and the shop's currency."""

    clv: ClvReport
    currency: Currency


def decimal(value: float | None, places: int = 4) -> Decimal | None:
    """A float as an exact figure for files (None stays None)."""
    return None if value is None else Decimal(str(round(value, places)))


def rate(value: float | None) -> Decimal | None:
    """A probability as the four-decimal rate the formats expect."""
    return decimal(value, 4)


class ClvView(ReportView):
    """Model and seed tiles, and the members sorted by CLV."""

    key = "clv"

    def __init__(self, shop: Shop, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(shop, actor, parent)
        self.found: LifetimeValue | None = None
        self.model_tiles = TileGrid(4)
        self.seed_tiles = TileGrid(5)
        self.horizon = QSpinBox()
        self.horizon.setRange(7, 3650)
        self.horizon.setSingleStep(30)
        self.horizon.setValue(DEFAULT_HORIZON_DAYS)
        self.horizon.setSuffix(self.tr(" days"))
        self.ahead = QWidget()
        ahead = QHBoxLayout(self.ahead)
        ahead.setContentsMargins(0, 0, 0, 2)
        ahead.addWidget(QLabel(self.tr("Look ahead")))
        ahead.addWidget(self.horizon)
        self.unfitted = QLabel()
        self.unfitted.setObjectName("notice")
        self.unfitted.setWordWrap(True)
        self.unfitted.setVisible(False)
        self.model_title = self._section(self.tr("What the model learnt"))
        self.seed_title = self._section(self.tr("Rule of thumb (seed formula)"))
        self.members_title = self._section(self.tr("Members by lifetime value"))
        self.table = ReportTable(self._columns())
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 4, 0, 0)
        box.addWidget(self.unfitted)
        box.addWidget(self.model_title)
        box.addWidget(self.model_tiles)
        box.addWidget(self.seed_title)
        box.addWidget(self.seed_tiles)
        box.addWidget(self.members_title)
        box.addWidget(self.table, 1)
        self.horizon.editingFinished.connect(self._horizon_changed)
        self.table.member_chosen.connect(self.member_chosen)
        self._asked = self.horizon.value()

    def _section(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("section")
        return label

    def title(self) -> str:
        """The tab's name."""
        return self.tr("Lifetime value")

    def controls(self) -> QWidget:
        """How many days ahead the value is forecast."""
        return self.ahead

    def note(self) -> str:
        """How to read the figures."""
        return self.tr(
            "Lifetime value is what a member is expected to spend over the days ahead: "
            "expected purchases (BG/NBD) times expected spend per purchase (Gamma-Gamma), "
            "learnt from purchases up to the end of the period."
        )

    def _horizon_changed(self) -> None:
        if self.horizon.value() != self._asked:
            self._asked = self.horizon.value()
            self.recompute.emit()

    def work(self, wanted: ReportFilter) -> ReportWork:
        """Fit the models on purchases up to the period's end; forecast over the horizon."""
        shop, actor, at, store = self.shop, self.actor, wanted.end, wanted.store
        days = self.horizon.value()

        def run(job: Job) -> LifetimeValue:
            job.step("clv", 0, 1)
            found = report(shop, actor, "clv", at=at, horizon_days=days, store=store)
            currency = report_series.report_setup(shop, actor).currency
            job.step("done", 1, 1, final=True)
            assert isinstance(found, ClvReport)
            return LifetimeValue(found, currency)

        return run

    def show_result(self, result: Any, wanted: ReportFilter) -> None:
        """Fill the tiles and the members, highest CLV first."""
        self.found = result
        clv, cur = result.clv, result.currency
        self.unfitted.setText(
            self.tr("Not enough history to fit the models yet: {why}").format(why=clv.unfitted)
            if clv.unfitted
            else ""
        )
        self.unfitted.setVisible(bool(clv.unfitted))
        self.model_tiles.show_tiles(self._model_tiles(clv, cur))
        self.seed_tiles.show_tiles(self._seed_tiles(clv, cur))
        ranked = sorted(clv.members, key=lambda m: (m.clv is None, -(m.clv or 0), m.member_no))
        self.table.show_rows(ranked)

    def _model_tiles(self, clv: ClvReport, cur: Currency) -> list[Tile]:
        bg, gg = clv.bgnbd, clv.gamma_gamma
        weeks = bg.alpha / bg.r * DAYS_PER_UNIT[clv.time_unit] / 7 if bg and bg.r > 0 else None
        stop = bg.a / (bg.a + bg.b) if bg and bg.a + bg.b > 0 else None
        spend = round(gg.p * gg.gamma / (gg.q - 1)) if gg and gg.q > 1 else None
        total = sum(m.clv for m in clv.members if m.clv is not None) if bg else None
        return [
            Tile(
                "every",
                self.tr("A typical member buys every"),
                NONE_TEXT if weeks is None else self.tr("{n} weeks").format(n=f"{weeks:.1f}"),
                self.tr("While they still shop here (BG/NBD: alpha / r)"),
            ),
            Tile(
                "stop",
                self.tr("Chance of stopping after a purchase"),
                percent_text(rate(stop)),
                self.tr("The average chance a member never comes back (BG/NBD: a / (a + b))"),
            ),
            Tile(
                "spend",
                self.tr("Typical spend per purchase"),
                money_text(spend, cur),
                self.tr("Gamma-Gamma: p × gamma / (q − 1)"),
            ),
            Tile(
                "total",
                self.tr("Expected spend, all members"),
                money_text(total, cur),
                self.tr("The sum of the members' lifetime values over the days ahead"),
            ),
        ]

    def _seed_tiles(self, clv: ClvReport, cur: Currency) -> list[Tile]:
        seed = clv.seed
        return [
            Tile("average", self.tr("Average purchase"), money_text(seed.average_purchase, cur)),
            Tile(
                "per_month",
                self.tr("Purchases per month"),
                f"{seed.purchases_per_month:.2f}",
            ),
            Tile(
                "retention",
                self.tr("Retention"),
                percent_text(rate(seed.retention_rate)),
                self.tr(
                    "Of the members who bought in one {n}-day period, those who came back in the next"
                ).format(n=seed.retention_days),
            ),
            Tile("lifetime", self.tr("Lifetime (months)"), f"{seed.lifetime_months:.1f}"),
            Tile(
                "seed_clv",
                self.tr("Seed CLV"),
                money_text(seed.clv, cur),
                self.tr("Average purchase × purchases per month × retention × lifetime"),
            ),
        ]

    def _columns(self) -> list[ReportColumn]:
        def cur() -> Any:
            return self.found.currency if self.found else None

        def money(minor: int | None) -> Any:
            return None if minor is None else money_value(minor, cur())

        def two(value: float | None) -> str:
            return NONE_TEXT if value is None else f"{value:.2f}"

        return [
            ReportColumn(self.tr("Member number"), lambda m: m.member_no),
            ReportColumn(self.tr("Repeat purchases"), lambda m: m.frequency, number=True),
            ReportColumn(
                self.tr("Expected purchases"),
                lambda m: decimal(m.expected_purchases),
                lambda m: two(m.expected_purchases),
                number=True,
            ),
            ReportColumn(
                self.tr("Still a customer (%)"),
                lambda m: percent_value(rate(m.p_alive)),
                lambda m: percent_text(rate(m.p_alive)),
                number=True,
            ),
            ReportColumn(
                self.tr("Expected spend per purchase"),
                lambda m: money(m.expected_value),
                lambda m: money_text(m.expected_value, cur()),
                number=True,
            ),
            ReportColumn(
                self.tr("CLV"),
                lambda m: money(m.clv),
                lambda m: money_text(m.clv, cur()),
                number=True,
            ),
            ReportColumn(
                self.tr("Seed CLV"),
                lambda m: money(m.seed_clv),
                lambda m: money_text(m.seed_clv, cur()),
                number=True,
            ),
        ]

    def tiles(self) -> list[Tile]:
        """The model and seed tiles."""
        return [*self.model_tiles.tiles, *self.seed_tiles.tiles]

    def tables(self) -> list[ExportTable]:
        """The members by CLV."""
        if self.found is None:
            return []
        return [self.table.export(self.members_title.text())]
