import type { Severity } from './finding.js';
import type { ParsedDocument } from '../load/parse.js';
import type { Region } from '../load/locate.js';

/** Where a finding points before it is resolved to line and column. */
export type Target =
  | { doc: ParsedDocument; path: string; onKey?: boolean }
  | { file: string; region: Region };

/**
 * A finding as the pipeline produces it (loader or policy), before location, severity
 * configuration and sorting turn it into a reported Finding.
 */
export interface PendingFinding {
  ruleId: string;
  message: string;
  /** Overrides the rule's default severity for this one finding (a rule's own decision). */
  severity?: Severity;
  target: Target;
  related?: { target: Target; message: string }[];
}
