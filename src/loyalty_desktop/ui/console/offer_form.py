"""The New offer form: the fields of an offer file, written as that file for the same service.

The form writes the TOML text the ``loyalty offer create`` command reads, so
the checks and the refusals are the command's; a list of member numbers can
be imported from a text or CSV file (the first column of each line).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from loyalty_desktop.domain.offers import OfferKind
from loyalty_desktop.domain.toml_writer import dump_toml

MAX_LIST_BYTES = 5_000_000


def _names(text: str) -> list[str]:
    return [t.strip() for t in text.replace("，", ",").split(",") if t.strip()]


def member_numbers(path: Path) -> list[str]:
    """Member numbers from a file: the first column of each line, a header line skipped."""
    text = path.read_bytes()[:MAX_LIST_BYTES].decode("utf-8-sig", errors="replace")
    found = [line.split(",")[0].strip().strip('"') for line in text.splitlines()]
    return [n for n in found if n and n.lower() not in ("member_no", "member", "会员号")]


class OfferForm(QWidget):
    """Name, what a coupon gives, dates, limits, control share and the audience rules."""

    submitted = Signal(str)  # the offer file's text

    def __init__(self) -> None:
        super().__init__()
        self.name = QLineEdit()
        self.name.setMaxLength(100)
        self.kind = QComboBox()
        for kind, label in (
            (OfferKind.MULTIPLIER, self.tr("Points multiplier")),
            (OfferKind.BONUS_POINTS, self.tr("Bonus points")),
            (OfferKind.MONEY_OFF, self.tr("Money off")),
            (OfferKind.PERCENT_OFF, self.tr("Percentage off")),
            (OfferKind.FREE_ITEM, self.tr("Free item")),
        ):
            self.kind.addItem(label, kind.value)
        self.value = QLineEdit("2")
        self.value_hint = QLabel()
        today = QDate.currentDate()
        self.start, self.end = QDateEdit(today), QDateEdit(today.addDays(30))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.per_member = QSpinBox()
        self.per_member.setRange(1, 20)
        self.budget = QLineEdit()
        self.budget.setPlaceholderText(self.tr("Empty: no cap"))
        self.control = QSpinBox()
        self.control.setRange(0, 90)
        self.control.setValue(10)
        self.control.setSuffix(" %")
        self.tiers = QLineEdit()
        self.stages = QLineEdit()
        self.stages.setPlaceholderText("new, developing, loyal, declining, lapsed, won_back")
        self.segments = QLineEdit()
        self.segments.setPlaceholderText("champions, loyal, at_risk, hibernating …")
        self.churn = QLineEdit()
        self.churn.setPlaceholderText("low, medium, high")
        self.months = QLineEdit()
        self.months.setPlaceholderText("1-12")
        self.categories = QLineEdit()
        self.stores = QLineEdit()
        self.members = QLineEdit()
        self.members.setPlaceholderText(self.tr("Member numbers, comma-separated"))
        self.import_list = QPushButton(self.tr("Import list…"))
        self.create_button = QPushButton(self.tr("Create offer"))
        self.create_button.setObjectName("primary")

        form = QFormLayout(self)
        form.addRow(self.tr("Name"), self.name)
        gives = QHBoxLayout()
        gives.addWidget(self.kind)
        gives.addWidget(self.value, 1)
        gives.addWidget(self.value_hint)
        form.addRow(self.tr("Each coupon gives"), gives)
        dates = QHBoxLayout()
        dates.addWidget(self.start)
        dates.addWidget(QLabel(self.tr("to")))
        dates.addWidget(self.end)
        dates.addStretch(1)
        form.addRow(self.tr("Valid (shop days)"), dates)
        limits = QHBoxLayout()
        limits.addWidget(QLabel(self.tr("Coupons per member")))
        limits.addWidget(self.per_member)
        limits.addWidget(QLabel(self.tr("Budget")))
        limits.addWidget(self.budget, 1)
        limits.addWidget(QLabel(self.tr("Control group")))
        limits.addWidget(self.control)
        form.addRow(self.tr("Limits"), limits)
        hint = QLabel(
            self.tr(
                "Audience: every rule filled in must hold; empty rules are ignored. Only "
                "members with marketing consent who have not opted out get offers."
            )
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        form.addRow(self.tr("Tiers"), self.tiers)
        form.addRow(self.tr("Lifecycle stages"), self.stages)
        form.addRow(self.tr("RFM segments"), self.segments)
        form.addRow(self.tr("Churn risk"), self.churn)
        form.addRow(self.tr("Birthday months"), self.months)
        form.addRow(self.tr("Category affinity"), self.categories)
        form.addRow(self.tr("Stores"), self.stores)
        listed = QHBoxLayout()
        listed.addWidget(self.members, 1)
        listed.addWidget(self.import_list)
        form.addRow(self.tr("Member list"), listed)
        form.addRow("", self.create_button)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.import_list.clicked.connect(self._import)
        self.create_button.clicked.connect(lambda: self.submitted.emit(self.offer_text()))
        self._kind_changed()

    def _kind_changed(self, *_: object) -> None:
        kind = OfferKind(self.kind.currentData())
        hints = {
            OfferKind.MULTIPLIER: (self.tr("× the points earned"), "2"),
            OfferKind.BONUS_POINTS: (self.tr("points"), "100"),
            OfferKind.MONEY_OFF: (self.tr("off the basket"), "10.00"),
            OfferKind.PERCENT_OFF: (self.tr("% off the basket"), "10"),
            OfferKind.FREE_ITEM: (self.tr("item code (SKU)"), ""),
        }
        hint, example = hints[kind]
        self.value_hint.setText(hint)
        self.value.setPlaceholderText(example)
        self.budget.setToolTip(
            self.tr("In points") if kind.gives_points else self.tr("In money, like 500.00")
        )

    def _import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Member list"), "", self.tr("Lists (*.csv *.txt)")
        )
        if path:
            self.members.setText(", ".join(member_numbers(Path(path))))

    def offer_text(self) -> str:
        """The form as an offer file (docs/offers.md)."""
        kind = OfferKind(self.kind.currentData())
        value = self.value.text().strip()
        data: dict[str, Any] = {"name": self.name.text().strip(), "kind": kind.value}
        key = {
            OfferKind.MULTIPLIER: "multiplier",
            OfferKind.BONUS_POINTS: "points",
            OfferKind.MONEY_OFF: "amount",
            OfferKind.PERCENT_OFF: "percent",
            OfferKind.FREE_ITEM: "sku",
        }[kind]
        if value:
            data[key] = int(value) if key == "points" and value.isdigit() else value
        data["start"] = date.fromisoformat(self.start.date().toString("yyyy-MM-dd")).isoformat()
        data["end"] = date.fromisoformat(self.end.date().toString("yyyy-MM-dd")).isoformat()
        data["per_member"] = self.per_member.value()
        budget = self.budget.text().strip()
        if budget:
            data["budget"] = int(budget) if kind.gives_points and budget.isdigit() else budget
        data["control_share"] = f"{self.control.value() / 100:.2f}"
        months = [int(m) for m in _names(self.months.text()) if m.isdigit()]
        audience = {
            "tiers": _names(self.tiers.text()),
            "stages": _names(self.stages.text()),
            "segments": _names(self.segments.text()),
            "churn": _names(self.churn.text()),
            "birthday_months": months,
            "categories": _names(self.categories.text()),
            "stores": _names(self.stores.text()),
            "members": _names(self.members.text()),
        }
        data["audience"] = {k: v for k, v in audience.items() if v}
        return dump_toml(data)

    def clear(self) -> None:
        """Empty the name and the audience for the next offer."""
        for field in (self.name, self.members):
            field.clear()
