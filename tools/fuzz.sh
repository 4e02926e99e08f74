#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz (clang, ASan, UBSan) and runs
# each for SECONDS seconds, one after the other on one core. Installs clang
# and its runtimes when missing (tools/install_deps.sh fuzz). Prints one
# line per target and a summary; exits 1 when a target failed, 2 when the
# set-up or the build did.
#
# Usage: tools/fuzz.sh [SECONDS] [TARGET...]     (default: 60 s, every target)
#
#   fuzz: figures_fuzzer: OK, 123456 runs in 60 s
#   fuzz: dates_fuzzer: FAILED (crash-0a1b... saved to /tmp/crosscheck-fuzz.x/artifacts/dates_fuzzer)
#   fuzz: 7 fuzzers, total 420 s, 1 failed
#
# Environment:
#   CROSSCHECK_FUZZ_CORPUS      directory of the corpora the fuzzers grow,
#                               one subdirectory per target; kept, and
#                               reused by the next run (default: a
#                               temporary directory, removed)
#   CROSSCHECK_FUZZ_ARTIFACTS   where crash, timeout and OOM inputs go,
#                               one subdirectory per target (default: in
#                               the temporary directory, kept on failure)
#   CROSSCHECK_FUZZ_OUTPUT_BASE Bazel output base of the clang build
#                               (default: under ~/.cache, one per checkout,
#                               so that the gcc build's cache stays as is)
#
# A failing input is a regression test: copy it to
# tests/fuzz/regressions/<target>/<short-descriptive-name> (see
# docs/robustness.md).
set -uo pipefail

cd "$(dirname "$0")/.."
readonly ALL_FUZZERS=(
  ingest_segment_fuzzer
  figures_fuzzer
  dates_fuzzer
  quotes_fuzzer
  entities_fuzzer
  jsonl_fuzzer
  report_fuzzer
)

seconds=${1:-60}
if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: tools/fuzz.sh [SECONDS] [TARGET...]" >&2
  exit 2
fi
shift $(($# > 0 ? 1 : 0))
fuzzers=("$@")
[ "${#fuzzers[@]}" -eq 0 ] && fuzzers=("${ALL_FUZZERS[@]}")
for name in "${fuzzers[@]}"; do
  if [[ " ${ALL_FUZZERS[*]} " != *" $name "* ]]; then
    echo "fuzz: unknown target '$name' (expected one of: ${ALL_FUZZERS[*]})" >&2
    exit 2
  fi
done

bash tools/install_deps.sh fuzz || exit 2

work=$(mktemp -d "${TMPDIR:-/tmp}/crosscheck-fuzz.XXXXXX")
corpus_root=${CROSSCHECK_FUZZ_CORPUS:-$work/corpus}
artifacts_root=${CROSSCHECK_FUZZ_ARTIFACTS:-$work/artifacts}
mkdir -p "$work/logs" "$corpus_root" "$artifacts_root" || exit 2

checkout_hash=$(pwd -P | md5sum | cut -c1-8)
output_base=${CROSSCHECK_FUZZ_OUTPUT_BASE:-${XDG_CACHE_HOME:-$HOME/.cache}/crosscheck-fuzz-$checkout_hash}
fuzz_bazel() {
  bazel --output_base="$output_base" "$@"
}

targets=()
for name in "${fuzzers[@]}"; do targets+=("//tests/fuzz:$name"); done
if ! fuzz_bazel build --config=fuzz --config=ci "${targets[@]}" \
    //tests/fuzz:report_story_seeds >"$work/logs/build.log" 2>&1; then
  grep -v "Cannot export local symbol" "$work/logs/build.log" | tail -40 >&2
  echo "fuzz: error: the build failed (log: $work/logs/build.log)" >&2
  exit 2
fi
bin=$(fuzz_bazel info --config=fuzz bazel-bin 2>/dev/null) || exit 2
# The build is done: free the memory of its Bazel server while fuzzing.
fuzz_bazel shutdown 2>/dev/null

# Largest input of a target, in bytes: whole articles, or three of them
# for the report.
max_len_of() {
  case "$1" in
    report_fuzzer) echo 16384 ;;
    *) echo 65536 ;;
  esac
}

# The seed corpora of a target: its seeds and regression inputs, and the
# fixture articles (JSONL has seeds of its own only).
seed_dirs_of() {
  local name=$1
  echo "tests/fuzz/seeds/$name"
  [ -d "tests/fuzz/regressions/$name" ] && echo "tests/fuzz/regressions/$name"
  case "$name" in
    jsonl_fuzzer) ;;
    report_fuzzer)
      echo "$bin/tests/fuzz/report_story_seeds"
      ls -d fixtures/*/
      ;;
    *) ls -d fixtures/*/ ;;
  esac
}

# Seconds one input may take before it counts as a hang: no input of a
# fixture's size takes a tenth of one, but a loaded machine can stall a
# run for several.
readonly timeout=20

total=0
failed=0
for name in "${fuzzers[@]}"; do
  corpus="$corpus_root/$name"
  artifacts="$artifacts_root/$name"
  log="$work/logs/$name.log"
  mkdir -p "$corpus" "$artifacts"
  mapfile -t seeds < <(seed_dirs_of "$name")
  dict=()
  [ -f "tests/fuzz/$name.dict" ] && dict=("-dict=tests/fuzz/$name.dict")
  marker="$work/logs/$name.start"
  touch "$marker"
  start=$SECONDS
  "$bin/tests/fuzz/$name" \
    -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb=2048 \
    -max_len="$(max_len_of "$name")" -print_final_stats=1 \
    -artifact_prefix="$artifacts/" "${dict[@]}" \
    "$corpus" "${seeds[@]}" >"$log" 2>&1
  status=$?
  elapsed=$((SECONDS - start))
  total=$((total + elapsed))
  runs=$(sed -n 's/^Done \([0-9]*\) runs in.*/\1/p' "$log" | tail -1)
  artifact=$(find "$artifacts" -type f -newer "$marker" -printf '%f\n' |
             head -1)
  if [ "$status" -eq 0 ] && [ -n "$runs" ]; then
    echo "fuzz: $name: OK, $runs runs in $elapsed s"
  else
    failed=$((failed + 1))
    if [ -n "$artifact" ]; then
      echo "fuzz: $name: FAILED ($artifact saved to $artifacts)"
    else
      echo "fuzz: $name: FAILED (exit $status, no input saved)"
    fi
    # What broke, for the reader; the whole log stays.
    grep -m1 -E "^==[0-9]+==ERROR|fuzz invariant broken|runtime error|ERROR: libFuzzer" \
      "$log" >&2
    echo "fuzz: $name: log: $log" >&2
  fi
done
echo "fuzz: ${#fuzzers[@]} fuzzers, total $total s, $failed failed"

if [ "$failed" -eq 0 ] && [ -z "${CROSSCHECK_FUZZ_ARTIFACTS:-}" ]; then
  rm -rf "$work"
elif [ "$failed" -eq 0 ]; then
  rm -rf "$work/logs" "$work/corpus"
  rmdir "$work" 2>/dev/null
else
  [ -z "${CROSSCHECK_FUZZ_CORPUS:-}" ] && rm -rf "$work/corpus"
  echo "fuzz: inputs and logs kept in $work" >&2
fi
[ "$failed" -eq 0 ]
