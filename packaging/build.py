"""Build the desktop application bundle, and on Debian/Ubuntu its .deb package.

    python packaging/build.py          # dist/loyalty-desktop/ (one folder, no Python needed)
    python packaging/build.py --deb    # ... and dist/loyalty-desktop_<version>_amd64.deb

Needs the ``package`` extra (``pip install -c constraints.txt -e '.[package]'``) and, for
``--deb``, ``dpkg-deb``. It prints the bundle's size and the time each step took. The .deb
puts the bundle in /usr/lib/loyalty-desktop, a launcher in /usr/bin, a desktop entry and
an icon; its dependencies are the system libraries Qt's xcb platform plugin loads, so
``apt-get install ./loyalty-desktop_<version>_amd64.deb`` on a clean Debian 12 pulls them in.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "loyalty-desktop.spec"
NAME = "loyalty-desktop"
ICON = ROOT / "src" / "loyalty_desktop" / "resources" / "icons" / f"{NAME}.png"

# What Qt's xcb platform plugin and QtMultimedia load from the system (the wheels bring Qt).
DEB_DEPENDS = [
    "libc6 (>= 2.31)",
    "libgl1",
    "libegl1",
    "libfontconfig1",
    "libfreetype6",
    "libglib2.0-0",
    "libdbus-1-3",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libx11-xcb1",
    "libxcb1",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-xfixes0",
    "libxcb-xinerama0",
    "libxcb-xkb1",
    "libpulse0",
    "fonts-noto-cjk | fonts-wqy-microhei",
]

LAUNCHER = """#!/bin/sh
# loyalty-desktop: the till program (the bundle in ../lib/loyalty-desktop, found from here so an
# unpacked copy of the package runs too).
here=$(dirname "$(readlink -f "$0")")
exec "$here/../lib/loyalty-desktop/loyalty-desktop" "$@"
"""

DESKTOP_ENTRY = """[Desktop Entry]
Type=Application
Name=Loyalty till
Name[zh_CN]=会员积分收银
GenericName=Shop loyalty and points
Comment=Members, points and rewards at the till
Comment[zh_CN]=收银台的会员、积分和奖励
Exec=loyalty-desktop
Icon=loyalty-desktop
Terminal=false
Categories=Office;Finance;
StartupWMClass=loyalty-desktop
"""


def version() -> str:
    """The program's version, read from the package without importing it."""
    text = (ROOT / "src" / "loyalty_desktop" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'__version__ = "([^"]+)"', text)
    assert match, "no __version__ in loyalty_desktop/__init__.py"
    return match[1]


def folder_size(folder: Path) -> int:
    """Bytes in every file under ``folder`` (links not followed)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def windows_icon(work: Path) -> Path:
    """The .ico the Windows program and installer show, made from the PNG icon."""
    from PIL import Image

    work.mkdir(parents=True, exist_ok=True)
    target = ROOT / "build" / f"{NAME}.ico"
    target.parent.mkdir(parents=True, exist_ok=True)
    sizes = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]
    Image.open(ICON).save(target, sizes=sizes)
    return target


def build_bundle(dist: Path, work: Path) -> Path:
    """Run PyInstaller on the spec; the bundle's folder."""
    if sys.platform == "win32":
        windows_icon(work)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level=WARN",
            f"--distpath={dist}",
            f"--workpath={work}",
            str(SPEC),
        ],
        check=True,
        cwd=ROOT,
    )
    return dist / NAME


def build_deb(bundle: Path, dist: Path, work: Path) -> Path:
    """Package the bundle as ``<dist>/loyalty-desktop_<version>_amd64.deb`` with dpkg-deb."""
    if shutil.which("dpkg-deb") is None:
        raise SystemExit("dpkg-deb is not installed (apt-get install dpkg); cannot make the .deb")
    root = work / "deb-root"
    shutil.rmtree(root, ignore_errors=True)
    lib = root / "usr" / "lib" / NAME
    shutil.copytree(bundle, lib, symlinks=True)
    launcher = root / "usr" / "bin" / NAME
    launcher.parent.mkdir(parents=True)
    launcher.write_text(LAUNCHER, encoding="utf-8")
    launcher.chmod(0o755)
    apps = root / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    (apps / f"{NAME}.desktop").write_text(DESKTOP_ENTRY, encoding="utf-8")
    icons = root / "usr" / "share" / "icons" / "hicolor" / "256x256" / "apps"
    icons.mkdir(parents=True)
    shutil.copy(ICON, icons / f"{NAME}.png")
    control = root / "DEBIAN" / "control"
    control.parent.mkdir()
    control.write_text(
        f"Package: {NAME}\n"
        f"Version: {version()}\n"
        "Architecture: amd64\n"
        "Maintainer: loyalty-desktop maintainers <support@loyalty-desktop.invalid>\n"
        f"Installed-Size: {folder_size(root) // 1024}\n"
        f"Depends: {', '.join(DEB_DEPENDS)}\n"
        "Section: misc\n"
        "Priority: optional\n"
        "Description: membership and points system for shop tills\n"
        " Members, points ledger, tiers, rewards and member cards at the till,\n"
        " with the back office. Self-contained: no Python needed.\n",
        encoding="utf-8",
    )
    for path in root.rglob("*"):  # dpkg-deb refuses group/other-writable control files
        if not path.is_symlink():
            path.chmod(path.stat().st_mode & ~0o022)
    deb = dist / f"{NAME}_{version()}_amd64.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zzstd", "-z9", "--build", str(root), str(deb)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return deb


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def main(argv: list[str] | None = None) -> int:
    """Build; prints what was made, how big and how long it took."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deb", action="store_true", help="also make the Debian package")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="scratch folder")
    args = parser.parse_args(argv)
    dist, work = args.dist.resolve(), args.work.resolve()
    os.environ.setdefault("PYTHONHASHSEED", "0")  # the same input gives the same archive
    started = time.monotonic()
    bundle = build_bundle(dist, work)
    built = time.monotonic()
    print(f"bundle: {bundle} ({_mb(folder_size(bundle))}) in {built - started:.0f} s")
    if args.deb:
        deb = build_deb(bundle, dist, work)
        print(f"package: {deb} ({_mb(deb.stat().st_size)}) in {time.monotonic() - built:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
