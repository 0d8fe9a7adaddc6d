#!/usr/bin/env bash
# Installs what is missing, builds, starts a throwaway PostgreSQL, and runs the whole suite
# through CTest with its DSN in GALLEY_TEST_PG. Fails (never skips) when PostgreSQL cannot start.
#
#   scripts/test.sh [CTEST ARGS...]             the whole suite in ./build
#       With no CTest arguments it then runs each fuzz target (tests/fuzz) for
#       GALLEY_FUZZ_SECONDS (default 15; 0 skips them), built with clang in ./build-fuzz.
#   scripts/test.sh --sanitize [CTEST ARGS...]  the same built with ASan + UBSan in ./build-sanitize;
#       GALLEY_SANITIZE_TARGETS limits what is built (e.g. "galley_engine_tests"), and the CTest
#       arguments then select the matching tests (e.g. -L 'unit|engine|formats').
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SANITIZE=0
if [ "${1:-}" = "--sanitize" ]; then
  SANITIZE=1
  shift
fi
if [ "$SANITIZE" = 1 ]; then
  BUILD="${GALLEY_BUILD_DIR:-$ROOT/build-sanitize}"
  export GALLEY_CMAKE_ARGS="-DGALLEY_SANITIZE=ON ${GALLEY_CMAKE_ARGS:-}"
  export GALLEY_BUILD_TARGETS="${GALLEY_SANITIZE_TARGETS:-}"
  # Leaks, memory errors and undefined behaviour all fail the test that meets them.
  export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
  export LSAN_OPTIONS="suppressions=$ROOT/scripts/lsan.supp:print_suppressions=0"
else
  BUILD="${GALLEY_BUILD_DIR:-$ROOT/build}"
fi
source "$ROOT/scripts/deps.sh"
galley_install_packages "${GALLEY_PACKAGES[@]}" "${GALLEY_TEST_PACKAGES[@]}"
galley_install_browser_deps "$ROOT"   # before the build: CMake registers the browser test when chromium and node exist
galley_build "$ROOT" "$BUILD"

source "$ROOT/scripts/pg_throwaway.sh"
PGDIR="$(mktemp -d /tmp/galley-pg.XXXXXX)"
trap 'galley_pg_stop "$PGDIR"; rm -rf "$PGDIR"' EXIT
if ! GALLEY_TEST_PG="$(galley_pg_start "$PGDIR")"; then
  echo "galley: PostgreSQL could not start; failing instead of skipping its tests" >&2
  exit 1
fi
export GALLEY_TEST_PG
export GALLEY_BINARY="$BUILD/galley"
echo "galley: PostgreSQL for tests at $GALLEY_TEST_PG"

cd "$BUILD"
ctest --output-on-failure --timeout 600 -j2 "$@"

# The fuzz smoke run: a crash, leak or hang any target finds fails the suite (bench/fuzz/README.md).
if [ "$SANITIZE" = 0 ] && [ $# -eq 0 ] && [ "${GALLEY_FUZZ_SECONDS:-15}" != 0 ]; then
  (
    export GALLEY_CMAKE_ARGS="-DCMAKE_CXX_COMPILER=clang++ -DGALLEY_FUZZ=ON"
    export GALLEY_BUILD_TARGETS="fuzz_document fuzz_engine fuzz_request"
    galley_build "$ROOT" "$ROOT/build-fuzz"
  )
  BUILD_DIR="$ROOT/build-fuzz" "$ROOT/bench/fuzz/run.sh" "${GALLEY_FUZZ_SECONDS:-15}"
fi
