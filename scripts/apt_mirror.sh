#!/usr/bin/env bash
# Prints the Debian mirror this machine's apt uses for bookworm: the first `deb` URI for
# the suite bookworm in /etc/apt/sources.list, then /etc/apt/sources.list.d/*.list and
# *.sources (the one-line and the deb822 forms; disabled deb822 entries are skipped).
# SDLAB_DEBIAN_MIRROR, when set, is printed instead. With neither, says how to set one
# and exits 2. The project names no package host itself (issue 24).
#   scripts/apt_mirror.sh [ROOT]    ROOT: where etc/apt is (default /; tests use others)
set -euo pipefail
ROOT=${1:-/}
SUITE=bookworm

if [ -n "${SDLAB_DEBIAN_MIRROR:-}" ]; then
  echo "$SDLAB_DEBIAN_MIRROR"
  exit 0
fi

one_line() { # deb [options] URI suite components...
  awk -v suite="$SUITE" '
    { sub(/#.*/, "") }
    $1 == "deb" {
      i = 2
      if ($i ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
      if ($(i + 1) == suite) { print $i; exit }
    }' "$1"
}

deb822() { # stanzas of Field: value lines, separated by blank lines
  awk -v suite="$SUITE" '
    function check() {
      if (types ~ /(^| )deb( |$)/ && (" " suites " ") ~ (" " suite " ") && enabled != "no" && uris != "") {
        split(uris, list, " "); print list[1]; found = 1; exit
      }
      types = suites = uris = enabled = ""
    }
    /^[ \t]*#/ { next }
    /^[ \t]*$/ { check(); next }
    {
      field = tolower($1); value = $0; sub(/^[^:]*:[ \t]*/, "", value)
      if (field == "types:") types = value
      else if (field == "suites:") suites = value
      else if (field == "uris:") uris = value
      else if (field == "enabled:") enabled = tolower(value)
    }
    END { if (!found) check() }' "$1"
}

files=()
[ -f "$ROOT/etc/apt/sources.list" ] && files+=("$ROOT/etc/apt/sources.list")
for file in "$ROOT"/etc/apt/sources.list.d/*.list "$ROOT"/etc/apt/sources.list.d/*.sources; do
  [ -f "$file" ] && files+=("$file")
done
for file in "${files[@]}"; do
  if [[ $file == *.sources ]]; then mirror=$(deb822 "$file"); else mirror=$(one_line "$file"); fi
  if [ -n "$mirror" ]; then
    echo "${mirror%/}"
    exit 0
  fi
done
echo "apt_mirror: no 'deb' entry for $SUITE in $ROOT/etc/apt/sources.list or" \
     "sources.list.d/*.list|*.sources; set SDLAB_DEBIAN_MIRROR to a Debian mirror's URL" >&2
exit 2
