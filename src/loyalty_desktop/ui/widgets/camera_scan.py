"""Scanning a member's QR card with the PC's camera: a live preview, frames decoded with zxing-cpp.

Without a camera the button says so and stays off; the rest of the till works.
Each decoded code is handed on once (the scanner's own duplicate rule applies
after that), and the preview closes.
"""

from __future__ import annotations

import numpy as np
import zxingcpp
from PySide6.QtCore import Signal
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QCamera, QMediaCaptureSession, QMediaDevices, QVideoFrame
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

DECODE_EVERY = 3  # frames: a 30 fps camera is decoded 10 times a second


def has_camera() -> bool:
    """Whether the PC has a camera Qt can open."""
    return bool(QMediaDevices.videoInputs())


def decode_qr(image: QImage) -> str | None:
    """The text of the first code (QR, or a barcode) in ``image``, if any."""
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = gray.width(), gray.height(), gray.bytesPerLine()
    if not width or not height:
        return None
    pixels = np.frombuffer(gray.constBits(), dtype=np.uint8, count=stride * height)
    array = pixels.reshape(height, stride)[:, :width]
    found = zxingcpp.read_barcodes(array)
    return found[0].text if found else None


class CameraScan(QDialog):
    """A live preview; emits ``scanned`` with the first QR code seen, then closes."""

    scanned = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Scan with the camera"))
        self._frames = 0
        self.preview = QVideoWidget()
        self.preview.setMinimumSize(480, 360)
        hint = QLabel(self.tr("Hold the member's QR code in front of the camera."))
        close = QPushButton(self.tr("Close (Esc)"))
        close.clicked.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.preview, 1)
        box.addWidget(hint)
        box.addWidget(close)
        self.camera = QCamera(QMediaDevices.defaultVideoInput())
        self.session = QMediaCaptureSession(self)
        self.session.setCamera(self.camera)
        self.session.setVideoOutput(self.preview)
        self.preview.videoSink().videoFrameChanged.connect(self._frame)
        self.camera.start()

    def _frame(self, frame: QVideoFrame) -> None:
        self._frames += 1
        if self._frames % DECODE_EVERY:
            return
        code = decode_qr(frame.toImage())
        if code:
            self.camera.stop()
            self.scanned.emit(code)
            self.accept()

    def done(self, result: int) -> None:  # noqa: D102  (QDialog's)
        self.camera.stop()
        super().done(result)
