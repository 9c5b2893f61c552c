import type { Consumed, Provided, ServiceDoc, Step } from '../model/documents.js';

/**
 * One deployable version of a service as the contract model sees it: what it provides and what it
 * consumes, and which document declared each list (a step that wrote `provides`/`consumes`, or
 * the Service itself when the lists are unchanged).
 */
export interface ServiceConfig {
  service: string;
  version: string;
  provides: Provided[];
  consumes: Consumed[];
  /** Step index whose `provides` is in effect, -1 for the Service's. */
  providesFrom: number;
  /** Step index whose `consumes` is in effect, -1 for the Service's. */
  consumesFrom: number;
  /** Step index that deployed this version, -1 for the version running today. */
  step: number;
}

/** The configs before and after each step of a plan (steps of unknown services have none). */
export interface PlanConfigs {
  base: Map<string, ServiceConfig>;
  before: (ServiceConfig | undefined)[];
  after: (ServiceConfig | undefined)[];
}

/**
 * `provides`/`consumes` of a step replace the lists of the service when given (FORMAT.md: omitted =
 * unchanged), so an API missing from a step's `provides` is removed by that step. Several steps
 * on one service chain in DAG order: each starts from the newest of them among its ancestors.
 */
export function planConfigs(
  steps: Step[],
  services: Map<string, ServiceDoc>,
  ancestors: number[][],
  affected: Set<string> = new Set(services.keys()),
): PlanConfigs {
  const base = new Map<string, ServiceConfig>();
  for (const name of [...affected].sort()) {
    const doc = services.get(name);
    if (!doc) continue;
    base.set(name, {
      service: name,
      version: doc.spec.version,
      provides: doc.spec.provides ?? [],
      consumes: doc.spec.consumes ?? [],
      providesFrom: -1,
      consumesFrom: -1,
      step: -1,
    });
  }
  const before: (ServiceConfig | undefined)[] = [];
  const after: (ServiceConfig | undefined)[] = [];
  // Ancestors come first in any topological order; the ancestor lists are sorted by index, and a
  // step's ancestors are resolved before it, so order the steps by ancestor count.
  const order = steps.map((_, i) => i).sort((a, b) => ancestors[a]!.length - ancestors[b]!.length || a - b);
  for (const i of order) {
    const step = steps[i]!;
    // The newest earlier step on the same service: the one with the most ancestors.
    const prior = ancestors[i]!
      .filter((a) => steps[a]!.service === step.service && after[a] !== undefined)
      .sort((a, b) => ancestors[b]!.length - ancestors[a]!.length || b - a)[0];
    const from = prior !== undefined ? after[prior] : base.get(step.service);
    before[i] = from;
    if (!from) continue;
    after[i] = {
      service: step.service,
      version: step.to,
      provides: step.provides ?? from.provides,
      consumes: step.consumes ?? from.consumes,
      providesFrom: step.provides ? i : from.providesFrom,
      consumesFrom: step.consumes ? i : from.consumesFrom,
      step: i,
    };
  }
  return { base, before, after };
}

/**
 * The services whose configs a plan's contract states read: those its steps change and the
 * providers of what these consume. A need of a service the plan does not change can only break on
 * a changed provider; those needs are read from the run's NeedIndex, so the consumers of a hub are
 * not copied into every plan that changes it (that made a run quadratic in the catalogue).
 */
export function affectedServices(steps: Step[], services: Map<string, ServiceDoc>, providers: Map<string, string[]>): Set<string> {
  const changed = new Set(steps.map((s) => s.service));
  const affected = new Set<string>(changed);
  const needs = [...changed].flatMap((name) => services.get(name)?.spec.consumes ?? []);
  for (const step of steps) needs.push(...(step.consumes ?? []));
  for (const need of needs) for (const p of providers.get(need.api) ?? []) affected.add(p);
  return affected;
}
