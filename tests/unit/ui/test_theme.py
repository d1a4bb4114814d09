"""The style sheet's lint (TILL.md 13): readable at 80 cm, contrast 4.5:1 for text and 3:1 for controls."""

from __future__ import annotations

import re

import pytest

from loyalty_desktop.ui.theme import STYLE

WHITE = "#ffffff"
RULES = [
    (selector.strip(), dict(re.findall(r"([\w-]+)\s*:\s*([^;]+);", body)))
    for selector, body in re.findall(
        r"([^{}]+)\{([^}]*)\}", re.sub(r"/\*.*?\*/", "", STYLE, flags=re.S)
    )
]


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours."""
    lighter, darker = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _background(selector: str) -> str:
    """The rule's own background, else its widget's without the state, else the window's white."""
    for wanted in (selector, selector.split(":")[0]):
        for other, props in RULES:
            if wanted in [s.strip() for s in other.split(",")] and "background" in props:
                return props["background"].split()[0]
    return WHITE


def _texts() -> list[tuple[str, str, str]]:
    pairs = []
    for selector, props in RULES:
        for part in selector.split(","):
            for key in ("color", "placeholder-text-color"):
                if key in props:
                    pairs.append((part.strip(), props[key].strip(), _background(part.strip())))
    return pairs


def test_contrast_sanity() -> None:
    assert contrast("#000000", WHITE) == pytest.approx(21)
    assert contrast("#8c8c8c", WHITE) < 4.5  # Qt's own placeholder grey: the lint would catch it


@pytest.mark.parametrize(("selector", "text", "background"), _texts())
def test_every_text_colour_reaches_4_5_to_1_on_its_background(
    selector: str, text: str, background: str
) -> None:
    assert contrast(text, background) >= 4.5, (selector, text, background)


def test_control_borders_reach_3_to_1_against_the_window() -> None:
    controls = ("QLineEdit", "QSpinBox", "QComboBox", "QPushButton", "QTableView")
    checked = 0
    for selector, props in RULES:
        if "border" in props and any(c in selector for c in controls):
            colour = re.search(r"#[0-9a-fA-F]{6}", props["border"])
            assert colour is not None, selector
            assert contrast(colour[0], WHITE) >= 3, selector
            checked += 1
    assert checked >= 3


def test_no_text_under_24_px_and_totals_at_36() -> None:
    sizes = {
        sel: int(props["font-size"].removesuffix("px"))
        for sel, props in RULES
        if "font-size" in props
    }
    assert min(sizes.values()) >= 24, sizes
    assert sizes["QLabel#total"] >= 36
    assert sizes["QLabel#points"] >= 36


def test_buttons_are_at_least_48_px_high() -> None:
    heights = [int(p["min-height"].removesuffix("px")) for s, p in RULES if s == "QPushButton"]
    assert heights == [48] or min(heights) >= 48


def test_the_back_office_is_denser_but_still_readable_at_a_desk() -> None:
    from loyalty_desktop.ui.theme import CONSOLE_STYLE

    body = re.sub(r"/\*.*?\*/", "", CONSOLE_STYLE, flags=re.S)
    sizes = [int(size) for size in re.findall(r"font-size:\s*(\d+)px", body)]
    assert sizes
    assert min(sizes) >= 17
    for selector, props in re.findall(r"([^{}]+)\{([^}]*)\}", body):
        found = dict(re.findall(r"([\w-]+)\s*:\s*([^;]+);", props))
        if "color" in found:
            background = found.get("background", WHITE).split()[0]
            assert contrast(found["color"].strip(), background) >= 4.5, selector
