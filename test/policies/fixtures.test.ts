import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../helpers/run-check.js';

/**
 * Every rule folder's fixtures through the compiled WASM and the real pipeline: a rule can pass
 * `opa test` and still fail in WASM (ARCHITECTURE.md).
 */
const POLICIES = path.resolve('policies');
const DEFAULT_NOW = '2026-03-10T12:00:00Z';

interface RuleFolder {
  id: string;
  dir: string;
}

function ruleFolders(): RuleFolder[] {
  const out: RuleFolder[] = [];
  for (const category of readdirSync(POLICIES, { withFileTypes: true })) {
    if (!category.isDirectory() || category.name === 'lib') continue;
    for (const rule of readdirSync(path.join(POLICIES, category.name), { withFileTypes: true })) {
      if (rule.isDirectory()) out.push({ id: `${category.name}/${rule.name}`, dir: path.join(POLICIES, category.name, rule.name) });
    }
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : 1));
}

function fixtures(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(dir, f)) : [];
}

function nowOf(file: string): string {
  const first = readFileSync(file, 'utf8').split('\n', 1)[0] ?? '';
  return /^#\s*now:\s*(\S+)/.exec(first)?.[1] ?? DEFAULT_NOW;
}

const folders = ruleFolders();

describe('rule fixtures through the compiled policy', () => {
  it('finds rule folders', () => {
    expect(folders.length).toBeGreaterThan(0);
  });

  for (const rule of folders) {
    describe(rule.id, () => {
      const fires = fixtures(path.join(rule.dir, 'fixtures', 'fires'));
      const passes = fixtures(path.join(rule.dir, 'fixtures', 'passes'));

      it('has fixtures that must and must not trigger it', () => {
        expect(fires.length, 'fixtures/fires').toBeGreaterThan(0);
        expect(passes.length, 'fixtures/passes').toBeGreaterThan(0);
      });

      for (const file of fires) {
        it(`fires on ${path.basename(file)}`, async () => {
          const report = await runCheck([path.relative('.', file)], { now: nowOf(file) });
          const schemaProblems = report.findings.filter((f) => f.ruleId.startsWith('input/'));
          expect(schemaProblems, 'fixture must be valid input').toEqual([]);
          const mine = report.findings.filter((f) => f.ruleId === rule.id);
          expect(mine.length).toBeGreaterThan(0);
          for (const f of mine) {
            expect(f.line).toBeGreaterThan(0);
            expect(f.column).toBeGreaterThan(0);
            expect(f.message.length).toBeGreaterThan(20);
          }
        });
      }
      for (const file of passes) {
        it(`does not fire on ${path.basename(file)}`, async () => {
          const report = await runCheck([path.relative('.', file)], { now: nowOf(file) });
          const schemaProblems = report.findings.filter((f) => f.ruleId.startsWith('input/'));
          expect(schemaProblems, 'fixture must be valid input').toEqual([]);
          expect(report.findings.filter((f) => f.ruleId === rule.id)).toEqual([]);
        });
      }
    });
  }
});
