import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { parseCalendar, type CalendarDoc } from '../../src/calendar/calendar.js';
import { expandDates, parseRRule, RRuleError } from '../../src/time/rrule.js';

const D = (s: string) => Temporal.PlainDate.from(s);
const dates = (rule: string, from: string, to: string) => expandDates(parseRRule(rule), D(from), D(to), () => true).map((d) => d.toString());
const utc = (iso: string) => Date.parse(iso) / 1000;
const iso = (epoch: number) => new Date(epoch * 1000).toISOString().replace('.000', '');

describe('RRULE dates', () => {
  it('first and last Saturday of the month (BYSETPOS)', () => {
    expect(dates('FREQ=MONTHLY;BYDAY=SA;BYSETPOS=1', '2026-01-01', '2026-04-30')).toEqual(['2026-01-03', '2026-02-07', '2026-03-07', '2026-04-04']);
    expect(dates('FREQ=MONTHLY;BYDAY=SA;BYSETPOS=-1', '2026-10-01', '2026-11-30')).toEqual(['2026-10-31', '2026-11-28']);
    expect(dates('FREQ=MONTHLY;BYDAY=1SA', '2026-03-01', '2026-03-31')).toEqual(['2026-03-07']);
    expect(dates('FREQ=MONTHLY;BYDAY=-1SU', '2026-03-01', '2026-03-31')).toEqual(['2026-03-29']);
  });
  it('BYMONTHDAY, negative too', () => {
    expect(dates('FREQ=MONTHLY;BYMONTHDAY=15,-1', '2026-02-01', '2026-03-31')).toEqual(['2026-02-15', '2026-02-28', '2026-03-15', '2026-03-31']);
  });
  it('WEEKLY with INTERVAL from DTSTART, and COUNT', () => {
    expect(dates('DTSTART:20260105\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE', '2026-01-01', '2026-01-31')).toEqual(['2026-01-05', '2026-01-07', '2026-01-19', '2026-01-21']);
    expect(dates('DTSTART:20260105\nRRULE:FREQ=DAILY;COUNT=3', '2026-01-06', '2026-01-31')).toEqual(['2026-01-06', '2026-01-07']);
  });
  it('rejects what it does not support, naming it', () => {
    expect(() => parseRRule('FREQ=YEARLY')).toThrow(RRuleError);
    expect(() => parseRRule('FREQ=MONTHLY;BYHOUR=3')).toThrow(/BYHOUR/);
    expect(() => parseRRule('FREQ=DAILY;COUNT=2;UNTIL=20260101')).toThrow(/COUNT and UNTIL/);
  });
});

function windowOf(entry: object, zone: string) {
  const doc: CalendarDoc = { metadata: { name: 'c' }, spec: { timeZone: zone, windows: [entry as never] } };
  const cal = parseCalendar(doc);
  expect(cal.problems).toEqual([]);
  return cal.entries[0]!;
}

describe('occurrences on DST nights (elapsed durations, RFC 5545 gap/overlap)', () => {
  it('Berlin spring forward: 22:00 + 4h ends 03:00 CEST; a 02:30 start moves to 03:30 CEST', () => {
    const w = windowOf({ name: 'w', weekly: [{ days: ['sat'], start: '22:00', duration: '4h' }] }, 'Europe/Berlin');
    expect(w.occurrences(utc('2026-03-28T00:00:00Z'), utc('2026-03-29T00:00:00Z')).map((i) => [iso(i.start), iso(i.end)])).toEqual([['2026-03-28T21:00:00Z', '2026-03-29T01:00:00Z']]);
    const gap = windowOf({ name: 'g', rrule: 'FREQ=DAILY', start: '02:30', duration: '1h' }, 'Europe/Berlin');
    expect(gap.occurrences(utc('2026-03-29T00:00:00Z'), utc('2026-03-29T12:00:00Z')).map((i) => iso(i.start))).toEqual(['2026-03-29T01:30:00Z']);
  });
  it('New York fall back: 01:30 takes the first (EDT) occurrence; 22:00 + 4h ends 01:00 EST', () => {
    const o = windowOf({ name: 'o', rrule: 'FREQ=WEEKLY;BYDAY=SU', start: '01:30', duration: '1h' }, 'America/New_York');
    expect(o.occurrences(utc('2026-11-01T00:00:00Z'), utc('2026-11-02T00:00:00Z')).map((i) => iso(i.start))).toEqual(['2026-11-01T05:30:00Z']);
    const w = windowOf({ name: 'w', weekly: [{ days: ['sat'], start: '22:00', duration: '4h' }] }, 'America/New_York');
    expect(w.occurrences(utc('2026-11-01T00:00:00Z'), utc('2026-11-01T12:00:00Z')).map((i) => [iso(i.start), iso(i.end)])).toEqual([['2026-11-01T02:00:00Z', '2026-11-01T06:00:00Z']]);
  });
  it('New York spring forward and Berlin fall back keep local wall times', () => {
    const ny = windowOf({ name: 'n', rrule: 'FREQ=DAILY', start: '02:30', duration: '30m' }, 'America/New_York');
    expect(ny.occurrences(utc('2026-03-07T12:00:00Z'), utc('2026-03-09T12:00:00Z')).map((i) => iso(i.start))).toEqual(['2026-03-08T07:30:00Z', '2026-03-09T06:30:00Z']);
    const be = windowOf({ name: 'b', rrule: 'FREQ=DAILY', start: '02:30', duration: '30m' }, 'Europe/Berlin');
    expect(be.occurrences(utc('2026-10-24T12:00:00Z'), utc('2026-10-26T12:00:00Z')).map((i) => iso(i.start))).toEqual(['2026-10-25T00:30:00Z', '2026-10-26T01:30:00Z']);
  });
  it('first Saturday of the month at 02:00 New York across the spring change', () => {
    const w = windowOf({ name: 'm', rrule: 'FREQ=MONTHLY;BYDAY=SA;BYSETPOS=1', start: '02:00', duration: '6h' }, 'America/New_York');
    expect(w.occurrences(utc('2026-02-01T00:00:00Z'), utc('2026-04-30T00:00:00Z')).map((i) => iso(i.start))).toEqual(['2026-02-07T07:00:00Z', '2026-03-07T07:00:00Z', '2026-04-04T06:00:00Z']);
  });
  it('UNTIL is inclusive: a date covers its whole day, a UTC instant is compared as an instant', () => {
    const local = windowOf({ name: 'u', rrule: 'FREQ=DAILY;UNTIL=20260103', start: '22:00', duration: '1h' }, 'Europe/Berlin');
    expect(local.occurrences(utc('2026-01-01T00:00:00Z'), utc('2026-01-10T00:00:00Z')).map((i) => iso(i.start))).toEqual(['2026-01-01T21:00:00Z', '2026-01-02T21:00:00Z', '2026-01-03T21:00:00Z']);
    const z = windowOf({ name: 'z', rrule: 'FREQ=DAILY;UNTIL=20260102T210000Z', start: '22:00', duration: '1h' }, 'Europe/Berlin');
    expect(z.occurrences(utc('2026-01-01T00:00:00Z'), utc('2026-01-10T00:00:00Z')).map((i) => iso(i.start))).toEqual(['2026-01-01T21:00:00Z', '2026-01-02T21:00:00Z']);
  });
  it('reports an unknown zone instead of using UTC', () => {
    const cal = parseCalendar({ metadata: { name: 'c' }, spec: { timeZone: 'Nowhere/Land', windows: [{ name: 'w', weekly: [{ days: ['mon'], start: '22:00', duration: '1h' }] }] } });
    expect(cal.problems).toEqual([{ problem: 'unknown-zone', path: '/spec/timeZone', text: 'Nowhere/Land', zone: 'Nowhere/Land' }]);
    expect(cal.entries).toEqual([]);
  });
});
