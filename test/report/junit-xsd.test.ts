import { readFileSync } from 'node:fs';
import { XmlDocument, XsdValidator } from 'libxml2-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { junitReporter } from '../../src/report/junit.js';
import { cli } from '../helpers/cli.js';
import { emptyReport, sampleReport } from './fixtures.js';

/** JUnit output checked by libxml2 (compiled to WASM) against test/schemas/junit.xsd. */
const schemaDoc = XmlDocument.fromString(readFileSync(new URL('../schemas/junit.xsd', import.meta.url), 'utf8'));
const validator = XsdValidator.fromDoc(schemaDoc);

afterAll(() => {
  validator.dispose();
  schemaDoc.dispose();
});

function validate(xml: string): void {
  const doc = XmlDocument.fromString(xml);
  try {
    validator.validate(doc);
  } finally {
    doc.dispose();
  }
}

describe('junit reporter against the JUnit XML schema', () => {
  it('validates the sample and the empty report', () => {
    expect(() => validate(junitReporter(sampleReport(), { color: false }))).not.toThrow();
    expect(() => validate(junitReporter(emptyReport(), { color: false }))).not.toThrow();
  });

  it('validates the report of the examples', () => {
    const r = cli(['check', 'examples/', '-f', 'junit', '--now', '2026-12-01T09:00:00Z']);
    expect(r.stdout).toMatch(/<failure /);
    expect(() => validate(r.stdout)).not.toThrow();
  });

  it('rejects what CI systems would not read (the schema can fail)', () => {
    expect(() => validate('<testsuites><testsuite name="x" tests="1"/></testsuites>')).toThrow(); // no failures/errors
    expect(() => validate('<testsuites><testsuite name="x" tests="1" failures="0" errors="0"><testcase name="a"/></testsuite></testsuites>')).toThrow(); // no classname
  });
});
