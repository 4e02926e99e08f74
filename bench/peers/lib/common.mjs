// What the peer runners share: crosscheck.v1.Claim objects (as proto3 JSON)
// built from a peer's output, spans turned from JavaScript string indexes
// (UTF-16 code units) into UTF-8 byte offsets, currency names turned into
// ISO 4217 codes, and the rule that keeps one claim per figure.
// docs/accuracy.md, "Scoring other systems", describes the mapping.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../..',
);

// Byte offsets of a string's UTF-16 indexes. For ASCII text both are equal
// and no table is built.
export class ByteOffsets {
  constructor(text) {
    this.text = text;
    this.table = null;
    if (Buffer.byteLength(text, 'utf8') !== text.length) {
      this.table = new Uint32Array(text.length + 1);
      let bytes = 0;
      for (let i = 0; i < text.length; ++i) {
        this.table[i] = bytes;
        const c = text.charCodeAt(i);
        if (c < 0x80) bytes += 1;
        else if (c < 0x800) bytes += 2;
        else if (c >= 0xd800 && c <= 0xdbff) bytes += 4;  // and its low half
        else if (c >= 0xdc00 && c <= 0xdfff) bytes += 0;
        else bytes += 3;
      }
      this.table[text.length] = bytes;
    }
  }
  // The byte offset of UTF-16 index `i` (clamped to the text).
  at(i) {
    const k = Math.max(0, Math.min(i, this.text.length));
    return this.table === null ? k : this.table[k];
  }
}

// A figure claim over the UTF-16 range [begin, end) of `text`.
// figure: {value, valueMax?, qualifier?, unit?, ordinal?}.
export function figureClaim(text, begin, end, figure) {
  const f = { value: figure.value, qualifier: figure.qualifier ?? 'QUALIFIER_EXACT' };
  if (figure.valueMax !== undefined) f.valueMax = figure.valueMax;
  if (figure.unit) f.unit = figure.unit;
  if (figure.ordinal) f.ordinal = true;
  return { kind: 'KIND_FIGURE', begin, end, text: text.slice(begin, end), figure: f };
}

// A date claim over [begin, end) of `text`. date: {start, end, granularity}
// with start/end "YYYY", "YYYY-MM" or "YYYY-MM-DD" at the granularity
// ("GRANULARITY_DAY", ...); start "" for a date left unresolved.
export function dateClaim(text, begin, end, date) {
  return { kind: 'KIND_DATE', begin, end, text: text.slice(begin, end), date };
}

const pad = (n, width = 2) => String(n).padStart(width, '0');

// "YYYY-MM-DD" of a day given as year, month (1-12), day.
export function isoDay(y, m, d) {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

// The day before "YYYY-MM-DD" (for end-exclusive ranges), as "YYYY-MM-DD".
export function dayBefore(day) {
  const t = Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10));
  const d = new Date(t - 86400000);
  return isoDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

// The days from `first` to `last` ("YYYY-MM-DD", both included) as a Date
// message: one day is DAY granularity with start = end.
export function daysDate(first, last) {
  return { start: first, end: last, granularity: 'GRANULARITY_DAY' };
}

// One claim per figure: a figure without a unit whose span lies inside the
// span of a figure with a unit (money, percent, a duration) and whose value
// equals that figure's value is the same figure read twice by two of the
// peer's recognizers, and is dropped. Claims come back sorted by span.
export function oneClaimPerFigure(claims) {
  const figures = claims.filter((c) => c.kind === 'KIND_FIGURE');
  const kept = claims.filter((c) => {
    if (c.kind !== 'KIND_FIGURE' || c.figure.unit || c.figure.ordinal) return true;
    return !figures.some(
      (o) =>
        o !== c &&
        o.figure.unit &&
        o.begin <= c.begin &&
        c.end <= o.end &&
        Math.abs(o.figure.value - c.figure.value) <= 1e-9 * Math.max(1, Math.abs(c.figure.value)),
    );
  });
  return kept.sort((a, b) => a.begin - b.begin || a.end - b.end);
}

// The claims as crosscheck.v1.Claim JSON, spans in UTF-8 bytes.
export function toClaimJson(claims, offsets) {
  return claims.map((c) => {
    const out = {
      kind: c.kind,
      span: { begin: offsets.at(c.begin), end: offsets.at(c.end) },
      text: c.text,
    };
    if (c.figure) out.figure = c.figure;
    if (c.date) out.date = c.date;
    return out;
  });
}

// Currency unit names: tools/peer_eval/data/currency_names.tsv (the table
// the harness reads the suites' names with), then the few names below that
// the peers give and the table lacks. A name that names no single currency
// maps to "XXX", ISO 4217's code for "no currency": it still marks the figure
// as money, and agrees with a suite entity that names no currency either.
const kExtraCurrencyNames = {
  yen: ['JPY', 1],
  'jpy/yen': ['JPY', 1],
  yuan: ['CNY', 1],
  renminbi: ['CNY', 1],
  rouble: ['RUB', 1],
  ruble: ['RUB', 1],
  won: ['KRW', 1],
  'swiss franc': ['CHF', 1],
  sterling: ['GBP', 1],
  'pound sterling': ['GBP', 1],
  'british pound': ['GBP', 1],
  'us dollar': ['USD', 1],
  'united states dollar': ['USD', 1],
};

let currencyTable = null;
function currencyNames() {
  if (currencyTable !== null) return currencyTable;
  currencyTable = new Map();
  const file = path.join(repoRoot, 'tools/peer_eval/data/currency_names.tsv');
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const [name, code, divisor] = line.split('\t');
    currencyTable.set(name.toLowerCase(), [code === '*' ? 'XXX' : code, Number(divisor)]);
  }
  for (const [name, v] of Object.entries(kExtraCurrencyNames)) {
    if (!currencyTable.has(name)) currencyTable.set(name, v);
  }
  return currencyTable;
}

// [ISO code, divisor] of a currency name or code ("Dollar", "EUR", "euro",
// "pence"); a plural is read as its singular. ["XXX", 1] when unknown.
export function currencyOf(name) {
  if (!name) return ['XXX', 1];
  const n = String(name).trim().toLowerCase();
  if (/^[a-z]{3}$/.test(n) && !currencyNames().has(n)) return [n.toUpperCase(), 1];
  const table = currencyNames();
  for (const key of [n, n.replace(/s$/, ''), n.replace(/es$/, '')]) {
    if (table.has(key)) return table.get(key);
  }
  return ['XXX', 1];
}
