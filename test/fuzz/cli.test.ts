import fc from 'fast-check';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { applyMutation, baseDocuments, FUZZ, mutation, params } from './harness.js';

// A few runs of the built CLI on mutated organisations written as one file per document: the exit
// code is 0, 1 or 2, stdout is a parseable JSON report unless it is 2, and stderr holds no stack
// trace or runtime warning.
describe('fuzz: the CLI on mutated files', () => {
  it('exits 0, 1 or 2 with a well-formed report', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const docs = baseDocuments(2);
        for (const m of mutations) applyMutation(docs, m);
        const dir = mkdtempSync(path.join(os.tmpdir(), 'rollgate-fuzz-'));
        mkdirSync(path.join(dir, 'org'));
        docs.forEach((d, i) => writeFileSync(path.join(dir, 'org', `doc-${i}.yaml`), stringify(d, { lineWidth: 0, aliasDuplicateObjects: false })));
        const result = cli(['check', 'org', '--now', '2026-03-10T12:00:00Z', '--format', 'json'], { cwd: dir });
        expect([0, 1, 2]).toContain(result.code);
        expect(result.stderr).not.toMatch(/\n\s+at |Warning:|TypeError|RangeError/);
        if (result.code === 2) expect(result.stderr).toMatch(/^rollgate: /);
        else {
          const report = JSON.parse(result.stdout) as { findings: unknown[]; summary: { errors: number } };
          expect(Array.isArray(report.findings)).toBe(true);
          expect(result.code).toBe(report.summary.errors > 0 ? 1 : 0);
        }
      }),
      params(Math.max(3, Math.round(FUZZ.runs / 8))),
    );
  }, 120_000);

  it('a mapping used as a key is a finding, not a stderr warning', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rollgate-fuzz-'));
    writeFileSync(path.join(dir, 'svc.yaml'), 'apiVersion: rollgate.dev/v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  owner: a\n  version: "1.0.0"\n  ? [a, b]\n  : 1\n');
    const result = cli(['check', 'svc.yaml', '--now', '2026-03-10T12:00:00Z', '--format', 'json'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const ids = (JSON.parse(result.stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId);
    expect(ids).toEqual(['input/schema']);
  });
});
