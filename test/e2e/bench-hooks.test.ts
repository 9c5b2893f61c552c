import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const OPA = path.resolve('.tools/bin/opa');
const NOW = '2026-03-10T12:00:00Z';

function generate(args: string[]): string {
  const out = mkdtempSync(path.join(os.tmpdir(), 'rollgate-gen-'));
  const res = spawnSync(process.execPath, ['bench/generate.mjs', ...args, '--out', out], { encoding: 'utf8' });
  expect(res.status, res.stderr).toBe(0);
  return out;
}

function findings(dir: string): { ruleId: string }[] {
  const result = cli(['check', dir, '--now', NOW, '--format', 'json']);
  expect([0, 1]).toContain(result.code);
  return (JSON.parse(result.stdout) as { findings: { ruleId: string }[] }).findings;
}

describe('bench/generate.mjs', () => {
  it('writes schema-valid organisations: no input/* finding, policy findings of several rules', () => {
    for (const seed of ['1', '2']) {
      const dir = generate(['--services', '60', '--plans', '12', '--seed', seed]);
      expect(readdirSync(path.join(dir, 'services'))).toHaveLength(60);
      expect(readdirSync(path.join(dir, 'plans'))).toHaveLength(12);
      expect(existsSync(path.join(dir, 'calendars.yaml'))).toBe(true);
      const found = findings(dir);
      expect(found.filter((f) => f.ruleId.startsWith('input/'))).toEqual([]);
      expect(new Set(found.map((f) => f.ruleId)).size).toBeGreaterThan(3);
    }
  });

  it('is deterministic for a seed', () => {
    const a = generate(['--services', '30', '--plans', '5', '--seed', '7']);
    const b = generate(['--services', '30', '--plans', '5', '--seed', '7']);
    for (const rel of ['calendars.yaml', 'plans/plan-3.yaml', 'services/payments-api-0.yaml']) {
      expect(readFileSync(path.join(a, rel), 'utf8')).toBe(readFileSync(path.join(b, rel), 'utf8'));
    }
  });

  it('adds cycles only when asked', () => {
    expect(findings(generate(['--services', '40', '--plans', '1', '--seed', '3'])).map((f) => f.ruleId)).not.toContain('graph/cycle');
    expect(findings(generate(['--services', '40', '--plans', '1', '--seed', '3', '--cycles', '2'])).map((f) => f.ruleId)).toContain('graph/cycle');
  });
});

describe('opt-in benchmark hooks', () => {
  it('ROLLGATE_TIMINGS=1 prints one JSON line of phase durations on stderr', () => {
    const result = cli(['check', 'examples', '--now', NOW], { env: { ROLLGATE_TIMINGS: '1' } });
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    const parsed = JSON.parse(lines[0]!) as { timings: Record<string, number>; startupMs: number; totalMs: number };
    expect(Object.keys(parsed.timings)).toEqual(['discover', 'parse', 'schema', 'graph', 'facts', 'policy', 'report']);
    expect(Object.values(parsed.timings).every((v) => typeof v === 'number' && v >= 0)).toBe(true);
    expect(parsed.totalMs).toBeGreaterThan(0);
    expect(cli(['check', 'examples', '--now', NOW]).stderr).toBe('');
  });

  it('ROLLGATE_DUMP_INPUT gives opa eval the same facts: the reference engine finds the same findings', () => {
    const dump = mkdtempSync(path.join(os.tmpdir(), 'rollgate-dump-'));
    const result = cli(['check', 'examples', '--now', NOW, '--format', 'json'], { env: { ROLLGATE_DUMP_INPUT: dump } });
    const report = JSON.parse(result.stdout) as { findings: { ruleId: string; message: string }[] };
    const plans = readdirSync(path.join(dump, 'inputs')).sort();
    // One input per plan of examples/plans (a file may hold several plans).
    expect(plans).toContain('catalog-pricing-eu.json');
    expect(plans.length).toBeGreaterThanOrEqual(readdirSync('examples/plans').length);
    const opaFindings: string[] = [];
    for (const input of [path.join(dump, 'catalogue-input.json'), ...plans.map((p) => path.join(dump, 'inputs', p))]) {
      const res = spawnSync(
        OPA,
        ['eval', '-d', 'policies', '--ignore', 'fixtures', '--ignore', 'capabilities.json', '--ignore', '*_test.rego', '-d', path.join(dump, 'data.json'), '--input', input, '-f', 'raw', 'data.rollgate.main.findings'],
        { encoding: 'utf8' },
      );
      expect(res.status, res.stderr).toBe(0);
      for (const f of JSON.parse(res.stdout) as { rule: string; message: string }[]) opaFindings.push(`${f.rule} ${f.message}`);
    }
    const ours = report.findings.filter((f) => !f.ruleId.startsWith('input/')).map((f) => `${f.ruleId} ${f.message}`);
    expect(opaFindings.sort()).toEqual(ours.sort());
    expect(ours.length).toBeGreaterThan(5);
  });
});
