import type { PlanDoc } from '../model/documents.js';
import { resolveInstant } from '../time/instant.js';

export interface RollbackFacts {
  /** Per step (same order as spec.steps): age of `rollback.testedAt` at the plan's start. */
  steps: { index: number; testedEpoch?: number; testedAgeSeconds?: number }[];
}

/** Rollback facts (docs/input-document.md, "rollback"): rehearsal ages as epoch arithmetic. */
export function computeRollbackFacts(plan: PlanDoc, startEpoch: number | undefined): RollbackFacts {
  const zone = plan.spec.timeZone ?? 'UTC';
  return {
    steps: plan.spec.steps.map((step, index) => {
      const tested = step.rollback?.testedAt;
      const r = tested !== undefined ? resolveInstant(tested, zone) : undefined;
      if (!r?.ok) return { index };
      return { index, testedEpoch: r.epoch, ...(startEpoch !== undefined ? { testedAgeSeconds: startEpoch - r.epoch } : {}) };
    }),
  };
}
