// chrono-node: dates only (it reads no numbers or money), with its default
// English parser `chrono.parse(text, reference)`.
//
// Mapping to claims (docs/accuracy.md, "Scoring other systems"): each
// result is a date. Its granularity is the finest calendar component chrono
// marks as known (`isCertain`): day (or weekday), else month, else year; a
// result with none of them (a time of day alone, "at 5pm") is no date. The
// value is chrono's start date at that granularity, and a range ("Nov
// 18-19", "from 2014 to 2018") runs to the end date's period; when start and
// end are known at different granularities the range is given in days.

import * as chrono from 'chrono-node';
import { dateClaim, isoDay } from './common.mjs';

export const name = 'chrono';
export const packages = ['chrono-node'];

export function init() {
  chrono.parse('On May 5, 2016 and next Monday.', new Date());
}

// [granularity, first day, last day] of a chrono component set, or null.
function period(c) {
  const y = c.get('year');
  const m = c.get('month');
  const d = c.get('day');
  let granularity = null;
  if (c.isCertain('day') || c.isCertain('weekday')) granularity = 'day';
  else if (c.isCertain('month')) granularity = 'month';
  else if (c.isCertain('year')) granularity = 'year';
  if (granularity === null) return null;
  if (granularity === 'day') return ['day', isoDay(y, m, d), isoDay(y, m, d)];
  if (granularity === 'month') {
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return ['month', isoDay(y, m, 1), isoDay(y, m, last)];
  }
  return ['year', isoDay(y, 1, 1), isoDay(y, 12, 31)];
}

const kGranularity = { day: 'GRANULARITY_DAY', month: 'GRANULARITY_MONTH', year: 'GRANULARITY_YEAR' };

function at(granularity, day) {
  if (granularity === 'year') return day.slice(0, 4);
  if (granularity === 'month') return day.slice(0, 7);
  return day;
}

export function extract(text, reference) {
  const claims = [];
  for (const r of chrono.parse(text, reference)) {
    const start = period(r.start);
    if (start === null) continue;
    let granularity = start[0];
    let first = start[1];
    let last = start[2];
    if (r.end) {
      const end = period(r.end);
      if (end !== null) {
        last = end[2];
        if (end[0] !== granularity) granularity = 'day';
      }
    }
    claims.push(
      dateClaim(text, r.index, r.index + r.text.length, {
        start: at(granularity, first),
        end: at(granularity, last),
        granularity: kGranularity[granularity],
      }),
    );
  }
  return claims;
}
