import { Temporal } from 'temporal-polyfill';
import { boundedMemo } from '../bounded-memo.js';

/**
 * Time-zone arithmetic on real IANA rules, through the Temporal polyfill (docs/decisions.md:
 * Temporal's `disambiguation: 'compatible'` is exactly RFC 5545's rule for local times in a DST gap
 * or overlap, which Luxon cannot express). Everything else in rollgate sees epoch seconds.
 */

/** An offset such as +01:00 is a valid Temporal zone id, but not an IANA name (FORMAT.md). */
const OFFSET_ID = /^[+-−]\d{2}(:?\d{2})?/;
const zoneCache = new Map<string, string | undefined>();

/** The canonical IANA id of `zone`, or undefined when it is not a known IANA name. */
export function canonicalZone(zone: string): string | undefined {
  if (zoneCache.has(zone)) return zoneCache.get(zone);
  let id: string | undefined;
  if (!OFFSET_ID.test(zone) && zone.trim() === zone && zone !== '') {
    try {
      id = Temporal.Now.zonedDateTimeISO(zone).timeZoneId;
    } catch {
      id = undefined;
    }
  }
  zoneCache.set(zone, id);
  return id;
}

export function isValidZone(zone: string): boolean {
  return canonicalZone(zone) !== undefined;
}

/** How a local wall time maps to the time line in a zone. */
export type LocalKind = 'exact' | 'gap' | 'overlap';

export interface LocalResolution {
  epoch: number;
  kind: LocalKind;
  /** gap: how far the time was moved forward; overlap: the time between the two occurrences. */
  shiftSeconds: number;
}

/**
 * Place a wall time (`PlainDateTime`-like text or fields) in `zone` as RFC 5545 says: a time in a
 * DST gap moves forward by the gap, a time occurring twice takes the first occurrence.
 */
export function resolveLocal(local: Temporal.PlainDateTime | string, zone: string): LocalResolution {
  const pdt = typeof local === 'string' ? Temporal.PlainDateTime.from(local) : local;
  const earlier = pdt.toZonedDateTime(zone, { disambiguation: 'earlier' }).epochMilliseconds;
  const later = pdt.toZonedDateTime(zone, { disambiguation: 'later' }).epochMilliseconds;
  if (earlier === later) return { epoch: earlier / 1000, kind: 'exact', shiftSeconds: 0 };
  const compatible = pdt.toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds;
  // In a gap, 'earlier' lands before the wall time and 'later' after it; in an overlap both are
  // real readings of the same wall time. The wall time read back tells which case this is.
  const readBack = Temporal.Instant.fromEpochMilliseconds(earlier).toZonedDateTimeISO(zone).toPlainDateTime();
  const kind: LocalKind = Temporal.PlainDateTime.compare(readBack, pdt) === 0 ? 'overlap' : 'gap';
  return { epoch: compatible / 1000, kind, shiftSeconds: Math.abs(later - earlier) / 1000 };
}

export function zoned(epoch: number, zone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(Math.round(epoch * 1000)).toZonedDateTimeISO(zone);
}

export interface Transition {
  epoch: number;
  offsetBefore: string;
  offsetAfter: string;
}

/** Offset changes of `zone` in one UTC year, computed once per zone and year (queries are many). */
const transitionCache = new Map<string, Transition[]>();
function transitionsOfYear(zone: string, year: number): Transition[] {
  const key = `${zone}|${year}`;
  let list = transitionCache.get(key);
  if (!list) {
    list = [];
    const from = Date.UTC(year, 0, 1) / 1000;
    const to = Date.UTC(year + 1, 0, 1) / 1000;
    let cursor = zoned(from - 1, zone);
    for (;;) {
      const next = cursor.getTimeZoneTransition('next');
      if (next === null) break;
      const epoch = next.epochMilliseconds / 1000;
      if (epoch >= to) break;
      list.push({ epoch, offsetBefore: zoned(epoch - 1, zone).offset, offsetAfter: next.offset });
      cursor = next;
    }
    transitionCache.set(key, list);
  }
  return list;
}

/** Offset changes of `zone` in [start, end), in order. */
export function transitionsIn(zone: string, start: number, end: number): Transition[] {
  const out: Transition[] = [];
  const first = new Date(start * 1000).getUTCFullYear();
  const last = new Date(end * 1000).getUTCFullYear();
  for (let y = first; y <= last; y++) for (const t of transitionsOfYear(zone, y)) if (t.epoch >= start && t.epoch < end) out.push(t);
  return out;
}

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The zone's UTC offset at an instant, memoised: reports format the same step and window times
 * over and over (every overlap names both plans' times), and a Temporal lookup is the slow part.
 */
const zoneOffset = boundedMemo(
  200_000,
  (epoch: number, zone: string) => `${zone}\u0000${epoch}`,
  (epoch: number, zone: string) => zoned(epoch, zone).offsetNanoseconds / 1e9,
);
function offsetSeconds(epoch: number, zone: string): number {
  return zone === 'UTC' ? 0 : zoneOffset(epoch, zone);
}

function parts(epoch: number, zone: string, forceOffset?: number): { hm: string; date: string; dayKey: string; offset: number } {
  // The offset comes from the zone rules (Temporal); the wall-clock fields of epoch + offset are
  // then plain UTC calendar fields. Reading each field through a ZonedDateTime is far slower.
  const offset = forceOffset ?? offsetSeconds(epoch, zone);
  const z = new Date((epoch + offset) * 1000);
  const weekday = (z.getUTCDay() + 6) % 7;
  return {
    hm: `${pad(z.getUTCHours())}:${pad(z.getUTCMinutes())}${z.getUTCSeconds() !== 0 ? `:${pad(z.getUTCSeconds())}` : ''}`,
    date: `${DAYS[weekday]} ${z.getUTCDate()} ${MONTHS[z.getUTCMonth()]} ${z.getUTCFullYear()}`,
    dayKey: `${z.getUTCFullYear()}-${z.getUTCMonth()}-${z.getUTCDate()}`,
    offset,
  };
}

function offsetText(seconds: number): string {
  const sign = seconds < 0 ? '-' : '+';
  const abs = Math.abs(seconds);
  return `UTC${sign}${pad(Math.floor(abs / 3600))}:${pad(Math.floor((abs % 3600) / 60))}`;
}

/** "22:00 Europe/Berlin on Fri 13 Mar 2026". */
export function formatInstant(epoch: number, zone: string): string {
  const p = parts(epoch, zone);
  return `${p.hm} ${zone} on ${p.date}`;
}

/**
 * A half-open interval as people read it: "22:00-23:10 Europe/Berlin on Fri 13 Mar 2026", or
 * "23:30 Wed 16 Dec 2026 - 00:10 Thu 17 Dec 2026 Europe/Berlin" when it crosses midnight.
 */
export function formatRange(start: number, end: number, zone: string): string {
  const a = parts(start, zone);
  const b = parts(end, zone);
  // Across a DST change wall times alone mislead ("02:30-02:15"): name both offsets.
  if (a.offset !== b.offset) {
    a.hm = `${a.hm} (${offsetText(a.offset)})`;
    b.hm = `${b.hm} (${offsetText(b.offset)})`;
    if (a.dayKey === b.dayKey) return `${a.hm} - ${b.hm} ${zone} on ${a.date}`;
  }
  if (a.dayKey === b.dayKey) return `${a.hm}-${b.hm} ${zone} on ${a.date}`;
  return `${a.hm} ${a.date} - ${b.hm} ${b.date} ${zone}`;
}

/** "02:00 (UTC-04:00) became 01:00 (UTC-05:00) in America/New_York on Sun 1 Nov 2026 (06:00 UTC)". */
export function formatTransition(t: Transition, zone: string): string {
  const toSeconds = (o: string) => (o.startsWith('-') ? -1 : 1) * (Number(o.slice(1, 3)) * 3600 + Number(o.slice(4, 6)) * 60);
  const before = parts(t.epoch, zone, toSeconds(t.offsetBefore));
  const after = parts(t.epoch, zone, toSeconds(t.offsetAfter));
  return `${before.hm} (${offsetText(before.offset)}) became ${after.hm} (${offsetText(after.offset)}) in ${zone} on ${after.date} (${parts(t.epoch, 'UTC').hm} UTC)`;
}

/** The range in its governing zone, with UTC in parentheses unless the zone is UTC. */
export function formatRangeWithUtc(start: number, end: number, zone: string): string {
  const local = formatRange(start, end, zone);
  return zone === 'UTC' ? local : `${local} (${formatRange(start, end, 'UTC')})`;
}

/** The instant in its governing zone, with UTC in parentheses unless the zone is UTC. */
export function formatInstantWithUtc(epoch: number, zone: string): string {
  const local = formatInstant(epoch, zone);
  return zone === 'UTC' ? local : `${local} (${formatInstant(epoch, 'UTC')})`;
}
