#!/usr/bin/env bash
# Runs every test of crosscheck: installs missing Debian packages, builds
# and runs `bazel test //...`, and ends with one line "N passed, N failed"
# counted from Bazel's test summary.
#
# Usage: tools/test.sh [extra bazel test flags]
set -uo pipefail

cd "$(dirname "$0")/.."
bash tools/install_deps.sh || exit 2

log=$(mktemp)
trap 'rm -f "$log"' EXIT
bazel test --config=ci "$@" //... 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

passed=$(grep -cE '^//[^ ]+ +(\(cached\) )?PASSED' "$log")
failed=$(grep -cE '^//[^ ]+ +(\(cached\) )?(FAILED|TIMEOUT|NO STATUS|FLAKY|INCOMPLETE|FAILED TO BUILD)' "$log")
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The build itself failed before any test result was printed.
  failed=1
fi
echo "${passed} passed, ${failed} failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
