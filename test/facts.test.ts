import { describe, expect, it } from 'vitest';
import { buildStepDag } from '../src/facts/step-dag.js';
import { DependencyGraph } from '../src/graph/dependency-graph.js';
import type { ServiceDoc, Step } from '../src/model/documents.js';
import { formatSeconds, parseDuration } from '../src/time/duration.js';
import { resolveInstant } from '../src/time/instant.js';

const step = (id: string, after?: string[]): Step => ({ id, service: id, to: '1.0.0', ...(after ? { after } : {}) });

describe('step DAG', () => {
  it('defaults after to the previous step and [] to the plan start', () => {
    const { dag, problems } = buildStepDag([step('a'), step('b'), step('c', []), step('d', ['b', 'c'])]);
    expect(problems).toEqual([]);
    expect(dag.after).toEqual([[], [0], [], [1, 2]]);
    expect(dag.waves).toEqual([[0, 2], [1], [3]]);
    expect(dag.ancestors[3]).toEqual([0, 1, 2]);
  });

  it('reports unknown references, duplicates and cycles', () => {
    const { problems, dag } = buildStepDag([step('a', ['c']), step('b', ['a']), step('c', ['b']), step('a', ['zz'])]);
    expect(problems.map((p) => p.path)).toEqual(['/spec/steps/3/id', '/spec/steps/3/after/0', '/spec/steps/0/after']);
    expect(dag.waves.flat().sort()).toEqual([0, 1, 2, 3]);
  });
});

function service(name: string, spec: Partial<ServiceDoc['spec']>): [string, ServiceDoc] {
  return [name, { apiVersion: 'rollgate.dev/v1', kind: 'Service', metadata: { name }, spec: { owner: 'o', version: '1.0.0', ...spec } }];
}

describe('dependency graph', () => {
  const graph = new DependencyGraph(
    new Map([
      service('web', { consumes: [{ api: 'checkout-api', versions: '^1.0.0' }] }),
      service('checkout', { provides: [{ api: 'checkout-api', version: '1.2.0' }], dependsOn: ['auth'] }),
      service('auth', { provides: [{ api: 'auth-api', version: '3.0.0' }] }),
      service('a', { dependsOn: ['b'] }),
      service('b', { consumes: [{ api: 'c-api', versions: '*' }] }),
      service('c', { provides: [{ api: 'c-api', version: '1.0.0' }], dependsOn: ['a'] }),
    ]),
  );

  it('counts transitive dependents and finds paths', () => {
    expect(graph.transitiveDependentCount('auth')).toBe(2);
    expect(graph.path('web', 'auth')).toEqual(['web', 'checkout', 'auth']);
    expect(graph.path('auth', 'web')).toBeUndefined();
  });

  it('reports one cycle per strongly connected group, with the edges that make it', () => {
    expect(graph.cycles()).toEqual([
      {
        services: ['a', 'b', 'c', 'a'],
        edges: [
          { from: 'a', to: 'b', via: 'dependsOn', index: 0 },
          { from: 'b', to: 'c', via: 'consumes', index: 0, api: 'c-api' },
          { from: 'c', to: 'a', via: 'dependsOn', index: 0 },
        ],
      },
    ]);
  });
});

describe('time values', () => {
  it('parses durations largest unit first', () => {
    expect(parseDuration('1h30m')).toBe(5400);
    expect(parseDuration('2d')).toBe(172800);
    expect(parseDuration('1w')).toBe(604800);
    expect(parseDuration('30m1h')).toBeUndefined();
    expect(parseDuration('')).toBeUndefined();
    expect(formatSeconds(9 * 86400 + 7200 + 5)).toBe('9d 2h');
  });

  it('places local instants in their zone and refuses them without one', () => {
    expect(resolveInstant('2026-03-10T22:00', 'Europe/Berlin')).toMatchObject({ ok: true, epoch: Date.UTC(2026, 2, 10, 21) / 1000 });
    expect(resolveInstant('2026-03-10T22:00', undefined)).toEqual({ ok: false, reason: 'no-time-zone' });
    expect(resolveInstant('2026-03-10T22:00', 'Mars/Olympus')).toEqual({ ok: false, reason: 'invalid-time-zone' });
    expect(resolveInstant('2026-03-10T22:00:00+01:00', undefined)).toMatchObject({ ok: true, epoch: Date.UTC(2026, 2, 10, 21) / 1000 });
    expect(resolveInstant('2026-06-30', undefined)).toMatchObject({ ok: true, epoch: Date.UTC(2026, 5, 30) / 1000 });
  });
});
