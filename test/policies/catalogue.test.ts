import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RuleInfo } from '../../src/policy/catalogue.js';

/** Meta-tests: every rule folder is complete, its id matches its path, the catalogue and RULES.md. */
const POLICIES = path.resolve('policies');
const rules: RuleInfo[] = JSON.parse(readFileSync('bundle/rules.json', 'utf8'));
const RULES_MD = path.resolve('..', 'shared', 'spec', 'RULES.md');

describe('rule catalogue', () => {
  const folders = readdirSync(POLICIES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'lib')
    .flatMap((c) => readdirSync(path.join(POLICIES, c.name), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `${c.name}/${d.name}`))
    .sort();

  it('has one catalogue entry per rule folder, and no other', () => {
    expect(rules.map((r) => r.id).sort()).toEqual(folders);
  });

  for (const id of folders) {
    it(`${id}: folder has its Rego, its tests and a package named by its id`, () => {
      const [category, name] = id.split('/') as [string, string];
      const base = name.replace(/-/g, '_');
      const rego = path.join(POLICIES, category, name, `${base}.rego`);
      expect(existsSync(rego), rego).toBe(true);
      expect(existsSync(path.join(POLICIES, category, name, `${base}_test.rego`))).toBe(true);
      const text = readFileSync(rego, 'utf8');
      // A name without dashes may be written as a plain ref (rollgate.rules.graph.cycle).
      const segment = (s: string) => `(\\.${s}|\\["${s}"\\])`;
      expect(text).toMatch(new RegExp(`^package rollgate\\.rules${segment(category)}${segment(name)}$`, 'm'));
    });
  }

  it('every rule has a title, a description and a valid severity', () => {
    for (const r of rules) {
      expect(r.title, r.id).toBeTruthy();
      expect(r.description.length, r.id).toBeGreaterThan(20);
      expect(['error', 'warning', 'note']).toContain(r.severity);
    }
  });

  it.runIf(existsSync(RULES_MD))('ids and default severities match RULES.md', () => {
    const spec = new Map<string, string>();
    for (const m of readFileSync(RULES_MD, 'utf8').matchAll(/^\| ([a-z]+\/[a-z0-9-]+) \| ([^|]+) \|/gm)) spec.set(m[1]!, m[2]!.trim());
    for (const r of rules) {
      expect(spec.has(r.id), `${r.id} is not in RULES.md`).toBe(true);
      // "error for tier-1, warning otherwise" style entries: the default is the first word that is a severity.
      const declared = /(error|warning|note)/.exec(spec.get(r.id)!)?.[1];
      if (!/ for | otherwise/.test(spec.get(r.id)!)) expect(r.severity, r.id).toBe(declared);
    }
  });
});
