import { ToolError } from '../errors.js';
import type { RuleInfo, RuleParameter } from '../policy/catalogue.js';
import { parseDuration } from '../time/duration.js';
import { compareText } from '../compare-text.js';

/** A parameter value as rules read it (docs/input-document.md). */
export type ParamValue = number | string[] | { seconds: number; text: string };

/**
 * Rule parameters: defaults from the rules' METADATA, overridden by `overrides` (config file,
 * then --param). Values are converted to the form rules read; a bad value is a usage error.
 */
export function resolveParams(rules: RuleInfo[], overrides: Record<string, unknown>): Record<string, ParamValue> {
  const declared = declaredParams(rules);
  for (const name of Object.keys(overrides)) {
    if (!declared.has(name)) {
      const known = [...declared.keys()].sort().join(', ');
      throw new ToolError('usage', `unknown parameter '${name}' (known: ${known})`);
    }
  }
  const params: Record<string, ParamValue> = {};
  for (const [name, p] of [...declared].sort(([a], [b]) => compareText(a, b))) {
    params[name] = convert(p, name in overrides ? overrides[name] : p.default);
  }
  return params;
}

/**
 * Every parameter the rules declare, by name. Rules share a parameter by declaring the same name
 * (e.g. defaultRollbackDuration); one value then feeds them all, so their declarations must agree
 * on type and default, else one rule would silently run with the other's default.
 */
export function declaredParams(rules: RuleInfo[]): Map<string, RuleParameter> {
  const declared = new Map<string, { param: RuleParameter; rule: string }>();
  for (const rule of [...rules].sort((a, b) => compareText(a.id, b.id))) {
    for (const p of rule.parameters ?? []) {
      const first = declared.get(p.name);
      if (!first) {
        declared.set(p.name, { param: p, rule: rule.id });
        continue;
      }
      const what = first.param.type !== p.type ? 'type' : canonical(first.param.default) !== canonical(p.default) ? 'default' : undefined;
      if (what) {
        throw new ToolError(
          'policy',
          `parameter ${p.name} is declared by rules ${first.rule} (type ${first.param.type}, default ${canonical(first.param.default)}) and ${rule.id} (type ${p.type}, default ${canonical(p.default)}) with different ${what === 'type' ? 'types' : 'defaults'}: one value feeds both rules, so give them the same type and default, or rename one parameter`,
        );
      }
    }
  }
  return new Map([...declared].map(([name, d]) => [name, d.param]));
}

/** A default as text, to compare declarations (a list and its comma-joined form are one value). */
function canonical(value: unknown): string {
  return Array.isArray(value) ? JSON.stringify(value.map(String)) : JSON.stringify(value);
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
