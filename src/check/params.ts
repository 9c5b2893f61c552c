import { ToolError } from '../errors.js';
import type { RuleInfo, RuleParameter } from '../policy/catalogue.js';
import { parseDuration } from '../time/duration.js';

/** A parameter value as rules read it (docs/input-document.md). */
export type ParamValue = number | string[] | { seconds: number; text: string };

/**
 * Rule parameters: defaults from the rules' METADATA, overridden by `overrides` (config file,
 * then --param). Values are converted to the form rules read; a bad value is a usage error.
 */
export function resolveParams(rules: RuleInfo[], overrides: Record<string, unknown>): Record<string, ParamValue> {
  const declared = new Map<string, RuleParameter>();
  for (const rule of rules) for (const p of rule.parameters ?? []) declared.set(p.name, p);
  for (const name of Object.keys(overrides)) {
    if (!declared.has(name)) {
      const known = [...declared.keys()].sort().join(', ');
      throw new ToolError('usage', `unknown parameter '${name}' (known: ${known})`);
    }
  }
  const params: Record<string, ParamValue> = {};
  for (const [name, p] of [...declared].sort(([a], [b]) => (a < b ? -1 : 1))) {
    params[name] = convert(p, name in overrides ? overrides[name] : p.default);
  }
  return params;
}

function convert(p: RuleParameter, value: unknown): ParamValue {
  switch (p.type) {
    case 'duration': {
      const text = String(value);
      const seconds = parseDuration(text);
      if (seconds === undefined) throw new ToolError('usage', `parameter ${p.name}: '${text}' is not a duration (like 30m, 24h, 7d)`);
      return { seconds, text };
    }
    case 'integer': {
      const n = typeof value === 'number' ? value : Number(String(value).trim());
      if (!Number.isInteger(n) || n < 0) throw new ToolError('usage', `parameter ${p.name}: '${String(value)}' is not a whole number`);
      return n;
    }
    case 'string-list': {
      const list = Array.isArray(value) ? value.map(String) : String(value).split(',');
      return list.map((s) => s.trim()).filter((s) => s !== '');
    }
    default:
      throw new ToolError('policy', `parameter ${p.name} has an unknown type '${String((p as { type: unknown }).type)}' in the rule catalogue`);
  }
}

/** Parse `--param NAME=VALUE` flags. */
export function parseParamFlags(flags: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    if (eq <= 0) throw new ToolError('usage', `--param takes NAME=VALUE, got '${flag}'`);
    out[flag.slice(0, eq).trim()] = flag.slice(eq + 1);
  }
  return out;
}
