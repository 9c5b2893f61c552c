import path from 'node:path';
import { check } from '../../src/check/check.js';
import type { Report } from '../../src/findings/report.js';
import { defaultBundleDir, loadBundle, type PolicyBundle } from '../../src/policy/runtime.js';
import { resolveInstant } from '../../src/time/instant.js';

let bundle: Promise<PolicyBundle> | undefined;

/** Run the real pipeline (compiled WASM bundle included) on files, as `rollgate check` does. */
export async function runCheck(paths: string[], options: { now?: string; params?: Record<string, unknown>; cwd?: string } = {}): Promise<Report> {
  bundle ??= loadBundle(defaultBundleDir());
  const now = resolveInstant(options.now ?? '2026-03-10T12:00:00Z', undefined);
  if (!now.ok) throw new Error(`bad now ${options.now}`);
  return check({
    paths,
    cwd: options.cwd ?? path.resolve('.'),
    nowEpoch: now.epoch,
    paramOverrides: options.params ?? {},
    bundle: await bundle,
    readStdin: async () => '',
    version: '0.0.0-test',
  });
}
