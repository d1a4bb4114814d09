"""The printable member card: shop name, member name and number, and the QR code a scanner reads."""

from __future__ import annotations

import io
from pathlib import Path

import qrcode
from PIL import Image, ImageDraw, ImageFont
from qrcode.constants import ERROR_CORRECT_M

from loyalty_desktop.printing.fonts import FontFile, font_for

# ISO/IEC 7810 ID-1 (bank card) at 300 dpi.
CARD_SIZE = (1012, 638)
_INK = (20, 20, 20)
_PAPER = (255, 255, 255)
_BAND = (24, 66, 120)


def qr_image(code: str, side: int) -> Image.Image:
    """The QR code, at most ``side`` pixels square, every module the same whole number of pixels.

    Digits use the QR numeric mode, so 26 digits make a small, robust code.
    """
    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=1, border=4)
    qr.add_data(code)
    qr.make(fit=True)
    modules = qr.modules_count + 2 * qr.border
    qr.box_size = max(side // modules, 1)
    image: Image.Image = qr.make_image(fill_color="black", back_color="white").get_image()
    return image.convert("RGB")


_LABEL = "会员号 No."


def _fit(
    draw: ImageDraw.ImageDraw, text: str, width: int, size: int, font: FontFile
) -> tuple[ImageFont.FreeTypeFont, int]:
    while size > 14:
        face = font.at(size)
        if draw.textlength(text, font=face) <= width:
            return face, size
        size -= 2
    return font.at(size), size


def render_card(code: str, *, shop_name: str, member_name: str, member_no: str) -> Image.Image:
    """A card image at 300 dpi: shop band on top, QR on the right, name and number on the left.

    Raises:
        FontMissing: no available font can draw every character of the card.
    """
    title = shop_name or "会员卡 Member card"
    font = font_for(title + member_name + _LABEL + member_no)
    card = Image.new("RGB", CARD_SIZE, _PAPER)
    draw = ImageDraw.Draw(card)
    width, height = CARD_SIZE
    band = 150
    draw.rectangle((0, 0, width, band), fill=_BAND)
    title_face, size = _fit(draw, title, width - 80, 64, font)
    draw.text((40, (band - size) // 2 - 6), title, font=title_face, fill=_PAPER)
    side = height - band - 40
    qr = qr_image(code, side)
    card.paste(qr, (width - qr.width - 30, band + 20 + (side - qr.height) // 2))
    text_width = width - side - 100
    name_face, name_size = _fit(draw, member_name, text_width, 56, font)
    draw.text((40, band + 60), member_name, font=name_face, fill=_INK)
    draw.text((40, band + 100 + name_size), _LABEL, font=font.at(30), fill=_INK)
    number_face, _ = _fit(draw, member_no, text_width, 60, font)
    draw.text((40, band + 140 + name_size), member_no, font=number_face, fill=_INK)
    return card


def save_card(path: Path, code: str, *, shop_name: str, member_name: str, member_no: str) -> Path:
    """Write the card as PNG (with its print resolution) and return the path.

    Nothing is written when the card cannot be drawn (:class:`FontMissing`).
    """
    image = render_card(code, shop_name=shop_name, member_name=member_name, member_no=member_no)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, format="PNG", dpi=(300, 300))
    return path


def card_png(code: str, *, shop_name: str, member_name: str, member_no: str) -> bytes:
    """The card as PNG bytes at 300 dpi, as it is saved or shown.

    Raises:
        FontMissing: no available font can draw every character of the card.
    """
    image = render_card(code, shop_name=shop_name, member_name=member_name, member_no=member_no)
    png = io.BytesIO()
    image.save(png, format="PNG", dpi=(300, 300))
    return png.getvalue()
