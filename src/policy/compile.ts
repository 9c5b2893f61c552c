import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ToolError } from '../errors.js';
import { PACKAGE_ROOT } from '../package-root.js';
import type { RuleInfo } from './catalogue.js';
import { compareText } from '../compare-text.js';

/**
 * Compiling Rego into rollgate's WASM policy with the `opa` CLI: shared by the built-in build
 * (scripts/build-policies.mjs) and organisation rules (`rollgate policy build`, `check --policy
 * DIR`). The build is limited by policies/capabilities.json to the builtins the runtime provides,
 * so a rule using any other builtin fails here instead of at evaluation. Never `-O` (known
 * optimizer panics with `-t wasm`).
 */

export const ENTRYPOINT = 'rollgate/main/findings';
export const POLICIES_DIR = path.join(PACKAGE_ROOT, 'policies');
export const CAPABILITIES_FILE = path.join(POLICIES_DIR, 'capabilities.json');
/** Categories whose rules are produced in TypeScript: no Rego rule may use them. */
export const RESERVED_CATEGORIES = ['input', 'config'];
/** Where rollgate's entrypoint and helpers go in an organisation build (not a user package path). */
const SHARED_PREFIX = '__rollgate__';

/** The opa CLI: .tools/bin of the package or of cwd (pinned install), else `opa` on PATH. */
export function findOpa(cwd: string = process.cwd()): string | undefined {
  for (const dir of [PACKAGE_ROOT, cwd]) {
    const local = path.join(dir, '.tools', 'bin', 'opa');
    if (existsSync(local)) return local;
  }
  const probe = spawnSync('opa', ['version'], { encoding: 'utf8' });
  return !probe.error && probe.status === 0 ? 'opa' : undefined;
}

export function requireOpa(what: string, cwd?: string): string {
  const opa = findOpa(cwd);
  if (!opa) throw new ToolError('policy', `${what} needs the opa CLI: put opa on PATH (or run npm run tools in a rollgate checkout, which installs .tools/bin/opa)`);
  return opa;
}

/** Run opa; failure is a ToolError naming `what`, with opa's own first lines (paths made the user's). */
export function runOpa(opa: string, args: string[], what: string, options: { cwd?: string; rewrite?: (s: string) => string } = {}): string {
  const res = spawnSync(opa, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, cwd: options.cwd });
  if (res.error) throw new ToolError('policy', `${what}: cannot run ${opa}: ${res.error.message}`);
  if (res.status !== 0) {
    const text = (options.rewrite ?? ((s: string) => s))(`${res.stderr ?? ''}${res.stdout ?? ''}`);
    const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !/^\d+ errors? occurred:?$/.test(l));
    throw new ToolError('policy', `${what}: opa ${args[0]} failed: ${lines.slice(0, 3).join('; ')}${lines.length > 3 ? ` (+${lines.length - 3} more lines)` : ''}`);
  }
  return res.stdout;
}

/** Policy sources of a folder, relative and sorted: `.rego` files, not tests, not under fixtures/. */
export function regoSources(dir: string): string[] {
  const files: string[] = [];
  const walk = (rel: string) => {
    const entries = readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => compareText(a.name, b.name));
    for (const entry of entries) {
      const r = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== 'fixtures' && entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(r);
      } else if (entry.name.endsWith('.rego') && !entry.name.endsWith('_test.rego')) files.push(r);
    }
  };
  walk('');
  return files;
}

/** Minimal tar reader: the content of one entry of the bundle opa writes. */
function extractFromTar(tar: Buffer, wanted: string): Buffer {
  let off = 0;
  while (off + 512 <= tar.length) {
    const header = tar.subarray(off, off + 512);
    if (header.every((b) => b === 0)) break;
    const str = (a: number, b: number) => header.subarray(a, b).toString('utf8').replace(/\0.*$/s, '');
    const prefix = str(345, 500);
    const name = (prefix ? `${prefix}/` : '') + str(0, 100);
    const size = parseInt(str(124, 136).trim() || '0', 8);
    if (name.replace(/^\.?\//, '') === wanted.replace(/^\//, '')) return Buffer.from(tar.subarray(off + 512, off + 512 + size));
    off += 512 + Math.ceil(size / 512) * 512;
  }
  throw new ToolError('policy', `${wanted} not found in the bundle built by opa`);
}

function block(text: unknown): string {
  return typeof text === 'string' ? text.replace(/\s+$/, '') + '\n' : '';
}

const NAMESPACE = /^data\.rollgate\.rules(?:\.([A-Za-z0-9_]+)|\["([^"]+)"\])(?:\.([A-Za-z0-9_]+)|\["([^"]+)"\])$/;

interface InspectOutput {
  namespaces?: Record<string, string[]>;
  annotations?: { annotations?: Record<string, unknown> & { custom?: Record<string, unknown> }; path?: { value: string }[]; location?: { file?: string } }[];
}

/** The rule catalogue from METADATA (`opa inspect -a`): every rule package must carry one. */
function rulesFromInspect(opa: string, srcDir: string, what: string): RuleInfo[] {
  const out = JSON.parse(runOpa(opa, ['inspect', '-a', '--format', 'json', '.'], what, { cwd: srcDir })) as InspectOutput;
  const rules: RuleInfo[] = [];
  const problem = (id: string, message: string) => new ToolError('policy', `${what}: rule ${id}: ${message}`);
  for (const entry of out.annotations ?? []) {
    const a = entry.annotations ?? {};
    if (a.scope !== 'package') continue;
    const segs = (entry.path ?? []).map((p) => p.value);
    if (segs.length !== 5 || segs[1] !== 'rollgate' || segs[2] !== 'rules' || segs[4]!.endsWith('_test')) continue;
    const id = `${segs[3]}/${segs[4]}`;
    const custom = (a.custom ?? {}) as { severity?: unknown; parameters?: unknown; examples?: { fails?: unknown; passes?: unknown } };
    if (!['error', 'warning', 'note'].includes(custom.severity as string)) throw problem(id, 'METADATA custom.severity must be error, warning or note');
    if (typeof a.title !== 'string' || typeof a.description !== 'string') throw problem(id, 'METADATA needs title and description');
    if (rules.some((r) => r.id === id)) throw problem(id, 'METADATA appears twice');
    const params = Array.isArray(custom.parameters) ? (custom.parameters as Record<string, unknown>[]) : [];
    for (const p of params) {
      if (typeof p.name !== 'string' || !['duration', 'integer', 'string-list'].includes(p.type as string) || typeof p.description !== 'string' || !('default' in p)) {
        throw problem(id, 'each METADATA custom.parameters entry needs name, type (duration, integer or string-list), default and description');
      }
    }
    rules.push({
      id,
      severity: custom.severity as RuleInfo['severity'],
      title: a.title,
      description: a.description.replace(/\s+/g, ' ').trim(),
      parameters: params.map((p) => ({ name: p.name as string, type: p.type as 'duration', default: p.default, description: p.description as string })),
      examples: { fails: block(custom.examples?.fails), passes: block(custom.examples?.passes) },
    });
  }
  // A rule package without METADATA would report findings under a rule nobody described.
  for (const ns of Object.keys(out.namespaces ?? {}).sort()) {
    const m = NAMESPACE.exec(ns);
    if (!m) continue;
    const id = `${m[1] ?? m[2]}/${m[3] ?? m[4]}`;
    if (id.endsWith('_test')) continue;
    if (!rules.some((r) => r.id === id)) throw problem(id, 'its package has no METADATA block (title, description, custom.severity)');
  }
  return rules.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

export interface CompiledPolicy {
  wasm: Buffer;
  rules: RuleInfo[];
}

/**
 * Compile Rego into WASM plus its rule catalogue. `sources` are copied into one temporary folder
 * (each under its relative path); opa's messages are mapped back to `display` paths.
 */
function compile(opa: string, sources: { dir: string; files: string[]; into: string }[], what: string, rewrite: (s: string) => string): CompiledPolicy {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'rollgate-policies-'));
  try {
    const src = path.join(tmp, 'src');
    for (const s of sources) {
      for (const f of s.files) {
        const to = path.join(src, s.into, f);
        mkdirSync(path.dirname(to), { recursive: true });
        copyFileSync(path.join(s.dir, f), to);
      }
    }
    const tarball = path.join(tmp, 'bundle.tar.gz');
    runOpa(opa, ['build', '-t', 'wasm', '-e', ENTRYPOINT, '--capabilities', CAPABILITIES_FILE, '-o', tarball, '.'], what, { cwd: src, rewrite });
    const wasm = extractFromTar(gunzipSync(readFileSync(tarball)), '/policy.wasm');
    return { wasm, rules: rulesFromInspect(opa, src, what) };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The built-in rules: all of policies/ (the build behind bundle/). */
export function compileBuiltin(opa: string): CompiledPolicy {
  return compile(opa, [{ dir: POLICIES_DIR, files: regoSources(POLICIES_DIR), into: '' }], 'building policies/', (s) => s);
}

/** rollgate's entrypoint and helpers, compiled into every organisation bundle. */
export const SHARED_FILES = ['main.rego', 'lib/util.rego'];

/**
 * An organisation's folder of rules: its `.rego` files plus rollgate's entrypoint (main.rego,
 * aggregating `data.rollgate.rules`) and helpers (`data.rollgate.lib.util`), compiled into a
 * bundle of its own that holds only the folder's rules.
 */
export function compileFolder(opa: string, dir: string, display: string): CompiledPolicy {
  const what = `policy '${display}'`;
  const files = regoSources(dir);
  if (files.length === 0) throw new ToolError('policy', `${what}: no .rego files found (tests and fixtures/ do not count)`);
  const compiled = compile(
    opa,
    [
      { dir, files, into: '' },
      { dir: POLICIES_DIR, files: SHARED_FILES, into: SHARED_PREFIX },
    ],
    what,
    (s) => s.replace(/(^|\s)(?!__rollgate__)([\w./-]+\.rego)/g, (_m, pre: string, f: string) => `${pre}${display}/${f}`),
  );
  if (compiled.rules.length === 0) {
    throw new ToolError('policy', `${what} defines no rules: a rule is a package rollgate.rules.<category>["<name>"] with a METADATA block and a deny set (docs/writing-rules.md)`);
  }
  for (const r of compiled.rules) {
    const category = r.id.split('/')[0]!;
    if (RESERVED_CATEGORIES.includes(category)) throw new ToolError('policy', `${what}: rule ${r.id}: category '${category}' is reserved for rollgate's own rules`);
  }
  return compiled;
}
