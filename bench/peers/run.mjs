#!/usr/bin/env node
// Runs one peer extractor (Recognizers-Text, chrono or compromise) the way
// crosscheck's benchmarks and accuracy harness run crosscheck.
//
//   node bench/peers/run.mjs count --peer=chrono corpus.txt [more.txt...]
//   node bench/peers/run.mjs count --peer=recognizers-text --budget=60 corpus.txt
//   node bench/peers/run.mjs suite --peer=compromise [--suites=../shared/peer-suites] > claims.jsonl
//
// count: reads each file, splits it into paragraphs (at blank lines: the
//   peers are made for sentences and short texts, and compromise and
//   Recognizers-Text slow down on long ones), runs the extraction on each
//   paragraph and prints one JSON line: the peer, its package versions,
//   bytes read and bytes processed, seconds (`seconds`: the extraction loop
//   alone, after the packages are loaded and warmed up; `seconds_total`:
//   the process from its start, node's own start-up excluded, as
//   process.uptime() gives it) and the claims found by kind and type. A line
//   "date YYYY-MM-DD" (the date line of the corpus generator's articles) sets
//   the reference date of the paragraphs after it; before one, the reference
//   is 2024-01-01. With --budget=SECONDS, paragraphs are processed until the
//   extraction has taken that long; `bytes_processed` then says how much
//   was read, and the rates are of that part.
// suite: reads the peer-suite cases of every file that
//   tools/peer_eval/data/suites.tsv marks "in" or "out", runs the extraction
//   on each case's input with its reference_datetime (the current time when
//   it has none) and prints one JSON line per case: {"system", "file",
//   "line", "claims"}, claims as crosscheck.v1.Claim JSON with UTF-8 byte
//   spans. `bazel run -c opt //tools/peer_eval -- --claims=FILE` scores it.
//
// Runs in UTC (TZ is set here) so that dates do not move with the machine's
// time zone. Exit status: 0 success, 2 usage or input error.

process.env.TZ = 'UTC';

import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ByteOffsets, repoRoot, toClaimJson } from './lib/common.mjs';

const kPeers = ['recognizers-text', 'chrono', 'compromise'];

function usage(message) {
  if (message) process.stderr.write(`run.mjs: error: ${message}\n`);
  process.stderr.write(
    'usage: node bench/peers/run.mjs count --peer=NAME [--budget=SECONDS] FILE...\n' +
      '       node bench/peers/run.mjs suite --peer=NAME [--suites=DIR]\n' +
      `NAME: ${kPeers.join(', ')}\n`,
  );
  process.exit(2);
}

function parseArgs(argv) {
  const [mode, ...rest] = argv;
  if (mode !== 'count' && mode !== 'suite') usage(mode ? `unknown mode '${mode}'` : 'no mode');
  const args = { mode, files: [], suites: path.join(repoRoot, '../shared/peer-suites') };
  for (const a of rest) {
    const m = /^--([a-z_]+)=(.*)$/.exec(a);
    if (m && m[1] === 'peer') args.peer = m[2];
    else if (m && m[1] === 'budget') args.budget = Number(m[2]);
    else if (m && m[1] === 'suites') args.suites = m[2];
    else if (a.startsWith('--')) usage(`unknown flag '${a}'`);
    else args.files.push(a);
  }
  if (!kPeers.includes(args.peer)) usage(`--peer must be one of ${kPeers.join(', ')}`);
  if (args.budget !== undefined && !(args.budget > 0)) usage('--budget must be a positive number of seconds');
  if (mode === 'count' && args.files.length === 0) usage('count needs at least one file');
  return args;
}

function versions(packages) {
  const out = {};
  for (const p of packages) {
    const file = path.join(repoRoot, 'bench/peers/node_modules', p, 'package.json');
    out[p] = JSON.parse(fs.readFileSync(file, 'utf8')).version;
  }
  return out;
}

function readOrDie(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    process.stderr.write(`run.mjs: error: cannot read ${file}: ${e.message}\n`);
    process.exit(2);
  }
}

function typeOf(claim) {
  if (claim.kind === 'KIND_DATE') {
    return claim.date.start !== '' && claim.date.start !== claim.date.end ? 'daterange' : 'date';
  }
  const f = claim.figure;
  if (f.ordinal) return 'ordinal';
  if (f.unit === 'percent') return 'percent';
  if (/^[A-Z]{3}$/.test(f.unit ?? '')) return 'currency';
  if (f.unit) return 'duration';
  return 'number';
}

function count(peer, args) {
  const counts = {
    figures: 0, dates: 0, number: 0, ordinal: 0, percent: 0, currency: 0, duration: 0, date: 0, daterange: 0,
  };
  let bytes = 0;
  let processed = 0;
  let seconds = 0;
  let exhausted = false;
  let reference = new Date(Date.UTC(2024, 0, 1));
  for (const file of args.files) {
    const text = readOrDie(file);
    bytes += Buffer.byteLength(text, 'utf8');
    if (exhausted) continue;
    for (const paragraph of text.split(/\n[ \t]*\n/)) {
      const dateLine = /^date (\d{4})-(\d{2})-(\d{2})$/m.exec(paragraph);
      if (dateLine) reference = new Date(Date.UTC(+dateLine[1], +dateLine[2] - 1, +dateLine[3]));
      const t0 = performance.now();
      const claims = peer.extract(paragraph, reference);
      seconds += (performance.now() - t0) / 1000;
      processed += Buffer.byteLength(paragraph, 'utf8') + 2;
      for (const c of claims) {
        counts[c.kind === 'KIND_DATE' ? 'dates' : 'figures'] += 1;
        counts[typeOf(c)] += 1;
      }
      if (args.budget !== undefined && seconds >= args.budget) {
        exhausted = true;
        break;
      }
    }
  }
  processed = Math.min(processed, bytes);
  const out = {
    peer: peer.name,
    packages: versions(peer.packages),
    node: process.version,
    files: args.files.length,
    bytes,
    bytes_processed: processed,
    budget_seconds: args.budget ?? null,
    budget_exhausted: exhausted,
    seconds: Number(seconds.toFixed(4)),
    seconds_total: Number(process.uptime().toFixed(4)),
    mb_per_s: Number((processed / 1e6 / seconds).toFixed(4)),
    counts,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

function scopeTable() {
  const file = path.join(repoRoot, 'tools/peer_eval/data/suites.tsv');
  const rows = [];
  for (const line of readOrDie(file).split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const [name, , scope] = line.split('\t');
    if (scope === 'in' || scope === 'out') rows.push(name);
  }
  return rows;
}

function suite(peer, args) {
  const out = [];
  for (const name of scopeTable()) {
    const file = path.join(args.suites, name);
    if (!fs.existsSync(file)) continue;  // the harness lists it as missing
    const lines = readOrDie(file).split('\n');
    for (let i = 0; i < lines.length; ++i) {
      if (lines[i].trim() === '') continue;
      let c;
      try {
        c = JSON.parse(lines[i]);
      } catch (e) {
        process.stderr.write(`run.mjs: error: ${name}:${i + 1}: not JSON: ${e.message}\n`);
        process.exit(2);
      }
      const input = String(c.input ?? '');
      const reference = c.reference_datetime
        ? new Date(`${String(c.reference_datetime).replace(' ', 'T').slice(0, 19)}Z`)
        : new Date();
      let claims;
      try {
        claims = toClaimJson(peer.extract(input, reference), new ByteOffsets(input));
      } catch (e) {
        // A peer that throws on an input finds nothing in it.
        process.stderr.write(`run.mjs: ${peer.name} failed on ${name}:${i + 1}: ${e.message}\n`);
        claims = [];
      }
      out.push(JSON.stringify({ system: peer.name, file: name, line: i + 1, claims }));
      if (out.length >= 1000) {
        fs.writeSync(1, `${out.join('\n')}\n`);
        out.length = 0;
      }
    }
  }
  if (out.length > 0) fs.writeSync(1, `${out.join('\n')}\n`);
}

const args = parseArgs(process.argv.slice(2));
if (args.mode === 'suite' && !fs.existsSync(args.suites)) {
  process.stderr.write(`run.mjs: error: peer-suites directory not found: ${args.suites}\n`);
  process.exit(2);
}
const peer = await import(`./lib/${args.peer}.mjs`);
peer.init();
if (args.mode === 'count') count(peer, args);
else suite(peer, args);
