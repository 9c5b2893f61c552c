import path from 'node:path';
import { resolveParams } from '../check/params.js';
import { ToolError } from '../errors.js';
import type { RuleInfo } from '../policy/catalogue.js';
import { configError, findConfigFile, loadConfigFile, type ConfigFile, type RuleSetting, type Waiver } from './config-file.js';

/** Where a value of the effective configuration came from (shown by `check --print-config`). */
export type Origin = string;

export const FAIL_ON = ['error', 'warning', 'note', 'none'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** The command-line side of `check`, before merging. */
export interface ConfigFlags {
  config?: string;
  failOn?: string;
  now?: string;
  param: Record<string, string>;
  policy: string[];
  /** false with --no-waivers. */
  waivers: boolean;
}

/**
 * The environment variables `check` reads (documented in docs/configuration.md). Flags win over
 * them; they win over the config file.
 */
export const ENV = {
  config: 'ROLLGATE_CONFIG',
  failOn: 'ROLLGATE_FAIL_ON',
  now: 'ROLLGATE_NOW',
  policy: 'ROLLGATE_POLICY',
  noWaivers: 'ROLLGATE_NO_WAIVERS',
} as const;

export interface Valued<T> {
  value: T;
  origin: Origin;
}

/** Configuration after merging flags > environment > config file > defaults. */
export interface EffectiveConfig {
  file?: ConfigFile;
  fileOrigin: Origin;
  failOn: Valued<FailOn>;
  now?: Valued<string>;
  rules: Map<string, Valued<RuleSetting>>;
  /** Overrides only; defaults come from the rules' METADATA. */
  params: Map<string, Valued<unknown>>;
  /** Absolute paths; additive: config file, then environment, then flags. */
  policies: Valued<string>[];
  waivers: Waiver[];
  waiversEnabled: Valued<boolean>;
}

function truthy(v: string | undefined): boolean {
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
}

export function effectiveConfig(flags: ConfigFlags, env: NodeJS.ProcessEnv, cwd: string): EffectiveConfig {
  const explicit = flags.config ?? (env[ENV.config] || undefined);
  const fileOrigin = flags.config !== undefined ? '--config' : env[ENV.config] ? ENV.config : 'found walking up from the current folder';
  const absolute = findConfigFile(cwd, explicit);
  const file = absolute ? loadConfigFile(absolute, cwd) : undefined;
  const fileAt = (region: { line: number; column: number }) => `${file!.display}:${region.line}:${region.column}`;

  const failOnRaw: Valued<string> =
    flags.failOn !== undefined ? { value: flags.failOn, origin: '--fail-on' }
    : env[ENV.failOn] ? { value: env[ENV.failOn]!, origin: ENV.failOn }
    : { value: 'error', origin: 'default' };
  if (!(FAIL_ON as readonly string[]).includes(failOnRaw.value)) {
    throw new ToolError('usage', `${failOnRaw.origin} takes ${FAIL_ON.join(', ')}; got '${failOnRaw.value}'`);
  }

  const now: Valued<string> | undefined =
    flags.now !== undefined ? { value: flags.now, origin: '--now' } : env[ENV.now] ? { value: env[ENV.now]!, origin: ENV.now } : undefined;

  const rules = new Map<string, Valued<RuleSetting>>();
  for (const [id, r] of file?.rules ?? []) rules.set(id, { value: r.setting, origin: fileAt(r.region) });

  const params = new Map<string, Valued<unknown>>();
  for (const [name, p] of file?.params ?? []) params.set(name, { value: p.value, origin: fileAt(p.region) });
  for (const [name, value] of Object.entries(flags.param)) params.set(name, { value, origin: '--param' });

  const policies: Valued<string>[] = [];
  const addPolicy = (p: string, origin: Origin) => {
    if (!policies.some((q) => q.value === p)) policies.push({ value: p, origin });
  };
  for (const p of file?.policies ?? []) addPolicy(p.path, fileAt(p.region));
  for (const p of (env[ENV.policy] ?? '').split(path.delimiter).filter((s) => s !== '')) addPolicy(path.resolve(cwd, p), ENV.policy);
  for (const p of flags.policy) addPolicy(path.resolve(cwd, p), '--policy');

  const waiversEnabled: Valued<boolean> =
    !flags.waivers ? { value: false, origin: '--no-waivers' }
    : truthy(env[ENV.noWaivers]) ? { value: false, origin: ENV.noWaivers }
    : { value: true, origin: 'default' };

  return {
    ...(file ? { file } : {}),
    fileOrigin,
    failOn: failOnRaw as Valued<FailOn>,
    ...(now ? { now } : {}),
    rules,
    params,
    policies,
    waivers: waiversEnabled.value ? (file?.waivers ?? []) : [],
    waiversEnabled,
  };
}

/**
 * Check the config against the rule catalogue (known once every policy is loaded): unknown rule
 * ids and parameters, and parameter values that do not convert, are located config errors.
 */
export function validateAgainstRules(config: EffectiveConfig, rules: RuleInfo[]): void {
  const ids = new Set(rules.map((r) => r.id));
  const file = config.file;
  const hint = (id: string) => {
    const close = [...ids].filter((k) => k.split('/')[1] === id.split('/')[1] || k.includes(id.split('/')[1] ?? '\0'));
    return close.length > 0 ? ` (did you mean ${close.slice(0, 3).join(', ')}?)` : "; 'rollgate rules' lists them";
  };
  if (file) {
    for (const [id, r] of file.rules) if (!ids.has(id)) throw configError(file.display, r.region, `unknown rule '${id}'${hint(id)}`);
    for (const w of file.waivers) {
      if (!ids.has(w.rule)) throw configError(file.display, file.at(`/waivers/${w.index}/rule`), `waiver names unknown rule '${w.rule}'${hint(w.rule)}`);
    }
    for (const [name, p] of file.params) {
      try {
        resolveParams(rules, { [name]: p.value });
      } catch (err) {
        if (err instanceof ToolError) throw configError(file.display, p.region, err.message);
        throw err;
      }
    }
  }
}

/** Parameter overrides as resolveParams takes them. */
export function paramOverrides(config: EffectiveConfig): Record<string, unknown> {
  return Object.fromEntries([...config.params].map(([k, v]) => [k, v.value]));
}
