"""Which encodings an import file is read in, and which are refused with the way to fix the file."""

from __future__ import annotations

import codecs

import pytest

from loyalty_desktop.domain.errors import BadFile
from loyalty_desktop.services.file_encodings import decode

HEADER = "member_no,name,phone,email,birthday,consent\r\n"

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程"
)
GIVEN = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟"]
# Characters outside GB2312 that parents do choose; GBK has them, in its extension rows.
RARE = ["喆", "玥", "堃", "镕", "赟"]


def members(*names: str) -> str:
    return HEADER + "".join(f"M{i:04d},{name},,,,\r\n" for i, name in enumerate(names, 1))


def chinese_shop(rows: int) -> str:
    """A members file as a Chinese shop keeps it: names, e-mail, birthdays, consent."""
    lines = []
    for i in range(rows):
        name = SURNAMES[i % len(SURNAMES)] + GIVEN[i * 7 % len(GIVEN)]
        if i % 40 == 0:
            name += RARE[i // 40 % len(RARE)]
        birthday = f"19{60 + i % 40}/{1 + i % 12}/{1 + i % 28}" if i % 3 else ""
        lines.append(f"M{i:04d},{name},1380013{i:04d},m{i}@example.cn,{birthday},{'是否'[i % 2]}")
    return HEADER + "\r\n".join(lines) + "\r\n"


def refusal(data: bytes) -> BadFile:
    with pytest.raises(BadFile) as refused:
        decode(data, "members.csv")
    return refused.value


# ---------------------------------------------------------------- taken without asking


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig"])
def test_utf8_is_taken_as_it_is_with_or_without_its_mark(encoding: str) -> None:
    text = members("张三", "Müller", "東京", "Ñandú")
    assert decode(text.encode(encoding), "members.csv") == (text, "utf-8")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(members("张"), id="one-short-name"),
        pytest.param(members("张三", "李四", "王五"), id="three-names"),
        pytest.param(members("王玥"), id="half-the-name-outside-gb2312"),
        pytest.param(members("朱镕基", "陈喆"), id="rare-given-names"),
        pytest.param(members("欧阳·娜娜", "李四（VIP）"), id="chinese-punctuation"),
        pytest.param(members("Tom张", "张Tom", "iPhone手机"), id="next-to-latin-letters"),
        pytest.param(chinese_shop(300), id="three-hundred-members"),
        pytest.param(
            "sale_id,member_ref,at,sku,qty,unit_price,category\r\n"
            "S1,M0001,2025/3/1 9:05,6901234567890,2,3.50,饮料\r\n"
            "S1,M0001,2025/3/1 9:05,U01,1,59.00,U盘\r\n"
            "S2,,2025/3/2 18:30,A4-500,1,25.00,办公用品\r\n",
            id="sales-with-chinese-categories",
        ),
    ],
)
def test_chinese_text_saved_as_gbk_is_read_as_gbk(text: str) -> None:
    assert decode(text.encode("gbk"), "members.csv") == (text, "gbk")


# ---------------------------------------------------------------- refused, with the way out

WESTERN = [
    "Müller",
    "Café",
    "Ångström",
    "Hélène Lefèvre",
    "Maria da Conceição",  # ç and ã side by side make a valid GB2312 code
    "MARIA DA CONCEIÇÃO",
    "João",
    "Jürgen Weiß",
    "Søren Kierkegaard",
    "José Núñez",
    "Zoë",
]


@pytest.mark.parametrize("name", WESTERN)
def test_a_western_cp1252_file_is_refused_naming_cp1252(name: str) -> None:
    # Before: GB18030 read "Müller" as "M黮ler" without a word.
    refused = refusal(members(name).encode("cp1252"))
    assert refused.code == "bad_file"
    assert refused.details["likely_encoding"] == "cp1252"
    assert "Windows-1252" in refused.message
    assert "CSV UTF-8" in refused.message
    assert "--encoding cp1252" in refused.message


def test_chinese_with_many_rare_hanzi_is_refused_but_the_refusal_mentions_gbk() -> None:
    # Three of seven characters outside GB2312 is how Big5 looks, not Chinese in GBK.
    refused = refusal(members("朱镕基", "王玥", "李赟").encode("gbk"))
    assert "if it does hold Chinese text, import it with --encoding gbk" in refused.message


def test_a_western_file_of_many_rows_is_refused_naming_cp1252() -> None:
    refused = refusal(members(*WESTERN, "Renée", "Chloé", "François").encode("cp1252"))
    assert refused.details["likely_encoding"] == "cp1252"


JAPANESE = ["東京", "カタカナ", "山田太郎", "さくら", "ﾔﾏﾀﾞ ﾀﾛｳ", "鈴木一郎", "コーヒー"]


def test_traditional_chinese_in_big5_is_refused_naming_big5() -> None:
    refused = refusal(members("陳大文", "張家豪", "林志玲", "黃淑芬").encode("big5"))
    assert refused.details["likely_encoding"] == "big5"
    assert "--encoding big5" in refused.message


@pytest.mark.parametrize("name", JAPANESE)
@pytest.mark.parametrize("encoding", ["shift_jis", "cp932"])
def test_a_japanese_shift_jis_file_is_refused_naming_shift_jis(name: str, encoding: str) -> None:
    refused = refusal(members(name, "東京").encode(encoding))
    assert refused.details["likely_encoding"] == "cp932"
    assert "Shift-JIS" in refused.message
    assert "--encoding cp932" in refused.message


@pytest.mark.parametrize(
    ("encoding", "likely"),
    [("utf-16", "utf-16"), ("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be")],
)
def test_a_utf16_file_is_refused_with_the_way_to_save_it_as_utf8(
    encoding: str, likely: str
) -> None:
    # Excel's "Unicode text" is UTF-16 (and tab-separated): asked for again as CSV UTF-8.
    refused = refusal(members("张三", "Ann").encode(encoding))
    assert refused.details["likely_encoding"] == likely
    assert "not UTF-8 or GBK text" in refused.message
    assert "CSV UTF-8" in refused.message


def test_a_file_marked_as_utf8_is_never_read_as_anything_else() -> None:
    data = b"\xef\xbb\xbf" + members("Ann", "张三").encode("gbk")
    refused = refusal(data)
    assert "cannot be read as utf-8: line 3" in refused.message


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        *[(name, "cp1252") for name in WESTERN],
        *[(name, "cp932") for name in JAPANESE],
        ("張三豐", "gbk"),  # traditional characters: all in GBK's extension rows
        ("张三", "utf-16"),
    ],
)
def test_a_file_refused_when_guessed_is_read_right_in_the_encoding_named(
    name: str, encoding: str
) -> None:
    text = members(name, "Ann")
    data = text.encode(encoding)
    assert refusal(data).details.get("likely_encoding") in (encoding, None)
    assert decode(data, "members.csv", encoding) == (text, codecs.lookup(encoding).name)


@pytest.mark.xfail(strict=True, reason="known limit of the GBK heuristic on very short files")
@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("Þór", "cp1252"),  # an accented pair at the start of a word is a valid GB2312 code
        ("ÑÚÑEZ", "cp1252"),
        ("ﾔﾏﾀﾞ", "shift_jis"),  # half-width katakana in pairs are valid GB2312 codes
        ("陳大文", "big5"),  # most Big5 codes are GB2312 codes too
    ],
)
def test_known_limit_a_single_short_name_may_pass_for_chinese(name: str, encoding: str) -> None:
    refusal(members(name).encode(encoding))


# ---------------------------------------------------------------- a named encoding


@pytest.mark.parametrize(
    ("encoding", "codec"),
    [("cp1252", "cp1252"), ("latin-1", "iso8859-1"), ("Shift_JIS", "shift_jis"), ("GBK", "gbk")],
)
def test_a_named_encoding_is_used_exactly_and_reported_by_its_codec_name(
    encoding: str, codec: str
) -> None:
    text = members("Ann", "Bob")
    assert decode(text.encode(codec), "members.csv", encoding) == (text, codec)


@pytest.mark.parametrize("encoding", ["klingon", "", "base64", "rot13", "utf-8\x00", "x" * 500])
def test_a_name_that_is_not_a_text_encoding_is_refused(encoding: str) -> None:
    with pytest.raises(BadFile, match="is not a text encoding; name one like utf-8"):
        decode(members("Ann").encode(), "members.csv", encoding)


def test_bytes_the_named_encoding_cannot_read_are_refused_naming_line_and_byte() -> None:
    data = members("Ann", "Müller").encode("cp1252")
    with pytest.raises(BadFile) as refused:
        decode(data, "members.csv", "utf-8")
    where = data.index(b"\xfc")
    assert f"cannot be read as utf-8: line 3, byte offset {where} (fc)" in refused.value.message
    assert refused.value.details["byte"] == where


def test_a_named_encoding_that_gives_nul_characters_is_refused() -> None:
    with pytest.raises(BadFile, match="NUL characters"):
        decode(members("Ann").encode("utf-16-le"), "members.csv", "latin-1")
