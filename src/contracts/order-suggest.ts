import type { ContractModel, Violation } from './states.js';
import { violationsIn } from './states.js';

export type Suggestion =
  | { ok: true; order: number[] }
  | { ok: false; reason: string; blocking: { step: number; violation: Violation }[] };

/**
 * A sequential order of the plan's steps in which no state (each step rolling out in each of its
 * regions, and after it) breaks a consumer's range, ignoring the plan's own `after` (which is what
 * the suggestion may fix). Depth-first over the steps that may come next, in plan order, so the
 * answer stays as close to the plan as possible; sets of finished steps already known to be dead
 * ends are not explored twice. Steps of unknown services are placed where the plan has them.
 */
export function suggestOrder(model: ContractModel): Suggestion {
  const n = model.steps.length;
  // Sequential: every earlier step is an ancestor of the next one.
  const blockedAt = new Map<string, { step: number; violation: Violation }[]>();
  const dead = new Set<string>();
  const trial = (done: number[], next: number): Violation | undefined => {
    const ancestors = model.steps.map((_, i) => (i === next ? done : done.includes(i) ? done.slice(0, done.indexOf(i)) : [...done, next]));
    const m: ContractModel = { ...model, ancestors };
    const regions = model.regions[next]!.length > 0 ? model.regions[next]! : [''];
    for (const region of regions) {
      const v = violationsIn(m, { kind: 'during', step: next, region }, 0)[0];
      if (v) return v;
    }
    return violationsIn(m, { kind: 'after', step: next, region: '' }, 0)[0];
  };
  let deepest: { step: number; violation: Violation }[] = [];
  let deepestSize = -1;
  const search = (done: number[]): number[] | undefined => {
    if (done.length === n) return done;
    const key = [...done].sort((a, b) => a - b).join(',');
    if (dead.has(key)) return undefined;
    const blocked: { step: number; violation: Violation }[] = [];
    for (let next = 0; next < n; next++) {
      if (done.includes(next)) continue;
      const v = model.configs.after[next] ? trial(done, next) : undefined;
      if (v) {
        blocked.push({ step: next, violation: v });
        continue;
      }
      const found = search([...done, next]);
      if (found) return found;
    }
    dead.add(key);
    blockedAt.set(key, blocked);
    if (blocked.length > 0 && done.length > deepestSize) {
      deepestSize = done.length;
      deepest = blocked;
    }
    return undefined;
  };
  const order = search([]);
  if (order) return { ok: true, order };
  return { ok: false, reason: explain(model, deepest), blocking: deepest };
}

/** Why no order works: a cycle of steps each needing another first, or a break no order avoids. */
function explain(model: ContractModel, blocking: { step: number; violation: Violation }[]): string {
  const id = (i: number) => `'${model.steps[i]!.id}'`;
  const needsFirst = new Map<number, number[]>();
  for (const b of blocking) needsFirst.set(b.step, b.violation.steps.filter((s) => s !== b.step));
  const standalone = blocking.filter((b) => (needsFirst.get(b.step) ?? []).length === 0);
  if (standalone.length > 0) {
    const b = standalone[0]!;
    return `step ${id(b.step)} breaks a contract whatever the order (${describe(b.violation)}): no order of this plan's steps avoids it`;
  }
  if (blocking.length > 0) {
    const parts = blocking.map((b) => `step ${id(b.step)} cannot run before ${needsFirst.get(b.step)!.map(id).join(', ')} (${describe(b.violation)})`);
    return `the remaining steps need each other first, a contract cycle: ${parts.join('; ')}`;
  }
  return 'no order satisfies every contract';
}

function describe(v: Violation): string {
  const provided = v.contractVersion !== undefined ? `${v.api} ${v.contractVersion}` : `no ${v.api}`;
  return `${v.consumer} ${v.consumerVersion} needs ${v.api} ${v.range}, ${v.provider} ${v.providerVersion} would serve ${provided}`;
}
