import { describe, expect, it } from 'vitest';
import { textReporter } from '../../src/report/text.js';
import { emptyReport, suppressedReport, sampleReport } from './fixtures.js';
import { expectGolden } from './golden.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/;

describe('text reporter', () => {
  it('matches the golden file for the sample report', () => {
    expectGolden('sample.txt', textReporter(sampleReport(), { color: false }));
  });

  it('matches the golden file for the empty report', () => {
    expectGolden('empty.txt', textReporter(emptyReport(), { color: false }));
  });

  it('colours only when asked', () => {
    expect(textReporter(sampleReport(), { color: false })).not.toMatch(ANSI);
    expect(textReporter(emptyReport(), { color: false })).not.toMatch(ANSI);
    expect(textReporter(sampleReport(), { color: true })).toMatch(ANSI);
    expect(textReporter(emptyReport(), { color: true })).toMatch(ANSI);
  });

  it('says the same thing with and without colour', () => {
    const plain = textReporter(sampleReport(), { color: false });
    // eslint-disable-next-line no-control-regex
    expect(textReporter(sampleReport(), { color: true }).replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain);
  });

  it('prints no carriage returns or trailing spaces', () => {
    const out = textReporter(sampleReport(), { color: false });
    expect(out).not.toContain('\r');
    for (const line of out.split('\n')) expect(line).toBe(line.trimEnd());
  });

  it('counts problems and files in the summary', () => {
    const r = sampleReport();
    r.findings = r.findings.filter((f) => f.file === 'calendar.yaml');
    expect(textReporter(r, { color: false }).trimEnd().split('\n').at(-1)).toBe(
      '✖ 1 problem (0 errors, 0 warnings, 1 note) in 1 file',
    );
  });

  it('still reports findings whose source text is unknown', () => {
    const r = sampleReport();
    r.sources = new Map();
    const out = textReporter(r, { color: false });
    expect(out).toContain('  1:1  note  Calendar');
    expect(out).not.toContain(' | ');
  });

  it('shows a waived finding as suppressed (golden)', () => {
    expectGolden('suppressed.txt', textReporter(suppressedReport(), { color: false }));
  });
});
