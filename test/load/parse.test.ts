import { describe, expect, it } from 'vitest';
import { locate } from '../../src/load/locate.js';
import { parseFile } from '../../src/load/parse.js';

const doc = `apiVersion: rollgate.dev/v1
kind: RolloutPlan
metadata:
  name: demo
spec:
  owner: team-a
  steps:
    - id: ledger
      service: ledger
      to: 2.0.0
      stages:
        - traffic: 5
          bake: 30m
`;

describe('parseFile', () => {
  it('keeps documents of ours and skips other apiVersions and empty documents', () => {
    const src = `${doc}---\napiVersion: v1\nkind: ConfigMap\n---\n---\n${doc.replace('demo', 'other')}`;
    const { documents, problems } = parseFile('a.yaml', src);
    expect(problems).toEqual([]);
    expect(documents.map((d) => (d.value.metadata as { name: string }).name)).toEqual(['demo', 'other']);
    expect(documents.map((d) => d.index)).toEqual([0, 3]);
  });

  it('reports a syntax error with its position', () => {
    const { problems } = parseFile('bad.yaml', 'a: [1,\nb: 2\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ ruleId: 'input/yaml-syntax', file: 'bad.yaml', region: { line: 2, column: 1 } });
    expect(problems[0]!.message).toMatch(/^invalid YAML: /);
  });

  it('reports a duplicate key at the repeated key', () => {
    const { problems } = parseFile('dup.yaml', 'apiVersion: rollgate.dev/v1\nkind: Service\nkind: Service\n');
    expect(problems).toEqual([
      expect.objectContaining({ ruleId: 'input/duplicate-key', region: { line: 3, column: 1, endLine: 3, endColumn: 5 } }),
    ]);
    expect(problems[0]!.message).toContain("'kind'");
  });

  it('refuses a YAML bomb quickly instead of expanding it', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const started = Date.now();
    const { problems, documents } = parseFile('bomb.yaml', `apiVersion: rollgate.dev/v1\n${lines.join('\n')}\n`);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(documents).toEqual([]);
    expect(problems[0]).toMatchObject({ ruleId: 'input/yaml-syntax' });
    expect(problems[0]!.message).toMatch(/YAML bomb/);
  });
});

describe('locate', () => {
  const { documents } = parseFile('a.yaml', doc);
  const d = documents[0]!;
  const at = (pointer: string, onKey = false) => locate(d.yaml, d.lineCounter, d.source, pointer, onKey);

  it('points at a scalar value', () => {
    expect(at('/spec/steps/0/stages/0/bake')).toEqual({ line: 13, column: 17, endLine: 13, endColumn: 20 });
  });
  it('points at the key that introduces a collection', () => {
    expect(at('/spec/steps')).toEqual({ line: 7, column: 3, endLine: 7, endColumn: 8 });
  });
  it('points at the first line of a sequence item', () => {
    expect(at('/spec/steps/0')).toMatchObject({ line: 8, column: 7, endLine: 8 });
  });
  it('points at the key when asked (unknown property)', () => {
    expect(at('/spec/owner', true)).toEqual({ line: 6, column: 3, endLine: 6, endColumn: 8 });
  });
  it('falls back to the nearest existing parent', () => {
    expect(at('/spec/steps/0/rollback/duration')).toMatchObject({ line: 8 });
    expect(at('/spec/steps/7')).toEqual({ line: 7, column: 3, endLine: 7, endColumn: 8 });
  });
  it('unescapes JSON pointer segments', () => {
    const { documents: ds } = parseFile('b.yaml', 'apiVersion: rollgate.dev/v1\nmetadata:\n  labels:\n    a/b: x\n');
    const e = ds[0]!;
    expect(locate(e.yaml, e.lineCounter, e.source, '/metadata/labels/a~1b')).toMatchObject({ line: 4, column: 10 });
  });
});
