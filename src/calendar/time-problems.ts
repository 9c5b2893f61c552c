import { resolveInstant } from '../time/instant.js';
import { formatInstantWithUtc } from '../time/zone.js';
import { formatSeconds } from '../time/duration.js';

/**
 * A time that cannot be placed exactly, as rules see it (docs/input-document.md):
 * `unknown-zone` (window/invalid-time-zone), `no-zone` (window/no-time-zone), `gap` and `overlap`
 * (window/ambiguous-local-time).
 */
export interface TimeProblem {
  problem: 'unknown-zone' | 'no-zone' | 'gap' | 'overlap';
  path: string;
  text: string;
  zone?: string;
  /** gap/overlap: the instant used, in the zone and UTC. */
  resolved?: string;
  /** gap/overlap: size of the gap or overlap, e.g. "1h". */
  shift?: string;
}

/** Collects problems while resolving instants of one document. */
export class TimeProblems {
  readonly list: TimeProblem[] = [];

  zone(path: string, zone: string | undefined, valid: boolean): void {
    if (zone !== undefined && !valid) this.list.push({ problem: 'unknown-zone', path, text: zone, zone });
  }

  /**
   * Epoch seconds of an instant, recording why it cannot be placed, or that its wall time is
   * ambiguous. `zoneOk` false means the context zone is unknown: that is reported once at the
   * zone, not at every instant.
   */
  instant(path: string, text: string | undefined, zone: string | undefined, zoneOk = true): number | undefined {
    if (text === undefined) return undefined;
    const r = resolveInstant(text, zone);
    if (!r.ok) {
      if (r.reason === 'no-time-zone') this.list.push({ problem: 'no-zone', path, text });
      if (r.reason === 'invalid-time-zone' && zoneOk) this.list.push({ problem: 'unknown-zone', path, text, ...(zone !== undefined ? { zone } : {}) });
      return undefined;
    }
    if ((r.kind === 'gap' || r.kind === 'overlap') && r.zone !== undefined) {
      this.list.push({ problem: r.kind, path, text, zone: r.zone, resolved: formatInstantWithUtc(r.epoch, r.zone), shift: formatSeconds(r.shiftSeconds ?? 0) });
    }
    return r.epoch;
  }
}
