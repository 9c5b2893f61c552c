import { describe, expect, it } from 'vitest';
import { annotation, escapeData, escapeProperty, githubReporter } from '../../src/report/github.js';
import { allErrorsWaivedReport, emptyReport, sampleReport, suppressedReport } from './fixtures.js';
import { expectGolden } from './golden.js';

describe('github reporter', () => {
  it('matches the golden files', () => {
    expectGolden('sample.github.txt', githubReporter(sampleReport()));
    expectGolden('empty.github.txt', githubReporter(emptyReport()));
  });

  it('emits no annotation for a suppressed finding (golden)', () => {
    const out = githubReporter(suppressedReport());
    expectGolden('suppressed.github.txt', out);
    expect(out.trimEnd().split('\n')).toHaveLength(5);
    expect(out).not.toContain('window/freeze-conflict');
    expect(githubReporter(allErrorsWaivedReport())).not.toContain('::error ');
  });

  it('writes one workflow command per finding with its full region', () => {
    const lines = githubReporter(sampleReport()).trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines).toContain(
      "::notice file=calendar.yaml,line=1,col=1,endLine=1,endColumn=28,title=rollgate calendar/implicit-timezone::Calendar 'ops' sets no timezone, so its times are read as UTC; set spec.timezone (e.g. Europe/Berlin).",
    );
    expect(lines.filter((l) => l.startsWith('::error '))).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith('::warning '))).toHaveLength(2);
  });

  it('escapes %, CR and LF in data, and also : and , in properties', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('dir,x/a:b%.yaml\n')).toBe('dir%2Cx/a%3Ab%25.yaml%0A');
    const f = { ...sampleReport().findings[0]!, file: 'plans/a,b:c.yaml', ruleId: 'org/x', message: 'line one: 50%,\nline two' };
    const out = annotation(f);
    expect(out).toBe('::note file=plans/a%2Cb%3Ac.yaml,line=24,col=13,endLine=24,endColumn=15,title=rollgate org/x::line one: 50%25,%0Aline two\n'.replace('::note', '::notice'));
    // Exactly one real line per annotation: newlines in messages never start a new command.
    expect(out.split('\n')).toHaveLength(2);
  });
});
