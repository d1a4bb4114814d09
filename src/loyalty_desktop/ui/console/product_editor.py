"""The form beside the product list: add a product, or change one's name, price, category and barcode.

Saving goes through ``services.products.save_product`` on the worker, which
checks everything the till relies on (price text, a barcode no other product
has); a refusal is shown under the form in the UI language.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.products import ProductView, SavedProduct, save_product
from loyalty_desktop.ui.screens.messages import spoken, tell
from loyalty_desktop.ui.tasks import Tasks


def price_text(product: ProductView) -> str:
    """A price in minor units as the form shows it: ``12.50`` (no currency sign)."""
    digits = product.currency.exponent
    return f"{Decimal(product.price).scaleb(-digits):.{digits}f}"


class ProductEditor(QWidget):
    """One product's form; ``saved`` carries what ``save_product`` did."""

    saved = Signal(object)  # SavedProduct

    def __init__(self, shop: Shop, tasks: Tasks, actor: Actor) -> None:
        super().__init__()
        self._shop, self._tasks, self._actor = shop, tasks, actor
        self.heading = QLabel()
        self.heading.setObjectName("section")
        self.sku = QLineEdit()
        self.sku.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.name = QLineEdit()
        self.price = QLineEdit()
        self.price.setPlaceholderText("0.00")
        self.price.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.category = QLineEdit()
        self.barcode = QLineEdit()
        self.barcode.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.active = QCheckBox(self.tr("On sale at the till"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.save = QPushButton(self.tr("Save (Ctrl+S)"))
        self.save.setObjectName("primary")
        self.clear = QPushButton(self.tr("New product"))
        form = QFormLayout()
        form.addRow(self.tr("SKU"), self.sku)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Price"), self.price)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Barcode"), self.barcode)
        form.addRow("", self.active)
        buttons = QHBoxLayout()
        buttons.addWidget(self.clear)
        buttons.addWidget(self.save, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.heading)
        box.addLayout(form)
        box.addLayout(buttons)
        box.addWidget(self.message)
        box.addStretch(1)
        self.save.clicked.connect(self.submit)
        self.clear.clicked.connect(self.new_product)
        shortcut = QShortcut(QKeySequence("Ctrl+S"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.submit)
        self.new_product()

    def new_product(self) -> None:
        """An empty form for a product not in the catalogue yet."""
        self.heading.setText(self.tr("Add a product"))
        self.sku.setReadOnly(False)
        for field in (self.sku, self.name, self.price, self.category, self.barcode):
            field.clear()
        self.active.setChecked(True)
        self.message.clear()
        self.sku.setFocus()

    def edit(self, product: ProductView) -> None:
        """Fill the form with a product to change (its SKU stays)."""
        self.heading.setText(self.tr("Edit {sku}").format(sku=product.sku))
        self.sku.setText(product.sku)
        self.sku.setReadOnly(True)
        self.name.setText(product.name)
        self.price.setText(price_text(product))
        self.category.setText(product.category or "")
        self.barcode.setText(product.barcode or "")
        self.active.setChecked(product.active)
        self.message.clear()
        self.name.setFocus()

    def submit(self) -> None:
        """Save the form on the worker."""
        sku, name, price = self.sku.text(), self.name.text(), self.price.text().strip()
        category = self.category.text().strip() or None
        barcode = self.barcode.text().strip() or None
        active = self.active.isChecked()
        self.save.setEnabled(False)
        self._tasks.submit(
            lambda: save_product(
                self._shop,
                self._actor,
                sku,
                name=name,
                price=price,
                category=category,
                barcode=barcode,
                active=active,
            ),
            self._saved,
            self._refused,
        )

    def _saved(self, result: SavedProduct) -> None:
        self.save.setEnabled(True)
        self.edit(result.product)
        if not result.changed:
            tell(self.message, self.tr("Nothing changed."), ok=True)
        elif result.created:
            tell(self.message, self.tr("Product added."), ok=True)
        else:
            tell(self.message, self.tr("Product saved."), ok=True)
        self.saved.emit(result)

    def _refused(self, error: LoyaltyError) -> None:
        self.save.setEnabled(True)
        tell(self.message, spoken(error))
