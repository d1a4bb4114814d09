"""Build the font shipped for member cards: Noto Sans CJK SC cut down to the characters a card needs.

The program draws cards with an installed font that has every character of
the card and falls back to this one, so cards come out right on a computer
with no Chinese font at all. It is not a runtime dependency of anything: run
it only to rebuild ``src/loyalty_desktop/resources/fonts/`` (Debian 12)::

    apt-get install fonts-noto-cjk unicode-data
    python3 -m venv /tmp/fontvenv && /tmp/fontvenv/bin/pip install 'fonttools>=4.47'
    /tmp/fontvenv/bin/python packaging/make_font_subset.py

The characters kept are Latin (ASCII, Latin-1, Latin Extended-A), the
punctuation, symbols, Greek, Cyrillic, pinyin and bopomofo of GB 2312, common
symbol blocks, kana, full-width forms, and three sets of hanzi: the 6,763 of
GB 2312, the 8,105 of the Table of General Standard Chinese Characters
(通用规范汉字表, 2013, Unihan ``kTGH``: the characters allowed in names in
mainland China) and the 9,810 of the International Ideographs Core (Unihan
``kIICore``: those in common use across China, Hong Kong, Taiwan, Japan and
Korea). All of GBK's 20,902 would make the file about 5 MB.

Layout tables, vertical metrics and hinting are left out: Pillow's basic
layout uses none of them, and they would double the size. The family is
renamed, so the subset never passes for the full Noto font it came from; the
SIL Open Font License (``OFL.txt`` beside it) travels with it. Timestamps are
kept from the source, so the same inputs give the same file.
"""

from __future__ import annotations

import argparse
import bz2
import hashlib
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
SOURCE_FAMILY = "Noto Sans CJK SC"
UNIHAN = Path("/usr/share/unicode")
OUTPUT = (
    Path(__file__).resolve().parent.parent
    / "src/loyalty_desktop/resources/fonts/LoyaltyCardSansSC-Regular.otf"
)
FAMILY = "Loyalty Card Sans SC"
POSTSCRIPT_NAME = "LoyaltyCardSansSC-Regular"

BLOCKS = (
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1
    (0x0100, 0x017F),  # Latin Extended-A
    (0x2000, 0x206F),  # General Punctuation
    (0x20A0, 0x20CF),  # Currency Symbols (€)
    (0x2100, 0x218F),  # Letterlike Symbols, Number Forms (№, ™, Roman numerals)
    (0x2460, 0x24FF),  # Enclosed Alphanumerics (①)
    (0x25A0, 0x26FF),  # Geometric Shapes, Miscellaneous Symbols (★, ☆, ♥)
    (0x3000, 0x30FF),  # CJK Symbols and Punctuation, Hiragana, Katakana
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
)


def gb2312(rows: range) -> set[int]:
    """The code points of GB 2312 rows ``rows`` (0xA1-0xA9 symbols, 0xB0-0xF7 hanzi)."""
    found = set()
    for high in rows:
        for low in range(0xA1, 0xFF):
            try:
                found.add(ord(bytes((high, low)).decode("gb2312")))
            except UnicodeDecodeError:
                continue
    return found


def unihan(file_name: str, field: str) -> set[int]:
    """The code points that have ``field`` in one of Unihan's files."""
    found = set()
    with bz2.open(UNIHAN / f"{file_name}.txt.bz2", "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("U+"):
                code, name, _ = line.split("\t", 2)
                if name == field:
                    found.add(int(code[2:], 16))
    return found


def wanted() -> tuple[set[int], set[int]]:
    """(every code point to keep, the hanzi among them)."""
    hanzi = (
        gb2312(range(0xB0, 0xF8))
        | unihan("Unihan_OtherMappings", "kTGH")
        | unihan("Unihan_IRGSources", "kIICore")
    )
    others = gb2312(range(0xA1, 0xAA))
    for first, last in BLOCKS:
        others.update(range(first, last + 1))
    return others | hanzi, hanzi


def source_face() -> TTFont:
    """The Simplified Chinese face of the Noto collection (its glyphs follow mainland forms)."""
    for face in TTCollection(SOURCE).fonts:
        if face["name"].getDebugName(1) == SOURCE_FAMILY:
            return face
    raise SystemExit(f"{SOURCE} has no face named {SOURCE_FAMILY!r}")


def rename(font: TTFont, source_version: str) -> None:
    """Give the subset its own names, saying where it came from."""
    names = font["name"]
    unique = f"{source_version};{POSTSCRIPT_NAME};subset of NotoSansCJKsc-Regular"
    for name_id, text in ((1, FAMILY), (3, unique), (4, FAMILY), (6, POSTSCRIPT_NAME)):
        names.setName(text, name_id, 3, 1, 0x409)
    names.removeNames(nameID=16)
    names.removeNames(nameID=17)
    cff = font["CFF "].cff
    cff.fontNames = [POSTSCRIPT_NAME]
    top = cff.topDictIndex[0]
    for key, value in (("FullName", FAMILY), ("FamilyName", FAMILY)):
        if hasattr(top, key):
            setattr(top, key, value)


def build(output: Path) -> None:
    """Write the subset to ``output`` and print what it holds."""
    keep, hanzi = wanted()
    font = source_face()
    source_version = f"{font['head'].fontRevision:.3f}"
    available = set(font.getBestCmap())
    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.notdef_outline = True  # a character that is somehow missing still shows as a box
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "vhea", "vmtx", "VORG"]
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14]
    options.name_languages = [0x409]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=keep)
    subsetter.subset(font)
    rename(font, source_version)
    font.recalcTimestamp = False
    output.parent.mkdir(parents=True, exist_ok=True)
    font.save(output)
    data = output.read_bytes()
    print(
        f"{output.name}: {len(data):,} bytes, sha256 {hashlib.sha256(data).hexdigest()}\n"
        f"  from {SOURCE} ({SOURCE_FAMILY} {source_version})\n"
        f"  {len(keep & available):,} characters, {len(hanzi & available):,} hanzi"
        f" ({len(keep - available):,} asked for are not in the source)"
    )


def main() -> None:
    """Command line: build the subset (to ``--out``, by default into the package)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUTPUT, help="where to write the .otf")
    build(parser.parse_args().out)


if __name__ == "__main__":
    main()
