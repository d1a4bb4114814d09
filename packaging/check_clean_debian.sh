#!/bin/bash
# Install the .deb on a clean Debian 12 (bookworm) and start it, as a shop owner would.
#
#   sudo packaging/check_clean_debian.sh dist/loyalty-desktop_0.1.0_amd64.deb [ROOT]
#
# Makes a minimal Debian 12 with debootstrap in ROOT (default /var/tmp/loyalty-deb12; an
# existing one is reused only if it has never had the package), runs
# `apt-get install ./loyalty-desktop_*.deb` inside it, checks that no Python came with it,
# runs the installed launcher's --self-test as an ordinary user ("shop", made here), then, if
# Xvfb, xdotool and ImageMagick are on this machine, starts /usr/bin/loyalty-desktop as that
# user on a virtual screen, once in Chinese (the wizard's first page), then goes through the
# first-run wizard
# (demo shop), signs in, records a sale for member 10000001 and saves screenshots in
# dist/clean-debian/. Needs root, debootstrap and the Debian mirror; not part of CI
# (it downloads about 150 MB of Debian packages).
set -euo pipefail
DEB=$(realpath "$1")
ROOT=${2:-/var/tmp/loyalty-deb12}
SHOTS=$(pwd)/dist/clean-debian
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
DISPLAY_NO=${CHECK_DISPLAY:-:77}
say() { printf '\n== %s\n' "$*"; }

cleanup() {
  set +e
  [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null
  [ -n "${XVFB_PID:-}" ] && kill "$XVFB_PID" 2>/dev/null
  for m in tmp/.X11-unix dev/shm dev/pts dev proc; do
    mountpoint -q "$ROOT/$m" && umount "$ROOT/$m"
  done
}
trap cleanup EXIT

if [ -e "$ROOT/usr/lib/loyalty-desktop" ]; then
  echo "$ROOT already has the package installed: give a fresh ROOT" >&2
  exit 2
fi
if [ ! -x "$ROOT/usr/bin/apt-get" ]; then
  say "debootstrap bookworm (minbase) into $ROOT"
  debootstrap --variant=minbase bookworm "$ROOT" "$MIRROR" >/dev/null
fi
mount -t proc proc "$ROOT/proc"
mount --bind /dev "$ROOT/dev"
mount --bind /dev/pts "$ROOT/dev/pts"
mount --bind /dev/shm "$ROOT/dev/shm"   # without it joblib warns "Permission denied" (a chroot artefact)
cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
cp "$DEB" "$ROOT/root/"
in_root() { chroot "$ROOT" env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin "$@"; }
# The shop's account: an ordinary user, as on a shop PC (root could write /etc and hide faults).
as_shop() {
  chroot --userspec=shop:shop "$ROOT" env -i HOME=/home/shop PATH=/usr/bin:/bin \
    XDG_RUNTIME_DIR=/tmp "$@"
}

say "apt-get install ./$(basename "$DEB")"
in_root apt-get update -q >/dev/null
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "./root/$(basename "$DEB")" |
  grep -E "newly installed|^Setting up loyalty-desktop"
if in_root dpkg -s python3 >/dev/null 2>&1; then
  echo "FAIL: the package pulled in python3" >&2
  exit 1
fi
echo "no Python on the machine: ok"

in_root sh -c 'id shop >/dev/null 2>&1 || useradd -m -s /bin/sh shop'
say "loyalty-desktop --self-test (as the user shop)"
as_shop sh -c 'cd && loyalty-desktop --self-test'

if ! command -v Xvfb >/dev/null || ! command -v xdotool >/dev/null || ! command -v import >/dev/null; then
  echo "Xvfb, xdotool or ImageMagick's import missing: the window check is left out"
  exit 0
fi
say "first start on a virtual screen ($DISPLAY_NO)"
mkdir -p "$SHOTS" "$ROOT/tmp/.X11-unix"
# A Chinese desktop has its locale generated; without it Qt falls back to C.UTF-8 and English.
# (Only for this check, like Xvfb: the package itself needs no locales.)
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q locales >/dev/null
grep -q '^zh_CN.UTF-8 UTF-8' "$ROOT/etc/locale.gen" || echo 'zh_CN.UTF-8 UTF-8' >>"$ROOT/etc/locale.gen"
in_root locale-gen >/dev/null
Xvfb "$DISPLAY_NO" -screen 0 1366x768x24 >/dev/null 2>&1 &
XVFB_PID=$!
sleep 2
mount --bind /tmp/.X11-unix "$ROOT/tmp/.X11-unix"
export DISPLAY=$DISPLAY_NO
shot() { sleep "$2"; import -window root "$SHOTS/$1.png"; echo "screenshot: $SHOTS/$1.png"; }
# Chinese first: the wizard follows the desktop's language (LANG); its own and Qt's buttons
# must be Chinese, in a CJK font (the package depends on one), not boxes.
as_shop DISPLAY="$DISPLAY_NO" LANG=zh_CN.UTF-8 sh -c 'cd && exec loyalty-desktop' \
  >"$SHOTS/run-zh.log" 2>&1 &
APP_PID=$!
shot 0-wizard-zh 12
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
as_shop DISPLAY="$DISPLAY_NO" sh -c 'cd && exec loyalty-desktop' >"$SHOTS/run.log" 2>&1 &
APP_PID=$!
shot 1-wizard 12
xdotool type --delay 30 "Corner Shop"; xdotool key Return; sleep 1
xdotool type --delay 30 "Ann Admin"; xdotool key Tab; xdotool type 4826; xdotool key Tab; xdotool type 4826
xdotool key Return
shot 2-data 1
xdotool key Down; sleep 0.3                 # the demo shop (focus is on "empty")
xdotool key Return                              # Finish
shot 3-sign-in 20
xdotool type --delay 30 "Ann Admin"; xdotool key Tab; xdotool type 4826; xdotool key Return
sleep 4
# With no window manager nothing activates the window, and Qt's shortcuts (F3, F12) need an
# active window: one click on the member panel does what a window manager would.
xdotool mousemove 270 560 click 1
shot 4-till 1
xdotool type --delay 20 10000001; xdotool key Return; sleep 2
xdotool key F3; xdotool type --delay 20 TEA; xdotool key Tab Tab; xdotool type 25.00; xdotool key Return
shot 5-basket 1
xdotool key F12
shot 6-sale-done 3
in_root test -s /home/shop/.config/loyalty-desktop/settings.json && echo "settings file written: ok"
echo "look at the screenshots in $SHOTS"
