"""The printable coupon: what it gives, until when, for whom, and the QR code the till scans."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw

from loyalty_desktop.printing.card_image import CARD_SIZE, qr_image
from loyalty_desktop.printing.fonts import font_for

_INK = (20, 20, 20)
_PAPER = (255, 255, 255)
_BAND = (150, 40, 40)
_UNTIL = "有效期至 Valid until "
_FOR = "会员 Member "


def render_coupon(
    code: str, *, shop_name: str, offer: str, gives: str, valid_until: str, member_no: str
) -> Image.Image:
    """A card-sized coupon at 300 dpi: offer band on top, QR on the right, the terms on the left.

    Raises:
        FontMissing: no available font can draw every character of the coupon.
    """
    title = offer or "优惠券 Coupon"
    font = font_for(title + shop_name + gives + _UNTIL + _FOR + valid_until + member_no)
    image = Image.new("RGB", CARD_SIZE, _PAPER)
    draw = ImageDraw.Draw(image)
    width, height = CARD_SIZE
    band = 150
    draw.rectangle((0, 0, width, band), fill=_BAND)
    size = 60
    while size > 20 and draw.textlength(title, font=font.at(size)) > width - 80:
        size -= 4
    draw.text((40, (band - size) // 2 - 6), title, font=font.at(size), fill=_PAPER)
    side = height - band - 40
    qr = qr_image(code, side)
    image.paste(qr, (width - qr.width - 30, band + 20 + (side - qr.height) // 2))
    left = 40
    draw.text((left, band + 40), gives, font=font.at(56), fill=_INK)
    draw.text((left, band + 140), _UNTIL + valid_until, font=font.at(28), fill=_INK)
    draw.text((left, band + 190), _FOR + member_no, font=font.at(28), fill=_INK)
    draw.text((left, band + 240), shop_name, font=font.at(28), fill=_INK)
    draw.text((left, height - 60), code, font=font.at(22), fill=_INK)
    return image


def coupon_png(
    code: str, *, shop_name: str, offer: str, gives: str, valid_until: str, member_no: str
) -> bytes:
    """The coupon as PNG bytes at 300 dpi."""
    image = render_coupon(
        code,
        shop_name=shop_name,
        offer=offer,
        gives=gives,
        valid_until=valid_until,
        member_no=member_no,
    )
    png = io.BytesIO()
    image.save(png, format="PNG", dpi=(300, 300))
    return png.getvalue()
