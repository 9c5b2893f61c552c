import fc from 'fast-check';
import { expect } from 'vitest';
import { stringify } from 'yaml';
import { check } from '../../src/check/check.js';
import { ToolError } from '../../src/errors.js';
import type { Report } from '../../src/findings/report.js';
import { defaultBundleDir, loadBundle, type PolicyBundle } from '../../src/policy/runtime.js';
import { reporters } from '../../src/report/index.js';
// @ts-expect-error plain ESM without types: the seeded workload generator of the benchmark
import { generate } from '../../bench/generate.mjs';

/** FUZZ_RUNS / FUZZ_SEED pick a longer or different run (npm run fuzz); CI uses the fixed defaults. */
export const FUZZ = {
  runs: Number(process.env.FUZZ_RUNS ?? 40),
  seed: Number(process.env.FUZZ_SEED ?? 20260310),
};

/** fast-check parameters: fixed seed, and the seed printed on failure for replay. */
export function params(runs = FUZZ.runs): fc.Parameters<unknown> {
  return { numRuns: runs, seed: FUZZ.seed, endOnFailure: true };
}

/** A small valid organisation (services, calendars, plans with problems) as plain documents. */
export function baseDocuments(seed = 1): Record<string, unknown>[] {
  const org = generate({ services: 6, plans: 3, seed }) as { services: object[]; calendars: object[]; plans: object[] };
  return structuredClone([...org.services, ...org.calendars, ...org.plans]) as Record<string, unknown>[];
}

export function toYaml(docs: unknown[]): string {
  return docs.map((d) => stringify(d, { lineWidth: 0, aliasDuplicateObjects: false })).join('---\n');
}

let bundle: Promise<PolicyBundle> | undefined;
const NOW = 1_773_144_000; // 2026-03-10T12:00:00Z
const SEVERITIES = new Set(['error', 'warning', 'note']);
/** No single input of these sizes may take longer: a hang or a blow-up, not a slow machine. */
const TIME_LIMIT_MS = 10_000;

export type Outcome = { kind: 'report'; report: Report; exitCode: 0 | 1 } | { kind: 'tool-error'; exitCode: 2; message: string };

/**
 * Run the real pipeline in-process on YAML given as stdin, as `rollgate check -` does, and check
 * the invariants: no crash (only a ToolError may escape, which the CLI turns into exit 2), no hang,
 * a well-formed report that every reporter can render.
 */
export async function runOnText(text: string): Promise<Outcome> {
  bundle ??= loadBundle(defaultBundleDir());
  const started = performance.now();
  let report: Report;
  try {
    report = await check({
      paths: ['-'],
      cwd: process.cwd(),
      nowEpoch: NOW,
      paramOverrides: {},
      bundle: await bundle,
      readStdin: async () => text,
      version: '0.0.0-fuzz',
    });
  } catch (err) {
    if (err instanceof ToolError) return { kind: 'tool-error', exitCode: 2, message: err.message };
    throw new Error(`rollgate crashed (not a ToolError) on this input:\n${text.slice(0, 2000)}\n--- ${String((err as Error)?.stack ?? err)}`);
  }
  const elapsed = performance.now() - started;
  expect(elapsed, 'one small input took too long').toBeLessThan(TIME_LIMIT_MS);
  expectWellFormed(report);
  return { kind: 'report', report, exitCode: report.findings.some((f) => f.severity === 'error') ? 1 : 0 };
}

export function expectWellFormed(report: Report): void {
  expect(report.executionSuccessful).toBe(true);
  for (const f of report.findings) {
    expect(typeof f.ruleId).toBe('string');
    expect(f.ruleId).toMatch(/^[a-z]+\/[a-z0-9-]+$/);
    expect(SEVERITIES.has(f.severity)).toBe(true);
    expect(typeof f.message).toBe('string');
    expect(f.message.length).toBeGreaterThan(0);
    expect(typeof f.file).toBe('string');
    expect(Number.isInteger(f.line) && f.line >= 1).toBe(true);
    expect(Number.isInteger(f.column) && f.column >= 1).toBe(true);
    expect(typeof f.path).toBe('string');
  }
  const count = (s: string) => report.findings.filter((f) => f.severity === s).length;
  expect(report.summary.errors).toBe(count('error'));
  expect(report.summary.warnings).toBe(count('warning'));
  expect(report.summary.notes).toBe(count('note'));
  // Every reporter renders it; the JSON one round-trips.
  for (const [name, reporter] of Object.entries(reporters)) {
    const out = reporter(report, { color: false });
    expect(typeof out, name).toBe('string');
    if (name === 'json' || name === 'sarif') JSON.parse(out);
  }
}

// ------------------------------------------------------------------------------------------------
// Mutations of valid documents.

type Path = (string | number)[];

/** Every path to a value inside a document (objects and arrays included). */
export function allPaths(value: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...allPaths(v, [...prefix, i])));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...allPaths(v, [...prefix, k]));
  return out;
}

function nested(depth: number, leaf: unknown): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 === 0 ? [v] : { deep: v };
  return v;
}

/** Values that do not belong where they are put: wrong types, extremes, unicode, deep nesting. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 64, '', ' ', '\u0000', '\uFEFF', 'NaN', '.inf', '~', 'null', '99999-99-99T99:99', '1.2', 'v1.2.3', '>>>', '^', '2026-02-30', '25:00', '0s', '-5m'),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 4 }),
  fc.integer({ min: 10, max: 300 }).map((d) => nested(d, 'x')),
  fc.string({ maxLength: 3 }).map((s) => s.repeat(5000)),
);

export type Mutation =
  | { op: 'set'; pick: number; value: unknown }
  | { op: 'delete'; pick: number }
  | { op: 'add-key'; pick: number; key: string; value: unknown }
  | { op: 'duplicate'; pick: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('set' as const), pick: fc.nat(), value: hostileValue }),
  fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('add-key' as const), pick: fc.nat(), key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('spec', 'steps', 'after', '__proto__', 'constructor')), value: hostileValue }),
  fc.record({ op: fc.constant('duplicate' as const), pick: fc.nat() }),
);

/** Apply a mutation at one of the documents' paths (chosen by `pick`), in place. */
export function applyMutation(docs: unknown[], m: Mutation): void {
  const paths = allPaths(docs).filter((p) => p.length > 0);
  const target = paths[m.pick % paths.length]!;
  const parentPath = target.slice(0, -1);
  const key = target[target.length - 1]!;
  let parent: any = docs;
  for (const k of parentPath) parent = parent[k];
  switch (m.op) {
    case 'set':
      parent[key] = m.value;
      break;
    case 'delete':
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
      break;
    case 'add-key': {
      const node = parent[key];
      if (node !== null && typeof node === 'object' && !Array.isArray(node)) Object.defineProperty(node, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
      else parent[key] = { [m.key]: m.value };
      break;
    }
    case 'duplicate':
      if (Array.isArray(parent)) parent.splice(Number(key), 0, structuredClone(parent[key]));
      else parent[key] = [parent[key], parent[key]];
      break;
  }
}
