"""The camera path: QR codes decode from Qt images; without a camera the till says so and works on."""

from __future__ import annotations

import io

import pytest
import qrcode
from PySide6.QtGui import QImage

from loyalty_desktop.ui.widgets.camera_scan import decode_qr, has_camera


def _qr_image(text: str, *, odd_width: bool = False) -> QImage:
    png = io.BytesIO()
    qrcode.make(text).save(png)
    image = QImage.fromData(png.getvalue())
    if odd_width:  # rows padded in memory: the decoder must respect the stride
        image = image.copy(0, 0, image.width() - 3, image.height())
    return image


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize("odd_width", [False, True])
def test_a_card_code_decodes_from_a_camera_frame(odd_width: bool) -> None:
    code = "LD1.1.10000001.abcdefghijklmnopqrstuv"
    assert decode_qr(_qr_image(code, odd_width=odd_width)) == code


@pytest.mark.usefixtures("qapp")
def test_a_frame_without_a_code_gives_nothing() -> None:
    blank = QImage(64, 48, QImage.Format.Format_RGB32)
    blank.fill(0xFFFFFF)
    assert decode_qr(blank) is None
    assert decode_qr(QImage()) is None


@pytest.mark.usefixtures("qapp")
def test_this_ci_machine_has_no_camera_and_says_so() -> None:
    assert has_camera() is False  # the CI machine; a till with a camera enables the button
