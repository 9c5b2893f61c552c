import { describe, expect, it } from 'vitest';
import { computeContractFacts } from '../src/facts/contract-facts.js';
import { buildStepDag } from '../src/facts/step-dag.js';
import { DependencyGraph } from '../src/graph/dependency-graph.js';
import { NeedIndex } from '../src/graph/need-index.js';
import type { PlanDoc, ServiceDoc, Step } from '../src/model/documents.js';

function service(name: string, spec: Partial<ServiceDoc['spec']>): [string, ServiceDoc] {
  return [name, { apiVersion: 'rollgate.dev/v1', kind: 'Service', metadata: { name }, spec: { owner: 'o', version: '1.0.0', ...spec } }];
}

function plan(steps: Step[]): PlanDoc {
  return { apiVersion: 'rollgate.dev/v1', kind: 'RolloutPlan', metadata: { name: 'p' }, spec: { owner: 'o', steps } } as unknown as PlanDoc;
}

const pad = (i: number) => String(i).padStart(2, '0');

/**
 * A hub with 30 consumers on ^1, 20 on ^2 and 5 on a range written differently ('>=1.0.0'),
 * region-limited consumers, and a consumer the plan itself changes. The catalogue consumers are
 * checked a range at a time (NeedIndex); these cases pin down that every one of them is still
 * reported, once, with its own consumesIndex, and only where it runs.
 */
const services = new Map<string, ServiceDoc>([
  service('hub', { version: '1.4.0', regions: ['eu', 'us'], provides: [{ api: 'hub-api', version: '1.4.0' }, { api: 'hub-admin-api', version: '1.0.0' }] }),
  ...Array.from({ length: 30 }, (_, i) => service(`v1-${pad(i)}`, { regions: i < 10 ? ['eu'] : ['eu', 'us'], consumes: [{ api: 'other-api', versions: '*' }, { api: 'hub-api', versions: '^1.0.0' }] })),
  ...Array.from({ length: 20 }, (_, i) => service(`v2-${pad(i)}`, { consumes: [{ api: 'hub-api', versions: '^2.0.0' }] })),
  ...Array.from({ length: 5 }, (_, i) => service(`any-${i}`, { consumes: [{ api: 'hub-api', versions: '>=1.0.0' }] })),
  service('admin', { consumes: [{ api: 'hub-admin-api', versions: '^1.0.0' }] }),
  service('other', { provides: [{ api: 'other-api', version: '1.0.0' }] }),
]);
const graph = new DependencyGraph(services);

function facts(steps: Step[]) {
  const { dag } = buildStepDag(steps);
  return computeContractFacts(plan(steps), services, graph, dag, 0);
}

describe('need index', () => {
  const index = new NeedIndex(services, graph.providers);

  it('groups the needs on a provider by API and range, consumers in name order', () => {
    const groups = index.needsOn('hub').map((g) => [g.api, g.range, g.needs.length, g.needs[0]!.consumer]);
    expect(groups).toEqual([
      ['hub-admin-api', '^1.0.0', 1, 'admin'],
      ['hub-api', '>=1.0.0', 5, 'any-0'],
      ['hub-api', '^1.0.0', 30, 'v1-00'],
      ['hub-api', '^2.0.0', 20, 'v2-00'],
    ]);
    expect(index.needsOn('hub')[2]!.needs[0]!.consumesIndex).toBe(1);
    expect(index.needsOn('nobody')).toEqual([]);
  });

  it('lists every consumer of an API once, sorted', () => {
    expect(index.consumersOf('hub-api')).toHaveLength(55);
    expect(index.consumersOf('other-api')).toEqual(Array.from({ length: 30 }, (_, i) => `v1-${pad(i)}`));
    expect(index.consumersOf('nothing')).toEqual([]);
  });
});

describe('contract states on a hub', () => {
  it('reports every catalogue consumer a major upgrade of the hub breaks, and none it keeps', () => {
    const f = facts([{ id: 'up', service: 'hub', to: '2.0.0', provides: [{ api: 'hub-api', version: '2.0.0' }, { api: 'hub-admin-api', version: '1.0.0' }] }]);
    const broken = (state: string) =>
      f.violations.filter((v) => f.states[v.state]!.kind === state).map((v) => `${v.consumer}@${v.region || '*'}:${v.consumesIndex}:${v.contractVersion}`);
    // While rolling out in eu both 1.4.0 and 2.0.0 are live there: ^2 breaks on the old, ^1 on the new.
    const duringEu = broken('during').filter((k) => k.includes('@eu'));
    expect(duringEu.filter((k) => k.startsWith('v1-'))).toHaveLength(30);
    expect(duringEu.filter((k) => k.startsWith('v2-'))).toHaveLength(0); // 1.4.0 is today's: not this plan's doing
    expect(duringEu[0]).toBe('v1-00@eu:1:2.0.0');
    // Each broken need is reported once, in the first state it shows up in (eu rolls out first).
    expect(broken('during').filter((k) => k.includes('@us'))).toHaveLength(0);
    expect(f.violations).toHaveLength(30);
    expect(f.violations.some((v) => v.consumer.startsWith('any-') || v.consumer === 'admin')).toBe(false);
    expect(f.violations.every((v) => v.range === '^1.0.0' && v.provider === 'hub' && v.kind === 'range')).toBe(true);
  });

  it('leaves out consumers that do not run in the regions the step rolls out to', () => {
    const f = facts([{ id: 'up', service: 'hub', to: '2.0.0', regions: ['us'], provides: [{ api: 'hub-api', version: '2.0.0' }, { api: 'hub-admin-api', version: '1.0.0' }] }]);
    expect(f.violations).toHaveLength(20);
    expect(f.violations.every((v) => v.region === 'us' && Number(v.consumer.slice(3)) >= 10)).toBe(true);
  });

  it('reports a removed API to its consumers, and leaves out a consumer the plan moves off it first', () => {
    const f = facts([
      { id: 'admin', service: 'admin', to: '1.1.0', consumes: [] },
      { id: 'drop', service: 'hub', to: '1.5.0', provides: [{ api: 'hub-api', version: '1.5.0' }] },
    ]);
    expect(f.violations.filter((v) => v.kind === 'removed')).toEqual([]);
    expect(f.removals.map((r) => [r.api, r.consumers])).toEqual([['hub-admin-api', ['admin']]]);

    const g = facts([{ id: 'drop', service: 'hub', to: '1.5.0', provides: [{ api: 'hub-api', version: '1.5.0' }] }]);
    expect(g.violations.filter((v) => v.kind === 'removed').map((v) => [v.consumer, v.api, v.consumesIndex])).toEqual([['admin', 'hub-admin-api', 0]]);
  });

  it('checks a consumer the plan changes against its own new needs, not the catalogue ones', () => {
    const f = facts([
      { id: 'up', service: 'hub', to: '2.0.0', provides: [{ api: 'hub-api', version: '2.0.0' }, { api: 'hub-admin-api', version: '1.0.0' }] },
      { id: 'v1', service: 'v1-15', to: '1.1.0', consumes: [{ api: 'hub-api', versions: '^2.0.0' }] },
    ]);
    const mine = f.violations.filter((v) => v.consumer === 'v1-15');
    // After both steps v1-15 wants ^2 and gets it; while `up` runs its catalogue ^1 need (index 1) breaks.
    expect(mine.every((v) => v.steps.includes('up'))).toBe(true);
    expect(mine.some((v) => v.consumesFrom === -1 && v.consumesIndex === 1)).toBe(true);
    expect(f.violations.filter((v) => v.consumer.startsWith('v1-') && v.consumer !== 'v1-15').length).toBeGreaterThan(0);
  });
});
