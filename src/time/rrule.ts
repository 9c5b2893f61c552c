import { Temporal } from 'temporal-polyfill';

/**
 * The subset of RFC 5545 recurrence rules FORMAT.md names: FREQ DAILY/WEEKLY/MONTHLY with BYDAY,
 * BYSETPOS, BYMONTHDAY, INTERVAL, COUNT, UNTIL (and WKST). Rules expand to local calendar DATES;
 * the caller places each date's wall time in the entry's zone, so DST is handled once, by Temporal,
 * and not by date arithmetic in UTC (where RRULE libraries usually go wrong on DST nights).
 *
 * A window has no DTSTART field, so the rule text may start with an RFC 5545 line
 * `DTSTART:20260105` (then a newline and `RRULE:...`); without one, INTERVAL and COUNT count from
 * 1970-01-01 (docs/decisions.md).
 */
export interface RRule {
  freq: 'DAILY' | 'WEEKLY' | 'MONTHLY';
  interval: number;
  count?: number;
  /** Inclusive last local date-time, or an instant when UNTIL ends in Z. */
  until?: { local: Temporal.PlainDateTime } | { epoch: number };
  byDay: { weekday: number; ordinal?: number }[];
  byMonthDay: number[];
  bySetPos: number[];
  wkst: number;
  dtstart: Temporal.PlainDate;
}

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const DEFAULT_DTSTART = Temporal.PlainDate.from('1970-01-01');

export class RRuleError extends Error {}

function integer(text: string, what: string, min: number, max: number, allowNegative = false): number {
  if (!/^[+-]?\d+$/.test(text)) throw new RRuleError(`${what} '${text}' is not a whole number`);
  const n = Number(text);
  const abs = Math.abs(n);
  if ((n < 0 && !allowNegative) || abs < min || abs > max) throw new RRuleError(`${what} '${text}' is out of range`);
  return n;
}

function parseDateTime(text: string): Temporal.PlainDateTime {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2}))?$/.exec(text);
  if (!m) throw new RRuleError(`'${text}' is not an RFC 5545 date (YYYYMMDD or YYYYMMDDTHHMMSS)`);
  try {
    return Temporal.PlainDateTime.from({ year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +(m[4] ?? 0), minute: +(m[5] ?? 0), second: +(m[6] ?? 0) }, { overflow: 'reject' });
  } catch {
    throw new RRuleError(`'${text}' is not a real date`);
  }
}

/** Parse rule text; throws RRuleError with a message naming the offending part. */
export function parseRRule(text: string): RRule {
  let dtstart = DEFAULT_DTSTART;
  let body = text.trim();
  const lines = body.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  if (lines.length > 1 || /^DTSTART/i.test(body)) {
    const dt = lines.find((l) => /^DTSTART[:;]/i.test(l));
    const rr = lines.find((l) => /^RRULE:/i.test(l));
    if (!rr) throw new RRuleError('a DTSTART line needs an RRULE: line after it');
    if (dt) dtstart = parseDateTime(dt.slice(dt.lastIndexOf(':') + 1)).toPlainDate();
    body = rr;
  }
  body = body.replace(/^RRULE:/i, '');
  const parts = new Map<string, string>();
  for (const part of body.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw new RRuleError(`'${part}' is not NAME=VALUE`);
    const name = part.slice(0, eq).toUpperCase();
    if (parts.has(name)) throw new RRuleError(`${name} is given twice`);
    parts.set(name, part.slice(eq + 1).toUpperCase());
  }
  const freq = parts.get('FREQ');
  if (freq !== 'DAILY' && freq !== 'WEEKLY' && freq !== 'MONTHLY') {
    throw new RRuleError(freq === undefined ? 'FREQ is missing' : `FREQ=${freq} is not supported (DAILY, WEEKLY or MONTHLY)`);
  }
  for (const name of parts.keys()) {
    if (!['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTHDAY', 'BYSETPOS', 'WKST'].includes(name)) {
      throw new RRuleError(`${name} is not supported (FREQ, INTERVAL, COUNT, UNTIL, BYDAY, BYMONTHDAY, BYSETPOS, WKST)`);
    }
  }
  if (parts.has('COUNT') && parts.has('UNTIL')) throw new RRuleError('COUNT and UNTIL cannot both be given (RFC 5545)');
  const list = (name: string) => (parts.get(name) ?? '').split(',').filter((s) => s !== '');
  const byDay = list('BYDAY').map((d) => {
    const m = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(d);
    if (!m) throw new RRuleError(`BYDAY value '${d}' is not a weekday like SA, 1SA or -1SA`);
    if (m[1] !== undefined && freq !== 'MONTHLY') throw new RRuleError(`BYDAY '${d}' with a number needs FREQ=MONTHLY`);
    const ordinal = m[1] !== undefined ? integer(m[1], 'BYDAY ordinal', 1, 5, true) : undefined;
    return { weekday: WEEKDAYS.indexOf(m[2]!) + 1, ...(ordinal !== undefined ? { ordinal } : {}) };
  });
  const untilText = parts.get('UNTIL');
  let until: RRule['until'];
  if (untilText !== undefined) {
    const utc = untilText.endsWith('Z');
    const local = parseDateTime(utc ? untilText.slice(0, -1) : untilText);
    // A date-only UNTIL includes that whole day.
    const inclusive = /T/.test(untilText) ? local : local.with({ hour: 23, minute: 59, second: 59 });
    until = utc ? { epoch: inclusive.toZonedDateTime('UTC').epochMilliseconds / 1000 } : { local: inclusive };
  }
  const wkst = parts.has('WKST') ? WEEKDAYS.indexOf(parts.get('WKST')!) + 1 : 1;
  if (wkst === 0) throw new RRuleError(`WKST=${parts.get('WKST')} is not a weekday`);
  return {
    freq,
    interval: parts.has('INTERVAL') ? integer(parts.get('INTERVAL')!, 'INTERVAL', 1, 1000) : 1,
    ...(parts.has('COUNT') ? { count: integer(parts.get('COUNT')!, 'COUNT', 1, 100000) } : {}),
    ...(until ? { until } : {}),
    byDay,
    byMonthDay: list('BYMONTHDAY').map((d) => integer(d, 'BYMONTHDAY', 1, 31, true)),
    bySetPos: list('BYSETPOS').map((d) => integer(d, 'BYSETPOS', 1, 366, true)),
    wkst,
    dtstart,
  };
}

/** The candidate dates of the period starting at `periodStart`, before BYSETPOS. */
function periodDates(rule: RRule, periodStart: Temporal.PlainDate): Temporal.PlainDate[] {
  if (rule.freq === 'DAILY') {
    const d = periodStart;
    const dayOk = rule.byDay.length === 0 || rule.byDay.some((b) => b.weekday === d.dayOfWeek);
    return dayOk && monthDayOk(rule, d) ? [d] : [];
  }
  if (rule.freq === 'WEEKLY') {
    const days = rule.byDay.length > 0 ? rule.byDay.map((b) => b.weekday) : [rule.dtstart.dayOfWeek];
    const out: Temporal.PlainDate[] = [];
    for (let i = 0; i < 7; i++) {
      const d = periodStart.add({ days: i });
      if (days.includes(d.dayOfWeek) && monthDayOk(rule, d)) out.push(d);
    }
    return out;
  }
  // MONTHLY: BYMONTHDAY and BYDAY both restrict when both are given (RFC 5545 table).
  const out: Temporal.PlainDate[] = [];
  const n = periodStart.daysInMonth;
  for (let day = 1; day <= n; day++) {
    const d = periodStart.with({ day });
    const mdOk = rule.byMonthDay.length > 0 ? monthDayOk(rule, d) : rule.byDay.length > 0 || day === rule.dtstart.day;
    const bdOk = rule.byDay.length === 0 || rule.byDay.some((b) => b.weekday === d.dayOfWeek && ordinalOk(b.ordinal, d));
    if (mdOk && bdOk) out.push(d);
  }
  return out;
}

function monthDayOk(rule: RRule, d: Temporal.PlainDate): boolean {
  if (rule.byMonthDay.length === 0) return true;
  return rule.byMonthDay.some((md) => (md > 0 ? d.day === md : d.day === d.daysInMonth + md + 1));
}

function ordinalOk(ordinal: number | undefined, d: Temporal.PlainDate): boolean {
  if (ordinal === undefined) return true;
  if (ordinal > 0) return Math.ceil(d.day / 7) === ordinal;
  return Math.ceil((d.daysInMonth - d.day + 1) / 7) === -ordinal;
}

function applySetPos(rule: RRule, dates: Temporal.PlainDate[]): Temporal.PlainDate[] {
  if (rule.bySetPos.length === 0) return dates;
  const picked = new Set<number>();
  for (const pos of rule.bySetPos) {
    const i = pos > 0 ? pos - 1 : dates.length + pos;
    if (i >= 0 && i < dates.length) picked.add(i);
  }
  return [...picked].sort((a, b) => a - b).map((i) => dates[i]!);
}

/** First day of the period (day, week from WKST, month) holding `d`. */
function periodOf(rule: RRule, d: Temporal.PlainDate): Temporal.PlainDate {
  if (rule.freq === 'DAILY') return d;
  if (rule.freq === 'WEEKLY') return d.subtract({ days: (d.dayOfWeek - rule.wkst + 7) % 7 });
  return d.with({ day: 1 });
}

function nextPeriod(rule: RRule, p: Temporal.PlainDate, times: number): Temporal.PlainDate {
  if (rule.freq === 'DAILY') return p.add({ days: times });
  if (rule.freq === 'WEEKLY') return p.add({ weeks: times });
  return p.add({ months: times });
}

/** Periods between the DTSTART period and `p`, in units of FREQ. */
function periodIndex(rule: RRule, p: Temporal.PlainDate): number {
  const first = periodOf(rule, rule.dtstart);
  if (rule.freq === 'MONTHLY') return (p.year - first.year) * 12 + (p.month - first.month);
  const days = first.until(p, { largestUnit: 'days' }).days;
  return rule.freq === 'WEEKLY' ? Math.round(days / 7) : days;
}

/**
 * Occurrence dates in [from, to] (inclusive local dates), in order. `untilOk` lets the caller apply
 * an UNTIL given as an instant, which needs the occurrence's wall time and zone.
 */
export function expandDates(rule: RRule, from: Temporal.PlainDate, to: Temporal.PlainDate, untilOk: (d: Temporal.PlainDate) => boolean): Temporal.PlainDate[] {
  const out: Temporal.PlainDate[] = [];
  // With COUNT every occurrence since DTSTART counts, so start there; otherwise jump to `from`.
  let period = periodOf(rule, rule.dtstart);
  if (rule.count === undefined && Temporal.PlainDate.compare(from, rule.dtstart) > 0) {
    const k = periodIndex(rule, periodOf(rule, from));
    period = nextPeriod(rule, periodOf(rule, rule.dtstart), Math.floor(k / rule.interval) * rule.interval);
  }
  let seen = 0;
  while (Temporal.PlainDate.compare(period, to) <= 0) {
    for (const d of applySetPos(rule, periodDates(rule, period))) {
      if (Temporal.PlainDate.compare(d, rule.dtstart) < 0) continue; // DTSTART is the first possible
      if (!untilOk(d)) return out;
      seen++;
      if (rule.count !== undefined && seen > rule.count) return out;
      if (Temporal.PlainDate.compare(d, from) >= 0 && Temporal.PlainDate.compare(d, to) <= 0) out.push(d);
    }
    period = nextPeriod(rule, period, rule.interval);
  }
  return out;
}
