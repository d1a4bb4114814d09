"""The filters every report shares: a period (presets or two dates) and a store (all, or one till).

The period's days are the shop's (its programme's time zone), so "this month"
means the same days on every till of a chain. The dates always show the
period in force; choosing a preset fills them, editing one makes it Custom.
``changed`` is emitted once per change, after the dates have settled.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from loyalty_desktop.services.report_series import ReportSetup, StoreChoice
from loyalty_desktop.ui.console.reports.ranges import Preset, ReportFilter, preset_days

DATE_FORMAT = "yyyy-MM-dd"


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class ReportFilters(QWidget):
    """Period and store pickers; ``current()`` once the shop's setup is known."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setup: ReportSetup | None = None
        self._quiet = False
        self.preset = QComboBox()
        names = {
            Preset.LAST_30_DAYS: self.tr("Last 30 days"),
            Preset.THIS_MONTH: self.tr("This month"),
            Preset.LAST_QUARTER: self.tr("Last quarter"),
            Preset.LAST_12_MONTHS: self.tr("Last 12 months"),
            Preset.CUSTOM: self.tr("Custom"),
        }
        for preset, name in names.items():
            self.preset.addItem(name, preset.value)
        self.first = QDateEdit()
        self.last = QDateEdit()
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(DATE_FORMAT)
            edit.setMinimumWidth(140)
        self.store = QComboBox()
        self.store.setMinimumWidth(170)
        self.store.addItem(self.tr("All stores"), None)
        self.store.setEnabled(False)
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(QLabel(self.tr("Period")))
        box.addWidget(self.preset)
        box.addWidget(self.first)
        box.addWidget(QLabel("–"))
        box.addWidget(self.last)
        box.addSpacing(12)
        box.addWidget(QLabel(self.tr("Store")))
        box.addWidget(self.store)
        self.preset.setCurrentIndex(self.preset.findData(Preset.LAST_12_MONTHS.value))
        self.preset.currentIndexChanged.connect(self._preset_chosen)
        self.first.dateChanged.connect(self._dates_edited)
        self.last.dateChanged.connect(self._dates_edited)
        self.store.currentIndexChanged.connect(self._store_chosen)

    # -- what the page calls ----------------------------------------------------------------

    def set_setup(self, setup: ReportSetup) -> None:
        """The shop's zone, today and stores are known: fill the pickers (``changed`` once)."""
        self.setup = setup
        self._quiet = True
        try:
            today = self.today()
            for edit in (self.first, self.last):
                edit.setMaximumDate(_qdate(today))
            self.store.clear()
            self.store.addItem(self.tr("All stores"), None)
            for n, choice in enumerate(setup.stores, start=1):
                self.store.addItem(self._store_name(choice, n), choice.store)
                self.store.setItemData(
                    self.store.count() - 1,
                    self.tr("Sales rung up: {n}").format(n=choice.sales),
                    Qt.ItemDataRole.ToolTipRole,
                )
            self.store.setEnabled(len(setup.stores) > 0)
            self._fill_dates()
        finally:
            self._quiet = False
        self.changed.emit()

    def today(self) -> date:
        """The shop's today (its programme's time zone)."""
        if self.setup is None:
            return date.today()
        return self.setup.now.astimezone(ZoneInfo(self.setup.timezone)).date()

    def current(self, now: datetime | None = None) -> ReportFilter | None:
        """The filter in force, ending at ``now`` at the latest (None until the setup is known)."""
        if self.setup is None:
            return None
        first, last = _day(self.first.date()), _day(self.last.date())
        if last < first:
            first, last = last, first
        return ReportFilter.of(
            first,
            last,
            self.setup.timezone,
            now or self.setup.now,
            self.store.currentData(),
            self.store.currentText(),
        )

    def choose_preset(self, preset: Preset) -> None:
        """Pick a preset (tests and the page's shortcuts)."""
        self.preset.setCurrentIndex(self.preset.findData(preset.value))

    def choose_days(self, first: date, last: date) -> None:
        """Narrow the period to ``first``–``last`` (a custom period; ``changed`` once)."""
        self._quiet = True
        try:
            self.preset.setCurrentIndex(self.preset.findData(Preset.CUSTOM.value))
            self.first.setDate(_qdate(first))
            self.last.setDate(_qdate(min(last, self.today())))
        finally:
            self._quiet = False
        self.changed.emit()

    def choose_store(self, store: str | None) -> None:
        """Pick a store by its device id (None: all stores)."""
        index = self.store.findData(store)
        if index >= 0:
            self.store.setCurrentIndex(index)

    def uses_store(self, used: bool) -> None:
        """Grey the store out for a report whose figures are the whole shop's."""
        self.store.setEnabled(used and self.setup is not None and bool(self.setup.stores))

    # -- reacting ---------------------------------------------------------------------------

    def _store_name(self, choice: StoreChoice, n: int) -> str:
        if choice.this_till:
            return self.tr("This till")
        return self.tr("Till {n} ({id})").format(n=n, id=choice.store[:8])

    def _fill_dates(self) -> None:
        preset = Preset(self.preset.currentData())
        if preset is Preset.CUSTOM:
            return
        first, last = preset_days(preset, self.today())
        self.first.setDate(_qdate(first))
        self.last.setDate(_qdate(last))

    def _preset_chosen(self) -> None:
        self._quiet = True
        try:
            self._fill_dates()
        finally:
            self._quiet = False
        self._emit()

    def _dates_edited(self) -> None:
        if self._quiet:
            return
        self._quiet = True
        try:
            self.preset.setCurrentIndex(self.preset.findData(Preset.CUSTOM.value))
        finally:
            self._quiet = False
        self._emit()

    def _store_chosen(self) -> None:
        self._emit()

    def _emit(self) -> None:
        if not self._quiet and self.setup is not None:
            self.changed.emit()
