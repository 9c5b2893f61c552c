import { DateTime, IANAZone } from 'luxon';

/** RFC 3339 with an offset or Z. */
const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;
/** A local instant: wall time without offset, taking its zone from context. */
const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export type InstantResult =
  | { ok: true; epoch: number; zone: string | undefined; local: boolean }
  | { ok: false; reason: 'invalid' | 'no-time-zone' | 'invalid-time-zone' };

/** luxon builds an Intl.DateTimeFormat on every isValidZone call; a run sees a handful of zones. */
const zoneValidity = new Map<string, boolean>();
const ZONE_CACHE_LIMIT = 1000;

export function isValidTimeZone(zone: string): boolean {
  let valid = zoneValidity.get(zone);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(zone);
    if (zoneValidity.size < ZONE_CACHE_LIMIT) zoneValidity.set(zone, valid);
  }
  return valid;
}

/**
 * Resolve an instant (or a date, as its midnight) to epoch seconds. A local instant takes `zone`
 * from its context; with none it cannot be placed in time (window/no-time-zone), and an unknown
 * zone is never silently UTC.
 */
export function resolveInstant(text: string, zone: string | undefined): InstantResult {
  if (ZONED.test(text)) {
    const dt = DateTime.fromISO(text, { setZone: true });
    return dt.isValid ? { ok: true, epoch: dt.toSeconds(), zone, local: false } : { ok: false, reason: 'invalid' };
  }
  const isLocal = LOCAL.test(text) || DATE.test(text);
  if (!isLocal) return { ok: false, reason: 'invalid' };
  // Dates are calendar days in the context's zone, UTC if none (FORMAT.md); local instants need a zone.
  const effective = zone ?? (DATE.test(text) ? 'UTC' : undefined);
  if (effective === undefined) return { ok: false, reason: 'no-time-zone' };
  if (!isValidTimeZone(effective)) return { ok: false, reason: 'invalid-time-zone' };
  const dt = DateTime.fromISO(text, { zone: effective });
  return dt.isValid ? { ok: true, epoch: dt.toSeconds(), zone: effective, local: true } : { ok: false, reason: 'invalid' };
}

/** RFC 3339 in UTC without fractional seconds, for facts and messages. */
export function isoUtc(epoch: number): string {
  return DateTime.fromSeconds(epoch, { zone: 'UTC' }).toISO({ suppressMilliseconds: true }) ?? '';
}
