import type { DependencyGraph } from '../graph/dependency-graph.js';
import type { Consumed, PlanDoc, ServiceDoc, Step } from '../model/documents.js';
import { isoUtc, resolveInstant } from '../time/instant.js';
import type { StepDag } from './step-dag.js';
import { computeContractFacts, type ContractFacts } from './contract-facts.js';
import { computeRollbackFacts, type RollbackFacts } from './rollback-facts.js';
import type { WindowFacts } from './window-facts.js';
import { satisfies } from '../contracts/satisfies.js';

/** An instant as rules see it: epoch seconds and UTC text for messages. */
export interface InstantFact {
  epoch: number;
  iso: string;
}

export interface NeedFact {
  api: string;
  range: string;
  index: number;
  declared: 'step' | 'service';
  provider?: string;
  current?: string;
  satisfiedNow?: boolean;
  providerStep?: string;
  delivered?: string;
  satisfiedByStep?: boolean;
}

export interface StepFact {
  index: number;
  id: string;
  service: string;
  known: boolean;
  tier?: number;
  from?: string;
  to: string;
  regions: string[];
  after: string[];
  ancestors: string[];
  transitiveDependents: number;
  needs: NeedFact[];
}

export interface PlanFacts {
  start?: InstantFact;
  tier1: boolean;
  steps: StepFact[];
  approvals: { index: number; role: string; by: string; atEpoch?: number; ageSeconds?: number }[];
  backups: { index: number; datastore: string; verifiedEpoch?: number; ageSeconds?: number }[];
  parallelPairs: { a: number; b: number; path: string[] }[];
  contract: ContractFacts;
  rollback: RollbackFacts;
  /** Time zones, calendars, timeline and overlaps (src/facts/window-facts.ts). */
  window?: WindowFacts;
}

export function instantFact(epoch: number): InstantFact {
  return { epoch, iso: isoUtc(epoch) };
}

/**
 * The facts of one plan that its rules read (docs/input-document.md): resolved services, the step
 * DAG, contract needs per step, and times as epoch seconds in the plan's time zone.
 */
export function computePlanFacts(
  plan: PlanDoc,
  services: Map<string, ServiceDoc>,
  graph: DependencyGraph,
  dag: StepDag,
  nowEpoch?: number,
  window?: WindowFacts,
): PlanFacts {
  const spec = plan.spec;
  const zone = spec.timeZone;
  const epochOf = (text: string | undefined): number | undefined => {
    if (text === undefined) return undefined;
    const r = resolveInstant(text, zone);
    return r.ok ? r.epoch : undefined;
  };
  const startEpoch = epochOf(spec.start);
  const ageAtStart = (epoch: number | undefined) =>
    epoch === undefined || startEpoch === undefined ? undefined : startEpoch - epoch;

  // Which plan step changes each service (the first one, in list order).
  const stepOfService = new Map<string, Step>();
  for (const step of spec.steps) if (!stepOfService.has(step.service)) stepOfService.set(step.service, step);

  const steps: StepFact[] = spec.steps.map((step, index) => {
    const service = services.get(step.service);
    const ids = (list: number[]) => list.map((i) => spec.steps[i]!.id);
    return {
      index,
      id: step.id,
      service: step.service,
      known: service !== undefined,
      ...(service ? { tier: service.spec.tier ?? 3, from: service.spec.version } : {}),
      to: step.to,
      regions: step.regions ?? service?.spec.regions ?? [],
      after: ids(dag.after[index] ?? []),
      ancestors: ids(dag.ancestors[index] ?? []),
      transitiveDependents: graph.transitiveDependentCount(step.service),
      needs: needsOf(step, service, services, graph, stepOfService),
    };
  });

  return {
    ...(startEpoch !== undefined ? { start: instantFact(startEpoch) } : {}),
    tier1: steps.some((s) => s.tier === 1),
    steps,
    approvals: (spec.approvals ?? []).map((a, index) => {
      const atEpoch = epochOf(a.at);
      const age = ageAtStart(atEpoch);
      return { index, role: a.role, by: a.by, ...(atEpoch !== undefined ? { atEpoch } : {}), ...(age !== undefined ? { ageSeconds: age } : {}) };
    }),
    backups: (spec.readiness?.backups ?? []).map((b, index) => {
      const verifiedEpoch = epochOf(b.verifiedAt);
      const age = ageAtStart(verifiedEpoch);
      return { index, datastore: b.datastore, ...(verifiedEpoch !== undefined ? { verifiedEpoch } : {}), ...(age !== undefined ? { ageSeconds: age } : {}) };
    }),
    parallelPairs: parallelPairs(spec.steps, dag, graph),
    // Dates (sunsets) are compared with the plan's start, or --now when it has none.
    contract: computeContractFacts(plan, services, graph, dag, startEpoch ?? nowEpoch ?? 0),
    rollback: computeRollbackFacts(plan, startEpoch),
    ...(window ? { window } : {}),
  };
}

/** The APIs a step's NEW version consumes, with what provides them now and after the plan's steps. */
function needsOf(
  step: Step,
  service: ServiceDoc | undefined,
  services: Map<string, ServiceDoc>,
  graph: DependencyGraph,
  stepOfService: Map<string, Step>,
): NeedFact[] {
  const declared: 'step' | 'service' = step.consumes ? 'step' : 'service';
  const consumes: Consumed[] = step.consumes ?? service?.spec.consumes ?? [];
  return consumes.map((c, index) => {
    const need: NeedFact = { api: c.api, range: c.versions, index, declared };
    const provider = graph.providers.get(c.api)?.[0];
    if (provider === undefined) return need;
    need.provider = provider;
    const current = services.get(provider)?.spec.provides?.find((p) => p.api === c.api)?.version;
    if (current !== undefined) {
      need.current = current;
      need.satisfiedNow = satisfies(current, c.versions);
    }
    const providerStep = stepOfService.get(provider);
    if (providerStep && providerStep !== step) {
      need.providerStep = providerStep.id;
      const delivered = providerStep.provides?.find((p) => p.api === c.api)?.version;
      if (delivered !== undefined) {
        need.delivered = delivered;
        need.satisfiedByStep = satisfies(delivered, c.versions);
      }
    }
    return need;
  });
}

/**
 * Steps that may run at the same time (neither is an ancestor of the other) and whose services
 * have a dependency path between them, in either direction.
 */
function parallelPairs(steps: Step[], dag: StepDag, graph: DependencyGraph): PlanFacts['parallelPairs'] {
  const pairs: PlanFacts['parallelPairs'] = [];
  const ancestorSets = dag.ancestors.map((a) => new Set(a));
  // One breadth-first search per distinct service of the plan (to all the plan's services), not
  // one per pair: a 500-step plan would otherwise search the whole graph 250,000 times.
  const planServices = new Set(steps.map((s) => s.service));
  const reach = new Map<string, Map<string, string[]>>();
  const pathsFrom = (service: string) => {
    let paths = reach.get(service);
    if (!paths) reach.set(service, (paths = graph.pathsFrom(service, planServices)));
    return paths;
  };
  for (let a = 0; a < steps.length; a++) {
    for (let b = a + 1; b < steps.length; b++) {
      if (ancestorSets[b]!.has(a) || ancestorSets[a]!.has(b)) continue;
      const sa = steps[a]!.service;
      const sb = steps[b]!.service;
      if (sa === sb) continue;
      const path = pathsFrom(sa).get(sb) ?? pathsFrom(sb).get(sa);
      if (path) pairs.push({ a, b, path });
    }
  }
  return pairs;
}
