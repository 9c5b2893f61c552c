import type { Interval } from '../calendar/interval.js';
import { compareText } from '../compare-text.js';
import { pushTo } from '../list-map.js';

/** One step of one plan on the time line, for the cross-plan sweep. */
export interface PlannedChange extends Interval {
  plan: string;
  step: number;
  service: string;
}

export type Relation = 'same service' | 'dependency' | 'dependent';

export interface PlanOverlap {
  /** The step of this plan. */
  step: number;
  other: PlannedChange;
  /** How the other step's service relates to this step's service. */
  relation: Relation;
  start: number;
  end: number;
}

/**
 * Steps of different plans that run at overlapping times on the same service or on a direct
 * dependency or dependent (window/plan-overlap). One sweep over all steps sorted by start: each
 * service keeps the changes still running, so a new change is compared only with the running
 * changes of its own service and its direct neighbours, never with every other plan:
 * O(n log n + n·degree + overlaps) instead of O(n²).
 */
export function findPlanOverlaps(
  changes: PlannedChange[],
  dependencies: (service: string) => readonly string[],
  dependents: (service: string) => readonly string[],
): Map<string, PlanOverlap[]> {
  const sorted = [...changes].filter((c) => c.end > c.start).sort((a, b) => a.start - b.start || compareText(a.plan, b.plan) || a.step - b.step);
  const running = new Map<string, PlannedChange[]>();
  const out = new Map<string, PlanOverlap[]>();
  const neighbourCache = new Map<string, [string, Relation][]>();
  const neighbours = (service: string): [string, Relation][] => {
    let n = neighbourCache.get(service);
    if (!n) {
      n = [[service, 'same service'], ...dependencies(service).map((s): [string, Relation] => [s, 'dependency']), ...dependents(service).map((s): [string, Relation] => [s, 'dependent'])];
      neighbourCache.set(service, n);
    }
    return n;
  };
  const inverse: Record<Relation, Relation> = { 'same service': 'same service', dependency: 'dependent', dependent: 'dependency' };

  for (const c of sorted) {
    for (const [service, relation] of neighbours(c.service)) {
      const list = running.get(service);
      if (!list) continue;
      // Drop changes that finished before this one starts (half-open: ending at c.start is no overlap).
      let w = 0;
      for (const r of list) if (r.end > c.start) list[w++] = r;
      list.length = w;
      for (const r of list) {
        if (r.plan === c.plan) continue;
        const start = c.start;
        const end = Math.min(c.end, r.end);
        pushTo(out, c.plan, { step: c.step, other: r, relation, start, end });
        pushTo(out, r.plan, { step: r.step, other: c, relation: inverse[relation], start, end });
      }
    }
    pushTo(running, c.service, c);
  }
  for (const list of out.values()) list.sort((a, b) => a.step - b.step || a.start - b.start || compareText(a.other.plan, b.other.plan) || a.other.step - b.other.step);
  return out;
}
