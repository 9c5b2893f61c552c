import type { RuleInfo } from '../policy/catalogue.js';
import { compareText } from '../compare-text.js';

function formatDefault(value: unknown): string {
  return Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** One rule's page: `docs/rules/<category>/<name>.md`, generated from its METADATA. */
export function rulePage(rule: RuleInfo): string {
  const [category, name] = rule.id.split('/') as [string, string];
  const origin =
    category === 'input' ? 'Produced by the loader in TypeScript (src/load).'
    : category === 'config' ? 'Produced in TypeScript from the config file (src/waivers).'
    : `Rego: [\`policies/${category}/${name}/\`](../../../policies/${category}/${name}/) (package \`rollgate.rules.${category}["${name}"]\`).`;
  const lines = [
    '<!-- Generated from the rule catalogue by `npm run docs:rules`; do not edit. -->',
    `# ${rule.id}`,
    '',
    `**${rule.title}**. Default severity: \`${rule.severity}\`.`,
    '',
    rule.description,
    '',
    origin,
    '',
  ];
  if (rule.parameters.length > 0) {
    lines.push('## Parameters', '', 'Set them in `.rollgate.yaml` under `params:` or with `--param NAME=VALUE`.', '');
    lines.push('| name | type | default | description |', '|---|---|---|---|');
    for (const p of rule.parameters) lines.push(`| \`${p.name}\` | ${p.type} | \`${cell(formatDefault(p.default))}\` | ${cell(p.description)} |`);
    lines.push('');
  }
  const fence = (yaml: string) => ['```yaml', yaml.trimEnd(), '```'];
  if (rule.examples?.fails) lines.push('## Fails', '', ...fence(rule.examples.fails), '');
  if (rule.examples?.passes) lines.push('## Passes', '', ...fence(rule.examples.passes), '');
  lines.push(
    '## Configure',
    '',
    '```yaml',
    '# .rollgate.yaml',
    'rules:',
    `  ${rule.id}: ${rule.severity === 'error' ? 'warning' : 'error'}   # or error | warning | note | off`,
    'waivers:',
    `  - rule: ${rule.id}`,
    '    plan: my-plan',
    '    reason: "why this is accepted"',
    '    approvedBy: someone',
    '    expires: 2026-12-31',
    '```',
    '',
  );
  return lines.join('\n');
}

/** Every page (path relative to docs/rules/ → content), plus an index. Sorted, deterministic. */
export function rulePages(rules: RuleInfo[]): Map<string, string> {
  const sorted = [...rules].sort((a, b) => compareText(a.id, b.id));
  const pages = new Map<string, string>();
  const index = ['<!-- Generated from the rule catalogue by `npm run docs:rules`; do not edit. -->', '# Rules', '', '| rule | severity | title |', '|---|---|---|'];
  for (const r of sorted) {
    pages.set(`${r.id}.md`, rulePage(r));
    index.push(`| [${r.id}](${r.id}.md) | ${r.severity} | ${cell(r.title)} |`);
  }
  pages.set('README.md', index.join('\n') + '\n');
  return pages;
}
