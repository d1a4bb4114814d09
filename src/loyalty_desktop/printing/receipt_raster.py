"""Receipt lines drawn as a 1-bit picture, for printers without a Chinese font of their own.

The lines are drawn on the same grid of columns the text layout used (a hanzi
takes two columns, see ``text_columns``), so amounts stay flush right as on a
text receipt. Each column is ``dots // columns`` dots wide; a Latin letter
wider than its column (``W`` in a proportional font) is narrowed to fit. The
font is chosen as the member card's, one that has every character; but where
no font has them all (an emoji or a Hebrew word in a product name), the font
lacking fewest is used and each character it cannot draw prints as ``?`` in
its columns (a combining mark it lacks is left out), as in text mode: one
product's name never stops a receipt.
"""

from __future__ import annotations

from collections.abc import Sequence

from PIL import Image, ImageDraw, ImageFont

from loyalty_desktop.printing.fonts import closest_font
from loyalty_desktop.printing.text_columns import clusters, printable, text_width

FONT_DOTS = 24  # the size of a printer's own Chinese font
LINE_DOTS = 32  # a line's height, with room for descenders
_BASELINE = 25
_INK, _PAPER = 0, 255
_UNDRAWABLE = "?"


def _glyph(
    face: ImageFont.FreeTypeFont, cluster: str, width: int, cache: dict[str, Image.Image]
) -> Image.Image:
    """One character in a cell ``width`` dots wide and a line high, centred, narrowed if wider."""
    if cluster in cache:
        return cache[cluster]
    advance = max(round(face.getlength(cluster)), 1)
    drawn = Image.new("L", (advance, LINE_DOTS), _PAPER)
    ImageDraw.Draw(drawn).text((0, _BASELINE), cluster, font=face, fill=_INK, anchor="ls")
    if advance > width:
        drawn = drawn.resize((width, LINE_DOTS), Image.Resampling.LANCZOS)
    cell = Image.new("L", (width, LINE_DOTS), _PAPER)
    cell.paste(drawn, ((width - drawn.width) // 2, 0))
    cache[cluster] = cell
    return cell


def _drawable(cluster: str, lacking: frozenset[str]) -> str:
    """``cluster`` as the font can draw it: ``?`` for a character it lacks, without marks it lacks."""
    if not lacking:
        return cluster
    if cluster[0] in lacking:
        return _UNDRAWABLE
    return "".join(char for char in cluster if char not in lacking)


def render_lines(lines: Sequence[str], *, dots: int, columns: int) -> Image.Image:
    """The lines as a black-on-white 1-bit image ``dots`` wide and ``LINE_DOTS`` high per line.

    Raises:
        FontMissing: ``LOYALTY_CARD_FONT`` names a file that is no font.
        ValueError: a line is wider than ``columns``.
    """
    shown = [printable(line) for line in lines]
    for line in shown:
        if text_width(line) > columns:
            raise ValueError(f"line wider than {columns} columns: {line!r}")
    font, missing = closest_font("".join(shown).replace(" ", "") or "0")
    face = font.at(FONT_DOTS)
    lacking = frozenset(missing)
    cell = dots // columns
    image = Image.new("L", (dots, max(len(shown), 1) * LINE_DOTS), _PAPER)
    cache: dict[str, Image.Image] = {}
    for row, line in enumerate(shown):
        column = 0
        for cluster in clusters(line):
            span = text_width(cluster)  # the columns the layout gave it, whatever is drawn
            drawn = _drawable(cluster, lacking)
            if drawn.strip() and span:
                image.paste(
                    _glyph(face, drawn, span * cell, cache), (column * cell, row * LINE_DOTS)
                )
            column += span
    return image.point(lambda value: 0 if value < 128 else 255, mode="1")
