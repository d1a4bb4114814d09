"""ESC/POS bytes for receipts, checked against bytes written out by hand from the command reference.

The expected bytes never come from the encoder: commands are spelled from
Epson's ESC/POS reference and characters from the GB 2312 code table (区位
code + A0A0: 好 is row 26, cell 35 = BA C3), so a wrong code page, a missing
reset or a ``¥`` sent as four bytes fails here.
"""

from __future__ import annotations

import pytest
from PIL import Image

from loyalty_desktop.printing.escpos import (
    columns_for,
    encode_line,
    encode_receipt,
    qr_command,
    raster_command,
)
from loyalty_desktop.printing.receipt_raster import LINE_DOTS, render_lines
from loyalty_desktop.printing.text_columns import text_width

INIT = bytes.fromhex("1b40")  # ESC @
CHINESE = bytes.fromhex("1c26")  # FS &
UTF8 = bytes.fromhex("1c2843 0200 30 01")  # FS ( C, fn 48: UTF-8
CUT = bytes.fromhex("1d56 42 00")  # GS V 66 0: feed to the cutter, partial cut
CENTRE = bytes.fromhex("1b61 01")  # ESC a 1
LF = b"\n"

# GB 2312 codes of the hanzi used below.
HAO, LIN, JU = bytes.fromhex("bac3"), bytes.fromhex("c1da"), bytes.fromhex("bed3")  # 好邻居
KE, LE = bytes.fromhex("bfc9"), bytes.fromhex("c0d6")  # 可乐
SHI, FU = bytes.fromhex("cab5"), bytes.fromhex("b8b6")  # 实付
YUAN = bytes.fromhex("a3a4")  # ￥ FULLWIDTH YEN SIGN, row 3 cell 4
E_ACUTE = bytes.fromhex("a8a6")  # é, the pinyin letters of row 8
TSUCHI_YOSHI = bytes.fromhex(
    "9534b235"
)  # 𠮷 U+20BB7: GB 18030 four bytes (0x10BB7 in base 12600/1260/10)

LINES_58 = [
    "好邻居 Shop",
    "可乐 x2" + " " * 19 + "￥7.00",  # 7 + 19 + 6 = 32 columns
    "实付 ¥7 é ñ 😀 𠮷",
]
LINES_80 = [
    "好邻居 Shop",
    "可乐 x2" + " " * 35 + "￥7.00",  # 7 + 35 + 6 = 48 columns
    "实付 ¥7 é ñ 😀 𠮷",
]


def _body(second_spaces: int, *, tsuchi_yoshi: bytes) -> bytes:
    return b"".join(
        [
            HAO + LIN + JU + b" Shop" + LF,
            KE + LE + b" x2" + b" " * second_spaces + YUAN + b"7.00" + LF,
            # ¥ is sent as the full-width ￥; ñ and the emoji would be four bytes: "?"
            SHI + FU + b" " + YUAN + b"7 " + E_ACUTE + b" ? ? " + tsuchi_yoshi + LF,
        ]
    )


def test_the_layout_fills_the_paper_exactly() -> None:
    assert [text_width(line) for line in LINES_58[:2]] == [11, 32]
    assert text_width(LINES_80[1]) == 48
    assert (columns_for(58), columns_for(80)) == (32, 48)


def test_58_mm_in_gb18030() -> None:
    expected = INIT + CHINESE + _body(19, tsuchi_yoshi=TSUCHI_YOSHI) + CUT
    assert encode_receipt(LINES_58, encoding="gb18030", paper=58) == expected


def test_80_mm_in_gb18030() -> None:
    expected = INIT + CHINESE + _body(35, tsuchi_yoshi=TSUCHI_YOSHI) + CUT
    assert encode_receipt(LINES_80, encoding="gb18030", paper=80) == expected


def test_58_mm_in_gbk_has_no_four_byte_characters() -> None:
    expected = INIT + CHINESE + _body(19, tsuchi_yoshi=b"?") + CUT
    assert encode_receipt(LINES_58, encoding="gbk", paper=58) == expected


def test_80_mm_in_gbk() -> None:
    expected = INIT + CHINESE + _body(35, tsuchi_yoshi=b"?") + CUT
    assert encode_receipt(LINES_80, encoding="gbk", paper=80) == expected


def test_utf8_selects_utf8_and_sends_every_character_as_it_is() -> None:
    expected = (
        INIT
        + UTF8
        + "好邻居 Shop".encode()  # UTF-8 is the transport here, not a code table
        + LF
        + b"\xe5\xae\x9e\xe4\xbb\x98 \xef\xbf\xa57"  # 实付 ￥7 (¥ is still sent as ￥)
        + LF
        + CUT
    )
    assert encode_receipt(["好邻居 Shop", "实付 ¥7"], encoding="utf-8", paper=58) == expected


def test_the_yen_sign_is_always_sent_as_the_full_width_one() -> None:
    assert encode_line("¥5", "gb18030") == YUAN + b"5"
    assert encode_line("¥5", "gbk") == YUAN + b"5"
    assert encode_line("¥5", "utf-8") == b"\xef\xbf\xa55"


def test_control_characters_and_lone_accents_never_reach_the_printer() -> None:
    assert encode_line("A\x1bB\x1dVC", "gbk") == b"ABVC"
    assert encode_line("e\u0301", "gbk") == E_ACUTE  # composed first
    assert encode_line("b\u0327", "gb18030") == b"b"  # nothing to compose with: left out


QR_S0001 = b"".join(
    [
        bytes.fromhex("1d286b 0400 31 41 32 00"),  # fn 65: model 2
        bytes.fromhex("1d286b 0300 31 43 06"),  # fn 67: 6-dot modules
        bytes.fromhex("1d286b 0300 31 45 31"),  # fn 69: error correction M
        bytes.fromhex("1d286b 0900 31 50 30") + b"S-0001",  # fn 80: store 6 bytes (pL = 6 + 3)
        bytes.fromhex("1d286b 0300 31 51 30"),  # fn 81: print
    ]
)


def test_the_qr_command_stores_and_prints_the_sale_number() -> None:
    assert qr_command("S-0001") == QR_S0001


def test_a_qr_code_is_centred_and_the_printer_is_reset_to_chinese_mode_after_it() -> None:
    expected = INIT + CHINESE + b"Sale S-0001" + LF + CENTRE + QR_S0001 + LF + INIT + CHINESE + CUT
    assert encode_receipt(["Sale S-0001"], encoding="gbk", paper=58, qr="S-0001") == expected


def test_without_a_cutter_the_paper_is_fed_past_the_tear_bar() -> None:
    expected = INIT + CHINESE + b"x" + LF + bytes.fromhex("1b64 04")  # ESC d 4
    assert encode_receipt(["x"], encoding="gb18030", paper=80, cut=False) == expected


def _bands(data: bytes) -> tuple[list[tuple[int, int]], int]:
    """The (width in bytes, height in dots) of each GS v 0 band from its header, and where they end."""
    bands = []
    at = data.index(b"\x1dv0")
    while data[at : at + 3] == b"\x1dv0":
        assert data[at + 3] == 0  # m = 0: normal size
        width = int.from_bytes(data[at + 4 : at + 6], "little")
        height = int.from_bytes(data[at + 6 : at + 8], "little")
        bands.append((width, height))
        at += 8 + width * height
    return bands, at


@pytest.mark.parametrize(("paper", "width_bytes"), [(58, 48), (80, 72)])
def test_a_raster_receipt_is_as_wide_as_the_paper_and_one_line_high_per_line(
    paper: int, width_bytes: int
) -> None:
    lines = ["好邻居便利店", "可乐 x2   ￥7.00", ""] * 4
    data = encode_receipt(lines, encoding="raster", paper=paper)
    assert data.startswith(INIT + CHINESE + b"\x1dv0")
    bands, end = _bands(data)
    assert {width for width, _ in bands} == {width_bytes}  # 384 or 576 dots
    assert sum(height for _, height in bands) == len(lines) * LINE_DOTS
    assert all(height <= 256 for _, height in bands)
    assert data[end:] == INIT + CHINESE + CUT  # the mode is reset after the picture


def test_after_a_raster_and_its_qr_code_the_printer_is_reset_each_time() -> None:
    data = encode_receipt(["S-1"], encoding="raster", paper=58, qr="S-0001")
    _, end = _bands(data)
    assert data[end:] == INIT + CHINESE + CENTRE + QR_S0001 + LF + INIT + CHINESE + CUT


def test_raster_text_is_drawn_in_its_columns() -> None:
    # 30 spaces then one hanzi: ink only in the last two columns (dots 360-383 of 384).
    data = encode_receipt([" " * 30 + "可"], encoding="raster", paper=58)
    _, end = _bands(data)
    rows = data[data.index(b"\x1dv0") + 8 : end]
    picture = Image.frombytes("1", (384, LINE_DOTS), rows)
    inked = [x for x in range(384) for y in range(LINE_DOTS) if picture.getpixel((x, y))]
    assert inked
    assert min(inked) >= 360


def test_a_raster_band_is_the_image_rows_with_black_as_one_bits() -> None:
    image = Image.new("1", (16, 2), 1)  # white
    image.putpixel((0, 0), 0)  # one black dot, top left
    image.putpixel((15, 1), 0)  # one black dot, bottom right
    assert raster_command(image) == bytes.fromhex("1d7630 00 0200 0200 8000 0001")


@pytest.mark.parametrize(
    ("lines", "encoding", "paper"),
    [
        (["x" * 33], "gb18030", 58),  # 33 columns on 32
        (["可" * 25], "gbk", 80),  # 50 columns on 48
        (["x"], "latin-1", 58),
        (["x"], "gbk", 76),
    ],
)
def test_what_the_layout_should_have_prevented_is_a_programming_error(
    lines: list[str], encoding: str, paper: int
) -> None:
    with pytest.raises(ValueError, match=r"\S"):
        encode_receipt(lines, encoding=encoding, paper=paper)


def _ink_box(picture: Image.Image, width: int) -> tuple[tuple[int, int, int, int], bytes]:
    """Where ink is in the first ``width`` dots of a rendered line, and that ink."""
    inverted = picture.convert("L").point(lambda value: 255 - value).crop((0, 0, width, LINE_DOTS))
    box = inverted.getbbox()
    assert box is not None, "nothing drawn"
    return box, inverted.crop(box).tobytes()


def test_a_character_no_font_has_prints_as_a_question_mark_in_its_columns() -> None:
    # 🍵 takes two columns (24 dots on 58 mm), "?" one (12): the same ink, 6 dots further on.
    tea = render_lines(["🍵 tea"], dots=384, columns=32)
    mark = render_lines(["? tea"], dots=384, columns=32)
    (tea_left, *_), tea_ink = _ink_box(tea, 24)
    (mark_left, *_), mark_ink = _ink_box(mark, 12)
    assert tea_ink == mark_ink
    assert tea_left == mark_left + 6
    # The rest of the line stays in its columns: "tea" one column further on.
    assert tea.crop((36, 0, 72, LINE_DOTS)).tobytes() == mark.crop((24, 0, 60, LINE_DOTS)).tobytes()


def test_a_raster_receipt_prints_a_product_no_font_can_draw() -> None:
    data = encode_receipt(["Thé ☕ שלום 🍵", "实付 ￥7.00"], encoding="raster", paper=58)
    assert data.startswith(INIT + CHINESE + b"\x1dv0")
