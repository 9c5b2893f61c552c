import semver from 'semver';
import type { ServiceDoc, Step } from '../model/documents.js';
import type { PlanConfigs, ServiceConfig } from './configs.js';

/**
 * The states a plan passes through (FORMAT.md contract model), per region:
 * - `during` step s in region r: old and new version of s's service both live in r;
 * - `after` step s: s's new version only;
 * - `rollingBack` / `rolledBack` s: the same, reached while undoing the plan in reverse order;
 * - `rollbackAlone` s: every other step finished and s alone rolled back.
 * Steps neither before nor after the state's step (not ordered with it through `after`) may be in
 * any phase, so both their old and new versions count as possibly live.
 */
export type StateKind = 'during' | 'after' | 'rollingBack' | 'rolledBack' | 'rollbackAlone';

export interface PlanState {
  kind: StateKind;
  step: number;
  /** '' when the step is not limited to regions (region-agnostic service). */
  region: string;
}

export type ViolationKind = 'range' | 'prerelease' | 'removed';

export interface Violation {
  kind: ViolationKind;
  state: number;
  region: string;
  consumer: string;
  consumerVersion: string;
  /** Step whose `consumes` declares the need, -1 for the consumer's Service. */
  consumesFrom: number;
  consumesIndex: number;
  api: string;
  range: string;
  provider: string;
  providerVersion: string;
  /** Contract version live at the provider; absent when that version no longer provides the API. */
  contractVersion?: string;
  /** Step whose `provides` is in effect at the provider, -1 for the provider's Service. */
  providesFrom: number;
  providesIndex?: number;
  /** A step not ordered with the state's step whose (new) version makes this combination possible. */
  unordered?: number;
  /** Plan steps whose versions take part in the violation (consumer's and provider's), sorted. */
  steps: number[];
}

export interface ContractModel {
  steps: Step[];
  services: Map<string, ServiceDoc>;
  configs: PlanConfigs;
  ancestors: number[][];
  /** Resolved regions per step ([] = every region). */
  regions: string[][];
  providers: Map<string, string[]>;
}

type Status = 'done' | 'running' | 'pending' | 'maybe';

interface Choice {
  config: ServiceConfig;
  via?: number;
}

/** Every region the plan touches; [''] when no step is limited to regions. */
export function regionUniverse(regions: string[][]): string[] {
  const all = [...new Set(regions.flat())].sort();
  return all.length > 0 ? all : [''];
}

function covers(model: ContractModel, step: number, region: string): boolean {
  const r = model.regions[step]!;
  return region === '' || r.length === 0 || r.includes(region);
}

function present(model: ContractModel, service: string, region: string): boolean {
  const r = model.services.get(service)?.spec.regions ?? [];
  return region === '' || r.length === 0 || r.includes(region);
}

/** The forward and reverse-rollback states in order, then each step rolled back alone. */
export function planStates(model: ContractModel, waves: number[][]): PlanState[] {
  const universe = regionUniverse(model.regions);
  const order = waves.flat();
  const regionsOf = (i: number) => (model.regions[i]!.length > 0 ? model.regions[i]! : universe.length === 1 ? universe : ['']);
  const states: PlanState[] = [];
  for (const i of order) {
    if (!model.configs.after[i]) continue;
    for (const region of regionsOf(i)) states.push({ kind: 'during', step: i, region });
    states.push({ kind: 'after', step: i, region: '' });
  }
  for (const i of [...order].reverse()) {
    if (!model.configs.after[i]) continue;
    for (const region of [...regionsOf(i)].reverse()) states.push({ kind: 'rollingBack', step: i, region });
    states.push({ kind: 'rolledBack', step: i, region: '' });
  }
  for (const i of order) if (model.configs.after[i]) states.push({ kind: 'rollbackAlone', step: i, region: '' });
  return states;
}

function status(model: ContractModel, state: PlanState, t: number): Status {
  const s = state.step;
  // Rolled back alone (s = -1: the plan's end, every step finished).
  if (state.kind === 'rollbackAlone') return t === s ? 'pending' : 'done';
  if (t === s) return state.kind === 'after' ? 'done' : state.kind === 'rolledBack' ? 'pending' : 'running';
  if (model.ancestors[s]!.includes(t)) return 'done';
  if (model.ancestors[t]!.includes(s)) return 'pending';
  return 'maybe';
}

/** Versions of a service possibly live in a region in a state. */
function live(model: ContractModel, state: PlanState, service: string, region: string): Choice[] {
  const base = model.configs.base.get(service);
  if (!base) return [];
  const stepsOn = model.steps
    .map((step, i) => ({ step, i }))
    .filter(({ step, i }) => step.service === service && model.configs.after[i] && covers(model, i, region))
    .map(({ i }) => i)
    .sort((a, b) => model.ancestors[a]!.length - model.ancestors[b]!.length || a - b);
  let current: Choice[] = [{ config: base }];
  const extra: Choice[] = [];
  for (const t of stepsOn) {
    const st = status(model, state, t);
    if (st === 'done') current = [{ config: model.configs.after[t]! }];
    else if (st === 'running') extra.push({ config: model.configs.after[t]! });
    else if (st === 'maybe') extra.push({ config: model.configs.after[t]!, via: t });
  }
  return [...current, ...extra];
}

export function satisfies(version: string, range: string, includePrerelease = false): boolean {
  try {
    return semver.satisfies(version, range, { includePrerelease });
  } catch {
    return false;
  }
}

/** Every consumer need broken in a state, in every region it covers. */
export function violationsIn(model: ContractModel, state: PlanState, stateIndex: number): Violation[] {
  const regions = state.region !== '' ? [state.region] : regionUniverse(model.regions);
  const out: Violation[] = [];
  const consumers = [...model.configs.base.keys()].sort();
  for (const region of regions) {
    for (const consumer of consumers) {
      if (!present(model, consumer, region)) continue;
      for (const cc of live(model, state, consumer, region)) {
        cc.config.consumes.forEach((need, consumesIndex) => {
          const provider = model.providers.get(need.api)?.[0];
          if (provider === undefined || provider === consumer || !present(model, provider, region)) return;
          for (const pc of live(model, state, provider, region)) {
            // Both lists as they are today: not this plan's doing (the catalogue rules report it).
            if (cc.config.consumesFrom < 0 && pc.config.providesFrom < 0) continue;
            const providesIndex = pc.config.provides.findIndex((p) => p.api === need.api);
            const contract = pc.config.provides[providesIndex];
            let kind: ViolationKind;
            if (!contract) kind = 'removed';
            else if (satisfies(contract.version, need.versions)) continue;
            else kind = satisfies(contract.version, need.versions, true) ? 'prerelease' : 'range';
            const via = cc.via ?? pc.via;
            const steps = [...new Set([cc.config.step, pc.config.step].filter((s) => s >= 0))].sort((a, b) => a - b);
            out.push({
              kind,
              state: stateIndex,
              region,
              consumer,
              consumerVersion: cc.config.version,
              consumesFrom: cc.config.consumesFrom,
              consumesIndex,
              api: need.api,
              range: need.versions,
              provider,
              providerVersion: pc.config.version,
              ...(contract ? { contractVersion: contract.version } : {}),
              providesFrom: pc.config.providesFrom,
              ...(providesIndex >= 0 ? { providesIndex } : {}),
              ...(via !== undefined ? { unordered: via } : {}),
              steps,
            });
          }
        });
      }
    }
  }
  return out;
}

/** Identity of a violation regardless of the state it shows up in. */
export function violationKey(v: Violation): string {
  return [v.kind, v.consumer, v.consumesFrom, v.consumesIndex, v.api, v.provider, v.providesFrom, v.contractVersion ?? '-', v.providerVersion].join('|');
}
