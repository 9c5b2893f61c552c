import type { Finding, Severity } from './finding.js';
import type { RuleInfo } from '../policy/catalogue.js';
import type { ReviewModel } from '../report/review/model.js';

/** Everything a reporter needs; reporters are pure functions of this. */
export interface Report {
  tool: { name: string; version: string };
  /** Counts exclude suppressed findings; `suppressed` counts those. */
  summary: { files: number; documents: number; errors: number; warnings: number; notes: number; suppressed: number };
  findings: Finding[];
  /** Every known rule (for SARIF's tool.driver.rules and docs), sorted by id. */
  rules: RuleInfo[];
  /** Source text of each file with findings, for reporters that show the offending line. */
  sources: Map<string, string>;
  /** False when the tool could not complete its job (SARIF executionSuccessful). */
  executionSuccessful: boolean;
  /**
   * What the HTML and Markdown reports draw: plans, timelines, graphs (absent in hand-made
   * reports). Built on first call and kept: the other formats never need it, and at catalogue
   * scale it costs as much as the checks.
   */
  review?: () => ReviewModel;
}

export type Reporter = (report: Report, options: ReporterOptions) => string;

export interface ReporterOptions {
  color: boolean;
  /** `--fail-on`: which findings fail the gate (reports that show a verdict read it; default error). */
  failOn?: Severity | 'none';
}
