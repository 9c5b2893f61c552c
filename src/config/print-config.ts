import { resolveParams } from '../check/params.js';
import { displayPath } from '../load/discover.js';
import type { RuleInfo } from '../policy/catalogue.js';
import type { EffectiveConfig } from './effective.js';
import { pushTo } from '../list-map.js';

function yamlValue(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map((x) => yamlValue(x)).join(', ')}]`;
  if (typeof v === 'string') return /^[\w./@:+-]+$/.test(v) && !/^(true|false|null|yes|no|on|off|~)$/i.test(v) ? v : JSON.stringify(v);
  return String(v);
}

/**
 * `check --print-config`: the configuration `check` would use, as YAML, with a comment after each
 * value saying where it came from (flag, environment variable, config file position, default).
 */
export function printConfig(config: EffectiveConfig, rules: RuleInfo[], cwd: string): string {
  const lines: string[] = ['# effective rollgate configuration: flags > environment > config file > defaults'];
  const row = (indent: string, key: string, value: string, origin: string) => lines.push(`${indent}${key}: ${value}  # ${origin}`);
  lines.push(config.file ? `# config file: ${config.file.display} (${config.fileOrigin})` : '# config file: none found');
  row('', 'failOn', config.failOn.value, config.failOn.origin);
  if (config.now) row('', 'now', yamlValue(config.now.value), config.now.origin);
  else lines.push('now: clock  # default');

  lines.push('rules:');
  for (const r of rules) {
    const set = config.rules.get(r.id);
    row('  ', r.id, set ? set.value : r.severity, set ? set.origin : 'default');
  }

  lines.push('params:');
  const resolved = resolveParams(rules, Object.fromEntries([...config.params].map(([k, v]) => [k, v.value])));
  const declaredBy = new Map<string, string[]>();
  for (const r of rules) for (const p of r.parameters) pushTo(declaredBy, p.name, r.id);
  for (const name of Object.keys(resolved).sort()) {
    const value = resolved[name];
    const text = Array.isArray(value) ? yamlValue(value) : typeof value === 'object' && value !== null ? value.text : String(value);
    const o = config.params.get(name);
    row('  ', name, text, o ? o.origin : `default (${(declaredBy.get(name) ?? []).join(', ')})`);
  }

  if (config.policies.length === 0) lines.push('policies: []');
  else {
    lines.push('policies:');
    for (const p of config.policies) lines.push(`  - ${yamlValue(displayPath(p.value, cwd))}  # ${p.origin}`);
  }

  const fileWaivers = config.file?.waivers ?? [];
  if (fileWaivers.length === 0) lines.push('waivers: []');
  else {
    lines.push(`waivers:${config.waiversEnabled.value ? '' : `  # all ignored (${config.waiversEnabled.origin})`}`);
    for (const w of fileWaivers) {
      lines.push(`  - rule: ${w.rule}  # ${config.file!.display}:${w.region.line}:${w.region.column}`);
      if (w.plan !== undefined) lines.push(`    plan: ${yamlValue(w.plan)}`);
      if (w.file !== undefined) lines.push(`    file: ${yamlValue(w.file)}`);
      lines.push(`    reason: ${yamlValue(w.reason)}`);
      if (w.approvedBy !== undefined) lines.push(`    approvedBy: ${yamlValue(w.approvedBy)}`);
      lines.push(`    expires: ${yamlValue(w.expires)}`);
    }
  }
  return lines.join('\n') + '\n';
}
