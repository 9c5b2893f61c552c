import { compareText } from '../compare-text.js';
import { pushTo } from '../list-map.js';

/** Severities in order of weight; `off` only appears in configuration. */
export type Severity = 'error' | 'warning' | 'note';

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, note: 1 };

/** Reference to one document of the catalogue. */
export interface DocumentRef {
  kind: string;
  name: string;
}

/** A place in a user's file (1-based line and column, end exclusive like SARIF). */
export interface Location {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface RelatedLocation extends Location {
  message: string;
}

/** One finding as every reporter sees it (CLI.md's JSON report shape). */
export interface Finding extends Location {
  ruleId: string;
  severity: Severity;
  message: string;
  /** JSON pointer into the document the finding is about ("" for the whole document/file). */
  path: string;
  document?: DocumentRef;
  related?: RelatedLocation[];
  /** Set when a waiver of the config file covers the finding: reported, but does not fail the gate. */
  suppressed?: Suppression;
}

/** The waiver that suppresses a finding (JSON `suppressed`, SARIF `suppressions`). */
export interface Suppression {
  reason: string;
  approvedBy?: string;
  /** As written in the waiver (a date or an instant). */
  expires: string;
}

/** Sort order of CLI.md: file, line, column, rule id (then message, for byte-stable output). */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.message, b.message)
  );
}

/** Findings on RolloutPlan documents by plan name, in their order (grouped once, not filtered per plan). */
export function findingsByPlan(findings: Finding[]): Map<string, Finding[]> {
  const byPlan = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.document?.kind === 'RolloutPlan') pushTo(byPlan, f.document.name, f);
  }
  return byPlan;
}
