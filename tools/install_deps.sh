#!/usr/bin/env bash
# Installs the Debian packages crosscheck needs to build and test.
# Idempotent: prints nothing and does nothing when every package is present.
#
# Usage: tools/install_deps.sh [fuzz]
#   fuzz  also what tools/fuzz.sh needs: clang with its libFuzzer and
#         sanitizer runtimes
set -euo pipefail

PACKAGES=(
  bazel-bootstrap
  g++
  libabsl-dev
  libprotobuf-dev
  protobuf-compiler
  libdtl-dev
  libfmt-dev
  libgtest-dev
  libbenchmark-dev
  pkg-config
  libtcmalloc-minimal4
)

# clang 14 (Debian 12's) and its runtimes: libFuzzer, ASan, UBSan.
FUZZ_PACKAGES=(
  clang
  libclang-rt-14-dev
)

case "${1:-}" in
  "") ;;
  fuzz) PACKAGES+=("${FUZZ_PACKAGES[@]}") ;;
  *)
    echo "usage: tools/install_deps.sh [fuzz]" >&2
    exit 2
    ;;
esac

# Headless Chromium for //tests/report:html_browser_test, which opens the
# HTML report in a real browser (and skips that part, saying so, without
# it). Failing to install it is a warning, not an error.
OPTIONAL_PACKAGES=(
  chromium
)

# Prints the packages of "$@" that are not installed.
missing_of() {
  local pkg
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      echo "$pkg"
    fi
  done
}

mapfile -t missing < <(missing_of "${PACKAGES[@]}")
mapfile -t optional < <(missing_of "${OPTIONAL_PACKAGES[@]}")
if [ "${#missing[@]}" -eq 0 ] && [ "${#optional[@]}" -eq 0 ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! $SUDO apt-get update -qq >"$log" 2>&1; then
  if [ "${#missing[@]}" -gt 0 ]; then
    cat "$log" >&2
    echo "crosscheck: error: could not install ${missing[*]}" >&2
    exit 1
  fi
  echo "crosscheck: warning: could not install ${optional[*]} (apt-get update failed); the tests that need it skip" >&2
  exit 0
fi

if [ "${#missing[@]}" -gt 0 ]; then
  echo "crosscheck: installing missing Debian packages: ${missing[*]}" >&2
  if ! $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" \
       >"$log" 2>&1; then
    cat "$log" >&2
    echo "crosscheck: error: could not install ${missing[*]}" >&2
    exit 1
  fi
  echo "crosscheck: packages installed" >&2
fi

if [ "${#optional[@]}" -gt 0 ]; then
  echo "crosscheck: installing optional Debian packages: ${optional[*]}" >&2
  if $SUDO apt-get install -y -qq --no-install-recommends "${optional[@]}" \
       >"$log" 2>&1; then
    echo "crosscheck: optional packages installed" >&2
  else
    tail -3 "$log" >&2
    echo "crosscheck: warning: could not install ${optional[*]}; the tests that need it skip" >&2
  fi
fi
