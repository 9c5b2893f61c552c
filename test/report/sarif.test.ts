import { beforeAll, describe, expect, it } from 'vitest';
import { fileUri, fingerprint, pascalCase, sarifReporter } from '../../src/report/sarif.js';
import { emptyReport, suppressedReport, RULES, sampleReport } from './fixtures.js';
import { expectGolden } from './golden.js';
import { sarifValidator } from '../helpers/sarif-schema.js';


type Sarif = {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; name: string; [k: string]: unknown }[] } };
    invocations: { executionSuccessful: boolean }[];
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: Record<string, number> } }[];
      relatedLocations?: { id: number; message: { text: string } }[];
      partialFingerprints: Record<string, string>;
    }[];
  }[];
};

let validate: (data: unknown) => boolean;
let errors: () => string;

beforeAll(() => {
  ({ validate, errors } = sarifValidator());
});

function parse(out: string): Sarif {
  return JSON.parse(out) as Sarif;
}

describe('sarif reporter', () => {
  it('matches the golden file for the sample report', () => {
    expectGolden('sample.sarif', sarifReporter(sampleReport()));
  });

  it('matches the golden file for the empty report', () => {
    expectGolden('empty.sarif', sarifReporter(emptyReport()));
  });

  it.each([
    ['sample', sampleReport],
    ['empty', emptyReport],
  ])('validates against the SARIF 2.1.0 schema (%s report)', (_name, make) => {
    const ok = validate(JSON.parse(sarifReporter(make())));
    expect(ok ? '' : errors()).toBe('');
  });

  it('the schema really rejects broken SARIF', () => {
    const log = parse(sarifReporter(sampleReport()));
    (log.runs[0]!.results[0] as unknown as Record<string, unknown>).level = 'fatal';
    expect(validate(log)).toBe(false);
  });

  it('lists every rule of the catalogue, even those without findings, and indexes results into them', () => {
    const run = parse(sarifReporter(sampleReport())).runs[0]!;
    const ids = run.tool.driver.rules.map((r) => r.id);
    for (const rule of RULES) expect(ids).toContain(rule.id);
    expect(ids).toContain('readiness/stale-backup'); // no findings
    expect(ids).toContain('org/change-ticket'); // not in the catalogue: described anyway
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId);
    expect(run.results.map((r) => r.ruleId)).toEqual([
      'calendar/implicit-timezone',
      'approvals/required',
      'window/freeze-conflict',
      'window/plan-overlap',
      'readiness/missing-runbook',
      'org/change-ticket',
    ]);
  });

  it('reports executionSuccessful from the report', () => {
    const r = emptyReport();
    r.executionSuccessful = false;
    expect(parse(sarifReporter(r)).runs[0]!.invocations[0]!.executionSuccessful).toBe(false);
  });

  it('keeps fingerprints stable when a finding moves', () => {
    const f = sampleReport().findings[0]!;
    expect(fingerprint({ ...f, line: f.line + 10, endLine: f.endLine + 10 })).toBe(fingerprint(f));
    expect(fingerprint({ ...f, message: f.message + '!' })).not.toBe(fingerprint(f));
    expect(fingerprint(f)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is deterministic whatever the input order', () => {
    const r = sampleReport();
    r.findings.reverse();
    r.rules.reverse();
    expect(sarifReporter(r)).toBe(sarifReporter(sampleReport()));
  });

  it('makes repo-relative URI references', () => {
    expect(fileUri('plans\\ledger.yaml')).toBe('plans/ledger.yaml');
    expect(fileUri('./plans/my plan#1.yaml')).toBe('plans/my%20plan%231.yaml');
  });

  it('names rules in PascalCase', () => {
    expect(pascalCase('window/freeze-conflict')).toBe('WindowFreezeConflict');
    expect(pascalCase('readiness/missing-runbook')).toBe('ReadinessMissingRunbook');
  });

  it('shows a waived finding as suppressed (golden)', () => {
    expectGolden('suppressed.sarif', sarifReporter(suppressedReport()));
  });
});
