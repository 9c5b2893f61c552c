import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding rollgate's package.json, found by walking up from this module: the same
 * code runs from src/ (tests) and dist/src/ (the built CLI), at different depths.
 */
export const PACKAGE_ROOT: string = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('rollgate: cannot find its package.json');
    dir = parent;
  }
  return dir;
})();
