import semver from 'semver';
import type { DependencyGraph } from '../graph/dependency-graph.js';
import type { PlanDoc, ServiceDoc } from '../model/documents.js';
import { affectedServices, planConfigs } from '../contracts/configs.js';
import { planStates, violationKey, violationsIn, type ContractModel, type PlanState, type Violation } from '../contracts/states.js';
import { resolveInstant } from '../time/instant.js';
import type { StepDag } from './step-dag.js';

/** A broken need as rules see it: step ids instead of indexes where that reads better. */
export interface ViolationFact extends Omit<Violation, 'steps' | 'unordered'> {
  steps: string[];
  unordered?: string;
}

export interface ContractFacts {
  states: { kind: PlanState['kind']; step: string; region: string }[];
  /** Broken needs in the forward and reverse-rollback states, each once (first state it shows up in). */
  violations: ViolationFact[];
  /** Per step rolled back alone after the rest: needs it breaks that the finished plan does not. */
  coupled: (ViolationFact & { rolledBack: number; first: string[] })[];
  removals: { step: number; api: string; providesFrom: number; providesIndex: number; deprecated: boolean; sunset?: string; beforeSunset: boolean; consumers: string[] }[];
  versionChanges: { step: number; from: string; to: string; downgrade: boolean; majorBump: boolean }[];
  majorContractChanges: { step: number; index: number; api: string; from: string; to: string }[];
  deprecatedNeeds: { step: number; index: number; api: string; provider: string; sunset?: string; sunsetPassed: boolean }[];
  contractMigrations: { step: number; index: number; datastore: string; waiting: string[] }[];
}

/**
 * Contract facts of a plan (docs/input-document.md, "contract"): the states it passes through and
 * which consumer needs break in them, API removals, version changes, deprecated needs and the
 * steps a contract-phase migration would run ahead of. `referenceEpoch` is the plan's start (or
 * --now when the start cannot be computed): sunsets are compared with it.
 */
export function computeContractFacts(
  plan: PlanDoc,
  services: Map<string, ServiceDoc>,
  graph: DependencyGraph,
  dag: StepDag,
  referenceEpoch: number,
): ContractFacts {
  const steps = plan.spec.steps;
  const zone = plan.spec.timeZone ?? 'UTC';
  const configs = planConfigs(steps, services, dag.ancestors, affectedServices(steps, services, graph.providers));
  const model: ContractModel = {
    steps,
    services,
    configs,
    ancestors: dag.ancestors,
    regions: steps.map((s) => s.regions ?? services.get(s.service)?.spec.regions ?? []),
    providers: graph.providers,
    needs: graph.needs,
  };
  const states = planStates(model, dag.waves);
  const id = (i: number) => steps[i]!.id;
  const fact = (v: Violation): ViolationFact => {
    const { steps: vs, unordered, ...rest } = v;
    return { ...rest, steps: vs.map(id), ...(unordered !== undefined ? { unordered: id(unordered) } : {}) };
  };

  const seen = new Set<string>();
  const violations: ViolationFact[] = [];
  const coupled: ContractFacts['coupled'] = [];
  // A catalogue consumer's broken need repeats in every state its provider version is live in:
  // the group memos skip those repeats (they would be dropped below as seen), see GroupMemo.
  const endGroups = new Set<string>();
  const endKeys = new Set(violationsIn(model, { kind: 'rollbackAlone', step: -1, region: '' }, -1, { skip: new Set(), emitted: endGroups }).map(violationKey));
  const forwardGroups = new Set<string>();
  states.forEach((state, index) => {
    const groups = state.kind === 'rollbackAlone' ? { skip: endGroups, emitted: new Set<string>() } : { skip: forwardGroups, emitted: forwardGroups };
    for (const v of violationsIn(model, state, index, groups)) {
      const key = violationKey(v);
      if (state.kind !== 'rollbackAlone') {
        if (seen.has(key)) continue;
        seen.add(key);
        violations.push(fact(v));
        continue;
      }
      // Coupled: broken only because a step that runs later (or unordered) stays rolled out.
      if (endKeys.has(key) || seen.has(`coupled|${state.step}|${key}`)) continue;
      const first = v.steps.filter((t) => t !== state.step && !dag.ancestors[state.step]!.includes(t));
      if (first.length === 0) continue;
      seen.add(`coupled|${state.step}|${key}`);
      coupled.push({ ...fact(v), rolledBack: state.step, first: first.map(id) });
    }
  });

  return {
    states: states.map((s) => ({ kind: s.kind, step: id(s.step), region: s.region })),
    violations,
    coupled,
    removals: removals(model, zone, referenceEpoch),
    versionChanges: steps.flatMap((step, i) => {
      const from = configs.before[i]?.version;
      if (from === undefined || !semver.valid(from) || !semver.valid(step.to)) return [];
      return [{ step: i, from, to: step.to, downgrade: semver.lt(step.to, from), majorBump: semver.major(step.to) > semver.major(from) }];
    }),
    majorContractChanges: steps.flatMap((step, i) =>
      (step.provides ?? []).flatMap((p, index) => {
        const from = configs.before[i]?.provides.find((q) => q.api === p.api)?.version;
        if (from === undefined || !semver.valid(from) || !semver.valid(p.version)) return [];
        return semver.major(from) !== semver.major(p.version) ? [{ step: i, index, api: p.api, from, to: p.version }] : [];
      }),
    ),
    deprecatedNeeds: steps.flatMap((step, i) =>
      (step.consumes ?? []).flatMap((c, index) => {
        const provider = graph.providers.get(c.api)?.[0];
        const contract = provider ? services.get(provider)?.spec.provides?.find((p) => p.api === c.api) : undefined;
        if (!provider || !contract?.deprecated) return [];
        const ends = contract.sunset ? dayEnd(contract.sunset, zone) : undefined;
        return [{ step: i, index, api: c.api, provider, ...(contract.sunset ? { sunset: contract.sunset } : {}), sunsetPassed: ends !== undefined && referenceEpoch >= ends }];
      }),
    ),
    contractMigrations: contractMigrations(model, dag),
  };
}

/** The end of a sunset day (the API may be removed after it), in the plan's zone. */
function dayEnd(date: string, zone: string): number | undefined {
  const r = resolveInstant(date, zone);
  return r.ok ? r.epoch + 86400 : undefined;
}

function removals(model: ContractModel, zone: string, referenceEpoch: number): ContractFacts['removals'] {
  const out: ContractFacts['removals'] = [];
  model.steps.forEach((step, i) => {
    const before = model.configs.before[i];
    if (!before || !step.provides) return;
    before.provides.forEach((p, providesIndex) => {
      if (step.provides!.some((q) => q.api === p.api)) return;
      const ends = p.sunset ? dayEnd(p.sunset, zone) : undefined;
      const consumers = [...model.needs.consumersOf(p.api)];
      out.push({
        step: i,
        api: p.api,
        providesFrom: before.providesFrom,
        providesIndex,
        deprecated: p.deprecated === true,
        ...(p.sunset ? { sunset: p.sunset } : {}),
        beforeSunset: ends !== undefined && referenceEpoch < ends,
        consumers,
      });
    });
  });
  return out;
}

/**
 * A contract-phase migration is safe once every step of a service using its datastore (owning it
 * in `datastores` or migrating it) has finished: its own step counts unless it runs `after` it.
 */
function contractMigrations(model: ContractModel, dag: StepDag): ContractFacts['contractMigrations'] {
  const out: ContractFacts['contractMigrations'] = [];
  model.steps.forEach((step, i) => {
    (step.migrations ?? []).forEach((m, index) => {
      if (m.phase !== 'contract') return;
      const waiting = model.steps.flatMap((t, j) => {
        const uses = (model.services.get(t.service)?.spec.datastores ?? []).includes(m.datastore) || (t.migrations ?? []).some((n) => n.datastore === m.datastore);
        if (!uses || dag.ancestors[i]!.includes(j)) return [];
        if (j === i && m.runs === 'after') return [];
        return [t.id];
      });
      out.push({ step: i, index, datastore: m.datastore, waiting });
    });
  });
  return out;
}
