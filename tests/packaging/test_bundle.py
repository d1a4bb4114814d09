"""The shop PC's install: build the bundle and the .deb, then run each one's ``--self-test``.

Takes a few minutes (PyInstaller); CI runs it. Without PyInstaller (the ``package``
extra) or dpkg-deb it is skipped with a loud message, and on CI it fails instead.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NAME = "loyalty-desktop"


def _need(tool_ok: bool, what: str) -> None:
    if tool_ok:
        return
    message = f"!!! BUNDLE TEST SKIPPED: {what}"
    if os.environ.get("CI"):
        pytest.fail(f"{message}; CI must build the bundle", pytrace=False)
    pytest.skip(message)


def _self_test(program: Path, home: Path) -> subprocess.CompletedProcess[str]:
    """``program --self-test`` with nothing of the developer's: its own folders, no Python path."""
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "LOYALTY_DATA_DIR": str(home / "data"),
        "LOYALTY_CONFIG_DIR": str(home / "config"),
        "LOYALTY_LOG_DIR": str(home / "logs"),
    }
    return subprocess.run(
        [str(program), "--self-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        cwd=home,
    )


@pytest.mark.bundle
@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_the_bundle_and_the_installed_package_pass_their_self_test(tmp_path: Path) -> None:
    _need(
        importlib.util.find_spec("PyInstaller") is not None,
        "PyInstaller is not installed (pip install -c constraints.txt -e '.[package]')",
    )
    _need(shutil.which("dpkg-deb") is not None, "dpkg-deb is not installed")
    dist, work = tmp_path / "dist", tmp_path / "build"
    started = time.monotonic()
    built = subprocess.run(
        [
            sys.executable,
            str(ROOT / "packaging" / "build.py"),
            "--deb",
            f"--dist={dist}",
            f"--work={work}",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=1700,
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    print(built.stdout, f"build and package: {time.monotonic() - started:.0f} s", sep="\n")

    bundle = dist / NAME / NAME
    home = tmp_path / "home"
    home.mkdir()
    ran = _self_test(bundle, home)
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert "self-test passed" in ran.stdout
    assert "(bundle)" in ran.stdout  # the frozen program ran, not this checkout's
    assert (home / "logs" / "loyalty-desktop.log").exists()

    debs = list(dist.glob(f"{NAME}_*_amd64.deb"))
    assert len(debs) == 1
    fields = subprocess.run(
        ["dpkg-deb", "--field", str(debs[0])], capture_output=True, text=True, check=True
    ).stdout
    assert f"Package: {NAME}" in fields
    assert "libxcb-cursor0" in fields  # Qt's xcb plugin's libraries come with apt-get install
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(debs[0]), str(root)], check=True)
    assert (root / "usr/share/applications" / f"{NAME}.desktop").exists()
    assert (root / "usr/share/icons/hicolor/256x256/apps" / f"{NAME}.png").exists()
    installed = _self_test(root / "usr/bin" / NAME, home)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert str((root / "usr/lib" / NAME).resolve()) in installed.stdout  # the launcher found it
