import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { check } from '../../check/check.js';
import { ToolError } from '../../errors.js';
import { displayPath } from '../../load/discover.js';
import { compileFolder, POLICIES_DIR, requireOpa, runOpa, SHARED_FILES } from '../../policy/compile.js';
import { defaultBundleDir, loadBundle } from '../../policy/runtime.js';
import { embedRules, extractRules } from '../../policy/wasm-file.js';
import { resolveInstant } from '../../time/instant.js';
import type { CliIO } from '../io.js';
import { VERSION } from '../version.js';
import { compareText } from '../../compare-text.js';

function folder(dir: string, io: CliIO): { absolute: string; display: string } {
  const absolute = path.resolve(io.cwd, dir);
  if (!existsSync(absolute) || !statSync(absolute).isDirectory()) throw new ToolError('usage', `policy folder '${dir}' not found`);
  return { absolute, display: displayPath(absolute, io.cwd) };
}

/** `rollgate policy build DIR -o FILE`: one .wasm file with the rule catalogue inside. */
export async function runPolicyBuild(dir: string, output: string | undefined, io: CliIO): Promise<number> {
  if (!output) throw new ToolError('usage', 'policy build needs -o FILE (the .wasm file to write)');
  const { absolute, display } = folder(dir, io);
  const opa = requireOpa(`building policy '${display}'`, io.cwd);
  const { wasm, rules } = compileFolder(opa, absolute, display);
  await io.writeFile(path.resolve(io.cwd, output), embedRules(wasm, rules));
  io.stdout(`built ${output}: ${rules.length} rule${rules.length === 1 ? '' : 's'} (${rules.map((r) => r.id).join(', ')})\n`);
  return 0;
}

/** Fixture folders of a policy folder: `<category>/<name>/fixtures/{fires,passes}/*.yaml`. */
function fixtureFiles(dir: string): { rule: string; expect: 'fires' | 'passes'; file: string }[] {
  const out: { rule: string; expect: 'fires' | 'passes'; file: string }[] = [];
  const walk = (rel: string[]) => {
    const here = path.join(dir, ...rel);
    for (const entry of readdirSync(here, { withFileTypes: true }).sort((a, b) => compareText(a.name, b.name))) {
      if (!entry.isDirectory() || entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      if (entry.name === 'fixtures' && rel.length >= 2) {
        const rule = `${rel[rel.length - 2]}/${rel[rel.length - 1]}`;
        for (const expect of ['fires', 'passes'] as const) {
          const sub = path.join(here, 'fixtures', expect);
          if (!existsSync(sub)) continue;
          for (const f of readdirSync(sub).filter((n) => /\.ya?ml$/.test(n)).sort()) out.push({ rule, expect, file: path.join(sub, f) });
        }
      } else walk([...rel, entry.name]);
    }
  };
  walk([]);
  return out;
}

/**
 * `rollgate policy test DIR`: the folder's opa tests (with rollgate's helpers loaded), then every
 * fixture through the compiled WASM beside the built-in rules: a `fires` fixture must produce its
 * rule and no input/* finding, a `passes` fixture must not produce it. Exit 1 if anything fails.
 */
export async function runPolicyTest(dir: string, io: CliIO): Promise<number> {
  const { absolute, display } = folder(dir, io);
  const opa = requireOpa(`testing policy '${display}'`, io.cwd);
  let failures = 0;

  const shared = SHARED_FILES.map((f) => path.join(POLICIES_DIR, f));
  try {
    const out = runOpa(opa, ['test', absolute, ...shared, '--ignore', 'fixtures', '--ignore', '*.yaml', '--ignore', '*.yml', '--ignore', '*.json'], `policy '${display}'`);
    io.stdout(`ok    opa test: ${out.trim().split('\n').pop() ?? ''}\n`);
  } catch (err) {
    if (!(err instanceof ToolError)) throw err;
    failures++;
    io.stdout(`FAIL  opa test: ${err.message}\n`);
  }

  const { wasm, rules } = compileFolder(opa, absolute, display);
  const bytes = embedRules(wasm, rules);
  const custom = { origin: display, wasm: bytes, rules: extractRules(bytes, display) };
  const builtin = await loadBundle(defaultBundleDir());
  const ids = new Set(rules.map((r) => r.id));
  const fixtures = fixtureFiles(absolute);
  for (const id of [...ids].sort()) {
    if (!fixtures.some((f) => f.rule === id && f.expect === 'fires')) {
      failures++;
      io.stdout(`FAIL  ${id}: no fixtures/fires/*.yaml next to the rule\n`);
    }
  }
  for (const fx of fixtures) {
    const shown = displayPath(fx.file, io.cwd);
    if (!ids.has(fx.rule)) {
      failures++;
      io.stdout(`FAIL  ${shown}: fixture of ${fx.rule}, which the folder does not define\n`);
      continue;
    }
    const first = readFileSync(fx.file, 'utf8').split('\n')[0] ?? '';
    const nowText = /^#\s*now:\s*(\S+)/.exec(first)?.[1] ?? '2026-03-10T12:00:00Z';
    const now = resolveInstant(nowText, undefined);
    if (!now.ok) throw new ToolError('usage', `${shown}: bad '# now:' line`);
    const report = await check({ paths: [fx.file], cwd: io.cwd, nowEpoch: now.epoch, paramOverrides: {}, bundle: builtin, extraBundles: [custom], readStdin: async () => '', version: VERSION });
    const fired = report.findings.filter((f) => f.ruleId === fx.rule);
    const inputs = report.findings.filter((f) => f.ruleId.startsWith('input/'));
    let problem = '';
    if (fx.expect === 'fires' && fired.length === 0) problem = `expected ${fx.rule} to fire; it did not`;
    else if (fx.expect === 'fires' && inputs.length > 0) problem = `fixture is not valid input: ${inputs[0]!.ruleId} at ${inputs[0]!.line}:${inputs[0]!.column}: ${inputs[0]!.message}`;
    else if (fx.expect === 'passes' && fired.length > 0) problem = `expected ${fx.rule} not to fire; it did at ${fired[0]!.line}:${fired[0]!.column}: ${fired[0]!.message}`;
    if (problem) failures++;
    io.stdout(`${problem ? 'FAIL' : 'ok  '}  ${shown}${problem ? `: ${problem}` : ''}\n`);
  }
  io.stdout(failures === 0 ? `policy '${display}': ${rules.length} rules, ${fixtures.length} fixtures, all passed\n` : `policy '${display}': ${failures} failure${failures === 1 ? '' : 's'}\n`);
  return failures === 0 ? 0 : 1;
}
