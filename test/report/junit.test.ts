import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { junitReporter } from '../../src/report/junit.js';
import { allErrorsWaivedReport, emptyReport, sampleReport, suppressedReport } from './fixtures.js';
import { expectGolden } from './golden.js';

type Node = Record<string, unknown>;
const list = (v: unknown): Node[] => (v === undefined ? [] : Array.isArray(v) ? (v as Node[]) : [v as Node]);

/**
 * Structural validation against the Jenkins/Surefire JUnit shape (no JUnit XSD ships in an npm
 * package we could find): well-formed XML (fast-xml-parser's validator), a <testsuites> root whose
 * tests/failures/errors add up, suites with name and integer counts, testcases with classname and
 * name, and at most one <failure> (with message and type) per testcase.
 */
function validateJunit(xml: string): Node {
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseAttributeValue: false }).parse(xml) as Node;
  const root = doc.testsuites as Node;
  expect(root).toBeDefined();
  const int = (v: unknown) => {
    expect(String(v)).toMatch(/^\d+$/);
    return Number(v);
  };
  let tests = 0;
  let failures = 0;
  for (const suite of list(root.testsuite)) {
    expect(typeof suite['@name']).toBe('string');
    const cases = list(suite.testcase);
    expect(int(suite['@tests'])).toBe(cases.length);
    expect(int(suite['@errors'])).toBe(0);
    expect(int(suite['@skipped'])).toBe(0);
    const failed = cases.filter((c) => c.failure !== undefined);
    expect(int(suite['@failures'])).toBe(failed.length);
    for (const c of cases) {
      expect(typeof c['@classname']).toBe('string');
      expect(typeof c['@name']).toBe('string');
      expect(c['@time']).toBe('0');
      const f = list(c.failure);
      expect(f.length).toBeLessThanOrEqual(1);
      for (const x of f) {
        expect(typeof x['@message']).toBe('string');
        expect(['error', 'warning', 'note']).toContain(x['@type']);
        expect(String(x['#text'] ?? '')).not.toBe('');
      }
    }
    tests += cases.length;
    failures += failed.length;
  }
  expect(int(root['@tests'])).toBe(tests);
  expect(int(root['@failures'])).toBe(failures);
  return root;
}

describe('junit reporter', () => {
  it('matches the golden files', () => {
    expectGolden('sample.junit.xml', junitReporter(sampleReport(), { color: false }));
    expectGolden('empty.junit.xml', junitReporter(emptyReport(), { color: false }));
  });

  it('writes JUnit XML with one suite per rule and one failing case per rule and document', () => {
    const root = validateJunit(junitReporter(sampleReport(), { color: false }));
    const suites = list(root.testsuite);
    expect(suites.map((s) => s['@name'])).toEqual([...suites.map((s) => s['@name'] as string)].sort());
    const freeze = suites.find((s) => s['@name'] === 'window/freeze-conflict')!;
    const c = list(freeze.testcase)[0]!;
    expect(c['@name']).toBe('RolloutPlan/ledger-1-7 (plans/ledger.yaml)');
    expect(String((c.failure as Node)['#text'])).toContain("plans/ledger.yaml:12:5: Step 'ledger'");
    // Warnings do not fail by default: they are carried in system-out.
    const overlap = list(suites.find((s) => s['@name'] === 'window/plan-overlap')!.testcase)[0]!;
    expect(overlap.failure).toBeUndefined();
    expect(String(overlap['system-out'])).toContain('overlaps plan');
    expect(root['@failures']).toBe('2');
  });

  it('fails warnings too with --fail-on warning, and nothing with none', () => {
    expect(validateJunit(junitReporter(sampleReport(), { color: false, failOn: 'warning' }))['@failures']).toBe('4');
    expect(validateJunit(junitReporter(sampleReport(), { color: false, failOn: 'none' }))['@failures']).toBe('0');
  });

  it('puts a suppressed finding into system-out with its waiver, never into a failure (golden)', () => {
    const xml = junitReporter(suppressedReport(), { color: false });
    expectGolden('suppressed.junit.xml', xml);
    const root = validateJunit(xml);
    const freeze = list(list(root.testsuite).find((s) => s['@name'] === 'window/freeze-conflict')!.testcase)[0]!;
    expect(freeze.failure).toBeUndefined();
    expect(String(freeze['system-out'])).toContain('suppressed by waiver (reason: PCI deadline agreed with the CAB, approved by vp-eng, expires 2026-12-31) error: plans/ledger.yaml:12:5');
    expect(root['@failures']).toBe('1');
    // Even --fail-on note does not fail a waived finding.
    expect(validateJunit(junitReporter(allErrorsWaivedReport(), { color: false, failOn: 'note' }))['@failures']).toBe('4');
    expect(validateJunit(junitReporter(allErrorsWaivedReport(), { color: false }))['@failures']).toBe('0');
  });

  it('has one passing case per rule for the empty report', () => {
    const root = validateJunit(junitReporter(emptyReport(), { color: false }));
    expect(root['@tests']).toBe(String(emptyReport().rules.length));
    expect(root['@failures']).toBe('0');
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    const r = sampleReport();
    r.findings[0]!.message = 'a <b> & "c" \u0001 ]]> \'d\'';
    r.findings[0]!.severity = 'error';
    const xml = junitReporter(r, { color: false });
    const root = validateJunit(xml);
    expect(xml).not.toContain('\u0001');
    const text = JSON.stringify(root);
    expect(text).toContain('a <b> & \\"c\\"');
  });
});
