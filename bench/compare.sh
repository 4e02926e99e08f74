#!/usr/bin/env bash
# crosscheck against the npm packages a user would otherwise reach for —
# Microsoft Recognizers-Text, chrono-node, compromise (with compromise-dates)
# — for speed on generated news text and accuracy on the peer suites.
# Results and their discussion: docs/performance.md, "Against the peers";
# the accuracy mapping: docs/accuracy.md, "Scoring other systems".
#
#   bench/compare.sh                       # 1 MB and 20 MB, 5 runs each
#   R=3 PEER_BUDGET=30 bench/compare.sh    # fewer runs, shorter budget
#
# Run from the repository root, on an otherwise idle machine. It installs
# the peers (bench/peers/install.sh) if needed, builds crosscheck, the
# corpus generator and the accuracy harness with `bazel build -c opt`,
# writes a corpus of each size (//bench:generate_corpus, plain-text
# articles, concatenated into one file for the tools that read one), then,
# in one process tree, runs in alternation, R times each:
#   crosscheck   extract --format=delimited --output=/dev/null ARTICLES...
#                (figures, dates, quotes, entities; one core)
#   each peer    node bench/peers/run.mjs count --peer=NAME CORPUS
#   cat          cat CORPUS > /dev/null
#   wc -w        wc -w CORPUS
# under GNU time (wall seconds, peak resident set), each just after an
# untimed read of its input (so that all read from the page cache). Peers
# are slow: each
# peer run stops after PEER_BUDGET seconds of extraction (default 60) and
# is measured on the part it processed; a tool whose first run at a size
# hit the budget runs SLOW_RUNS times there (default 3) instead of R.
# Then it scores crosscheck and each peer on the in-scope peer-suite cases
# (//tools/peer_eval, peers through --claims) and prints two tables: speed
# (median MB/s by wall time and, for the peers, by their own timing of the
# extraction alone; the ratio of crosscheck's MB/s to the tool's — for cat
# and wc the tool's to crosscheck's; median peak RSS; figures and dates
# found) and accuracy (F1 per category), then crosscheck's peak RSS at the
# smallest and largest size and their ratio.
#
# Environment: R (runs, default 5), SIZES (MB, default "1 20"), SEED
# (default 1), PEER_BUDGET (seconds, default 60), SLOW_RUNS (default 3),
# PEERS (default "recognizers-text chrono compromise"), PEER_SUITES
# (default ../shared/peer-suites), COMPARE_DIR (work directory; a temporary
# one, removed at the end, by default).
#
# Needs GNU time (/usr/bin/time, Debian package `time`; installed with
# apt-get when missing and run as root), Node.js 18+ with npm, Bazel.

set -euo pipefail

runs="${R:-5}"
sizes=(${SIZES:-1 20})
seed="${SEED:-1}"
budget="${PEER_BUDGET:-60}"
slow_runs="${SLOW_RUNS:-3}"
peers=(${PEERS:-recognizers-text chrono compromise})
suites="${PEER_SUITES:-../shared/peer-suites}"

die() {
  echo "compare.sh: error: $*" >&2
  exit 2
}

[[ -f WORKSPACE && -d bench/peers ]] || die "run from the repository root"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "R must be a positive integer"
[[ "$slow_runs" =~ ^[1-9][0-9]*$ ]] || die "SLOW_RUNS must be a positive integer"
if [[ ! -x /usr/bin/time ]]; then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    echo "compare.sh: installing GNU time (Debian package time)" >&2
    apt-get install -y -qq time >&2 || { apt-get update -qq >&2 && apt-get install -y -qq time >&2; }
  fi
  [[ -x /usr/bin/time ]] || die "needs GNU time at /usr/bin/time (Debian package time)"
fi
[[ -d "$suites" ]] || die "peer-suites directory not found: $suites (set PEER_SUITES)"

bench/peers/install.sh
bazel build -c opt //src/cli:crosscheck //bench:generate_corpus \
  //tools/peer_eval >&2
bin="$(bazel info -c opt bazel-bin 2>/dev/null)"
work="${COMPARE_DIR:-}"
if [[ -z "$work" ]]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"
# Copies, so that another build in this workspace cannot swap them mid-run.
cp -f "$bin/src/cli/crosscheck" "$bin/bench/generate_corpus" \
  "$bin/tools/peer_eval/peer_eval" "$work/"
runner="$PWD/bench/peers/run.mjs"
export TZ=UTC

results="$work/results.tsv"
: >"$results"
for mb in "${sizes[@]}"; do
  rm -rf "$work/articles-$mb"
  mkdir -p "$work/articles-$mb"
  "$work/generate_corpus" --mb="$mb" --seed="$seed" --out="$work/articles-$mb"
  # Sorted, so that crosscheck reads the articles in the corpus file's order.
  find "$work/articles-$mb" -name '*.txt' | sort >"$work/list-$mb"
  xargs cat <"$work/list-$mb" >"$work/corpus-$mb.txt"
  # Untimed: what crosscheck finds in the corpus.
  xargs "$work/crosscheck" extract --format=textproto <"$work/list-$mb" |
    awk '/^  kind: KIND_FIGURE/ {f++} /^  kind: KIND_DATE/ {d++}
         END {print f + 0, d + 0}' >"$work/counts-$mb"
done
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

# timed OUT CMD...: runs CMD under GNU time with stdout to OUT; sets wall
# (seconds, from bash's microsecond clock: GNU time's %e has 10 ms steps,
# too coarse for cat on 1 MB) and kb (peak resident set).
timed() {
  local out="$1" t0 t1
  shift
  t0="$EPOCHREALTIME"
  /usr/bin/time -o "$work/time" -f '%M' "$@" >"$out" 2>"$work/err" || return 1
  t1="$EPOCHREALTIME"
  wall="$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.6f", b - a}')"
  kb="$(tail -1 "$work/time")"
}

# run TOOL MB: one timed run, appended to $results as
# tool, MB, wall s, peak KB, bytes processed, seconds (own), figures, dates, budget hit.
run() {
  local tool="$1" mb="$2" corpus="$work/corpus-$mb.txt" out="$work/out"
  local bytes wall kb
  bytes="$(stat -c %s "$corpus")"
  # Untimed: the tool's input is read once just before its run, so that
  # every tool reads from the page cache. Without it the first run after
  # a peer (node allocates hundreds of MB) could wait on the disk for
  # crosscheck's thousands of small files: 1.6 s instead of 0.7 s at 20 MB.
  if [[ "$tool" == crosscheck ]]; then
    xargs cat <"$work/list-$mb" >/dev/null
  else
    cat "$corpus" >/dev/null
  fi
  case "$tool" in
    crosscheck)
      # xargs would split a long list over several processes: one process here.
      mapfile -t articles <"$work/list-$mb"
      timed "$out" "$work/crosscheck" extract --format=delimited \
        --output=/dev/null "${articles[@]}" ||
        { cat "$work/err" >&2; die "crosscheck failed at $mb MB"; }
      read -r f d <"$work/counts-$mb"
      printf '%s\t%s\t%s\t%s\t%s\t\t%s\t%s\t0\n' "$tool" "$mb" "$wall" "$kb" "$bytes" "$f" "$d" >>"$results"
      ;;
    cat | wc)
      if [[ "$tool" == cat ]]; then
        timed /dev/null cat "$corpus" || die "cat failed"
      else
        timed /dev/null wc -w "$corpus" || die "wc failed"
      fi
      printf '%s\t%s\t%s\t%s\t%s\t\t\t\t0\n' "$tool" "$mb" "$wall" "$kb" "$bytes" >>"$results"
      ;;
    *)
      timed "$out" node "$runner" count --peer="$tool" --budget="$budget" \
        "$corpus" || { cat "$work/err" >&2; die "$tool failed at $mb MB"; }
      node -e '
        const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
        console.log([r.bytes_processed, r.seconds, r.counts.figures, r.counts.dates,
                     r.budget_exhausted ? 1 : 0].join("\t"));
      ' "$out" | while IFS=$'\t' read -r processed secs f d hit; do
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$tool" "$mb" "$wall" "$kb" \
          "$processed" "$secs" "$f" "$d" "$hit" >>"$results"
      done
      ;;
  esac
}

tools=(crosscheck "${peers[@]}" cat wc)
declare -A done_runs=() budgeted=()
for ((round = 1; round <= runs; ++round)); do
  for mb in "${sizes[@]}"; do
    for tool in "${tools[@]}"; do
      key="$tool/$mb"
      if [[ -n "${budgeted[$key]:-}" && "${done_runs[$key]:-0}" -ge "$slow_runs" ]]; then
        continue
      fi
      echo "compare.sh: round $round, $tool, $mb MB" >&2
      run "$tool" "$mb"
      done_runs[$key]=$((${done_runs[$key]:-0} + 1))
      if [[ "$(tail -1 "$results" | cut -f9)" == 1 ]]; then budgeted[$key]=1; fi
    done
  done
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

# Accuracy: crosscheck's own run, then each peer's claims.
"$work/peer_eval" --json "$suites" >"$work/eval-crosscheck.json"
for peer in "${peers[@]}"; do
  echo "compare.sh: $peer on the peer suites" >&2
  node "$runner" suite --peer="$peer" --suites="$suites" >"$work/claims-$peer.jsonl"
  "$work/peer_eval" --json --claims="$work/claims-$peer.jsonl" "$suites" \
    >"$work/eval-$peer.json"
done

node - "$results" "$work" "$budget" "${peers[@]}" <<'EOF'
const fs = require('fs');
const [results, work, budget, ...peers] = process.argv.slice(2);
const rows = fs.readFileSync(results, 'utf8').trim().split('\n').map((l) => {
  const [tool, mb, wall, kb, processed, secs, f, d, hit] = l.split('\t');
  return { tool, mb, wall: +wall, kb: +kb, processed: +processed, secs: secs === '' ? null : +secs,
           f: f === '' ? null : +f, d: d === '' ? null : +d, hit: hit === '1' };
});
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const fmt = (x, digits) => (x === null || x === undefined || Number.isNaN(x) ? '—' : x.toFixed(digits));
const rate = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toPrecision(2));
const tools = [...new Set(rows.map((r) => r.tool))];
const sizes = [...new Set(rows.map((r) => r.mb))];
const summary = {};
for (const mb of sizes) {
  for (const tool of tools) {
    const rs = rows.filter((r) => r.tool === tool && r.mb === mb);
    if (rs.length === 0) continue;
    summary[`${tool}/${mb}`] = {
      runs: rs.length,
      mbps: median(rs.map((r) => r.processed / 1e6 / r.wall)),
      own: rs[0].secs === null ? null : median(rs.map((r) => r.processed / 1e6 / r.secs)),
      rss: median(rs.map((r) => r.kb / 1024)),
      processed: median(rs.map((r) => r.processed)) / 1e6,
      total: fs.statSync(`${work}/corpus-${mb}.txt`).size / 1e6,
      f: rs[0].f === null ? null : median(rs.map((r) => r.f)),
      d: rs[0].d === null ? null : median(rs.map((r) => r.d)),
      hit: rs.some((r) => r.hit),
    };
  }
}
console.log('| tool | corpus | runs | MB read | MB/s (wall) | MB/s (own timing) | ratio | peak RSS MB | figures (per MB) | dates (per MB) |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const mb of sizes) {
  const cc = summary[`crosscheck/${mb}`];
  for (const tool of tools) {
    const s = summary[`${tool}/${mb}`];
    if (!s) continue;
    let ratio = '';
    if (tool !== 'crosscheck' && cc) {
      ratio = tool === 'cat' || tool === 'wc'
        ? `${(s.mbps / cc.mbps).toFixed(1)}× faster`
        : `${(cc.mbps / s.mbps).toFixed(cc.mbps / s.mbps < 10 ? 1 : 0)}×`;
    }
    const read = s.hit ? `${s.processed.toFixed(2)} of ${s.total.toFixed(1)} (${budget} s budget)` : s.total.toFixed(1);
    const count = (n) => (n === null ? '—' : `${n} (${(n / s.processed).toFixed(0)})`);
    console.log(`| ${tool === 'wc' ? 'wc -w' : tool} | ${s.total.toFixed(1)} MB | ${s.runs} | ${read} | ${rate(s.mbps)} | ${s.own === null ? '—' : rate(s.own)} | ${ratio} | ${fmt(s.rss, 0)} | ${count(s.f)} | ${count(s.d)} |`);
  }
}
const score = (system) => {
  const report = JSON.parse(fs.readFileSync(`${work}/eval-${system}.json`, 'utf8'));
  const out = {};
  for (const s of report.scores) {
    if (s.scope === 'in-scope' && s.suite === 'all' && s.file === '') out[s.category] = s;
  }
  return out;
};
const categories = ['number', 'ordinal', 'percent', 'currency', 'date'];
console.log('');
console.log(`| system | ${categories.map((c) => `${c} F1`).join(' | ')} |`);
console.log(`| --- | ${categories.map(() => '---:').join(' | ')} |`);
for (const system of ['crosscheck', ...peers]) {
  const s = score(system);
  const cell = (c) => {
    const v = s[c];
    if (!v) return '—';
    return v.found === 0 ? '— (finds none)' : v.f1.toFixed(3);
  };
  console.log(`| ${system} | ${categories.map(cell).join(' | ')} |`);
}
const first = sizes[0];
const last = sizes[sizes.length - 1];
const a = summary[`crosscheck/${first}`];
const b = summary[`crosscheck/${last}`];
console.log('');
console.log(`crosscheck extract --format=delimited peak RSS: ${a.rss.toFixed(1)} MB at ${a.total.toFixed(1)} MB, ` +
  `${b.rss.toFixed(1)} MB at ${b.total.toFixed(1)} MB: ratio ${(b.rss / a.rss).toFixed(2)} (target: at most 1.5)`);
EOF
echo "load average: before $load_before, after $load_after; $(nproc) cores;" \
  "node $(node --version); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
