#!/usr/bin/env bash
# Installs galley's Debian packages when any is missing (idempotent, quiet when all present).
# Sourced by run.sh and test.sh. Needs root (or sudo) only when something must be installed.
set -euo pipefail

GALLEY_PACKAGES=(libcaf-dev librestinio-dev libasio-dev libboost-dev libsoci-dev libpq-dev
  libsqlite3-dev libbotan-2-dev libzip-dev zipcmp zipmerge ziptool libpugixml-dev
  prometheus-cpp-dev libgtest-dev nlohmann-json3-dev libfmt-dev libspdlog-dev libhunspell-dev
  hunspell-es hunspell-en-us hunspell-en-gb libicu-dev pkg-config cmake ninja-build g++ ccache
  postgresql curl apertium-eng-spa lttoolbox-dev apertium-dev libssl-dev ca-certificates)

# Only the tests need these: `ip` for the cluster partition test (network namespaces); clang and
# its libFuzzer runtime for the fuzz targets (tests/fuzz); `openssl` makes the TLS test's certificate;
# `clamav-daemon` gives the malware-scan test a real clamd (the test starts its own, offline);
# `prometheus` brings promtool, which checks /metrics; `faketime` runs a node with its clock ahead.
GALLEY_TEST_PACKAGES=(iproute2 clang libclang-rt-14-dev openssl clamav-daemon prometheus faketime)

galley_install_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "galley: installing ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

galley_build() {
  local root="$1" build="$2"
  export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=true CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"
  # GALLEY_CMAKE_ARGS: extra configure options (a new build directory only);
  # GALLEY_BUILD_TARGETS: what to build (default: everything).
  if [ ! -f "$build/build.ninja" ]; then
    # shellcheck disable=SC2086
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo ${GALLEY_CMAKE_ARGS:-} >/dev/null
  fi
  local targets=()
  [ -n "${GALLEY_BUILD_TARGETS:-}" ] && read -r -a targets <<<"$GALLEY_BUILD_TARGETS"
  if [ ${#targets[@]} -gt 0 ]; then
    cmake --build "$build" --target "${targets[@]}" -- -j"$(nproc)"
  else
    cmake --build "$build" -- -j"$(nproc)"
  fi
}

# What the Node tooling needs: Debian's chromium and node/npm (apt, when missing), and the npm
# packages of tests/browser (playwright-core, jszip) and tests/spec (the OpenAPI linter and the
# response validator): `npm ci` only when node_modules is missing or package-lock.json changed since.
GALLEY_BROWSER_PACKAGES=(chromium nodejs npm)

galley_npm_ci() {
  local dir="$1"
  local stamp="$dir/node_modules/.galley-lock.sha256"
  local want
  want="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "galley: npm ci in ${dir#"$2"/}" >&2
    npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error >&2
    echo "$want" > "$stamp"
  fi
}

galley_install_browser_deps() {
  local root="$1"
  local missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  if [ ${#missing[@]} -gt 0 ]; then
    galley_install_packages "${missing[@]}"
  fi
  # playwright-core downloads no browser; the browser tests drive /usr/bin/chromium.
  galley_npm_ci "$root/tests/browser" "$root"
  galley_npm_ci "$root/tests/spec" "$root"
}
