"""Receipt lines drawn as a 1-bit picture, for printers without a Chinese font of their own.

The lines are drawn on the same grid of columns the text layout used (a hanzi
takes two columns, see ``text_columns``), so amounts stay flush right as on a
text receipt. Each column is ``dots // columns`` dots wide; a Latin letter
wider than its column (``W`` in a proportional font) is narrowed to fit. The
font is the member card's: one that has every character, or a clear refusal
(:class:`~loyalty_desktop.printing.fonts.FontMissing`).
"""

from __future__ import annotations

from collections.abc import Sequence

from PIL import Image, ImageDraw, ImageFont

from loyalty_desktop.printing.fonts import font_for
from loyalty_desktop.printing.text_columns import clusters, printable, text_width

FONT_DOTS = 24  # the size of a printer's own Chinese font
LINE_DOTS = 32  # a line's height, with room for descenders
_BASELINE = 25
_INK, _PAPER = 0, 255


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


def render_lines(lines: Sequence[str], *, dots: int, columns: int) -> Image.Image:
    """The lines as a black-on-white 1-bit image ``dots`` wide and ``LINE_DOTS`` high per line.

    Raises:
        FontMissing: no available font can draw every character of the lines.
        ValueError: a line is wider than ``columns``.
    """
    shown = [printable(line) for line in lines]
    for line in shown:
        if text_width(line) > columns:
            raise ValueError(f"line wider than {columns} columns: {line!r}")
    face = font_for("".join(shown).replace(" ", "") or "0").at(FONT_DOTS)
    cell = dots // columns
    image = Image.new("L", (dots, max(len(shown), 1) * LINE_DOTS), _PAPER)
    cache: dict[str, Image.Image] = {}
    for row, line in enumerate(shown):
        column = 0
        for cluster in clusters(line):
            span = text_width(cluster)
            if cluster.strip() and span:
                image.paste(
                    _glyph(face, cluster, span * cell, cache), (column * cell, row * LINE_DOTS)
                )
            column += span
    return image.point(lambda value: 0 if value < 128 else 255, mode="1")
