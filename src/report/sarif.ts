import { createHash } from 'node:crypto';
import { compareFindings, type Finding, type Location, type Severity } from '../findings/finding.js';
import type { Report } from '../findings/report.js';
import type { RuleInfo, RuleParameter } from '../policy/catalogue.js';
import { compareText } from '../compare-text.js';

/** Where `$schema` points: the copy GitHub and editors resolve. */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://rollgate.dev';
/** Key of our partialFingerprints entry; bump the version if the recipe ever changes. */
export const FINGERPRINT_KEY = 'rollgateFindingHash/v1';
const SRCROOT = '%SRCROOT%';

export function helpUri(ruleId: string): string {
  return `${INFORMATION_URI}/rules/${ruleId}`;
}

/** `window/freeze-conflict` → `WindowFreezeConflict` (SARIF reportingDescriptor.name). */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

/** The category of a rule id: the part before the first `/` (`window/freeze-conflict` → `window`). */
function category(id: string): string {
  const slash = id.indexOf('/');
  return slash === -1 ? id : id.slice(0, slash);
}

/** GitHub code scanning's `problem.severity` for a SARIF level. */
const PROBLEM_SEVERITY: Record<Severity, string> = { error: 'error', warning: 'warning', note: 'recommendation' };

/**
 * A stable identity for an alert across runs (GitHub's partialFingerprints): rule, file, JSON
 * pointer and message, deliberately not the line, so an alert survives edits above it.
 */
export function fingerprint(f: Finding): string {
  return createHash('sha256')
    .update(JSON.stringify([f.ruleId, f.file, f.path, f.message]))
    .digest('hex');
}

/** A repo-relative file name as a relative URI reference: `/` separators, each segment escaped. */
export function fileUri(file: string): string {
  return file
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

function formatDefault(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `[${value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ')}]`;
  return JSON.stringify(value) ?? 'none';
}

function paramText(p: RuleParameter): string {
  return `  ${p.name} (${p.type}, default ${formatDefault(p.default)}): ${p.description}`;
}

function mdCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function helpText(rule: RuleInfo): string {
  const parts = [rule.description];
  if (rule.parameters.length > 0) parts.push(['Parameters:', ...rule.parameters.map(paramText)].join('\n'));
  if (rule.examples?.fails) parts.push(`Fails:\n${rule.examples.fails.trimEnd()}`);
  if (rule.examples?.passes) parts.push(`Passes:\n${rule.examples.passes.trimEnd()}`);
  parts.push(`Documentation: ${helpUri(rule.id)}`);
  return parts.join('\n\n');
}

function helpMarkdown(rule: RuleInfo): string {
  const parts = [`**${rule.title}** (\`${rule.id}\`)`, rule.description];
  if (rule.parameters.length > 0) {
    parts.push(
      [
        '## Parameters',
        '',
        '| Name | Type | Default | Description |',
        '| --- | --- | --- | --- |',
        ...rule.parameters.map(
          (p) => `| \`${p.name}\` | ${p.type} | \`${mdCell(formatDefault(p.default))}\` | ${mdCell(p.description)} |`,
        ),
      ].join('\n'),
    );
  }
  const fence = (yaml: string) => '```yaml\n' + yaml.trimEnd() + '\n```';
  if (rule.examples?.fails || rule.examples?.passes) {
    const ex = ['## Examples'];
    if (rule.examples.fails) ex.push('', 'Fails:', '', fence(rule.examples.fails));
    if (rule.examples.passes) ex.push('', 'Passes:', '', fence(rule.examples.passes));
    parts.push(ex.join('\n'));
  }
  parts.push(`[Documentation](${helpUri(rule.id)})`);
  return parts.join('\n\n');
}

function ruleProperties(id: string, severity: Severity): Record<string, unknown> {
  return { tags: [category(id)], precision: 'very-high', 'problem.severity': PROBLEM_SEVERITY[severity] };
}

function ruleDescriptor(rule: RuleInfo): Record<string, unknown> {
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    help: { text: helpText(rule), markdown: helpMarkdown(rule) },
    helpUri: helpUri(rule.id),
    defaultConfiguration: { level: rule.severity },
    properties: ruleProperties(rule.id, rule.severity),
  };
}

/** A finding whose rule is not in the catalogue (e.g. from an extra policy) still gets a descriptor. */
function unknownRuleDescriptor(id: string, severity: Severity): Record<string, unknown> {
  return {
    id,
    name: pascalCase(id),
    shortDescription: { text: id },
    defaultConfiguration: { level: severity },
    properties: ruleProperties(id, severity),
  };
}

function region(l: Location): Record<string, number> {
  const startLine = Math.max(1, l.line);
  const startColumn = Math.max(1, l.column);
  const endLine = Math.max(startLine, l.endLine);
  const endColumn = endLine === startLine ? Math.max(startColumn, l.endColumn) : Math.max(1, l.endColumn);
  return { startLine, startColumn, endLine, endColumn };
}

function physicalLocation(l: Location): Record<string, unknown> {
  return {
    artifactLocation: { uri: fileUri(l.file), uriBaseId: SRCROOT },
    region: region(l),
  };
}

/**
 * `--format sarif`: SARIF 2.1.0 as GitHub code scanning reads it. Every rule of the catalogue is
 * listed (even those that found nothing); results keep the report's finding order. Pure and
 * deterministic: no timestamps, no absolute paths.
 */
export function sarifReporter(report: Report): string {
  const findings = [...report.findings].sort(compareFindings);
  const known = [...report.rules].sort((a, b) => compareText(a.id, b.id));
  const index = new Map<string, number>();
  const rules: Record<string, unknown>[] = [];
  for (const rule of known) {
    if (index.has(rule.id)) continue;
    index.set(rule.id, rules.length);
    rules.push(ruleDescriptor(rule));
  }
  const unknown = new Map<string, Severity>();
  for (const f of findings) if (!index.has(f.ruleId) && !unknown.has(f.ruleId)) unknown.set(f.ruleId, f.severity);
  for (const id of [...unknown.keys()].sort()) {
    index.set(id, rules.length);
    rules.push(unknownRuleDescriptor(id, unknown.get(id)!));
  }

  const results = findings.map((f) => {
    const result: Record<string, unknown> = {
      ruleId: f.ruleId,
      ruleIndex: index.get(f.ruleId)!,
      level: f.severity,
      message: { text: f.message },
      locations: [{ physicalLocation: physicalLocation(f) }],
    };
    if (f.related && f.related.length > 0) {
      result.relatedLocations = f.related.map((r, i) => ({
        id: i + 1,
        physicalLocation: physicalLocation(r),
        message: { text: r.message },
      }));
    }
    if (f.suppressed) {
      // A waiver in the config file: an external, accepted suppression (GitHub shows it as dismissed).
      const by = f.suppressed.approvedBy !== undefined ? `, approved by ${f.suppressed.approvedBy}` : '';
      result.suppressions = [
        {
          kind: 'external',
          status: 'accepted',
          justification: `${f.suppressed.reason}${by} (waiver expires ${f.suppressed.expires})`,
        },
      ];
    }
    result.partialFingerprints = { [FINGERPRINT_KEY]: fingerprint(f) };
    const properties: Record<string, unknown> = { path: f.path };
    if (f.document) properties.document = { kind: f.document.kind, name: f.document.name };
    result.properties = properties;
    return result;
  });

  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        invocations: [{ executionSuccessful: report.executionSuccessful }],
        originalUriBaseIds: {
          [SRCROOT]: { description: { text: 'The folder rollgate ran in (the repository root); file URIs are relative to it.' } },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
