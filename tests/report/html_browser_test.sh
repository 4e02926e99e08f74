#!/usr/bin/env bash
# Opens the HTML report of the fixture story in headless Chromium: the page
# as the browser builds it (after its script ran) holds one discrepancy
# group per discrepancy of the JSON report, one group per alignment, and the
# filter controls; the filters and the j/k keys work; a screenshot of it
# is a non-empty PNG. The page's source also shows one word diff per quote
# diff of the JSON report.
# Without Chromium (`apt-get install chromium`) it checks the page's source
# only and says SKIPPED for the browser part.
set -uo pipefail

bin=src/cli/crosscheck
inputs=(fixtures/state_visit/*.txt)
tmp=$(mktemp -d "${TEST_TMPDIR:-/tmp}/html_browser.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
failures=0

check() {  # check DESCRIPTION COMMAND...
  local what=$1
  shift
  if "$@"; then
    echo "ok: $what"
  else
    echo "FAILED: $what"
    failures=$((failures + 1))
  fi
}

# Occurrences of the fixed string $1 in file $2.
count() { grep -oF -- "$1" "$2" | wc -l; }

"$bin" report --format=html "${inputs[@]}" >"$tmp/report.html" 2>/dev/null
check "report --format=html exits 0" test $? -eq 0
"$bin" report --format=json "${inputs[@]}" >"$tmp/report.json" 2>/dev/null
check "report --format=json exits 0" test $? -eq 0

"$bin" diff --format=html "${inputs[0]}" "${inputs[1]}" >"$tmp/diff.html" 2>/dev/null
check "diff --format=html exits 0" test $? -eq 0
check "diff --format=html is a page" grep -q '^<!DOCTYPE html>' "$tmp/diff.html"
"$bin" extract --format=html "${inputs[0]}" >/dev/null 2>&1
check "extract --format=html is a usage error" test $? -eq 2

discrepancies=$(count '"verdict":"VERDICT_DISCREPANCY"' "$tmp/report.json")
alignments=$(count '"verdict":"VERDICT_' "$tmp/report.json")
check "the fixture story has discrepancies" test "$discrepancies" -gt 0
check "page source: one group per discrepancy" \
  test "$(count 'data-verdict="discrepancy"' "$tmp/report.html")" -eq "$discrepancies"
check "page source: one group per alignment" \
  test "$(count '<section class="group"' "$tmp/report.html")" -eq "$alignments"
quote_diffs=$(count '"baseClaimId"' "$tmp/report.json")
check "the fixture story has quote diffs" test "$quote_diffs" -gt 0
check "page source: one word diff per quote diff" \
  test "$(count '<p class="diff">' "$tmp/report.html")" -eq "$quote_diffs"
check "page source: no network reference" \
  test "$(grep -cE 'https?://' "$tmp/report.html")" -eq 0

browser=""
for name in chromium chromium-browser; do
  if command -v "$name" >/dev/null 2>&1; then
    browser=$(command -v "$name")
    break
  fi
done
if [ -z "$browser" ]; then
  echo "SKIPPED: chromium not installed (apt-get install chromium)"
  [ "$failures" -eq 0 ]
  exit
fi

# Chromium writes its profile under HOME; keep it in the test's directory.
export HOME="$tmp/home"
mkdir -p "$HOME"
flags=(--headless --no-sandbox --disable-gpu --no-first-run
       --user-data-dir="$tmp/profile" --window-size=1280,2000)
url="file://$tmp/report.html"

timeout 60 "$browser" "${flags[@]}" --dump-dom "$url" >"$tmp/dom.html" 2>"$tmp/chromium.log"
code=$?
check "chromium --dump-dom exits 0" test "$code" -eq 0
[ "$code" -eq 0 ] || tail -5 "$tmp/chromium.log"
check "DOM: one group per discrepancy" \
  test "$(count 'data-verdict="discrepancy"' "$tmp/dom.html")" -eq "$discrepancies"
check "DOM: verdict filters" \
  test "$(count 'data-filter="verdict"' "$tmp/dom.html")" -eq 4
check "DOM: kind filters" \
  test "$(count 'data-filter="kind"' "$tmp/dom.html")" -ge 3
check "DOM: show-all button" grep -qF '<button type="button" id="show-all">' "$tmp/dom.html"
# The script ran: it counted the groups shown.
check "DOM: the script counted every group" \
  grep -qF ">$alignments of $alignments groups shown<" "$tmp/dom.html"

# A person's use, scripted: unticking "Discrepancies" hides exactly those
# groups, ticking it again shows all, and j, j, k move the focus to the
# first, second and first group again.
cat >"$tmp/probe.js" <<'PROBE'
<script>
(function(){
var out=[],groups=document.querySelectorAll('.group');
var box=document.querySelector('input[data-filter="verdict"][value="discrepancy"]');
box.click();
out.push('hidden='+document.querySelectorAll('.group.off').length);
box.click();
out.push('shown='+document.querySelectorAll('.group:not(.off)').length);
function key(k){document.dispatchEvent(new KeyboardEvent('keydown',{key:k,bubbles:true}));}
['j','j','k'].forEach(function(k){key(k);out.push(k+'='+Array.prototype.indexOf.call(groups,document.activeElement));});
var p=document.createElement('pre');p.id='probe';p.textContent=out.join(' ');document.body.appendChild(p);
})();
</script>
PROBE
awk -v probe="$tmp/probe.js" \
  '/^<\/body>$/{while((getline l < probe)>0) print l} {print}' \
  "$tmp/report.html" >"$tmp/probed.html"
timeout 60 "$browser" "${flags[@]}" --dump-dom "file://$tmp/probed.html" \
  >"$tmp/probed_dom.html" 2>>"$tmp/chromium.log"
check "filters and j/k work" grep -qF \
  "<pre id=\"probe\">hidden=$discrepancies shown=$alignments j=0 j=1 k=0<" \
  "$tmp/probed_dom.html"

timeout 60 "$browser" "${flags[@]}" --screenshot="$tmp/page.png" "$url" \
  >/dev/null 2>>"$tmp/chromium.log"
code=$?
check "chromium --screenshot exits 0" test "$code" -eq 0
check "screenshot is a non-empty PNG" test -s "$tmp/page.png"
check "screenshot starts with the PNG signature" \
  test "$(head -c 8 "$tmp/page.png" 2>/dev/null | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a

[ "$failures" -eq 0 ]
