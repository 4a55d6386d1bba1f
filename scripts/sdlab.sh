#!/usr/bin/env bash
# Sigma-Delta Lab set-up, build, run and test on Debian 12.
#   scripts/sdlab.sh run    install missing packages, build, open the GUI
#   scripts/sdlab.sh test   install missing packages, build, run the whole test suite, then
#                           build core and CLI again under ASan + UBSan and run their tests
#   scripts/sdlab.sh build  install missing packages and build only
# Installing packages needs root: the script uses sudo when it is not run as root.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
BUILD_DIR=${SDLAB_BUILD_DIR:-"$ROOT/build"}

PACKAGES=(
  cmake g++ make pkg-config
  libeigen3-dev zlib1g-dev libgtest-dev libbenchmark-dev libopencv-dev
  dataset-fashion-mnist opencv-doc
  qt6-base-dev qt6-charts-dev qt6-svg-dev libqt6opengl6-dev libgl-dev
  clang-format
  ffmpeg # tests only: serves a loopback MJPEG stream for the network-camera tests
)

install_missing_packages() {
  local missing=()
  for package in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$package")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return
  fi
  echo "sdlab: installing missing Debian packages: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null; then
      echo "sdlab: these packages are missing and installing them needs root: ${missing[*]}" >&2
      exit 1
    fi
    sudo=(sudo)
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}"
}

build() {
  cmake -S "$ROOT" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release
  cmake --build "$BUILD_DIR" -j "$(nproc)"
}

# Core and CLI (no Qt) under AddressSanitizer + UndefinedBehaviorSanitizer, in their own
# build directory; any report fails the test that caused it, so the run fails.
# Left out, because the Release suite runs them and under ASan they were the critical
# path of a run that has to stay under 15 minutes, while the code they run is what the
# other core and cli.* tests cover under the sanitizers: cli.presets-heavy and
# cli.presets (every built-in preset through `sdlab-cli run`, 88 s and 95 s), and the
# accuracy runs Training.SmallSeededRunsReachStatedAccuracy (101 s, against 11 s in
# Release), ScaleOptimizer.OptimisedScalesLieOnTheFrontOfRandomRescalings (36 s) and
# RandomNetworkScales.OptimisedScalesLieOnTheFrontOfRandomRescalings (46 s).
sanitizer_tests() {
  local dir=${SDLAB_SANITIZE_BUILD_DIR:-"$ROOT/build-sanitize"} start
  # -g1 (line tables) is all a sanitizer report needs for file:line, and compiles faster
  # than RelWithDebInfo's full -g; -O1, which ASan's documentation suggests, compiles a
  # third faster than -O2 (9 s against 14 s for a batch of core), and the tests run a
  # little slower. A unity build (CMake batches of sources compiled as one) parses the
  # shared headers once per batch: 4.8 instead of about 7.5 minutes here.
  # Only this build uses it; the Release build compiles file by file, which keeps each
  # file's own includes honest.
  cmake -S "$ROOT" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSDLAB_SANITIZE=ON \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" -DCMAKE_UNITY_BUILD=ON \
    -DSDLAB_BUILD_GUI=OFF -DSDLAB_BUILD_BENCHMARKS=OFF
  timed "the sanitizer build" cmake --build "$dir" -j "$(nproc)"
  local slow='^gui\.|^cli\.presets(-heavy)?$|^Training\.SmallSeededRunsReachStatedAccuracy$'
  slow+='|^(ScaleOptimizer|RandomNetworkScales)\.OptimisedScalesLieOnTheFrontOfRandomRescalings$'
  start=$SECONDS
  (cd "$dir" &&
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1 \
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    ctest --output-on-failure -j "$(nproc)" -E "$slow")
  echo "sdlab: the sanitizer tests took $((SECONDS - start)) s"
}

# Every tracked C++ file must match .clang-format (STYLE habit 9); the list of the files
# that differ is printed and the run fails.
format_check() {
  local differ=()
  # One clang-format per file, as many at once as there are cores (17 s one by one).
  mapfile -t differ < <(
    { git -C "$ROOT" ls-files '*.cpp' '*.h' 2>/dev/null || find core app widgets tests -name '*.cpp' -o -name '*.h'; } |
      xargs -d '\n' -P "$(nproc)" -n 8 sh -c \
        'for f; do clang-format --dry-run -Werror "$f" >/dev/null 2>&1 || echo "$f"; done' sh |
      sort)
  if [ ${#differ[@]} -ne 0 ]; then
    echo "sdlab: ${#differ[@]} C++ file(s) differ from .clang-format (run clang-format -i on them):" >&2
    printf '  %s\n' "${differ[@]}" >&2
    return 1
  fi
  echo "sdlab: every C++ file matches .clang-format"
}

# Runs one stage and says how long it took: the whole test run has to stay under 15
# minutes on 2 cores, and this is where to see which stage grew.
timed() { # timed NAME COMMAND...
  local name=$1 start=$SECONDS
  shift
  "$@"
  echo "sdlab: $name took $((SECONDS - start)) s"
}

case "${1:-}" in
  run)
    install_missing_packages
    build
    exec "$BUILD_DIR/app/gui/sdlab" "${@:2}"
    ;;
  test)
    timed "installing packages" install_missing_packages
    timed "the format check" format_check
    timed "the Release build" build
    timed "the Release tests" \
      bash -c "cd '$BUILD_DIR' && QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j $(nproc)"
    sanitizer_tests
    ;;
  build)
    install_missing_packages
    build
    ;;
  *)
    echo "usage: scripts/sdlab.sh run|test|build" >&2
    exit 2
    ;;
esac
