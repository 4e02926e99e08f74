#!/usr/bin/env bash
# The main job: installs missing Debian packages, builds crosscheck and
# prints the comparison report of the bundled fixture story (five outlets
# covering one state visit). Extra arguments go to `crosscheck report`,
# e.g. tools/report.sh --format=markdown
set -euo pipefail

cd "$(dirname "$0")/.."
bash tools/install_deps.sh
bazel run --config=ci //:crosscheck -- report "$@" fixtures/state_visit/*.txt
