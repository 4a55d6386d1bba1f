#!/bin/bash
# clang-tidy (the project's .clang-tidy) on the given C++ files, or on every tracked source
# under core/, widgets/ and app/ when none is given. The build's compile_commands.json
# names GCC's precompiled headers, which clang refuses ("not a valid precompiled PCH
# file"); a copy without them is used. Prints the findings; exits 1 when there are any,
# 2 when it cannot run. Every file takes 5-15 s: give the changed files while working.
# Usage: scripts/tidy.sh [FILE.cpp...]   (SDLAB_BUILD_DIR: the build, default build/)
set -u
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="${SDLAB_BUILD_DIR:-$ROOT/build}"
[ -f "$BUILD/compile_commands.json" ] ||
  { echo "tidy.sh: no $BUILD/compile_commands.json; build first (scripts/sdlab.sh build)" >&2; exit 2; }
command -v clang-tidy > /dev/null ||
  { echo "tidy.sh: clang-tidy is not installed (apt-get install clang-tidy)" >&2; exit 2; }
DB=$(mktemp -d)
trap 'rm -rf "$DB"' EXIT
sed -E 's# -Winvalid-pch##g; s# -include [^ "]*cmake_pch[^ "]*\.hxx##g' \
  "$BUILD/compile_commands.json" > "$DB/compile_commands.json"
cd "$ROOT" || exit 2
files=("$@")
[ ${#files[@]} -gt 0 ] || mapfile -t files < <(git ls-files 'core/*.cpp' 'widgets/*.cpp' 'app/*.cpp')
clang-tidy -p "$DB" --quiet "${files[@]}" > "$DB/out" 2>&1
grep -v -E "^[0-9]+ warnings? (and [0-9]+ errors? )?generated|^Suppressed|^Use -header-filter" "$DB/out"
! grep -q -E "(warning|error): " "$DB/out"
