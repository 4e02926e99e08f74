#!/usr/bin/env bash
# Installs the npm packages crosscheck is compared with (bench/compare.sh,
# docs/performance.md "Against the peers") into bench/peers/node_modules:
# @microsoft/recognizers-text-suite (and the number, number-with-unit and
# date-time packages it bundles, whose model classes the runner creates
# once), chrono-node, compromise and its compromise-dates plugin, at the
# exact versions of package.json and package-lock.json. Nothing is
# installed globally.
#
#   bench/peers/install.sh          # from anywhere
#
# With the lock file present it runs `npm ci` (the locked tree, preferring
# npm's cache, so it also works offline once the cache holds the packages),
# and does nothing when node_modules already matches the lock. Without a
# lock it runs `npm install` and writes one. Exit status: 0 installed (or
# already there), 1 npm failed, 2 node or npm missing.

set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

for tool in node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "install.sh: error: '$tool' not found; install Node.js 18 or newer" \
      "with npm (Debian: apt-get install nodejs npm)" >&2
    exit 2
  fi
done
major="$(node -p 'process.versions.node.split(".")[0]')"
if [[ "$major" -lt 18 ]]; then
  echo "install.sh: error: Node.js $(node --version) is too old; 18 or newer is needed" >&2
  exit 2
fi

# npm writes node_modules/.package-lock.json after a complete install; when
# it equals the lock's package list, the tree is already the locked one.
installed() {
  [[ -f package-lock.json && -f node_modules/.package-lock.json ]] &&
    node -e '
      const fs = require("fs");
      const want = JSON.parse(fs.readFileSync("package-lock.json")).packages;
      const have = JSON.parse(fs.readFileSync("node_modules/.package-lock.json")).packages;
      for (const [k, v] of Object.entries(want)) {
        if (k !== "" && (!have[k] || have[k].version !== v.version)) process.exit(1);
      }
    '
}

if installed; then
  echo "install.sh: peers already installed in bench/peers/node_modules" >&2
  exit 0
fi
npm_flags=(--no-audit --no-fund --ignore-scripts --loglevel=error)
if [[ -f package-lock.json ]]; then
  npm ci --prefer-offline "${npm_flags[@]}" >&2 || {
    echo "install.sh: error: npm ci failed (no network and no cached packages?)" >&2
    exit 1
  }
else
  npm install "${npm_flags[@]}" >&2 || {
    echo "install.sh: error: npm install failed" >&2
    exit 1
  }
fi
node -e '
  for (const p of ["@microsoft/recognizers-text-suite", "chrono-node", "compromise", "compromise-dates"]) {
    const v = require("./node_modules/" + p + "/package.json").version;
    console.error("install.sh: " + p + " " + v);
  }
'
