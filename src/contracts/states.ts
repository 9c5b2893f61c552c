import type { Consumed, ServiceDoc, Step } from '../model/documents.js';
import type { PlanConfigs, ServiceConfig } from './configs.js';
import type { NeedIndex } from '../graph/need-index.js';
import { satisfies } from './satisfies.js';
import { pushTo } from '../list-map.js';

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
  /** The catalogue's needs, built once per run (DependencyGraph.needs). */
  needs: NeedIndex;
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
  const onService = stepsOnService(model).get(service);
  // Most services of a state are not changed by the plan: only today's version is live.
  if (!onService) return [{ config: base }];
  const stepsOn = onService.filter((i) => covers(model, i, region));
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

/** The plan's steps on each service, in DAG order (computed once per model). */
const stepsMemo = new WeakMap<ContractModel, Map<string, number[]>>();
function stepsOnService(model: ContractModel): Map<string, number[]> {
  let map = stepsMemo.get(model);
  if (!map) {
    map = new Map();
    model.steps.forEach((step, i) => {
      if (model.configs.after[i]) pushTo(map!, step.service, i);
    });
    for (const list of map.values()) list.sort((a, b) => model.ancestors[a]!.length - model.ancestors[b]!.length || a - b);
    stepsMemo.set(model, map);
  }
  return map;
}

/**
 * Which (need group, provider version, region) combinations a caller has already seen the
 * violations of: the consumers of a group that breaks all break in every state where that
 * provider version is live, and a hub's group has thousands. `skip` ones are left out of the
 * result; the rest are added to `emitted`.
 */
export interface GroupMemo {
  skip: ReadonlySet<string>;
  emitted: Set<string>;
}

/** Every consumer need broken in a state, in every region it covers (less the `groups` to skip). */
export function violationsIn(model: ContractModel, state: PlanState, stateIndex: number, groups?: GroupMemo): Violation[] {
  const regions = state.region !== '' ? [state.region] : regionUniverse(model.regions);
  const out: Violation[] = [];
  const changed = stepsOnService(model);
  for (const region of regions) {
    // Per consumer, as (consumer version, need, provider version) combinations in check order.
    const found = new Map<string, { order: number[]; v: Violation }[]>();
    const add = (consumer: string, order: number[], v: Violation | undefined) => {
      if (v) pushTo(found, consumer, { order, v });
    };
    // Consumers the plan changes: every need of every version of theirs that may be live.
    for (const consumer of changed.keys()) {
      if (!model.configs.base.has(consumer) || !present(model, consumer, region)) continue;
      live(model, state, consumer, region).forEach((cc, ci) => {
        cc.config.consumes.forEach((need, consumesIndex) => {
          const provider = model.providers.get(need.api)?.[0];
          if (provider === undefined || provider === consumer || !present(model, provider, region)) return;
          live(model, state, provider, region).forEach((pc, pi) => {
            add(consumer, [ci, consumesIndex, pi], check({ stateIndex, region, consumer, cc, need, consumesIndex, provider, pc }));
          });
        });
      });
    }
    // Consumers it does not change: only their needs on a changed provider, a range at a time
    // (their own lists are today's, so only a provider version the plan deploys can break them).
    for (const provider of changed.keys()) {
      if (!model.configs.base.has(provider) || !present(model, provider, region)) continue;
      const pcs = live(model, state, provider, region);
      for (const group of model.needs.needsOn(provider)) {
        pcs.forEach((pc, pi) => {
          if (pc.config.providesFrom < 0) return;
          const verdict = contractVerdict(pc.config, group.api, group.range);
          if (!verdict) return;
          if (groups) {
            const key = [provider, group.api, group.range, verdict.kind, pc.config.providesFrom, verdict.providesIndex, pc.config.version, region].join('\u0000');
            if (groups.skip.has(key)) return;
            groups.emitted.add(key);
          }
          for (const { consumer, consumerVersion, consumesIndex, need } of group.needs) {
            if (changed.has(consumer) || !present(model, consumer, region)) continue;
            // Today's version of the consumer (violation() reads its version and where its needs come from).
            const cc: Choice = { config: { service: consumer, version: consumerVersion, provides: [], consumes: [], providesFrom: -1, consumesFrom: -1, step: -1 } };
            add(consumer, [0, consumesIndex, pi], violation({ stateIndex, region, consumer, cc, need, consumesIndex, provider, pc }, verdict));
          }
        });
      }
    }
    for (const consumer of [...found.keys()].sort()) {
      const list = found.get(consumer)!;
      list.sort((x, y) => x.order[0]! - y.order[0]! || x.order[1]! - y.order[1]! || x.order[2]! - y.order[2]!);
      out.push(...list.map((e) => e.v));
    }
  }
  return out;
}

/** How a provider version's contract for `api` breaks a range: undefined when it satisfies it. */
interface Verdict {
  kind: ViolationKind;
  providesIndex: number;
}
function contractVerdict(pc: ServiceConfig, api: string, range: string): Verdict | undefined {
  const providesIndex = pc.provides.findIndex((p) => p.api === api);
  const contract = pc.provides[providesIndex];
  if (!contract) return { kind: 'removed', providesIndex };
  if (satisfies(contract.version, range)) return undefined;
  return { kind: satisfies(contract.version, range, true) ? 'prerelease' : 'range', providesIndex };
}

/** One live consumer version's need against one live provider version, in a state and region. */
interface Pairing {
  stateIndex: number;
  region: string;
  consumer: string;
  cc: Choice;
  need: Consumed;
  consumesIndex: number;
  provider: string;
  pc: Choice;
}

/** Whether the pairing breaks the need. */
function check(p: Pairing): Violation | undefined {
  // Both lists as they are today: not this plan's doing (the catalogue rules report it).
  if (p.cc.config.consumesFrom < 0 && p.pc.config.providesFrom < 0) return undefined;
  const verdict = contractVerdict(p.pc.config, p.need.api, p.need.versions);
  return verdict && violation(p, verdict);
}

function violation({ stateIndex, region, consumer, cc, need, consumesIndex, provider, pc }: Pairing, { kind, providesIndex }: Verdict): Violation {
  const contract = pc.config.provides[providesIndex];
  const via = cc.via ?? pc.via;
  const steps = [...new Set([cc.config.step, pc.config.step].filter((s) => s >= 0))].sort((a, b) => a - b);
  return {
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
  };
}

/** Identity of a violation regardless of the state it shows up in. */
export function violationKey(v: Violation): string {
  return [v.kind, v.consumer, v.consumesFrom, v.consumesIndex, v.api, v.provider, v.providesFrom, v.contractVersion ?? '-', v.providerVersion].join('|');
}
