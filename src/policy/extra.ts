import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cacheDir } from '../cache-dir.js';
import { describeThrown, ToolError } from '../errors.js';
import { displayPath } from '../load/discover.js';
import { VERSION } from '../cli/version.js';
import { CAPABILITIES_FILE, compileFolder, POLICIES_DIR, regoSources, requireOpa, SHARED_FILES } from './compile.js';
import { loadBundle, type PolicyBundle } from './runtime.js';
import { embedRules, extractRules } from './wasm-file.js';

/** Content hash of everything a folder's compilation depends on. */
function folderHash(dir: string): string {
  const h = createHash('sha256');
  h.update(`rollgate ${VERSION}\0`);
  h.update(readFileSync(CAPABILITIES_FILE));
  for (const f of SHARED_FILES) h.update(`\0shared/${f}\0`).update(readFileSync(path.join(POLICIES_DIR, f)));
  for (const f of regoSources(dir)) h.update(`\0${f}\0`).update(readFileSync(path.join(dir, f)));
  return h.digest('hex');
}

/** Compile a Rego folder, or take it from the cache (no opa needed on a hit). */
function compiledFolder(dir: string, display: string, env: NodeJS.ProcessEnv, cwd: string): Buffer {
  const cache = cacheDir(env, cwd);
  const file = path.join(cache, `${folderHash(dir)}.wasm`);
  if (existsSync(file)) return readFileSync(file);
  const opa = requireOpa(`policy '${display}' is a folder of Rego rules: compiling it`, cwd);
  const { wasm, rules } = compileFolder(opa, dir, display);
  const bytes = embedRules(wasm, rules);
  try {
    mkdirSync(cache, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, bytes);
    renameSync(tmp, file); // atomic: parallel runs never read half a file
  } catch {
    // An unwritable cache only costs a recompile next time.
  }
  return bytes;
}

/**
 * Load one extra policy (--policy, ROLLGATE_POLICY, config `policies:`): a `.wasm` file from
 * `rollgate policy build`, a bundle folder (policy.wasm + rules.json, like bundle/), or a folder
 * of Rego rules compiled on the fly.
 */
export async function loadExtraPolicy(absolute: string, env: NodeJS.ProcessEnv, cwd: string): Promise<PolicyBundle> {
  const display = displayPath(absolute, cwd);
  let info;
  try {
    info = statSync(absolute);
  } catch (err) {
    throw new ToolError('policy', `cannot load policy '${display}': ${(err as { code?: string }).code === 'ENOENT' ? 'no such file or folder' : describeThrown(err)}`);
  }
  if (info.isDirectory()) {
    if (existsSync(path.join(absolute, 'policy.wasm')) && existsSync(path.join(absolute, 'rules.json'))) return loadBundle(absolute);
    const wasm = compiledFolder(absolute, display, env, cwd);
    return { origin: display, wasm, rules: extractRules(wasm, display) };
  }
  const wasm = readFileSync(absolute);
  return { origin: display, wasm, rules: extractRules(wasm, display) };
}
