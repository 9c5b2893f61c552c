import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

/**
 * examples/ documents its deliberate window problems with `# expect: window/<rule>` comments
 * (examples/README.md). Each must be matched by a finding of that rule within 3 lines below it,
 * and no window finding may appear without such a comment.
 */
const NOW = '2026-12-01T09:00:00Z';
const REACH = 3;

interface Expectation {
  file: string;
  line: number;
  rule: string;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return yamlFiles(full);
      return /\.ya?ml$/.test(name) ? [full] : [];
    });
}

function expectations(): Expectation[] {
  const out: Expectation[] = [];
  for (const file of yamlFiles('examples')) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((text, i) => {
        const m = /^\s*#\s*expect:\s*(window\/[a-z-]+)\s*$/.exec(text);
        if (m) out.push({ file: file.split(path.sep).join('/'), line: i + 1, rule: m[1]! });
      });
  }
  return out;
}

describe('window expectations in examples/', () => {
  const r = cli(['check', 'examples/', '--format', 'json', '--now', NOW]);
  const report = JSON.parse(r.stdout) as { findings: { ruleId: string; file: string; line: number; message: string }[] };
  const windowFindings = report.findings.filter((f) => f.ruleId.startsWith('window/'));
  const expected = expectations();

  it('has window expectations to check', () => {
    expect(expected.length).toBeGreaterThanOrEqual(6);
  });

  for (const e of expected) {
    it(`${e.file}:${e.line} ${e.rule} is reported within ${REACH} lines below`, () => {
      const hit = windowFindings.find((f) => f.file === e.file && f.ruleId === e.rule && f.line > e.line && f.line <= e.line + REACH);
      expect(hit, `no ${e.rule} finding at ${e.file}:${e.line + 1}-${e.line + REACH}`).toBeDefined();
    });
  }

  it('reports no window finding without an expect comment above it', () => {
    const unexpected = windowFindings.filter(
      (f) => !expected.some((e) => e.file === f.file && e.rule === f.ruleId && f.line > e.line && f.line <= e.line + REACH),
    );
    expect(unexpected.map((f) => `${f.file}:${f.line} ${f.ruleId}: ${f.message}`)).toEqual([]);
  });

  it('keeps the clean plan free of findings', () => {
    const clean = cli(['check', 'examples/services', 'examples/calendar.yaml', 'examples/plans/clean.yaml', '--format', 'json', '--now', NOW]);
    const findings = (JSON.parse(clean.stdout) as { findings: unknown[] }).findings;
    expect(findings).toEqual([]);
    expect(clean.code).toBe(0);
  });
});
