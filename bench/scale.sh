#!/usr/bin/env bash
# Scale benchmark of `crosscheck report`: wall time and peak memory of
# `crosscheck report --format=binpb` over generated corpora of many articles
# on about 20 events (bench/scale_corpus.h), and the growth rate between
# sizes. Results and their discussion: docs/performance.md, "Scale: report
# over many articles".
#
#   bench/scale.sh                      # sizes 100 1000 10000 100000
#   bench/scale.sh 100 1000 10000       # chosen sizes
#   SCALE_DIR=/tmp/scale SEED=1 bench/scale.sh
#
# Run from the repository root, on an otherwise idle machine. It builds with
# `bazel build -c opt` first, writes the corpora and reports to $SCALE_DIR
# (a temporary directory by default, removed at the end unless SCALE_DIR is
# given; the 100,000-article corpus is about 150 MB, its report about
# 250 MB), and prints a table: articles, input MB, claims, alignments
# (multi-source groups in parentheses), wall seconds, peak RSS in MB, the
# load average before the run, and the growth exponent of the time and of
# the memory between one size and the one before it,
# log(t2/t1) / log(N2/N1) (1.0 is linear, 2.0 quadratic).
#
# Needs GNU time (/usr/bin/time, Debian package `time`).

set -euo pipefail

sizes=("$@")
if [[ ${#sizes[@]} -eq 0 ]]; then sizes=(100 1000 10000 100000); fi
seed="${SEED:-1}"
if [[ ! -x /usr/bin/time ]]; then
  echo "scale.sh: error: needs GNU time at /usr/bin/time" >&2
  exit 2
fi

bazel build -c opt //src/cli:crosscheck //bench:scale_corpus \
  //bench:report_counts >&2
bin="$(bazel info -c opt bazel-bin 2>/dev/null)"
# Copies, so that another build in this workspace cannot swap them mid-run.
work="${SCALE_DIR:-}"
if [[ -z "$work" ]]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"
cp -f "$bin/src/cli/crosscheck" "$bin/bench/scale_corpus" \
  "$bin/bench/report_counts" "$work/"

printf '%9s %9s %10s %22s %9s %9s %6s %7s %7s\n' articles "input MB" claims \
  "alignments (multi)" "wall s" "peak MB" load "t exp" "mem exp"
prev_n="" prev_t="" prev_m=""
for n in "${sizes[@]}"; do
  corpus="$work/scale-$n.jsonl"
  report="$work/scale-$n.binpb"
  "$work/scale_corpus" --articles="$n" --seed="$seed" --out="$corpus"
  load="$(cut -d' ' -f1 /proc/loadavg)"
  # %e: wall seconds; %M: peak resident set in KB.
  /usr/bin/time -o "$work/time-$n" -f '%e %M' \
    "$work/crosscheck" report --format=binpb --output="$report" "$corpus" \
    2>"$work/stderr-$n" || {
    echo "scale.sh: error: crosscheck report failed at $n articles:" >&2
    tail -5 "$work/stderr-$n" >&2
    exit 1
  }
  read -r wall rss_kb <"$work/time-$n"
  read -r articles claims alignments multi _ <<<"$("$work/report_counts" "$report")"
  mb="$(stat -c %s "$corpus" | awk '{printf "%.1f", $1 / 1e6}')"
  rss_mb="$(awk -v k="$rss_kb" 'BEGIN {printf "%.0f", k / 1024}')"
  t_exp="" m_exp=""
  if [[ -n "$prev_n" ]]; then
    t_exp="$(awk -v a="$prev_t" -v b="$wall" -v x="$prev_n" -v y="$n" \
      'BEGIN {if (a > 0) printf "%.2f", log(b / a) / log(y / x); else print "-"}')"
    m_exp="$(awk -v a="$prev_m" -v b="$rss_kb" -v x="$prev_n" -v y="$n" \
      'BEGIN {printf "%.2f", log(b / a) / log(y / x)}')"
  fi
  printf '%9s %9s %10s %22s %9s %9s %6s %7s %7s\n' "$articles" "$mb" "$claims" \
    "$alignments ($multi)" "$wall" "$rss_mb" "$load" "$t_exp" "$m_exp"
  prev_n="$n" prev_t="$wall" prev_m="$rss_kb"
  rm -f "$report"
done
