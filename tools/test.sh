#!/usr/bin/env bash
# Runs every test of crosscheck: installs missing Debian packages, then
#   1. the suite:                       bazel test //...
#   2. the suite under AddressSanitizer and UndefinedBehaviorSanitizer:
#                                       bazel test --config=asan //...
#   3. every fuzzer for FUZZ_SECONDS seconds (default 60): tools/fuzz.sh
# and ends with one line "N passed, N failed": the tests of both Bazel test
# summaries, and one per fuzzer.
#
# Usage: tools/test.sh [extra bazel test flags]
# Environment:
#   TEST_STAGES   the stages to run, of "plain asan fuzz" (default: all)
#   FUZZ_SECONDS  how long each fuzzer runs (default: 60)
set -uo pipefail

cd "$(dirname "$0")/.."
if ! bash tools/install_deps.sh; then
  echo "0 passed, 1 failed"
  exit 2
fi

stages=${TEST_STAGES:-plain asan fuzz}
for stage in $stages; do
  case "$stage" in
    plain | asan | fuzz) ;;
    *)
      echo "tools/test.sh: unknown stage '$stage' in TEST_STAGES (expected plain, asan, fuzz)" >&2
      echo "0 passed, 1 failed"
      exit 2
      ;;
  esac
done
log=$(mktemp)
trap 'rm -f "$log"' EXIT
passed=0
failed=0

# Adds the results of the Bazel test run logged in "$log", with exit
# status $1, to the counts.
count_bazel() {
  local status=$1 p f
  p=$(grep -cE '^//[^ ]+ +(\(cached\) )?PASSED' "$log")
  f=$(grep -cE '^//[^ ]+ +(\(cached\) )?(FAILED|TIMEOUT|NO STATUS|FLAKY|INCOMPLETE|FAILED TO BUILD)' "$log")
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
    # The build itself failed before any test result was printed.
    f=1
  fi
  passed=$((passed + p))
  failed=$((failed + f))
  echo "$2: ${p} passed, ${f} failed"
}

if [[ " $stages " == *" plain "* ]]; then
  bazel test --config=ci "$@" //... 2>&1 | tee "$log"
  count_bazel "${PIPESTATUS[0]}" "tests"
fi

if [[ " $stages " == *" asan "* ]]; then
  bazel test --config=ci --config=asan "$@" //... 2>&1 | tee "$log"
  count_bazel "${PIPESTATUS[0]}" "tests under asan"
fi

if [[ " $stages " == *" fuzz "* ]]; then
  bash tools/fuzz.sh "${FUZZ_SECONDS:-60}" 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  p=$(grep -cE '^fuzz: [^ ]+: OK' "$log")
  f=$(grep -cE '^fuzz: [^ ]+: FAILED' "$log")
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
    f=1  # the fuzzers did not build, or did not run
  fi
  passed=$((passed + p))
  failed=$((failed + f))
  echo "fuzzers: ${p} passed, ${f} failed"
fi

echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
