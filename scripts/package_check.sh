#!/usr/bin/env bash
# Does the .deb install and run on a clean Debian 12 (issue 8)?
#   sudo scripts/package_check.sh
# Builds the package (cpack), makes a fresh minimal Debian 12 (bookworm) system with
# debootstrap (cached after the first run as a pristine copy in $SDLAB_CHROOT_CACHE,
# default /var/tmp/sdlab-bookworm-base; each check starts from a new copy of it),
# installs the package there with apt (which pulls its dependencies from the Debian
# mirror), then runs from /usr/bin: sdlab-cli --version, one sdlab-cli command, and
# sdlab --version and a screenshot on the offscreen platform. Needs root, debootstrap
# and a Debian mirror: the one this machine's apt uses (scripts/apt_mirror.sh), or
# SDLAB_DEBIAN_MIRROR; the chroot's apt gets the same.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BUILD_DIR=${SDLAB_BUILD_DIR:-"$ROOT/build"}
BASE=${SDLAB_CHROOT_CACHE:-/var/tmp/sdlab-bookworm-base}
MIRROR=$("$ROOT/scripts/apt_mirror.sh") || exit 2
echo "package_check: Debian mirror $MIRROR"
[ "$(id -u)" -eq 0 ] || { echo "package_check: needs root (chroot, apt)" >&2; exit 2; }
command -v debootstrap >/dev/null || { echo "package_check: apt install debootstrap" >&2; exit 2; }

(cd "$BUILD_DIR" && cpack -G DEB >/dev/null)
deb=$(ls -t "$BUILD_DIR"/sigma-delta-lab_*_amd64.deb | head -1)
echo "package_check: $deb"

if [ ! -x "$BASE/usr/bin/apt-get" ]; then
  echo "package_check: debootstrap bookworm into $BASE (once)"
  rm -rf "$BASE"
  debootstrap --variant=minbase bookworm "$BASE" "$MIRROR" >/dev/null
fi
CHROOT=$(mktemp -d /var/tmp/sdlab-bookworm-XXXXXX)
cleanup() {
  umount "$CHROOT/dev/pts" "$CHROOT/proc" 2>/dev/null || true
  rm -rf --one-file-system "$CHROOT" # never into a mount that is still there
}
trap cleanup EXIT
cp -a "$BASE/." "$CHROOT/"
mount -t proc proc "$CHROOT/proc"
mkdir -p "$CHROOT/dev/pts" && mount -t devpts devpts "$CHROOT/dev/pts" 2>/dev/null || true
cp "$deb" "$CHROOT/tmp/"
cp /etc/resolv.conf "$CHROOT/etc/resolv.conf" 2>/dev/null || true
# The package's dependencies come from where this machine's apt gets them.
echo "deb $MIRROR bookworm main" > "$CHROOT/etc/apt/sources.list"
rm -f "$CHROOT"/etc/apt/sources.list.d/*
in_chroot() { chroot "$CHROOT" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root "$@"; }

in_chroot apt-get update -qq
in_chroot env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  "/tmp/$(basename "$deb")" >/dev/null
echo "package_check: installed; $(in_chroot dpkg-query -W -f='${Package} ${Version}' sigma-delta-lab)"
echo "package_check: \$ sdlab-cli --version -> $(in_chroot /usr/bin/sdlab-cli --version)"
in_chroot /usr/bin/sdlab-cli pd --signal sine --steps 100 --out /tmp/pd 2>/dev/null
echo "package_check: \$ sdlab-cli pd ... -> $(in_chroot cat /tmp/pd/summary.json | tr -d '\n ' | cut -c1-80)"
in_chroot /usr/bin/sdlab-cli video --frames 10 --width 32 --out /tmp/video 2>/dev/null
echo "package_check: \$ sdlab-cli video ... (the OpenCV plugin) -> $(in_chroot head -2 /tmp/video/frames.csv | tail -1)"
echo "package_check: \$ sdlab --version -> $(in_chroot env QT_QPA_PLATFORM=offscreen /usr/bin/sdlab --version 2>/dev/null)"
in_chroot env QT_QPA_PLATFORM=offscreen /usr/bin/sdlab --lab signal --screenshot /tmp/signal.png 2>/dev/null
cp "$CHROOT/tmp/signal.png" "$BUILD_DIR/package-check-signal.png"
for file in /usr/share/applications/sdlab.desktop /usr/share/icons/hicolor/scalable/apps/sdlab.svg \
            /usr/share/sdlab/presets/video/vtest-pd.json; do
  in_chroot test -f "$file" || { echo "package_check: $file is missing" >&2; exit 1; }
done
echo "package_check: desktop entry, icon and presets in place; screenshot from the installed sdlab:" \
  "$BUILD_DIR/package-check-signal.png"
echo "package_check: OK on a clean Debian 12"
