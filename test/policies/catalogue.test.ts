import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveParams } from '../../src/check/params.js';
import { ToolError } from '../../src/errors.js';
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

  it('a parameter declared by several rules has one type and one default everywhere', () => {
    const byName = new Map<string, { rule: string; type: string; default: string }[]>();
    for (const r of rules) {
      for (const p of r.parameters ?? []) byName.set(p.name, [...(byName.get(p.name) ?? []), { rule: r.id, type: p.type, default: JSON.stringify(p.default) }]);
    }
    const shared = [...byName].filter(([, list]) => list.length > 1);
    // defaultRollbackDuration feeds rollback/missing-duration and window/no-rollback-slack.
    expect(shared.map(([name]) => name)).toContain('defaultRollbackDuration');
    for (const [name, list] of shared) {
      for (const d of list) expect({ name, type: d.type, default: d.default }, d.rule).toEqual({ name, type: list[0]!.type, default: list[0]!.default });
    }
  });

  it('resolving parameters refuses two rules that declare one parameter differently, naming both', () => {
    const rule = (id: string, type: 'duration' | 'integer', def: unknown): RuleInfo => ({
      id,
      severity: 'error',
      title: id,
      description: 'A rule made up for this test.',
      parameters: [{ name: 'defaultRollbackDuration', type, default: def, description: 'x' }],
    });
    const builtIn = rules.find((r) => r.id === 'window/no-rollback-slack')!;
    const attempt = (other: RuleInfo) => {
      try {
        resolveParams([builtIn, other], {});
      } catch (e) {
        return e;
      }
      return undefined;
    };
    const byDefault = attempt(rule('org/slack', 'duration', '45m'));
    expect(byDefault).toBeInstanceOf(ToolError);
    expect((byDefault as ToolError).kind).toBe('policy');
    expect((byDefault as Error).message).toMatch(/defaultRollbackDuration.*org\/slack.*window\/no-rollback-slack.*different defaults/);
    const byType = attempt(rule('org/slack', 'integer', 30));
    expect((byType as Error).message).toMatch(/org\/slack.*window\/no-rollback-slack.*different types/);
    // Agreeing declarations are fine, and the whole built-in catalogue resolves.
    expect(attempt(rule('org/slack', 'duration', '30m'))).toBeUndefined();
    expect(() => resolveParams(rules, {})).not.toThrow();
  });
});
