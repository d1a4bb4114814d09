"""The Windows installer script and its CI keep what an upgrade and an uninstall depend on.

They only run on Windows (.github/workflows/windows.yml); these checks read them here, so a
change that would orphan installed tills (a new AppId) or lose a shop's data fails on Linux too.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ISS = ROOT / "packaging" / "windows" / "loyalty-desktop.iss"
WORKFLOW = ROOT / ".github" / "workflows" / "windows.yml"
SELF_TEST_CMD = ROOT / "packaging" / "windows" / "self-test.cmd"
SELF_TEST_PY = ROOT / "src" / "loyalty_desktop" / "ui" / "self_test.py"

# What every installed copy is registered under: a new one installs a second program beside it.
APP_ID = "{{078CFEA5-4B87-4026-BD25-E9372ED0A419}"


def _setup() -> dict[str, str]:
    text = ISS.read_text(encoding="utf-8")
    section = text.split("[Setup]", 1)[1].split("\n[", 1)[0]
    pairs = (line.split("=", 1) for line in section.splitlines() if "=" in line)
    return {key.strip(): value.strip() for key, value in pairs if not key.startswith(";")}


def test_an_upgrade_finds_the_installed_program_and_installs_for_every_user() -> None:
    setup = _setup()
    assert setup["AppId"] == APP_ID
    assert setup["PrivilegesRequired"] == "admin"
    assert setup["DefaultDirName"].startswith("{autopf}\\")
    assert setup["UsePreviousAppDir"] == "yes"
    assert setup["CloseApplications"] == "yes"


def test_start_menu_and_desktop_shortcuts_and_a_self_test_that_shows_its_report() -> None:
    text = ISS.read_text(encoding="utf-8")
    icons = text.split("[Icons]", 1)[1].split("\n[", 1)[0]
    assert re.search(
        r'^Name: "\{autoprograms\}\\\{#AppName\}"; Filename: "\{app\}\\\{#AppExe\}"', icons, re.M
    )
    assert re.search(r'^Name: "\{autodesktop\}\\.*Tasks: desktopicon', icons, re.M)
    assert 'Filename: "{app}\\self-test.cmd"' in icons
    assert 'Source: "self-test.cmd"' in text
    batch = SELF_TEST_CMD.read_text(encoding="utf-8")
    assert "--self-test" in batch
    assert "self-test.txt" in batch
    assert "pause" in batch
    # where the program puts its report when the log folder cannot be written (ui/self_test.py)
    spare = re.search(r'gettempdir\(\)\) / "([^"]+)"', SELF_TEST_PY.read_text(encoding="utf-8"))
    assert spare is not None
    assert f"%TEMP%\\{spare[1]}" in batch
    assert batch.index('del "%spare%"') < batch.index(
        'loyalty-desktop.exe" --self-test'
    )  # no old report


def test_only_a_question_answered_yes_deletes_the_data() -> None:
    """Nothing in the install sections names a user's folder; the [Code] asks, default No."""
    text = ISS.read_text(encoding="utf-8")
    sections, code = text.split("[Code]", 1)
    assert "{localappdata}" not in sections
    assert "{userappdata}" not in sections
    assert "UninstallSilent()" in code
    assert "MB_DEFBUTTON2" in code  # the second button, No, is the default
    assert code.index("IDYES") < code.index("DelTree")


def test_the_workflow_builds_self_tests_the_bundle_and_checks_the_data_is_kept() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "python packaging/build.py" in text
    assert '"dist\\loyalty-desktop\\loyalty-desktop.exe"' in text
    assert text.index("loyalty-desktop.exe") < text.index("--self-test")
    assert "Inno Setup *\\ISCC.exe" in text  # found whether the runner has version 6 or 7
    assert "packaging\\windows\\loyalty-desktop.iss" in text
    assert "the uninstaller deleted the shop's data" in text
    assert text.index('"_unins*"') < text.index("the uninstaller deleted the shop's data")
