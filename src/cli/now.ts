import { ToolError } from '../errors.js';
import { resolveInstant } from '../time/instant.js';

/** `--now` takes an RFC 3339 instant with an offset (no context zone exists for a local one). */
export function parseNow(value: string | undefined, clock: () => number): number {
  if (value === undefined) return Math.floor(clock() / 1000);
  const r = resolveInstant(value, undefined);
  if (!r.ok || r.local) {
    throw new ToolError('usage', `--now takes an instant with an offset, like 2026-03-10T22:00:00Z or 2026-03-10T23:00:00+01:00; got '${value}'`);
  }
  return r.epoch;
}
