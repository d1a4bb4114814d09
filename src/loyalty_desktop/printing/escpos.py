"""Our own ESC/POS encoder for receipts: text in GB 18030, GBK or UTF-8, or the whole receipt as a picture.

Written instead of python-escpos, whose code-page switching sends GB 18030
only for lines of common hanzi and prints ``¥`` as garbage (TILL.md). Every
receipt starts from ESC @ (initialise) and selects its one text mode: FS &
(Chinese double-byte characters) for GB 18030 and GBK, FS ( C (character
encoding: UTF-8) for UTF-8. Text is sent a line at a time: a character the
printer cannot print becomes ``?`` (a combining mark, which takes no column,
is left out), so nothing prints as garbage and no line grows wider than it was
laid out. After any picture or QR code the printer is initialised again and
the text mode selected again, since some printers leave a graphics state or
code page behind. The commands are those of Epson's ESC/POS reference:

- ``ESC @`` 1B 40; ``FS &`` 1C 26; ``FS ( C`` 1C 28 43 02 00 30 01;
  ``ESC a n`` 1B 61 n (0 left, 1 centre); ``LF`` 0A; ``ESC d n`` 1B 64 n (feed n lines);
- ``GS ( k`` 1D 28 6B pL pH 31 fn …: QR model (fn 41h), module size (43h),
  error correction (45h), store the data (50h), print it (51h);
- ``GS v 0`` 1D 76 30 m xL xH yL yH d…: a raster picture, x bytes × y dots;
- ``GS V 66 n`` 1D 56 42 n: feed to the cutter (plus n dots) and cut partially.

A coupon under the receipt (``coupon_slips``) prints its lines like the
receipt's, then its QR as a raster picture we draw ourselves rather than the
printer's QR command: some cheap printers have no QR command, and a coupon
must scan at the till whatever printed it, at a module size we chose.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, get_args

import qrcode
from PIL import Image
from qrcode.constants import ERROR_CORRECT_M

from loyalty_desktop.printing.coupon_slips import CouponSlip
from loyalty_desktop.printing.receipt_raster import render_lines
from loyalty_desktop.printing.text_columns import (
    clusters,
    is_hanzi,
    printable,
    takes_no_column,
    text_width,
)

Encoding = Literal["gb18030", "gbk", "utf-8", "raster"]
Paper = Literal[58, 80]

ENCODINGS: tuple[str, ...] = get_args(Encoding)
COLUMNS: dict[int, int] = {58: 32, 80: 48}  # Latin columns; a hanzi takes two (16 / 24 a line)
DOTS: dict[int, int] = {58: 384, 80: 576}  # printable width at 203 dpi

INIT = b"\x1b@"
CHINESE_MODE = b"\x1c&"
UTF8_MODE = b"\x1c(C\x02\x00\x30\x01"
ALIGN_LEFT = b"\x1ba\x00"
ALIGN_CENTRE = b"\x1ba\x01"
LF = b"\n"
PARTIAL_CUT = b"\x1dVB\x00"
FEED_TO_TEAR = b"\x1bd\x04"  # without a cutter: the last line clears the tear bar
QR_MODULE_DOTS = 6
RASTER_BAND_ROWS = 256  # a few printers take no more in one GS v 0; 8 lines of text each
_QR_ERROR_M = 0x31


def columns_for(paper: int) -> int:
    """Latin columns of a paper width (58 mm: 32, 80 mm: 48).

    Raises:
        ValueError: not 58 or 80.
    """
    if paper not in COLUMNS:
        raise ValueError(f"paper is 58 or 80 mm wide, not {paper}")
    return COLUMNS[paper]


def _gb_char(cluster: str, codec: str) -> bytes:
    """One printed character in GBK or GB 18030 as a Chinese printer reads it, else ``?``.

    ASCII is one byte and a GBK character two. GB 18030's four-byte sequences
    are sent only for hanzi (a rare name's character, in the printer's
    GB 18030 font); any other one (``¥``, emoji, accented capitals) prints as
    garbage on real printers, so it becomes ``?``.
    """
    char = cluster[0]  # its combining marks are left out: a receipt printer cannot stack them
    if takes_no_column(char):
        return b""
    if char < "\x80":
        return char.encode("ascii")
    try:
        data = char.encode(codec)
    except UnicodeEncodeError:
        return b"?"
    if len(data) == 2 or (len(data) == 4 and is_hanzi(char)):
        return data
    return b"?"


def encode_line(line: str, encoding: str) -> bytes:
    """One line of text in the printer's encoding (without its line feed); see ``_gb_char``.

    Raises:
        ValueError: ``encoding`` is not ``gb18030``, ``gbk`` or ``utf-8``.
    """
    text = printable(line)
    if encoding == "utf-8":
        return text.encode("utf-8")
    if encoding not in ("gb18030", "gbk"):
        raise ValueError(f"no text encoding {encoding!r}")
    return b"".join(_gb_char(cluster, encoding) for cluster in clusters(text))


def text_mode(encoding: str) -> bytes:
    """The command that selects how the printer reads text (the Chinese mode after a picture)."""
    return UTF8_MODE if encoding == "utf-8" else CHINESE_MODE


def qr_command(data: str, *, module_dots: int = QR_MODULE_DOTS) -> bytes:
    """GS ( k: a model 2 QR code of ``data`` (UTF-8), error correction M, stored and printed.

    Raises:
        ValueError: empty data, more than a QR code holds, or a module size outside 1–16.
    """
    payload = data.encode("utf-8")
    if not payload or len(payload) > 7089:
        raise ValueError("a QR code holds 1 to 7089 bytes")
    if not 1 <= module_dots <= 16:
        raise ValueError("a QR module is 1 to 16 dots")
    store = len(payload) + 3
    return b"".join(
        (
            b"\x1d(k\x04\x00\x31\x41\x32\x00",  # fn 65: model 2
            b"\x1d(k\x03\x00\x31\x43" + bytes([module_dots]),  # fn 67: module size
            b"\x1d(k\x03\x00\x31\x45" + bytes([_QR_ERROR_M]),  # fn 69: error correction M
            b"\x1d(k" + store.to_bytes(2, "little") + b"\x31\x50\x30" + payload,  # fn 80: store
            b"\x1d(k\x03\x00\x31\x51\x30",  # fn 81: print
        )
    )


def raster_command(image: Image.Image) -> bytes:
    """GS v 0 bands of a black-and-white image (black prints), each at most ``RASTER_BAND_ROWS`` high.

    Raises:
        ValueError: the image's width is not a whole number of bytes.
    """
    if image.width % 8:
        raise ValueError("a raster picture is a whole number of bytes wide")
    # ESC/POS prints a 1 bit; PIL's mode "1" stores white as 1.
    dots = image.convert("L").point(lambda value: 255 if value < 128 else 0, mode="1")
    out = bytearray()
    for top in range(0, dots.height, RASTER_BAND_ROWS):
        band = dots.crop((0, top, dots.width, min(top + RASTER_BAND_ROWS, dots.height)))
        out += b"\x1dv0\x00" + (dots.width // 8).to_bytes(2, "little")
        out += band.height.to_bytes(2, "little") + band.tobytes()
    return bytes(out)


def qr_picture(data: str, *, dots: int, module_dots: int = QR_MODULE_DOTS) -> Image.Image:
    """A QR code of ``data`` (error correction M, quiet zone of 4), centred on a strip ``dots`` wide.

    Raises:
        ValueError: the code at this module size is wider than the paper.
    """
    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=module_dots, border=4)
    qr.add_data(data)
    qr.make(fit=True)
    code: Image.Image = qr.make_image(fill_color="black", back_color="white").get_image()
    if code.width > dots:
        raise ValueError(f"a QR code {code.width} dots wide does not fit {dots} dots")
    strip = Image.new("L", (dots, code.height), 255)
    strip.paste(code.convert("L"), ((dots - code.width) // 2, 0))
    return strip


def _lines_bytes(lines: Sequence[str], encoding: str, paper: int, columns: int) -> bytes:
    if encoding == "raster":
        picture = render_lines(lines, dots=DOTS[paper], columns=columns)
        return raster_command(picture) + INIT + text_mode(encoding)
    return b"".join(encode_line(line, encoding) + LF for line in lines)


def _check(lines: Sequence[str], encoding: str, paper: int) -> int:
    if encoding not in ENCODINGS:
        raise ValueError(f"encoding is one of {', '.join(ENCODINGS)}, not {encoding!r}")
    columns = columns_for(paper)
    for line in lines:
        if text_width(printable(line)) > columns:
            raise ValueError(f"line wider than {columns} columns: {line!r}")
    return columns


def encode_receipt(
    lines: Sequence[str],
    *,
    encoding: Encoding,
    paper: Paper,
    qr: str | None = None,
    slips: Sequence[CouponSlip] = (),
    cut: bool = True,
) -> bytes:
    """The bytes that print ``lines`` (laid out for the paper's columns), a centred QR of ``qr``, and cut.

    Each of ``slips`` follows: its lines, then its coupon's QR as a raster picture.

    ``raster`` draws the lines as a picture (the printer needs no font) and
    leaves the printer in Chinese mode afterwards; without ``cut`` the paper
    is fed past the tear bar instead.

    Raises:
        ValueError: an unknown encoding or paper width, or a line wider than the paper.
        FontMissing: ``raster`` and ``LOYALTY_CARD_FONT`` names a file that is no font
            (a character no font has prints as ``?``, as in text mode).
    """
    columns = _check([*lines, *(line for slip in slips for line in slip.lines)], encoding, paper)
    mode = text_mode(encoding)
    out = bytearray(INIT + mode)
    out += _lines_bytes(lines, encoding, paper, columns)
    if qr is not None:
        out += ALIGN_CENTRE + qr_command(qr) + LF + INIT + mode
    for slip in slips:
        out += _lines_bytes(slip.lines, encoding, paper, columns)
        out += raster_command(qr_picture(slip.code, dots=DOTS[paper])) + LF + INIT + mode
    out += PARTIAL_CUT if cut else FEED_TO_TEAR
    return bytes(out)
