import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { describeThrown, ToolError } from '../errors.js';
import type { Severity } from '../findings/finding.js';
import { displayPath } from '../load/discover.js';
import { locate, regionOf, type Region } from '../load/locate.js';
import { validateConfigValue } from '../load/validate.js';
import { resolveInstant } from '../time/instant.js';

/** Names looked for when walking up from the current folder, in order. */
export const CONFIG_NAMES = ['.rollgate.yaml', '.rollgate.yml'];

export type RuleSetting = Severity | 'off';

/** One waiver as written, with where it is (for config/* findings and messages). */
export interface Waiver {
  rule: string;
  plan?: string;
  file?: string;
  reason: string;
  approvedBy?: string;
  expires: string;
  /** Instant from which the waiver no longer holds (a date holds through that day, UTC). */
  expiresEpoch: number;
  /** Position in the config file's `waivers` list. */
  index: number;
  region: Region;
}

/** A parsed, schema-valid `.rollgate.yaml`, each value with its location. */
export interface ConfigFile {
  /** Absolute path. */
  absolute: string;
  /** As shown in messages and reports: relative to cwd, `/` separators. */
  display: string;
  source: string;
  rules: Map<string, { setting: RuleSetting; region: Region }>;
  params: Map<string, { value: unknown; region: Region }>;
  /** Absolute paths, resolved against the config file's folder. */
  policies: { path: string; written: string; region: Region }[];
  waivers: Waiver[];
  /** Locate a JSON pointer of the config (for located errors raised later, e.g. an unknown rule id). */
  at: (pointer: string, onKey?: boolean) => Region;
}

/** The config file to use: `explicit` (-c / ROLLGATE_CONFIG) or the first found walking up from cwd. */
export function findConfigFile(cwd: string, explicit: string | undefined): string | undefined {
  if (explicit !== undefined) {
    const file = path.resolve(cwd, explicit);
    if (!existsSync(file) || !statSync(file).isFile()) throw new ToolError('config', `config file '${explicit}' not found`);
    return file;
  }
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    for (const name of CONFIG_NAMES) {
      const file = path.join(dir, name);
      if (existsSync(file) && statSync(file).isFile()) return file;
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** A date holds through that day (UTC): it expires at the next midnight. An instant expires then. */
export function expiryEpoch(text: string): number | undefined {
  const isDate = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const r = resolveInstant(text, isDate ? 'UTC' : undefined);
  if (!r.ok) return undefined;
  return isDate ? r.epoch + 86400 : r.epoch;
}

/** `file:line:col: message`: the one-line form of every config error (exit 2). */
export function configError(display: string, region: Region, message: string): ToolError {
  return new ToolError('config', `${display}:${region.line}:${region.column}: ${message}`);
}

/** Read, parse and validate a config file; any problem is a located ToolError('config'). */
export function loadConfigFile(absolute: string, cwd: string): ConfigFile {
  const display = displayPath(absolute, cwd);
  let source: string;
  try {
    source = readFileSync(absolute, 'utf8');
  } catch (err) {
    throw new ToolError('config', `cannot read config file '${display}': ${describeThrown(err)}`);
  }
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const yamlError = doc.errors[0];
  if (yamlError) {
    throw configError(display, regionOf(lineCounter, yamlError.pos[0], yamlError.pos[1]), `invalid YAML: ${yamlError.message.split('\n')[0]}`);
  }
  const value = (doc.toJS({ maxAliasCount: 100 }) ?? {}) as unknown;
  const at = (pointer: string, onKey = false) => locate(doc, lineCounter, source, pointer, onKey);
  const problems = validateConfigValue(value);
  if (problems.length > 0) {
    const p = problems[0]!;
    throw configError(display, at(p.path, p.onKey), `${p.message}${problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : ''}`);
  }
  const v = value as {
    rules?: Record<string, RuleSetting>;
    params?: Record<string, unknown>;
    policies?: string[];
    waivers?: Omit<Waiver, 'expiresEpoch' | 'index' | 'region'>[];
  };
  const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
  const dir = path.dirname(absolute);
  return {
    absolute,
    display,
    source,
    rules: new Map(Object.entries(v.rules ?? {}).map(([id, setting]) => [id, { setting, region: at(`/rules/${esc(id)}`, true) }])),
    params: new Map(Object.entries(v.params ?? {}).map(([name, val]) => [name, { value: val, region: at(`/params/${esc(name)}`) }])),
    policies: (v.policies ?? []).map((p, i) => ({ path: path.resolve(dir, p), written: p, region: at(`/policies/${i}`) })),
    waivers: (v.waivers ?? []).map((w, index) => ({
      ...w,
      expires: String(w.expires),
      expiresEpoch: expiryEpoch(String(w.expires))!,
      index,
      region: at(`/waivers/${index}`),
    })),
    at,
  };
}
