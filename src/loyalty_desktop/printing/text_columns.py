"""Text in a receipt printer's character columns: how wide a character prints, wrapping, alignment.

A Chinese receipt printer draws ASCII in one column and every character it
takes from its Chinese font in two: whatever GB 18030 sends as a double-byte
character (hanzi, full-width forms such as ``￥``, the symbols, Greek, Cyrillic
and pinyin letters of GB 2312 and GBK, ``ǹ`` among them) and the hanzi it sends
as four bytes. Any other character is sent as ``?`` (``escpos``), one column.
The East Asian width of Unicode is not enough on its own (``ǹ`` is narrow
there), so a character takes two columns if GB 18030 prints it double, or if
Unicode calls it wide (W), full-width (F) or ambiguous (A), as a printer in
UTF-8 mode or a font may draw it so: the layout never counts fewer columns
than a printer prints. Combining marks take none and stay with the character
before them, so no line ever ends between a letter and its accent, or inside
a double-byte character.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_WIDE = frozenset({"W", "F", "A"})
# U+00A5 is a four-byte sequence in GB 18030 that printers draw as garbage (TILL.md);
# the full-width yen/yuan sign is a plain GB 2312 character every Chinese printer has.
# Line and paragraph separators end a line in Qt's receipt view and in a printer's UTF-8 mode.
_SAFE_FORMS = str.maketrans(
    {"\u00a5": "\uffe5", "\t": " ", "\n": " ", "\r": " ", "\u2028": " ", "\u2029": " "}
)
_NOT_PRINTED = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})


def printable(text: str) -> str:
    """``text`` as a printer may receive it: NFC, ``¥`` as ``￥``, no control or format characters.

    A control character in a product name would otherwise reach the printer as
    a command (ESC, a cut, the cash drawer's pulse). Tabs, line breaks and the
    line and paragraph separators become spaces; other control, format and
    separator characters (and lone surrogates) are left out.
    """
    composed = unicodedata.normalize("NFC", text).translate(_SAFE_FORMS)
    return "".join(c for c in composed if unicodedata.category(c) not in _NOT_PRINTED)


def is_hanzi(char: str) -> bool:
    """Whether ``char`` is a CJK ideograph (which a GB 18030 printer has, even as four bytes)."""
    return unicodedata.name(char, "").startswith(("CJK UNIFIED", "CJK COMPATIBILITY IDEOGRAPH"))


def prints_double_in_gb18030(char: str) -> bool:
    """Whether a printer in GB 18030 mode draws ``char`` two columns wide (see ``escpos``)."""
    try:
        data = char.encode("gb18030")
    except UnicodeEncodeError:  # a lone surrogate
        return False
    return len(data) == 2 or (len(data) == 4 and is_hanzi(char))


def takes_no_column(char: str) -> bool:
    """Whether ``char`` prints on the character before it (a combining mark)."""
    return unicodedata.combining(char) != 0 or unicodedata.category(char) in ("Mn", "Me")


@lru_cache(maxsize=4096)
def char_width(char: str) -> int:
    """Columns ``char`` takes on a receipt: 0 for a combining mark, 1 for ASCII, 2 for what prints double.

    Double: a double-byte or hanzi character in GB 18030, or East Asian width W, F or A.
    """
    if takes_no_column(char):
        return 0
    if char < "\x80":
        return 1
    if prints_double_in_gb18030(char) or unicodedata.east_asian_width(char) in _WIDE:
        return 2
    return 1


def text_width(text: str) -> int:
    """Columns ``text`` takes on a receipt."""
    return sum(char_width(char) for char in text)


def clusters(text: str) -> list[str]:
    """``text`` cut into what prints as one character: a character with its combining marks."""
    out: list[str] = []
    for char in text:
        if out and takes_no_column(char):
            out[-1] += char
        else:
            out.append(char)
    return out


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` columns, broken at spaces where it can be.

    Latin words move whole to the next line; text without spaces (Chinese)
    breaks between any two characters; a word longer than a line is cut
    between characters. Spaces that start the text indent its first line.
    Empty text gives one empty line.

    Raises:
        ValueError: ``width`` is less than 2 (a wide character would not fit).
    """
    if width < 2:
        raise ValueError(f"a line of {width} columns cannot hold a wide character")
    body = printable(text)
    indent = body[: len(body) - len(body.lstrip(" "))][: width - 2]  # kept on the first line
    lines: list[str] = []
    line: list[str] = [indent] if indent else []
    used = len(indent)
    for word in _words(body.lstrip(" ")):
        needed = text_width(word)
        if word == " ":
            if line:
                line.append(word)
                used += 1
            continue
        if used + needed > width and line:
            lines.append("".join(line).rstrip())
            line, used = [], 0
        for part in clusters(word) if needed > width else [word]:
            size = text_width(part)
            if used + size > width and line:
                lines.append("".join(line).rstrip())
                line, used = [], 0
            line.append(part)
            used += size
    lines.append("".join(line).rstrip())
    return lines


def _words(text: str) -> list[str]:
    """Latin words, single spaces, and each wide character alone (a line may break after it)."""
    words: list[str] = []
    current = ""
    for cluster in clusters(text):
        if cluster == " " or char_width(cluster[0]) == 2:
            if current:
                words.append(current)
            words.append(cluster)
            current = ""
        else:
            current += cluster
    if current:
        words.append(current)
    return words


def spread(left: str, right: str, width: int) -> list[str]:
    """``left`` wrapped on the left and ``right`` flush right on its last line (or a line of its own).

    A line of items: the name on the left, the amount on the right. A right
    text longer than a line is wrapped on lines of its own.
    """
    right = printable(right)
    room = width - text_width(right)
    lines = wrap(left, width)
    if room < 0:  # longer than a line: wrapped below the left text
        return lines + wrap(right, width)
    last = lines[-1]
    if last and text_width(last) + 1 > room:
        lines.append("")
        last = ""
    lines[-1] = last + " " * (room - text_width(last)) + right
    return lines


def centred(text: str, width: int) -> list[str]:
    """``text`` wrapped and each line centred (the shop's name at the top)."""
    return [" " * ((width - text_width(line)) // 2) + line for line in wrap(text, width)]
