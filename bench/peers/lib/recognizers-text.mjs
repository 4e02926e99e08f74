// Microsoft Recognizers-Text (JavaScript): the number, ordinal, percentage,
// currency and date-time models of the English culture, each created once
// and reused, as the package's README recommends for many inputs.
//
// Mapping to claims (docs/accuracy.md, "Scoring other systems"):
//  - number: resolution.value -> figure value;
//  - ordinal: resolution.value -> ordinal figure ("last", whose value the
//    model gives as "0" or an offset like "end+0", is no number and dropped);
//  - percentage: "12%" -> figure 12, unit "percent";
//  - currency: resolution.value in resolution.isoCurrency, else the unit
//    name through tools/peer_eval/data/currency_names.tsv ("Dollar" -> USD,
//    "Cent" -> USD / 100); an amount without a value is dropped;
//  - datetimeV2.date / daterange: the first of the resolution's values (the
//    model lists the past reading of an ambiguous date before the future
//    one): a date's `value` is that day; a range's [start, end) the days
//    from start to the day before end; an open range (only start or only
//    end, Mod "since", "before"...) the period its timex names (XXXX-08 in
//    the year of the bound);
//  - datetimeV2.duration: a timex of one unit ("P3D") -> figure 3, unit
//    "day"; otherwise the resolution's seconds, unit "second";
//  - times, date-times, sets: not dates (no claim).
// Spans: the models give [start, end] in UTF-16 indexes, end inclusive.

import { createRequire } from 'node:module';
import {
  dateClaim, dayBefore, daysDate, figureClaim, oneClaimPerFigure, currencyOf,
} from './common.mjs';

const require = createRequire(import.meta.url);
const Suite = require('@microsoft/recognizers-text-suite');
const NumberRecognizers = require('@microsoft/recognizers-text-number');
const NumberWithUnitRecognizers = require('@microsoft/recognizers-text-number-with-unit');
const DateTimeRecognizers = require('@microsoft/recognizers-text-date-time');

export const name = 'recognizers-text';
export const packages = [
  '@microsoft/recognizers-text-suite',
  '@microsoft/recognizers-text-number',
  '@microsoft/recognizers-text-number-with-unit',
  '@microsoft/recognizers-text-date-time',
];

let models = null;
function Models() {
  if (models !== null) return models;
  const culture = Suite.Culture.English;
  const numbers = new NumberRecognizers.NumberRecognizer(culture);
  models = {
    number: numbers.getNumberModel(),
    ordinal: numbers.getOrdinalModel(),
    percentage: numbers.getPercentageModel(),
    currency: new NumberWithUnitRecognizers.NumberWithUnitRecognizer(culture).getCurrencyModel(),
    datetime: new DateTimeRecognizers.DateTimeRecognizer(culture).getDateTimeModel(),
  };
  return models;
}

// Builds the models (their regular expressions compile lazily on first
// use, so one small parse each).
export function init() {
  const m = Models();
  for (const model of Object.values(m)) model.parse('On May 5, 2016 it cost $3, 4% of the 2nd.', new Date());
}

const kUnits = { Y: 'year', M: 'month', W: 'week', D: 'day' };
const kTimeUnits = { H: 'hour', M: 'minute', S: 'second' };

// A duration timex of one unit: "P3D" -> [3, "day"], "PT1.5H" -> [1.5,
// "hour"]; null otherwise.
function singleUnit(timex) {
  let m = /^P(\d+(?:\.\d+)?)([YMWD])$/.exec(timex);
  if (m) return [Number(m[1]), kUnits[m[2]]];
  m = /^PT(\d+(?:\.\d+)?)([HMS])$/.exec(timex);
  if (m) return [Number(m[1]), kTimeUnits[m[2]]];
  return null;
}

const daysInMonth = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();

// The days a timex of a calendar period names, its unknown year ("XXXX")
// taken from `year`: "2016", "2016-08", "XXXX-08", "2016-08-05". null for
// anything else.
function timexPeriod(timex, year) {
  const m = /^(\d{4}|XXXX)(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(timex ?? '');
  if (!m) return null;
  const y = m[1] === 'XXXX' ? year : Number(m[1]);
  if (!Number.isFinite(y)) return null;
  const pad = (n) => String(n).padStart(2, '0');
  if (m[3]) return [`${y}-${m[2]}-${m[3]}`, `${y}-${m[2]}-${m[3]}`];
  if (m[2]) return [`${y}-${m[2]}-01`, `${y}-${m[2]}-${pad(daysInMonth(y, Number(m[2])))}`];
  return [`${y}-01-01`, `${y}-12-31`];
}

const isDay = (s) => typeof s === 'string' && /^\d{4}-\d{2}-\d{2}/.test(s);

function dateOf(entity) {
  const values = entity.resolution?.values ?? [];
  const v = values[0];
  if (!v) return null;
  if (v.type === 'date') {
    if (!isDay(v.value)) return { start: '', end: '', granularity: 'GRANULARITY_DAY' };
    return daysDate(v.value.slice(0, 10), v.value.slice(0, 10));
  }
  if (isDay(v.start) && isDay(v.end)) {
    return daysDate(v.start.slice(0, 10), dayBefore(v.end.slice(0, 10)));
  }
  const bound = isDay(v.start) ? v.start : isDay(v.end) ? v.end : null;
  if (bound === null) return { start: '', end: '', granularity: 'GRANULARITY_DAY' };
  const period = timexPeriod(v.timex, Number(bound.slice(0, 4)));
  if (period === null) return daysDate(bound.slice(0, 10), bound.slice(0, 10));
  return daysDate(period[0], period[1]);
}

// The claims Recognizers-Text finds in `text`, with `reference` the date
// relative expressions are resolved against. Spans are UTF-16 indexes.
export function extract(text, reference) {
  const m = Models();
  const claims = [];
  const span = (e) => [e.start, e.end + 1];
  for (const e of m.number.parse(text)) {
    const value = Number(e.resolution?.value);
    if (!Number.isFinite(value)) continue;
    claims.push(figureClaim(text, ...span(e), { value }));
  }
  for (const e of m.ordinal.parse(text)) {
    const raw = e.resolution?.value;
    const value = Number(raw);
    // "last", "next", "the last but one": relative, no number.
    if (!Number.isFinite(value) || e.resolution?.offset !== undefined || value === 0) continue;
    claims.push(figureClaim(text, ...span(e), { value, ordinal: true }));
  }
  for (const e of m.percentage.parse(text)) {
    const value = Number(String(e.resolution?.value ?? '').replace(/%$/, ''));
    if (!Number.isFinite(value) || e.resolution?.value == null) continue;
    claims.push(figureClaim(text, ...span(e), { value, unit: 'percent' }));
  }
  for (const e of m.currency.parse(text)) {
    const r = e.resolution ?? {};
    if (r.value == null) continue;
    const amount = Number(r.value);
    if (!Number.isFinite(amount)) continue;
    const [code, divisor] = r.isoCurrency ? [r.isoCurrency, 1] : currencyOf(r.unit);
    claims.push(figureClaim(text, ...span(e), { value: amount / divisor, unit: code }));
  }
  for (const e of m.datetime.parse(text, reference)) {
    const type = e.typeName.replace(/^datetimeV2\./, '');
    if (type === 'date' || type === 'daterange') {
      const date = dateOf(e);
      if (date !== null) claims.push(dateClaim(text, ...span(e), date));
    } else if (type === 'duration') {
      const v = (e.resolution?.values ?? [])[0];
      if (!v) continue;
      const single = singleUnit(v.timex ?? '');
      if (single !== null) {
        claims.push(figureClaim(text, ...span(e), { value: single[0], unit: single[1] }));
      } else if (Number.isFinite(Number(v.value)) && v.value != null) {
        claims.push(figureClaim(text, ...span(e), { value: Number(v.value), unit: 'second' }));
      }
    }
  }
  return oneClaimPerFigure(claims);
}
