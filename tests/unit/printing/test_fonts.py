"""Card fonts: every character on a card comes from a font that has it, or the card is refused by name."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from loyalty_desktop.printing.card_image import CARD_SIZE, render_card, save_card
from loyalty_desktop.printing.fonts import (
    BUNDLED_FONT,
    OVERRIDE_VARIABLE,
    FontFile,
    FontMissing,
    closest_font,
    font_for,
    missing_characters,
)
from tests.fonts import RARE_HANZI, character_map, make_font_with_only, make_latin_only_font

CODE = "96110010000001234567890123"
NAMES = "张伟李娜王芳刘洋陈静杨磊"


@pytest.fixture(scope="module")
def latin_only(tmp_path_factory: pytest.TempPathFactory) -> FontFile:
    return FontFile(make_latin_only_font(tmp_path_factory.mktemp("fonts") / "LatinOnly.otf"))


@pytest.fixture(autouse=True)
def _no_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(OVERRIDE_VARIABLE, raising=False)


def ink(face: ImageFont.FreeTypeFont, char: str) -> bytes:
    """The pixels ``char`` puts on paper in ``face``, with its box size."""
    left, top, right, bottom = (round(v) for v in face.getbbox(char))
    image = Image.new("L", (max(right - left, 1), max(bottom - top, 1)))
    ImageDraw.Draw(image).text((-left, -top), char, font=face, fill=255)
    return repr(image.size).encode() + image.tobytes()


def test_a_font_without_chinese_draws_every_hanzi_as_the_same_box(latin_only: FontFile) -> None:
    # The failure this module exists for: it is silent, so the measure below must see it.
    face = latin_only.at(48)
    assert len({ink(face, char) for char in NAMES}) == 1


def test_a_chinese_name_is_drawn_with_a_glyph_of_its_own_for_every_character() -> None:
    face = font_for(NAMES).at(48)
    assert len({ink(face, char) for char in NAMES}) == len(NAMES)
    bundled = BUNDLED_FONT.at(48)
    assert len({ink(bundled, char) for char in NAMES}) == len(NAMES)


def test_the_coverage_check_agrees_with_the_fonts_own_character_maps(
    latin_only: FontFile, tmp_path: Path
) -> None:
    rng = random.Random(6)
    sample = (
        "好邻居便利店 会员号 No. 10000001 Ann-Marie O'Brien ÀÉñß €★の①·—“”（）"
        "喆玥赟堃镕祎 龘𪛖"
        + RARE_HANZI
        + "".join(chr(rng.randint(0x4E00, 0x9FFF)) for _ in range(400))
    )
    squares = FontFile(make_font_with_only(tmp_path / "squares.ttf", "张三" + RARE_HANZI))
    for font in (BUNDLED_FONT, latin_only, squares):
        mapped = character_map(font.path)
        expected = [c for c in dict.fromkeys(sample) if not c.isspace() and c not in mapped]
        assert expected, "the sample must hold characters the font lacks"
        assert len(expected) < len(set(sample)) - 1, "and characters it has"
        assert missing_characters(font, sample) == expected, font.path.name


def test_an_installed_font_that_has_every_character_comes_before_the_bundled_one(
    latin_only: FontFile, tmp_path: Path
) -> None:
    installed = FontFile(Path(shutil.copy(BUNDLED_FONT.path, tmp_path / "Installed.otf")))
    absent = FontFile(tmp_path / "not-installed.ttc")
    assert font_for("张三", system_fonts=[absent, latin_only, installed]) == installed
    assert font_for("Ann 10000001", system_fonts=[latin_only, installed]) == latin_only
    assert font_for("张三", system_fonts=[absent, latin_only]) == BUNDLED_FONT


def test_a_chosen_font_that_lacks_hanzi_gives_way_to_the_bundled_one(
    latin_only: FontFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(OVERRIDE_VARIABLE, str(latin_only.path))
    assert font_for("Ann 10000001") == latin_only
    assert font_for("张三 10000001") == BUNDLED_FONT
    # The card then shows the name, not boxes.
    cards = [
        render_card(CODE, shop_name="好邻居", member_name=name, member_no="10000001")
        for name in ("张伟", "李娜")
    ]
    name_area = (40, 200, CARD_SIZE[0] // 2, 290)
    assert cards[0].crop(name_area).tobytes() != cards[1].crop(name_area).tobytes()


def test_a_name_no_font_can_draw_is_refused_by_name_and_no_file_is_written(
    latin_only: FontFile, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert RARE_HANZI not in character_map(BUNDLED_FONT.path), "pick a rarer test character"
    monkeypatch.setenv(OVERRIDE_VARIABLE, str(latin_only.path))
    target = tmp_path / "cards" / "card.png"
    with pytest.raises(FontMissing) as refused:
        save_card(
            target, CODE, shop_name="好邻居便利店", member_name=f"{RARE_HANZI}田", member_no="1"
        )
    assert refused.value.code == "font_missing"
    assert refused.value.details == {"missing": [RARE_HANZI]}
    message = refused.value.message
    assert f"{RARE_HANZI} (U+20BB7)" in message
    assert "田" not in message
    assert "apt-get install fonts-noto-cjk" in message
    assert "Microsoft YaHei" in message
    assert OVERRIDE_VARIABLE in message
    assert not target.parent.exists()


def test_characters_split_between_two_fonts_are_refused_too(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    only_rare = make_font_with_only(tmp_path / "rare.ttf", RARE_HANZI)
    monkeypatch.setenv(OVERRIDE_VARIABLE, str(only_rare))
    assert font_for(RARE_HANZI) == FontFile(only_rare)
    with pytest.raises(FontMissing, match=r"has every character .* lacks 𠮷 \(U\+20BB7\)"):
        render_card(CODE, shop_name="", member_name=f"{RARE_HANZI}田", member_no="1")


@pytest.mark.parametrize("content", [None, b"not a font"])
def test_a_chosen_font_that_is_missing_or_not_a_font_is_refused(
    content: bytes | None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    chosen = tmp_path / "brand.ttf"
    if content is not None:
        chosen.write_bytes(content)
    monkeypatch.setenv(OVERRIDE_VARIABLE, str(chosen))
    with pytest.raises(FontMissing, match=f"{OVERRIDE_VARIABLE} names .*brand.ttf"):
        font_for("Ann")


def test_a_receipt_gets_the_font_lacking_fewest_characters_and_what_it_lacks(
    latin_only: FontFile,
) -> None:
    assert closest_font("Ann 张三", system_fonts=[latin_only]) == (BUNDLED_FONT, [])
    assert closest_font("Ann 10000001 😀", system_fonts=[latin_only]) == (latin_only, ["😀"])
    assert closest_font("张三 😀 🍵", system_fonts=[latin_only]) == (BUNDLED_FONT, ["😀", "🍵"])
    with pytest.raises(FontMissing):  # a card is still refused, never printed with a "?"
        font_for("张三 😀", system_fonts=[latin_only])
