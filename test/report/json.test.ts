import { describe, expect, it } from 'vitest';
import { jsonReporter } from '../../src/report/json.js';
import { emptyReport, suppressedReport, sampleReport } from './fixtures.js';
import { expectGolden } from './golden.js';

describe('json reporter', () => {
  it('matches the golden file for the sample report', () => {
    expectGolden('sample.json', jsonReporter(sampleReport()));
  });

  it('matches the golden file for the empty report', () => {
    expectGolden('empty.json', jsonReporter(emptyReport()));
  });

  it('has CLI.md keys in CLI.md order', () => {
    const out = JSON.parse(jsonReporter(sampleReport())) as Record<string, unknown> & {
      summary: object;
      findings: Record<string, unknown>[];
    };
    expect(Object.keys(out)).toEqual(['tool', 'summary', 'findings']);
    expect(Object.keys(out.summary)).toEqual(['files', 'documents', 'errors', 'warnings', 'notes', 'suppressed']);
    const base = ['ruleId', 'severity', 'message', 'file', 'line', 'column', 'endLine', 'endColumn', 'path', 'document'];
    for (const f of out.findings) {
      expect(Object.keys(f)).toEqual(f.related ? [...base, 'related'] : base);
    }
    const related = out.findings.find((f) => f.ruleId === 'window/freeze-conflict')?.related;
    expect(related).toEqual([{ file: 'calendar.yaml', line: 15, column: 13, message: "freeze 'spring-freeze'" }]);
  });

  it('sorts findings by file, line, column, rule id', () => {
    const out = JSON.parse(jsonReporter(sampleReport())) as { findings: { file: string; line: number; ruleId: string }[] };
    expect(out.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual([
      'calendar.yaml:1 calendar/implicit-timezone',
      'plans/ledger.yaml:6 approvals/required',
      'plans/ledger.yaml:12 window/freeze-conflict',
      'plans/ledger.yaml:12 window/plan-overlap',
      'plans/ledger.yaml:19 readiness/missing-runbook',
      'plans/ledger.yaml:24 org/change-ticket',
    ]);
  });

  it('is deterministic whatever the input order, and does not mutate the report', () => {
    const a = sampleReport();
    const b = sampleReport();
    b.findings.reverse();
    const before = JSON.stringify(b.findings);
    expect(jsonReporter(b)).toBe(jsonReporter(a));
    expect(JSON.stringify(b.findings)).toBe(before);
  });

  it('omits document and related when a finding has none', () => {
    const r = sampleReport();
    r.findings = [{ ...r.findings[0]!, document: undefined, related: [] }];
    const f = (JSON.parse(jsonReporter(r)) as { findings: object[] }).findings[0]!;
    expect(Object.keys(f)).not.toContain('document');
    expect(Object.keys(f)).not.toContain('related');
  });

  it('ends with exactly one newline and uses two-space indentation', () => {
    const out = jsonReporter(emptyReport());
    expect(out.endsWith('}\n')).toBe(true);
    expect(out.split('\n')[1]).toMatch(/^ {2}"tool"/);
  });

  it('shows a waived finding as suppressed (golden)', () => {
    expectGolden('suppressed.json', jsonReporter(suppressedReport()));
  });
});
