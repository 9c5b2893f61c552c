import { compareFindings, type Finding } from '../findings/finding.js';
import type { Report } from '../findings/report.js';

const COMMAND = { error: 'error', warning: 'warning', note: 'notice' } as const;

/**
 * `--format github`: GitHub Actions workflow commands, one annotation per finding, shown on the
 * pull request's diff. Findings suppressed by a waiver get no annotation (they do not fail the gate
 * and are listed in the step summary). The step summary (markdown) is written by the CLI, not here: reporters are pure.
 */
export function githubReporter(report: Report): string {
  return report.findings.filter((f) => !f.suppressed).sort(compareFindings).map(annotation).join('');
}

export function annotation(f: Finding): string {
  const props = [
    `file=${escapeProperty(f.file)}`,
    `line=${f.line}`,
    `col=${f.column}`,
    `endLine=${f.endLine}`,
    `endColumn=${f.endColumn}`,
    `title=${escapeProperty(`rollgate ${f.ruleId}`)}`,
  ].join(',');
  const related = (f.related ?? []).map((r) => `\n${r.message} (${r.file}:${r.line})`).join('');
  return `::${COMMAND[f.severity]} ${props}::${escapeData(f.message + related)}\n`;
}

/** Data of a workflow command: %, CR and LF are escaped (as @actions/core does). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value additionally escapes ':' and ','. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
