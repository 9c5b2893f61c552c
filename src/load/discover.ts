import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { compareText } from '../compare-text.js';

/** One input source: a file path, or `-` for standard input. */
export interface Source {
  /** Path as shown in reports: relative to cwd, `/` separators; `<stdin>` for `-`. */
  display: string;
  /** Absolute path to read, or undefined for stdin. */
  absolute?: string;
}

/**
 * A path that could not be read. `named` ones were given on the command line (a usage error, as
 * in ESLint); the others were met while walking a folder and become findings on that path.
 */
export interface DiscoveryProblem {
  display: string;
  message: string;
  named: boolean;
}

const YAML_FILE = /\.ya?ml$/i;
/** Folders that never hold user documents and can be huge. */
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

export function displayPath(absolute: string, cwd: string): string {
  const rel = path.relative(cwd, absolute) || '.';
  return rel.split(path.sep).join('/');
}

/**
 * Expand command-line paths into YAML files: folders recursively (sorted, symlink loops cut by
 * real path), explicit files whatever their extension, `-` for stdin. Output order is sorted by
 * display path so reports never depend on the file system's order.
 */
export async function discover(
  inputs: string[],
  cwd: string,
): Promise<{ sources: Source[]; problems: DiscoveryProblem[] }> {
  const sources = new Map<string, Source>();
  const problems: DiscoveryProblem[] = [];
  const visitedDirs = new Set<string>();

  async function walk(dir: string): Promise<void> {
    let real: string;
    try {
      real = await realpath(dir);
    } catch (err) {
      problems.push({ display: displayPath(dir, cwd), message: ioMessage(err), named: false });
      return;
    }
    if (visitedDirs.has(real)) return; // a symlink loop or a folder named twice
    visitedDirs.add(real);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      problems.push({ display: displayPath(dir, cwd), message: ioMessage(err), named: false });
      return;
    }
    entries.sort((a, b) => compareText(a.name, b.name));
    // A policy rule folder (it holds .rego files) keeps its test fixtures in fixtures/: those are
    // self-contained test documents, not part of the organisation's catalogue (docs/decisions.md).
    const isRuleFolder = entries.some((e) => e.isFile() && e.name.endsWith('.rego'));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() || entry.isSymbolicLink()) {
        if (SKIPPED_DIRS.has(entry.name)) continue;
        if (isRuleFolder && entry.name === 'fixtures') continue;
        if (entry.isSymbolicLink()) {
          let info;
          try {
            info = await stat(full);
          } catch (err) {
            // A broken or looping link that looks like one of our files is reported, not skipped.
            if (YAML_FILE.test(entry.name)) problems.push({ display: displayPath(full, cwd), message: ioMessage(err), named: false });
            continue;
          }
          if (info.isDirectory()) {
            await walk(full);
            continue;
          }
          if (!info.isFile()) continue;
        } else {
          await walk(full);
          continue;
        }
      }
      if (YAML_FILE.test(entry.name)) add(full);
    }
  }

  function add(absolute: string): void {
    const display = displayPath(absolute, cwd);
    if (!sources.has(display)) sources.set(display, { display, absolute });
  }

  for (const input of inputs) {
    if (input === '-') {
      sources.set('<stdin>', { display: '<stdin>' });
      continue;
    }
    const absolute = path.resolve(cwd, input);
    let info;
    try {
      info = await stat(absolute);
    } catch (err) {
      problems.push({ display: displayPath(absolute, cwd), message: ioMessage(err), named: true });
      continue;
    }
    if (info.isDirectory()) await walk(absolute);
    else add(absolute);
  }

  const sorted = [...sources.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  return { sources: sorted, problems };
}

export function ioMessage(err: unknown): string {
  const code = (err as { code?: string } | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EISDIR':
      return 'is a folder';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}
