"""``loyalty member card`` for a name no font can draw: exit 1, a JSON refusal, no file, no change."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from loyalty_desktop.printing.fonts import OVERRIDE_VARIABLE
from tests.e2e.conftest import Loyalty, db_fingerprint, run_script
from tests.fonts import RARE_HANZI, make_latin_only_font


@pytest.fixture
def only_latin_font(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A computer whose chosen card font has no hanzi (the bundled one stays the last resort)."""
    font = make_latin_only_font(tmp_path / "LatinOnly.otf")
    monkeypatch.setenv(OVERRIDE_VARIABLE, str(font))
    return font


def test_a_card_no_font_can_draw_is_refused_and_the_old_card_keeps_working(
    shop_cli: Loyalty, db_path: Path, tmp_path: Path, only_latin_font: Path
) -> None:
    code, member = shop_cli("member", "add", "--name", f"{RARE_HANZI}田花子")
    assert code == 0
    before = db_fingerprint(db_path)
    out = tmp_path / "card.png"
    code, refused = shop_cli("member", "card", member["member_no"], "--out", str(out), "--reissue")
    assert (code, refused["error"]) == (1, "font_missing")
    assert refused["missing"] == [RARE_HANZI]
    assert f"{RARE_HANZI} (U+20BB7)" in refused["message"]
    assert "fonts-noto-cjk" in refused["message"]
    assert not out.exists()
    assert db_fingerprint(db_path) == before
    assert shop_cli("member", "show", member["card"])[1]["member_no"] == member["member_no"]


def test_the_same_name_in_common_hanzi_prints_with_the_bundled_font(
    shop_cli: Loyalty, tmp_path: Path, only_latin_font: Path
) -> None:
    _, member = shop_cli("member", "add", "--name", "吉田花子")
    out = tmp_path / "card.png"
    code, result = shop_cli("member", "card", member["member_no"], "--out", str(out))
    assert code == 0
    assert Path(result["file"]) == out.resolve()


def test_the_console_script_exits_1_with_one_json_refusal(
    shop_cli: Loyalty, db_path: Path, tmp_path: Path, only_latin_font: Path
) -> None:
    _, member = shop_cli("member", "add", "--name", f"{RARE_HANZI}田")
    out = tmp_path / "card.png"
    done = run_script(
        "--db", str(db_path), "--json", "member", "card", member["member_no"], "--out", str(out)
    )
    assert done.returncode == 1, done.stderr
    assert json.loads(done.stdout)["error"] == "font_missing"
    assert "Traceback" not in done.stderr
    assert not out.exists()
