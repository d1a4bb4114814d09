"""Fonts for the card tests, made here, and what a font file really contains.

The fonts are cut from the bundled card font or built with fontTools, so the
tests need no system font: a computer with none (a fresh Debian) runs them
the same as one with many.
"""

from __future__ import annotations

from pathlib import Path

from fontTools import subset
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

from loyalty_desktop.printing.fonts import BUNDLED_FONT

# A character the bundled subset leaves out (CJK Extension B, the "tsuchi-yoshi" of the
# Japanese surname 𠮷田): a name a card may have to print and only a full CJK font has.
RARE_HANZI = "\U00020bb7"


def make_latin_only_font(path: Path) -> Path:
    """Write a font with printable ASCII only (and its .notdef box) to ``path``."""
    with TTFont(BUNDLED_FONT.path) as font:
        options = subset.Options()
        options.notdef_outline = True  # like a real font: a missing character shows as a box
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=range(0x20, 0x7F))
        subsetter.subset(font)
        font.save(path)
    return path


def character_map(path: Path) -> set[str]:
    """Every character the font file maps to a glyph of its own (its cmap)."""
    with TTFont(path, lazy=True) as font:
        return {chr(code) for code in font.getBestCmap()}


def make_font_with_only(path: Path, chars: str) -> Path:
    """Write a font that maps ``chars`` and nothing else, each a filled square of its own size.

    Its missing-glyph box is empty, unlike the bundled font's, so the coverage
    check is tried on both kinds.
    """
    names = [".notdef", *(f"u{ord(char):05X}" for char in chars)]
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder(names)
    builder.setupCharacterMap(
        {ord(char): name for char, name in zip(chars, names[1:], strict=True)}
    )
    glyphs = {".notdef": TTGlyphPen(None).glyph()}
    for number, name in enumerate(names[1:]):
        pen = TTGlyphPen(None)
        side = 300 + 100 * number
        pen.moveTo((100, 0))
        pen.lineTo((100, side))
        pen.lineTo((100 + side, side))
        pen.lineTo((100 + side, 0))
        pen.closePath()
        glyphs[name] = pen.glyph()
    builder.setupGlyf(glyphs)
    builder.setupHorizontalMetrics({name: (1000, 0) for name in names})
    builder.setupHorizontalHeader(ascent=880, descent=-120)
    builder.setupNameTable({"familyName": "Card Test Only", "styleName": "Regular"})
    builder.setupOS2()
    builder.setupPost()
    builder.save(str(path))
    return path
