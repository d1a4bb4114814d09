"""Which encoding an import file is in: UTF-8, Chinese GBK, or the one the person names.

UTF-8 (with or without BOM) is taken as it is. A file that is not UTF-8 is
taken as GBK/GB18030 only when it looks like Chinese text
(``looks_like_chinese_gbk``): GB18030 decodes almost any bytes, so a Western
(cp1252) or Japanese (Shift-JIS) file would otherwise come out as Chinese
garbage without a word. Anything else is refused, naming the encoding the file
most likely is (``likely_encoding``), so the person can re-save it as UTF-8 or
name its encoding, which is then used exactly.
"""

from __future__ import annotations

import codecs
import re

from loyalty_desktop.domain.errors import BadFile

# A GBK/GB18030 character of more than one byte: lead byte, then a trail byte or a
# four-byte GB18030 tail. Single bytes below 0x80 are ASCII and never start one.
_GBK_CHARACTER = re.compile(
    rb"[\x81-\xfe](?:[\x30-\x39][\x81-\xfe][\x30-\x39]|[\x40-\x7e\x80-\xfe])"
)
_ASCII_LETTERS = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_SAVE_AS_UTF8 = "in Excel choose Save As › CSV UTF-8 (comma delimited)"


def _in_gb2312(lead: int, trail: int) -> bool:
    """A double-byte code in GB2312's symbol rows (0xA1–0xA9) or hanzi rows (0xB0–0xF7)."""
    return (0xA1 <= lead <= 0xA9 or 0xB0 <= lead <= 0xF7) and 0xA1 <= trail <= 0xFE


def _gbk_characters(data: bytes) -> tuple[int, int]:
    """How many multi-byte GBK characters look Chinese, and how many do not (see below)."""
    chinese = other = 0
    previous_end = 0
    for match in _GBK_CHARACTER.finditer(data):
        start, end = match.span()
        if (
            end - start == 2
            and _in_gb2312(data[start], data[start + 1])
            and not (
                start > previous_end  # the byte before is a character of its own
                and data[start - 1] in _ASCII_LETTERS
                and end < len(data)
                and data[end] in _ASCII_LETTERS
            )
        ):
            chinese += 1
        else:
            other += 1
        previous_end = end
    return chinese, other


def looks_like_chinese_gbk(data: bytes) -> bool:
    """Whether bytes that GB18030 decodes look like Chinese text (deterministic, a heuristic).

    Each multi-byte character counts as Chinese when its code lies in GB2312's
    symbol or hanzi rows and it does not sit between two ASCII letters (that is
    where the accented pairs of Western words land: ``Concei|çã|o``). The
    others are GBK extension codes (rare hanzi, but also what a Western accent
    followed by a letter or most Shift-JIS kana and kanji look like), four-byte
    GB18030 codes and pairs between letters. The file looks Chinese when at
    least one character is Chinese and the others are no more than the Chinese
    ones, nor more than one in ten plus two: a few rare hanzi in a short file
    pass, a Big5 file (about four in ten outside GB2312) does not.
    """
    chinese, other = _gbk_characters(data)
    return chinese > 0 and other <= min(chinese, 2 + (chinese + other) // 10)


def _looks_western(data: bytes) -> bool:
    """Whether the bytes read as Windows-1252 give words with an accented letter here and there."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    runs = list(re.finditer(r"[^\x00-\x7f]+", text))
    symbols = "€£¥§©®°±ºª«»‘’“”–—…·¿¡"

    def accented(char: str) -> bool:
        return "\u00c0" <= char <= "\u017f" and char not in "×÷"

    def in_a_word(run: re.Match[str]) -> bool:  # the characters around a run are ASCII
        before, after = text[run.start() - 1 : run.start()], text[run.end() : run.end() + 1]
        return any(accented(c) for c in run.group()) and (before.isalpha() or after.isalpha())

    return (
        bool(runs)
        and all(len(run.group()) <= 3 for run in runs)
        and all(accented(c) or c in symbols for run in runs for c in run.group())
        and any(in_a_word(run) for run in runs)
    )


def _looks_japanese(data: bytes) -> bool:
    """Whether the bytes read as Shift-JIS (Windows code page 932) give Japanese text."""
    try:
        text = data.decode("cp932")
    except UnicodeDecodeError:
        return False
    # Kana and CJK punctuation, kanji, full-width letters and half-width katakana.
    foreign = [c for c in text if not c.isascii()]
    return bool(foreign) and all(
        "\u3000" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff" or "\uff01" <= c <= "\uff9f"
        for c in foreign
    )


def _looks_traditional_chinese(data: bytes) -> bool:
    """Whether the bytes read as Big5 (Windows code page 950) give Chinese text."""
    try:
        text = data.decode("cp950")
    except UnicodeDecodeError:
        return False
    # Hanzi, CJK punctuation and full-width forms.
    foreign = [c for c in text if not c.isascii()]
    return bool(foreign) and all(
        "\u3000" <= c <= "\u303f" or "\u4e00" <= c <= "\u9fff" or "\uff01" <= c <= "\uff5e"
        for c in foreign
    )


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a byte order mark shows as NUL bytes in every other place (for ASCII)."""
    odd, even = data[1::2].count(0), data[0::2].count(0)
    if odd > len(data) // 8 and odd > 4 * even:
        return "utf-16-le"
    if even > len(data) // 8 and even > 4 * odd:
        return "utf-16-be"
    return None


def likely_encoding(data: bytes) -> tuple[str, str] | None:
    """The encoding a file that is not UTF-8 or Chinese GBK most likely is: (codec, description)."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32", "UTF-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", "UTF-16 (what Excel saves as “Unicode text”)"
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        return (utf16, "UTF-16 without a byte order mark") if utf16 else None
    if _looks_western(data):
        return "cp1252", "Windows-1252 (Western European, also called Latin-1 or ANSI)"
    if _looks_japanese(data):
        return "cp932", "Shift-JIS (Japanese, as Windows writes it)"
    if _looks_traditional_chinese(data):
        return "big5", "Big5 (Traditional Chinese)"
    return None


def _not_utf8_or_gbk(data: bytes, name: str) -> BadFile:
    """The refusal of a file read without a named encoding, with the way to read it."""
    guess = likely_encoding(data)
    if guess is not None and guess[0].startswith("utf-"):
        codec, description = guess
        return BadFile(
            f"{name} is not UTF-8 or GBK text; it is {description}: "
            f"{_SAVE_AS_UTF8}, or import it with --encoding {codec}",
            reason="encoding_likely",
            file=name,
            likely_encoding=codec,
        )
    if guess is None:
        return BadFile(
            f"{name} does not look like UTF-8 or GBK (Chinese) text, and its encoding was "
            f"not recognised; {_SAVE_AS_UTF8}, or import it with --encoding NAME "
            f"(the file's encoding, for example cp1252, cp932, big5 or gbk)",
            reason="encoding_unknown",
            file=name,
        )
    try:
        # Chinese with many rare hanzi can look like something else; say so.
        data.decode("gb18030")
        maybe_chinese = _gbk_characters(data)[0] > 0
    except UnicodeDecodeError:
        maybe_chinese = False
    gbk = "; if it does hold Chinese text, import it with --encoding gbk" if maybe_chinese else ""
    codec, description = guess
    return BadFile(
        f"{name} does not look like UTF-8 or GBK (Chinese) text; it looks like {description}: "
        f"{_SAVE_AS_UTF8}, or import it with --encoding {codec}{gbk}",
        reason="encoding_likely",
        file=name,
        likely_encoding=codec,
    )


def _decode_as(data: bytes, encoding: str, name: str) -> tuple[str, str]:
    """The text of a file in exactly the encoding named, or a refusal saying where it fails."""
    shown = encoding if len(encoding) <= 40 else encoding[:40] + "…"
    try:
        codec = codecs.lookup(encoding).name
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        try:
            line = f"line {data[: exc.start].decode(codec, 'replace').count(chr(10)) + 1}, "
        except (LookupError, UnicodeError):
            line = ""
        raise BadFile(
            f"{name} cannot be read as {codec}: {line}byte offset {exc.start} "
            f"({data[exc.start : exc.end].hex(' ')}) is not {codec} text; "
            f"check the file's encoding, or {_SAVE_AS_UTF8}",
            reason="encoding_mismatch",
            file=name,
            encoding=codec,
            byte=exc.start,
        ) from None
    except (LookupError, ValueError):  # unknown names, bytes-to-bytes codecs, a NUL in the name
        raise BadFile(
            f"{shown!r} is not a text encoding; name one like utf-8, gbk, cp1252, cp932 or utf-16",
            reason="encoding_name_unknown",
            file=name,
            encoding=shown,
        ) from None
    if "\x00" in text:
        raise BadFile(
            f"{name} read as {codec} contains NUL characters: it is not {codec} text "
            "(is it UTF-16?)",
            reason="encoding_nul",
            file=name,
            encoding=codec,
        )
    return text.removeprefix("\ufeff"), codec


def _chinese_gbk(data: bytes) -> str | None:
    """The text of bytes that decode as GB18030 and look like Chinese text, else None."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    return text if looks_like_chinese_gbk(data) else None


def decode(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str]:
    """The text of a file and the encoding it was in.

    With ``encoding``, exactly that codec. Without, UTF-8 (a file that starts
    with the UTF-8 mark must be UTF-8 throughout), else GB18030 for bytes that
    look like Chinese text; anything else is refused with ``BadFile`` naming
    the encoding the file most likely is. Text with NULs is never taken.
    """
    if encoding is not None:
        return _decode_as(data, encoding, name)
    if data.startswith(codecs.BOM_UTF8):
        return _decode_as(data, "utf-8", name)
    text: str | None
    try:
        text, found = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, found = _chinese_gbk(data), "gbk"
    # UTF-16 ("Unicode text" in Excel) of plain ASCII decodes as UTF-8 full of NULs.
    if text is None or "\x00" in text:
        raise _not_utf8_or_gbk(data, name)
    return text, found
