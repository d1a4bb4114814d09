"""The last sale's receipt on screen, laid out as the printer lays it out, with a print button (F8).

Text is drawn in a fixed-pitch font whose Chinese characters are exactly two
columns wide, so what the cashier sees lines up as it will on paper; the font
is sized so the paper's width of columns fits the panel without scrolling.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QFrame, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout

from loyalty_desktop.printing.coupon_slips import coupon_slips
from loyalty_desktop.printing.escpos import columns_for
from loyalty_desktop.printing.receipt_text import receipt_lines
from loyalty_desktop.printing.text_columns import centred
from loyalty_desktop.services.receipts import Receipt

# Fixed-pitch faces with double-width hanzi: Linux (fonts-noto-cjk), then Windows.
_FACES = ["Noto Sans Mono CJK SC", "NSimSun", "SimSun", "monospace"]
_LARGEST_PX, _SMALLEST_PX = 24, 10


class ReceiptView(QFrame):
    """Shows a ``Receipt``; ``print_wanted`` asks for it on paper."""

    print_wanted = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("panel")
        self.receipt: Receipt | None = None
        self._columns = columns_for(80)
        self.title = QLabel()  # body size: a long sale number must not widen the window
        self.title.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.viewport().installEventFilter(self)  # its own size, after the layout's turn
        self._px = 0
        self._set_size(_LARGEST_PX)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.print_button = QPushButton(self.tr("Print receipt (F8)"))
        self.print_button.clicked.connect(self.print_wanted.emit)
        box = QVBoxLayout(self)
        box.addWidget(self.title)
        box.addWidget(self.text, 1)
        box.addWidget(self.status)
        box.addWidget(self.print_button)

    def show_receipt(self, receipt: Receipt, *, paper: int, language: str) -> None:
        """Lay ``receipt`` out for ``paper`` (58 or 80 mm) in ``language`` and show it."""
        self.receipt = receipt
        self.title.setText(self.tr("Receipt {sale}").format(sale=receipt.sale_no))
        self._columns = columns_for(paper)
        lines = receipt_lines(receipt, self._columns, language=language)
        for slip in coupon_slips(
            receipt.coupons, receipt.currency, self._columns, language=language
        ):
            lines += [*slip.lines, *centred("[QR]", self._columns)]  # the paper has the code
        self.text.setPlainText("\n".join(lines))
        self.status.clear()
        self._fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802  (Qt's name)
        """Keep the paper's width of columns inside the text box whenever it changes size."""
        if event.type() == QEvent.Type.Resize:
            self._fit()
        return False

    def _fit(self) -> None:
        room = self.text.viewport().width() - 2 * self.text.document().documentMargin() - 4
        probe = QFont()
        probe.setFamilies(_FACES)
        probe.setStyleHint(QFont.StyleHint.Monospace)
        probe.setPixelSize(_LARGEST_PX)
        wide = QFontMetricsF(probe).horizontalAdvance("0" * self._columns)
        size = int(_LARGEST_PX * room / wide) if wide > 0 else _LARGEST_PX
        self._set_size(max(_SMALLEST_PX, min(_LARGEST_PX, size)))

    def _set_size(self, px: int) -> None:
        # A style sheet, not setFont: the application's style sheet sets every widget's
        # font size and would override a font set in code.
        if px != self._px:
            self._px = px
            faces = ", ".join(f'"{face}"' for face in _FACES[:-1]) + ", monospace"
            self.text.setStyleSheet(
                f"QPlainTextEdit {{ font-family: {faces}; font-size: {px}px; }}"
            )
