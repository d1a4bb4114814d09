"""Finding a font that can draw Chinese on this computer (Windows, Linux, macOS)."""

from __future__ import annotations

import os
from pathlib import Path

from PIL import ImageFont

_CANDIDATES = (
    # Windows: Microsoft YaHei, SimHei, SimSun
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/msyhbd.ttc",
    "C:/Windows/Fonts/simhei.ttf",
    "C:/Windows/Fonts/simsun.ttc",
    # Linux: Noto CJK, WenQuanYi, Droid
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    # macOS
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/STHeiti Medium.ttc",
    # Latin only, last resort
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "C:/Windows/Fonts/arial.ttf",
)


def font_path() -> Path | None:
    """The first installed font able to draw Chinese (``LOYALTY_CARD_FONT`` chooses one)."""
    override = os.environ.get("LOYALTY_CARD_FONT")
    if override and Path(override).exists():
        return Path(override)
    return next((Path(p) for p in _CANDIDATES if Path(p).exists()), None)


def load_font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """A font of ``size`` pixels; PIL's built-in font if nothing better is installed."""
    path = font_path()
    if path is None:
        return ImageFont.load_default(size)
    return ImageFont.truetype(str(path), size)
