import { compareFindings, type Finding } from '../findings/finding.js';
import type { Report } from '../findings/report.js';

/** One finding as CLI.md's JSON report shows it, keys in the documented order. */
function findingJson(f: Finding): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    path: f.path,
  };
  if (f.document) out.document = { kind: f.document.kind, name: f.document.name };
  if (f.related && f.related.length > 0) {
    out.related = f.related.map((r) => ({ file: r.file, line: r.line, column: r.column, message: r.message }));
  }
  if (f.suppressed) {
    out.suppressed = {
      reason: f.suppressed.reason,
      ...(f.suppressed.approvedBy !== undefined ? { approvedBy: f.suppressed.approvedBy } : {}),
      expires: f.suppressed.expires,
    };
  }
  return out;
}

/**
 * `--format json`: CLI.md's JSON report. Keys are built in a fixed order and findings sorted with
 * compareFindings, so the same report always gives the same bytes.
 */
export function jsonReporter(report: Report): string {
  const body = {
    tool: { name: report.tool.name, version: report.tool.version },
    summary: {
      files: report.summary.files,
      documents: report.summary.documents,
      errors: report.summary.errors,
      warnings: report.summary.warnings,
      notes: report.summary.notes,
      suppressed: report.summary.suppressed,
    },
    findings: [...report.findings].sort(compareFindings).map(findingJson),
  };
  return JSON.stringify(body, null, 2) + '\n';
}
