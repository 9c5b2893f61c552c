import { DateTime } from './luxon.js';
import { canonicalZone, resolveLocal, type LocalKind } from './zone.js';

/** RFC 3339 with an offset or Z. */
const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;
/** A local instant: wall time without offset, taking its zone from context. */
const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export type InstantResult =
  | {
      ok: true;
      epoch: number;
      zone: string | undefined;
      local: boolean;
      /** For a local instant: 'gap' or 'overlap' when its wall time is not unique (window/ambiguous-local-time). */
      kind?: LocalKind;
      shiftSeconds?: number;
    }
  | { ok: false; reason: 'invalid' | 'no-time-zone' | 'invalid-time-zone' };

export function isValidTimeZone(zone: string): boolean {
  return canonicalZone(zone) !== undefined;
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
  // Temporal, not Luxon: Luxon takes the second occurrence of a repeated wall time, RFC 5545 and
  // FORMAT.md the first (and a time in a gap moves forward by the gap).
  let resolved;
  try {
    resolved = resolveLocal(DATE.test(text) ? `${text}T00:00` : text, effective);
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  return { ok: true, epoch: resolved.epoch, zone: effective, local: true, kind: resolved.kind, shiftSeconds: resolved.shiftSeconds };
}

/** RFC 3339 in UTC without fractional seconds, for facts and messages. */
export function isoUtc(epoch: number): string {
  return DateTime.fromSeconds(epoch, { zone: 'UTC' }).toISO({ suppressMilliseconds: true }) ?? '';
}
