import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const NOW = '2026-12-01T09:00:00Z';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(e.name) ? [p] : [];
  });
}

describe('contract and rollback findings on the examples', () => {
  const report = JSON.parse(cli(['check', 'examples/', '--format', 'json', '--now', NOW]).stdout);
  const mine = (report.findings as { ruleId: string; file: string; line: number }[]).filter((f) => /^(contract|rollback)\//.test(f.ruleId));
  // Several `# expect:` lines stacked directly above one line are about that line: the window of 3
  // lines starts below the last of them (rollback-problems.yaml stacks four on one step).
  const expects = yamlFiles('examples').flatMap((file) => {
    const lines = readFileSync(file, 'utf8').split('\n');
    return lines.flatMap((text, i) => {
      const m = /#\s*expect:\s*((contract|rollback)\/[a-z-]+)/.exec(text);
      if (!m) return [];
      let last = i;
      while (/^\s*#\s*expect:/.test(lines[last + 1] ?? '')) last++;
      return [{ file: file.split(path.sep).join('/'), line: i + 1, blockEnd: last + 1, rule: m[1]! }];
    });
  });
  const near = (e: { file: string; line: number; blockEnd: number; rule: string }, f: { ruleId: string; file: string; line: number }) =>
    f.ruleId === e.rule && f.file === e.file && f.line > e.line && f.line <= e.blockEnd + 3;

  it('has expectations to check', () => {
    expect(expects.length).toBeGreaterThan(10);
  });

  it('matches every # expect: contract/... and rollback/... comment with a finding within 3 lines below', () => {
    const missing = expects.filter((e) => !mine.some((f) => near(e, f)));
    expect(missing).toEqual([]);
  });

  it('reports no contract or rollback finding without such a comment', () => {
    const unexpected = mine.filter((f) => !expects.some((e) => near(e, f)));
    expect(unexpected).toEqual([]);
  });

  it('keeps the clean plan free of findings', () => {
    const r = cli(['check', 'examples/services', 'examples/calendar.yaml', 'examples/plans/clean.yaml', '--format', 'json', '--now', NOW]);
    expect(JSON.parse(r.stdout).findings).toEqual([]);
    expect(r.code).toBe(0);
  });
});

describe('rollgate order', () => {
  it('prints the waves and the rollback order of an example plan', () => {
    const r = cli(['order', 'inventory-reservations-eu', 'examples/']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('wave 1: checkout (checkout 3.8.1 -> 3.10.0 in eu-west-1), search (search ? -> 1.0.0 in eu-west-1)');
    expect(r.stdout).toContain('wave 2: inventory (inventory 1.8.3 -> 1.9.0 in eu-west-1)');
    expect(r.stdout).toContain('wave 3: catalog (catalog 2.7.5 -> 2.7.6 in eu-west-1), web-frontend (web-frontend 5.12.0 -> 5.13.0 in eu-west-1)');
    expect(r.stdout).toMatch(/Rollback \(reverse order\):\n {2}wave 1: web-frontend, catalog\n {2}wave 2: inventory\n {2}wave 3: search, checkout\n/);
  });

  it('gives the same waves as JSON', () => {
    const r = cli(['order', 'multicurrency-eu', 'examples/', '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.waves.map((w: { id: string }[]) => w.map((s) => s.id))).toEqual([['ledger'], ['payments'], ['checkout']]);
    expect(out.rollback).toEqual([['checkout'], ['payments'], ['ledger']]);
    expect(out.waves[0][0]).toEqual({ id: 'ledger', service: 'ledger', from: '1.9.2', to: '1.10.0', regions: ['eu-west-1'] });
  });

  it('--suggest finds an order for a shuffled plan that satisfies every contract', () => {
    // The graph example runs checkout (needs inventory-api ^1.9.0) before inventory delivers it.
    const r = cli(['order', 'inventory-reservations-eu', 'examples/', '--suggest', '--format', 'json']);
    expect(r.code).toBe(0);
    const order: string[] = JSON.parse(r.stdout).suggestion.order;
    expect([...order].sort()).toEqual(['catalog', 'checkout', 'inventory', 'search', 'web-frontend']);
    expect(order.indexOf('inventory')).toBeLessThan(order.indexOf('checkout'));
  });

  it('--suggest reorders a fixture plan whose consumer step comes first', () => {
    const r = cli(['order', 'fixture-plan', 'policies/contract/unsatisfied-range/fixtures/fires/new-contract-only-consumer.yaml', '--suggest']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1\. ledger {3}after: \[\]\n {2}2\. payments {3}after: \[ledger\]/);
  });

  it('--suggest exits 1 and says why when no order keeps every contract', () => {
    const r = cli(['order', 'api-cleanup-eu', 'examples/', '--suggest']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("No order satisfies every contract: step 'notifications' breaks a contract whatever the order");
  });

  it('exits 2 with the known plans for an unknown plan', () => {
    const r = cli(['order', 'nope', 'examples/']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^rollgate: unknown plan 'nope'; known plans: api-cleanup-eu, .*multicurrency-eu/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
