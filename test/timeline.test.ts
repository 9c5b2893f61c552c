import { describe, expect, it } from 'vitest';
import { buildStepDag } from '../src/facts/step-dag.js';
import type { ServiceDoc, Step } from '../src/model/documents.js';
import { findPlanOverlaps, type PlannedChange } from '../src/timeline/overlap.js';
import { computeTimeline, concurrentRegions } from '../src/timeline/timeline.js';

const svc = (name: string, regions: string[]): [string, ServiceDoc] => [name, { apiVersion: 'v', kind: 'Service', metadata: { name }, spec: { owner: 'o', version: '1.0.0', tier: 1, regions } }];
const services = new Map([svc('a', ['eu', 'us']), svc('b', [])]);

describe('plan timeline', () => {
  it('runs regions one after another, migrations around them, steps after their predecessors', () => {
    const steps: Step[] = [
      { id: 'a', service: 'a', to: '2.0.0', stages: [{ bake: '30m' }, { bake: '10m' }], migrations: [{ id: 'm', datastore: 'd', duration: '10m' }, { id: 'n', datastore: 'd', runs: 'after', duration: '5m' }] },
      { id: 'b', service: 'b', to: '2.0.0', stages: [{ bake: '15m' }, {}], rollback: { duration: '20m' } },
    ];
    const t = computeTimeline(steps, buildStepDag(steps).dag, services, 0);
    expect(t.steps[0]!.slices).toEqual([{ region: 'eu', start: 0, end: 3000 }, { region: 'us', start: 3000, end: 5700 }]);
    expect(t.steps[1]).toMatchObject({ start: 5700, end: 6600, slices: [{ region: null, start: 5700, end: 6600 }] });
    expect(t.rolloutEnd).toBe(6600);
    expect(t.rollbackLargest).toBe(1200);
    expect(t.rollbackMissing).toEqual([0]);
  });
  it('counts regions rolled at once by parallel steps of one service', () => {
    const steps: Step[] = [
      { id: 'eu', service: 'a', to: '2.0.0', regions: ['eu'], stages: [{ bake: '30m' }], after: [] },
      { id: 'us', service: 'a', to: '2.0.0', regions: ['us'], stages: [{ bake: '30m' }], after: [] },
    ];
    const t = computeTimeline(steps, buildStepDag(steps).dag, services, 0);
    expect(concurrentRegions(t, 0)).toBe(2);
    const seq = steps.map((s, i) => ({ ...s, after: i === 0 ? [] : ['eu'] }));
    expect(concurrentRegions(computeTimeline(seq, buildStepDag(seq).dag, services, 0), 1)).toBe(1);
  });
});

describe('cross-plan overlap sweep', () => {
  const deps: Record<string, string[]> = { web: ['ledger'], ledger: [] };
  const dependents: Record<string, string[]> = { ledger: ['web'], web: [] };
  const run = (changes: PlannedChange[]) => findPlanOverlaps(changes, (s) => deps[s] ?? [], (s) => dependents[s] ?? []);

  it('finds a dependent overlapping, from both sides, and not touching intervals', () => {
    const out = run([
      { plan: 'p', step: 0, service: 'ledger', start: 0, end: 100 },
      { plan: 'q', step: 0, service: 'web', start: 50, end: 150 },
      { plan: 'r', step: 0, service: 'web', start: 100, end: 200 },
      { plan: 's', step: 0, service: 'search', start: 0, end: 500 },
    ]);
    expect(out.get('p')!.map((o) => [o.other.plan, o.relation, o.start, o.end])).toEqual([['q', 'dependent', 50, 100]]);
    expect(out.get('q')!.map((o) => [o.other.plan, o.relation])).toEqual([['p', 'dependency'], ['r', 'same service']]);
    expect(out.has('s')).toBe(false);
  });
  it('ignores steps of the same plan', () => {
    expect(run([{ plan: 'p', step: 0, service: 'web', start: 0, end: 10 }, { plan: 'p', step: 1, service: 'ledger', start: 0, end: 10 }]).size).toBe(0);
  });
});
