#!/usr/bin/env bash
# scripts/apt_mirror.sh on made-up apt configurations (issue 24): the one-line and the
# deb822 forms, options in brackets, other suites and disabled entries skipped, the
# override, and a clear stop when nothing names bookworm.
set -euo pipefail
SCRIPT=$1
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
expect() { # ROOT EXPECTED
  local got
  got=$(env -u SDLAB_DEBIAN_MIRROR bash "$SCRIPT" "$1") || fail "$1: exit $? (wanted $2)"
  [ "$got" = "$2" ] || fail "$1: got '$got', wanted '$2'"
  echo "ok: $(basename "$1") -> $got"
}

mkdir -p "$WORK/oneline/etc/apt/sources.list.d"
cat > "$WORK/oneline/etc/apt/sources.list" <<'LIST'
# deb http://old.example/debian bookworm main
deb-src http://src.example/debian bookworm main
deb http://sec.example/debian-security bookworm-security main
deb [arch=amd64 signed-by=/usr/share/keyrings/x.gpg] http://mirror.example/debian/ bookworm main contrib
deb http://later.example/debian bookworm main
LIST
expect "$WORK/oneline" "http://mirror.example/debian"

mkdir -p "$WORK/deb822/etc/apt/sources.list.d"
cat > "$WORK/deb822/etc/apt/sources.list.d/debian.sources" <<'SOURCES'
Types: deb
URIs: http://off.example/debian
Suites: bookworm
Components: main
Enabled: no

Types: deb-src deb
# a comment inside a stanza
URIs: http://campus.example/debian http://second.example/debian
Suites: bookworm bookworm-updates
Components: main
SOURCES
expect "$WORK/deb822" "http://campus.example/debian"

mkdir -p "$WORK/none/etc/apt/sources.list.d"
echo "deb http://mirror.example/debian trixie main" > "$WORK/none/etc/apt/sources.list"
if message=$(env -u SDLAB_DEBIAN_MIRROR bash "$SCRIPT" "$WORK/none" 2>&1); then
  fail "no bookworm entry, yet it printed '$message'"
fi
grep -q "SDLAB_DEBIAN_MIRROR" <<<"$message" || fail "the stop does not say how to set one: $message"
echo "ok: none -> stops: $message"

got=$(SDLAB_DEBIAN_MIRROR=http://override.example/debian bash "$SCRIPT" "$WORK/none")
[ "$got" = "http://override.example/debian" ] || fail "the override gave '$got'"
echo "ok: SDLAB_DEBIAN_MIRROR overrides"
