"""Choosing the font for a member card: one that can draw every character on it, or a clear refusal.

A font without a character draws its "missing" box (.notdef) instead, and
every missing character gets the same box, so a card would print a name as a
row of boxes without anyone noticing. So the font is chosen for the card's
text: ``LOYALTY_CARD_FONT`` if it is set, otherwise the first installed CJK font
that has every character, and last the subset of Noto Sans CJK SC shipped
with the program (``resources/fonts``, about 11,900 hanzi). If none of them
has every character, the card is refused with :class:`FontMissing`.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from loyalty_desktop.domain.errors import LoyaltyError

OVERRIDE_VARIABLE = "LOYALTY_CARD_FONT"
INSTALL_HINT = (
    "to print the card, install a font with every character on it (Debian/Ubuntu: "
    "apt-get install fonts-noto-cjk; Windows: Microsoft YaHei, part of Windows) "
    "or set LOYALTY_CARD_FONT to such a font file"
)
# A noncharacter: no font maps it, so it always draws the font's .notdef glyph.
_SURELY_MISSING = "\U0010ffff"
_PROBE_SIZE = 48


class FontMissing(LoyaltyError):
    """No available font can draw every character of a card."""

    code = "font_missing"


@dataclass(frozen=True)
class FontFile:
    """A font file, and which face in it for a collection (``.ttc``)."""

    path: Path
    index: int = 0

    def at(self, size: int) -> ImageFont.FreeTypeFont:
        """The face at ``size`` pixels."""
        return ImageFont.truetype(str(self.path), size, index=self.index)


SYSTEM_FONTS: tuple[FontFile, ...] = (
    # Windows: Microsoft YaHei, SimHei, SimSun
    FontFile(Path("C:/Windows/Fonts/msyh.ttc")),
    FontFile(Path("C:/Windows/Fonts/simhei.ttf")),
    FontFile(Path("C:/Windows/Fonts/simsun.ttc")),
    # Linux: Noto Sans CJK (face 2 of the collection is SC, with mainland glyph forms), WenQuanYi
    FontFile(Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"), 2),
    FontFile(Path("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc"), 2),
    FontFile(Path("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc"), 2),
    FontFile(Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")),
    FontFile(Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")),
    FontFile(Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")),
    # macOS
    FontFile(Path("/System/Library/Fonts/PingFang.ttc")),
    FontFile(Path("/System/Library/Fonts/STHeiti Medium.ttc")),
)

BUNDLED_FONT = FontFile(
    Path(__file__).resolve().parent.parent / "resources" / "fonts" / "LoyaltyCardSansSC-Regular.otf"
)


def _drawn(face: ImageFont.FreeTypeFont, char: str) -> tuple[float, tuple[int, int], bytes]:
    """What ``char`` looks like in ``face``: its advance, its ink's size and its pixels."""
    left, top, right, bottom = face.getbbox(char)
    size = (max(math.ceil(right - left), 1), max(math.ceil(bottom - top), 1))
    image = Image.new("L", size)
    ImageDraw.Draw(image).text((-left, -top), char, font=face, fill=255)
    return face.getlength(char), image.size, image.tobytes()


def missing_characters(font: FontFile, text: str) -> list[str]:
    """The characters of ``text`` that ``font`` would draw as its missing-glyph box, in text order.

    Whitespace counts only where that box shows (a font whose box is blank
    leaves a missing space blank anyway). A font file that cannot be read
    misses every character.
    """
    wanted = list(dict.fromkeys(text))
    try:
        face = font.at(_PROBE_SIZE)
    except OSError:
        return [char for char in wanted if not char.isspace()]
    box = _drawn(face, _SURELY_MISSING)
    box_shows = any(box[2])
    return [
        char for char in wanted if (box_shows or not char.isspace()) and _drawn(face, char) == box
    ]


def _candidates(system_fonts: Sequence[FontFile], bundled: FontFile) -> tuple[list[FontFile], str]:
    """The fonts to try in order, and how a refusal names them."""
    override = os.environ.get(OVERRIDE_VARIABLE)
    if override:
        chosen = FontFile(Path(override).expanduser())
        try:
            chosen.at(_PROBE_SIZE)
        except OSError:
            raise FontMissing(
                f"{OVERRIDE_VARIABLE} names {override}, which is not a font file this program "
                "can read; set it to a .ttf, .otf or .ttc file, or unset it",
                reason="font_override_unreadable",
                variable=OVERRIDE_VARIABLE,
                file=override,
            ) from None
        # A font someone chose replaces the search of installed fonts; the bundled one stays
        # the last resort, so a card is never refused for what the bundled font can draw.
        return [
            chosen,
            bundled,
        ], f"neither the font {OVERRIDE_VARIABLE} names nor the program's own font"
    installed = [font for font in system_fonts if font.path.is_file()]
    return [*installed, bundled], "no font on this computer"


def font_for(
    text: str,
    *,
    system_fonts: Sequence[FontFile] = SYSTEM_FONTS,
    bundled: FontFile = BUNDLED_FONT,
) -> FontFile:
    """The first font that can draw every character of ``text``.

    Raises:
        FontMissing: no font can; the message names the characters and how to get a font.
    """
    fonts, searched = _candidates(system_fonts, bundled)
    lacking: list[str] = []
    for number, font in enumerate(fonts):
        missing = missing_characters(font, text)
        if not missing:
            return font
        lacking = missing if number == 0 else [char for char in lacking if char in missing]
    if lacking:
        problem = f"{searched} can draw {_named(lacking)}"
    else:
        # Each character is in some font, but no one font has them all.
        lacking = missing_characters(bundled, text)
        problem = (
            f"{searched} has every character of the card "
            f"(the program's own font lacks {_named(lacking)})"
        )
    raise FontMissing(f"{problem}; {INSTALL_HINT}", missing=lacking)


def closest_font(
    text: str,
    *,
    system_fonts: Sequence[FontFile] = SYSTEM_FONTS,
    bundled: FontFile = BUNDLED_FONT,
) -> tuple[FontFile, list[str]]:
    """The first font that can draw every character of ``text``, else the one that lacks fewest.

    For a receipt, where one character no font has (an emoji in a product
    name) must not stop the whole receipt: the caller prints something else
    for the characters returned as missing. A card uses :func:`font_for`.

    Raises:
        FontMissing: ``LOYALTY_CARD_FONT`` names a file that is no font.
    """
    fonts, _ = _candidates(system_fonts, bundled)
    best: tuple[FontFile, list[str]] | None = None
    for font in fonts:
        missing = missing_characters(font, text)
        if not missing:
            return font, []
        if best is None or len(missing) < len(best[1]):
            best = (font, missing)
    assert best is not None  # the bundled font is always a candidate
    return best


def _named(chars: Sequence[str]) -> str:
    return ", ".join(f"{char} (U+{ord(char):04X})" for char in chars)
