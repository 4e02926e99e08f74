#!/usr/bin/env bash
# Checks the crosscheck binary as a user runs it: help and version exit 0,
# usage errors exit 2 with one line on stderr, output round-trips through
# binpb -> json -> binpb, and a closed pipe ends it quietly.
set -uo pipefail

bin=src/cli/crosscheck
a=fixtures/state_visit/daily_ledger.txt
b=fixtures/state_visit/northern_courier.txt
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

out=$("$bin" --help); code=$?
check "--help exits 0" test "$code" -eq 0
check "--help shows usage" grep -q "usage:" <<<"$out"
out=$("$bin" help report); code=$?
check "help report exits 0" test "$code" -eq 0
check "help report describes report" grep -q "crosscheck report" <<<"$out"
out=$("$bin" report --help); code=$?
check "report --help exits 0" test "$code" -eq 0
out=$("$bin" --version); code=$?
check "--version exits 0" test "$code" -eq 0
check "--version prints the version" grep -qE '^crosscheck [0-9]+\.[0-9]+\.[0-9]+$' <<<"$out"

err=$("$bin" report 2>&1 >/dev/null); code=$?
check "no input exits 2" test "$code" -eq 2
check "no input says so" grep -q "no input files" <<<"$err"
err=$("$bin" 2>&1 >/dev/null); code=$?
check "no command exits 2" test "$code" -eq 2
err=$("$bin" report --format=xml "$a" 2>&1 >/dev/null); code=$?
check "bad --format exits 2" test "$code" -eq 2
check "bad --format names the value" grep -q "unknown format 'xml'" <<<"$err"
err=$("$bin" report --keep-going --fail-on=none "$a" 2>&1 >/dev/null); code=$?
check "dashed flag names are accepted" test "$code" -eq 0

err=$("$bin" report --formt=json "$a" 2>&1 >/dev/null); code=$?
check "unknown flag exits 2, not 1" test "$code" -eq 2
check "unknown flag is named" grep -q "unknown flag --formt=json" <<<"$err"
err=$("$bin" report --keep_going=maybe "$a" 2>&1 >/dev/null); code=$?
check "bad flag value exits 2" test "$code" -eq 2
check "bad flag value is named" grep -q "bad value 'maybe' for --keep_going" <<<"$err"
err=$("$bin" report --flagfile=/etc/passwd "$a" 2>&1 >/dev/null); code=$?
check "library flags are not crosscheck's" test "$code" -eq 2
out=$("$bin" report --format json --nosingle-source "$a" "$b" 2>/dev/null); code=$?
check "--flag value and --noflag forms" test "$code" -eq 0
check "--format json took its value" grep -q '^{' <<<"$out"

tmp=${TEST_TMPDIR:-$(mktemp -d)}
"$bin" report --format=binpb "$a" "$b" >"$tmp/r.binpb"
check "report binpb is written" test -s "$tmp/r.binpb"
"$bin" extract --format=binpb "$a" >"$tmp/e.binpb"
check "extract binpb is written" test -s "$tmp/e.binpb"

out=$("$bin" diff --color=never "$a" "$b"); code=$?
check "diff exits 0" test "$code" -eq 0
check "diff shows both outlets" grep -q "The Daily Ledger.*Northern Courier" <<<"$out"

# A closed pipe: no error spew.
err=$({ "$bin" report "$a" "$b" | head -1 >/dev/null; } 2>&1)
check "closed pipe is quiet" test -z "$err"

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
