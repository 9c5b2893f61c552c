import { allRules } from '../../check/check.js';
import { ToolError } from '../../errors.js';
import type { RuleInfo } from '../../policy/catalogue.js';
import { defaultBundleDir, loadBundle } from '../../policy/runtime.js';
import type { CliIO } from '../io.js';

async function knownRules(): Promise<RuleInfo[]> {
  return allRules((await loadBundle(defaultBundleDir())).rules);
}

/** `rollgate rules`: every rule with id, default severity, title, description, parameters. */
export async function runRules(format: string, io: CliIO): Promise<number> {
  const rules = await knownRules();
  if (format === 'json') {
    io.stdout(`${JSON.stringify(rules.map(({ examples: _examples, ...r }) => r), null, 2)}\n`);
    return 0;
  }
  if (format !== 'text') throw new ToolError('usage', `rules --format takes text or json; got '${format}'`);
  const width = Math.max(...rules.map((r) => r.id.length));
  for (const r of rules) {
    const params = r.parameters.length > 0 ? `  [${r.parameters.map((p) => `${p.name}=${formatDefault(p.default)}`).join(', ')}]` : '';
    io.stdout(`${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.title}${params}\n`);
  }
  return 0;
}

/** `rollgate explain RULE`: the rule's documentation with a failing and a passing example. */
export async function runExplain(id: string, io: CliIO): Promise<number> {
  const rules = await knownRules();
  const rule = rules.find((r) => r.id === id);
  if (!rule) {
    const close = rules.filter((r) => r.id.includes(id) || id.includes(r.id.split('/')[1] ?? '')).map((r) => r.id);
    throw new ToolError('usage', `unknown rule '${id}'${close.length > 0 ? ` (did you mean ${close.slice(0, 3).join(', ')}?)` : ''}; 'rollgate rules' lists them`);
  }
  const lines = [`${rule.id} (${rule.severity}): ${rule.title}`, '', rule.description, ''];
  if (rule.parameters.length > 0) {
    lines.push('Parameters (config `params`, or --param NAME=VALUE):');
    for (const p of rule.parameters) lines.push(`  ${p.name} (${p.type}, default ${formatDefault(p.default)}): ${p.description}`);
    lines.push('');
  }
  if (rule.examples?.fails) lines.push('Fails:', indent(rule.examples.fails), '');
  if (rule.examples?.passes) lines.push('Passes:', indent(rule.examples.passes), '');
  io.stdout(`${lines.join('\n').trimEnd()}\n`);
  return 0;
}

function formatDefault(value: unknown): string {
  return Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
}

function indent(text: string): string {
  return text.trimEnd().split('\n').map((l) => `    ${l}`).join('\n');
}
