"""Below the product form: what the till's and the record's suggestions leave out, set by a manager.

Read and saved on the worker through ``services.recommend_options`` (which
checks the right and the range, and audits the change). Categories are typed
as a list: commas (also Chinese ones), semicolons or new lines between them.
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.recommend_options import (
    MAX_SKIP_DAYS,
    RecommendOptions,
    recommend_options,
    set_recommend_options,
)
from loyalty_desktop.ui.screens.messages import spoken, tell
from loyalty_desktop.ui.tasks import Tasks

_BETWEEN = re.compile(r"[,，;；、\n]")


def categories(text: str) -> list[str]:
    """The category names typed in a box, in order, each once."""
    return list(dict.fromkeys(p.strip() for p in _BETWEEN.split(text) if p.strip()))


class SuggestionOptions(QGroupBox):
    """The options' form and its Save button."""

    def __init__(self, shop: Shop, tasks: Tasks, actor: Actor) -> None:
        super().__init__()
        self.setTitle(self.tr("Suggestions"))
        self._shop, self._tasks, self._actor = shop, tasks, actor
        self.skip = QCheckBox(self.tr("Leave out what they bought lately"))
        self.days = QSpinBox()
        self.days.setRange(0, MAX_SKIP_DAYS)
        self.days.setValue(14)
        self.days.setSuffix(self.tr(" days"))
        self.excluded = QLineEdit()
        self.excluded.setPlaceholderText(self.tr("e.g. tobacco, gift cards"))
        self.consumables = QLineEdit()
        self.consumables.setPlaceholderText(self.tr("e.g. dairy, rice, pet food"))
        self.consumables.setToolTip(
            self.tr(
                "Goods bought again and again: an item of these categories the member bought "
                "on two days or more is suggested again once their usual interval for it has "
                "passed, and not before, even inside the days left out above."
            )
        )
        self.switched_off = QCheckBox(self.tr("Also suggest products not on sale"))
        self.save = QPushButton(self.tr("Save suggestion options"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Lately: within"), self.days)
        form.addRow(self.tr("Never suggest"), self.excluded)
        form.addRow(self.tr("Consumables"), self.consumables)
        box = QVBoxLayout(self)
        box.addWidget(self.skip)
        box.addLayout(form)
        box.addWidget(self.switched_off)
        box.addWidget(self.save)
        box.addWidget(self.message)
        self.skip.toggled.connect(self.days.setEnabled)
        self.days.setEnabled(False)
        self.save.clicked.connect(self.store)

    def load(self) -> None:
        """Read the options in force into the form."""
        shop, actor = self._shop, self._actor
        self._tasks.submit(lambda: recommend_options(shop, actor), self.show_options, self._refused)

    def show_options(self, options: RecommendOptions) -> None:
        """Fill the form from ``options``."""
        skip = options.skip_bought_within_days
        self.skip.setChecked(skip is not None)
        if skip is not None:
            self.days.setValue(skip)
        self.excluded.setText(", ".join(sorted(options.excluded_categories)))
        self.consumables.setText(", ".join(sorted(options.consumable_categories)))
        self.switched_off.setChecked(not options.active_only)

    def store(self) -> None:
        """Save the form's options (they apply to the next suggestion everywhere)."""
        shop, actor = self._shop, self._actor
        skip = self.days.value() if self.skip.isChecked() else None
        excluded, consumable = categories(self.excluded.text()), categories(self.consumables.text())
        active_only = not self.switched_off.isChecked()

        def work() -> RecommendOptions:
            return set_recommend_options(
                shop,
                actor,
                skip_bought_within_days=skip,
                excluded_categories=excluded,
                active_only=active_only,
                consumable_categories=consumable,
            )

        self._tasks.submit(work, self._saved, self._refused)

    def _saved(self, options: RecommendOptions) -> None:
        self.show_options(options)
        tell(self.message, self.tr("Saved: the next suggestions follow these options."), ok=True)

    def _refused(self, error: LoyaltyError) -> None:
        tell(self.message, spoken(error))
