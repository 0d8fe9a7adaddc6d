#!/usr/bin/env bash
# Installs what is missing, builds, starts a throwaway PostgreSQL, and runs the whole suite
# through CTest with its DSN in GALLEY_TEST_PG. Fails (never skips) when PostgreSQL cannot start.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${GALLEY_BUILD_DIR:-$ROOT/build}"
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
