import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from '../../time/luxon.js';
import { ToolError } from '../../errors.js';
import { starterFiles } from '../../init/starter-files.js';
import type { CliIO } from '../io.js';

/**
 * `rollgate init [DIR]`: a starter config and one document of each kind, dated from the clock so
 * that `rollgate check` passes on them right away. Refuses a non-empty folder unless --force, and
 * even then never overwrites a file.
 */
export async function runInit(dir: string, force: boolean, io: CliIO): Promise<number> {
  const target = path.resolve(io.cwd, dir);
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) throw new ToolError('usage', `'${dir}' is not a folder`);
    const entries = readdirSync(target);
    if (entries.length > 0 && !force) {
      throw new ToolError('usage', `'${dir}' is not empty (${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}): run init in an empty folder, or pass --force (existing files are kept)`);
    }
  }
  const files = starterFiles(DateTime.fromMillis(io.clock(), { zone: 'UTC' }));
  const written: string[] = [];
  for (const [name, text] of files) {
    const file = path.join(target, name);
    if (existsSync(file)) {
      io.stderr(`rollgate: kept existing ${name}\n`);
      continue;
    }
    await io.writeFile(file, text);
    written.push(name);
  }
  const where = path.relative(io.cwd, target) || '.';
  io.stdout(
    [
      `wrote ${written.length} file${written.length === 1 ? '' : 's'} in ${where}: ${written.join(', ')}`,
      '',
      'next:',
      ...(where === '.' ? [] : [`  cd ${where}`]),
      '  rollgate check                        # lint everything below the current folder (uses .rollgate.yaml)',
      '  rollgate check --print-config         # the effective configuration and where each value came from',
      '  rollgate rules                        # every rule, its default severity and parameters',
      '  rollgate explain readiness/missing-approval',
      '  rollgate check -f sarif=rollgate.sarif   # for GitHub code scanning in CI',
      '',
    ].join('\n'),
  );
  return 0;
}
