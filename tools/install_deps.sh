#!/usr/bin/env bash
# Installs the Debian packages crosscheck needs to build and test.
# Idempotent: prints nothing and does nothing when every package is present.
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

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

echo "crosscheck: installing missing Debian packages: ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { $SUDO apt-get update -qq &&
       $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"; } \
     >"$log" 2>&1; then
  cat "$log" >&2
  echo "crosscheck: error: could not install ${missing[*]}" >&2
  exit 1
fi
echo "crosscheck: packages installed" >&2
