import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Where rollgate keeps what it can rebuild (compiled Rego folders, the CLI's V8 code cache):
 * $ROLLGATE_CACHE_DIR, else $XDG_CACHE_HOME/rollgate, else node_modules/.cache/rollgate when cwd
 * has node_modules (as other JS tools do), else ~/.cache/rollgate.
 */
export function cacheDir(env: NodeJS.ProcessEnv, cwd: string): string {
  if (env.ROLLGATE_CACHE_DIR) return path.resolve(cwd, env.ROLLGATE_CACHE_DIR);
  if (env.XDG_CACHE_HOME) return path.join(env.XDG_CACHE_HOME, 'rollgate');
  if (existsSync(path.join(cwd, 'node_modules'))) return path.join(cwd, 'node_modules', '.cache', 'rollgate');
  return path.join(os.homedir(), '.cache', 'rollgate');
}
