// compromise 14 with its compromise-dates plugin: `.numbers()`,
// `.percentages()` and `.money()` are built into compromise 14 (the
// separate compromise-numbers package is for versions 12 and 13); `.dates()`
// comes from the plugin.
//
// Mapping to claims (docs/accuracy.md, "Scoring other systems"):
//  - .numbers(): number.num -> figure value; ordinal when the match is also
//    in .numbers().isOrdinal(); unit "percent" when number.suffix is "%";
//  - .percentages(): number.num -> figure, unit "percent";
//  - .money(): money.num -> figure, money.currency through the currency
//    names (tools/peer_eval/data/currency_names.tsv, "dollar" -> USD; the
//    symbol names compromise gives, "EUR", "JPY/YEN", as their codes);
//  - .dates({today}): dates.start to dates.end, in days (the plugin gives
//    times: "2019-03-03T00:00:00.000Z" to "2019-03-03T23:59:59.999Z" is
//    the day 2019-03-03); a date whose start is null is unresolved.

import nlp from 'compromise';
import datesPlugin from 'compromise-dates';
import { currencyOf, dateClaim, daysDate, figureClaim, oneClaimPerFigure } from './common.mjs';

nlp.plugin(datesPlugin);

export const name = 'compromise';
export const packages = ['compromise', 'compromise-dates'];

const kJson = { offset: true, terms: false, text: false, normal: false };

export function init() {
  extract('On May 5, 2016 it cost $3, 4% of the 2nd.', new Date());
}

function span(m) {
  return [m.offset.start, m.offset.start + m.offset.length];
}

const pad = (n) => String(n).padStart(2, '0');
function isoDayOf(date) {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

export function extract(text, reference) {
  const doc = nlp(text);
  const claims = [];
  const numbers = doc.numbers();
  const ordinalStarts = new Set(
    numbers.isOrdinal().json(kJson).map((m) => m.offset.start),
  );
  for (const m of numbers.json(kJson)) {
    const value = m.number?.num;
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    const [b, e] = span(m);
    if (ordinalStarts.has(m.offset.start)) {
      claims.push(figureClaim(text, b, e, { value, ordinal: true }));
    } else {
      claims.push(figureClaim(text, b, e, { value, unit: m.number.suffix === '%' ? 'percent' : '' }));
    }
  }
  for (const m of doc.percentages().json(kJson)) {
    const value = m.number?.num;
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    const [b, e] = span(m);
    // The same match as a number with suffix "%" above: one claim.
    if (claims.some((c) => c.begin === b && c.end === e && c.figure?.unit === 'percent')) continue;
    claims.push(figureClaim(text, b, e, { value, unit: 'percent' }));
  }
  for (const m of doc.money().json(kJson)) {
    const value = m.money?.num;
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    const [code, divisor] = currencyOf(String(m.money.currency ?? '').replace(/\/.*$/, ''));
    claims.push(figureClaim(text, ...span(m), { value: value / divisor, unit: code }));
  }
  const today = `${reference.getUTCFullYear()}-${pad(reference.getUTCMonth() + 1)}-${pad(reference.getUTCDate())}`;
  for (const m of doc.dates({ today, timezone: 'UTC' }).json(kJson)) {
    const d = m.dates ?? {};
    const [b, e] = span(m);
    if (!d.start) {
      claims.push(dateClaim(text, b, e, { start: '', end: '', granularity: 'GRANULARITY_DAY' }));
      continue;
    }
    const first = isoDayOf(new Date(d.start));
    const last = d.end ? isoDayOf(new Date(d.end)) : first;
    claims.push(dateClaim(text, b, e, daysDate(first, last < first ? first : last)));
  }
  return oneClaimPerFigure(claims);
}
