import { Temporal } from 'temporal-polyfill';

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

/** UTC offset of `zone` at `epoch`, as +01:00. */
export function offsetAt(epoch: number, zone: string): string {
  return zoned(epoch, zone).offset;
}

export interface Transition {
  epoch: number;
  offsetBefore: string;
  offsetAfter: string;
}

/** Offset changes of `zone` in [start, end), in order. */
export function transitionsIn(zone: string, start: number, end: number): Transition[] {
  const out: Transition[] = [];
  let cursor = zoned(start - 1, zone);
  for (;;) {
    const next = cursor.getTimeZoneTransition('next');
    if (next === null) break;
    const epoch = next.epochMilliseconds / 1000;
    if (epoch >= end) break;
    if (epoch >= start) out.push({ epoch, offsetBefore: zoned(epoch - 1, zone).offset, offsetAfter: next.offset });
    cursor = next;
  }
  return out;
}

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

function parts(epoch: number, zone: string): { hm: string; date: string; dayKey: string } {
  const z = zoned(epoch, zone);
  return {
    hm: `${pad(z.hour)}:${pad(z.minute)}${z.second !== 0 ? `:${pad(z.second)}` : ''}`,
    date: `${DAYS[z.dayOfWeek - 1]} ${z.day} ${MONTHS[z.month - 1]} ${z.year}`,
    dayKey: `${z.year}-${z.month}-${z.day}`,
  };
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
  if (a.dayKey === b.dayKey) return `${a.hm}-${b.hm} ${zone} on ${a.date}`;
  return `${a.hm} ${a.date} - ${b.hm} ${b.date} ${zone}`;
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
