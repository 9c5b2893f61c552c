import { Temporal } from 'temporal-polyfill';
import { parseDuration } from '../time/duration.js';
import { parseRRule, RRuleError, expandDates, type RRule } from '../time/rrule.js';
import { canonicalZone, resolveLocal, zoned } from '../time/zone.js';
import { mergeIntervals, type Interval } from './interval.js';
import type { Scope } from './scope.js';
import { TimeProblems, type TimeProblem } from './time-problems.js';

/** One allow window or freeze of a ChangeCalendar, ready to expand into concrete intervals. */
export interface CalendarEntry {
  calendar: string;
  kind: 'window' | 'freeze';
  name: string;
  /** JSON pointer of the entry in its calendar. */
  path: string;
  /** Zone that governs it (display and wall times). */
  zone: string;
  scope?: Scope;
  allowRollback: boolean;
  reason?: string;
  exceptions: { plan: string; approvedBy: string; reason: string }[];
  /** Occurrences starting in [from, to), as local wall times resolved in `zone`. */
  occurrences(from: number, to: number): Interval[];
  /** Longest single occurrence, to widen expansion ranges so a running occurrence is not missed. */
  longest: number;
}

export interface ParsedCalendar {
  name: string;
  entries: CalendarEntry[];
  problems: TimeProblem[];
  /** RRULE texts that cannot be parsed (reported as input/schema by the pipeline). */
  ruleErrors: { path: string; message: string }[];
}

interface WeeklySlot {
  days: string[];
  start: string;
  duration: string;
}
interface RawEntry {
  name: string;
  timeZone?: string;
  scope?: Scope;
  weekly?: WeeklySlot[];
  rrule?: string;
  start?: string;
  end?: string;
  duration?: string;
  reason?: string;
  allowRollback?: boolean;
  exceptions?: { plan: string; approvedBy: string; reason: string }[];
}
export interface CalendarDoc {
  metadata: { name: string };
  spec: { timeZone?: string; windows?: RawEntry[]; freezes?: RawEntry[] };
}

const DAY_NUMBER: Record<string, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };

/** Local dates of `zone` whose day may hold an occurrence starting in [from, to). */
function localDates(from: number, to: number, zone: string): Temporal.PlainDate[] {
  const out: Temporal.PlainDate[] = [];
  // One day of slack either side: a wall time near midnight may map across the UTC date line.
  let d = zoned(from, zone).toPlainDate().subtract({ days: 1 });
  const last = zoned(to, zone).toPlainDate().add({ days: 1 });
  while (Temporal.PlainDate.compare(d, last) <= 0) {
    out.push(d);
    d = d.add({ days: 1 });
  }
  return out;
}

function wallTime(text: string): Temporal.PlainTime {
  return Temporal.PlainTime.from(text);
}

/** Start a wall-time occurrence on `date`: a gap moves it forward, an overlap takes the first (RFC 5545). */
function occurrence(date: Temporal.PlainDate, time: Temporal.PlainTime, zone: string, length: number): Interval {
  const start = resolveLocal(date.toPlainDateTime(time), zone).epoch;
  return { start, end: start + length };
}

function inRange(list: Interval[], from: number, to: number): Interval[] {
  return list.filter((i) => i.start >= from && i.start < to).sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Read a ChangeCalendar into entries; zone problems are collected, and entries that cannot be placed are left out. */
export function parseCalendar(doc: CalendarDoc): ParsedCalendar {
  const name = doc.metadata.name;
  const problems = new TimeProblems();
  const ruleErrors: ParsedCalendar['ruleErrors'] = [];
  const entries: CalendarEntry[] = [];
  const defaultZone = doc.spec.timeZone;
  const defaultOk = defaultZone === undefined || canonicalZone(defaultZone) !== undefined;
  problems.zone('/spec/timeZone', defaultZone, defaultOk);

  const build = (raw: RawEntry, kind: 'window' | 'freeze', path: string) => {
    const own = raw.timeZone;
    if (own !== undefined && canonicalZone(own) === undefined) {
      problems.zone(`${path}/timeZone`, own, false);
      return;
    }
    const zoneText = own ?? defaultZone;
    const zoneOk = own !== undefined || defaultOk;
    const zone = zoneText !== undefined && zoneOk ? canonicalZone(zoneText) : undefined;
    const base = {
      calendar: name,
      kind,
      name: raw.name,
      path,
      zone: zone ?? 'UTC',
      ...(raw.scope ? { scope: raw.scope } : {}),
      allowRollback: raw.allowRollback !== false,
      ...(raw.reason ? { reason: raw.reason } : {}),
      exceptions: raw.exceptions ?? [],
    };
    if (raw.weekly) {
      if (zone === undefined) {
        if (zoneOk) raw.weekly.forEach((_, i) => problems.list.push({ problem: 'no-zone', path: `${path}/weekly/${i}/start`, text: raw.weekly![i]!.start }));
        return;
      }
      const slots = raw.weekly.map((s) => ({ days: s.days.map((d) => DAY_NUMBER[d]!), time: wallTime(s.start), length: parseDuration(s.duration) ?? 0 }));
      const longest = Math.max(0, ...slots.map((s) => s.length));
      entries.push({
        ...base,
        longest,
        occurrences: (from, to) => {
          const out: Interval[] = [];
          for (const date of localDates(from, to, zone)) {
            for (const s of slots) if (s.days.includes(date.dayOfWeek)) out.push(occurrence(date, s.time, zone, s.length));
          }
          return inRange(out, from, to);
        },
      });
      return;
    }
    if (raw.rrule !== undefined) {
      if (zone === undefined) {
        if (zoneOk) problems.list.push({ problem: 'no-zone', path: `${path}/start`, text: raw.start ?? '' });
        return;
      }
      let rule: RRule;
      try {
        rule = parseRRule(raw.rrule);
      } catch (e) {
        if (!(e instanceof RRuleError)) throw e;
        ruleErrors.push({ path: `${path}/rrule`, message: `rrule "${raw.rrule}" of ${kind} '${raw.name}' cannot be read: ${e.message}` });
        return;
      }
      const time = wallTime(raw.start ?? '00:00');
      const length = parseDuration(raw.duration ?? '') ?? 0;
      const until = rule.until;
      const untilOk = (d: Temporal.PlainDate) => {
        if (!until) return true;
        if ('local' in until) return Temporal.PlainDateTime.compare(d.toPlainDateTime(time), until.local) <= 0;
        return resolveLocal(d.toPlainDateTime(time), zone).epoch <= until.epoch;
      };
      entries.push({
        ...base,
        longest: length,
        occurrences: (from, to) => {
          const dates = localDates(from, to, zone);
          const list = expandDates(rule, dates[0]!, dates[dates.length - 1]!, untilOk).map((d) => occurrence(d, time, zone, length));
          return inRange(list, from, to);
        },
      });
      return;
    }
    // One-time window or freeze: instants, local ones in the entry's zone.
    const start = problems.instant(`${path}/start`, raw.start, zone ?? zoneText, zoneOk);
    let end = problems.instant(`${path}/end`, raw.end, zone ?? zoneText, zoneOk);
    if (end === undefined && raw.end === undefined && raw.duration !== undefined && start !== undefined) end = start + (parseDuration(raw.duration) ?? 0);
    if (start === undefined || end === undefined || end <= start) return;
    const once: Interval = { start, end };
    entries.push({ ...base, longest: end - start, occurrences: (from, to) => inRange([once], from, to) });
  };

  (doc.spec.windows ?? []).forEach((w, i) => build(w, 'window', `/spec/windows/${i}`));
  (doc.spec.freezes ?? []).forEach((f, i) => build(f, 'freeze', `/spec/freezes/${i}`));
  return { name, entries, problems: problems.list, ruleErrors };
}

/**
 * The occurrences of an entry over several epoch ranges, merged: computed once per run over the
 * ranges the plans need, then queried by binary search.
 */
export function expandEntry(entry: CalendarEntry, ranges: Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const r of ranges) out.push(...entry.occurrences(r.start - entry.longest, r.end));
  return mergeIntervals(out);
}
