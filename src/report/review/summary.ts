import { SEVERITY_RANK, type Severity } from '../../findings/finding.js';
import type { Report, ReporterOptions } from '../../findings/report.js';
import { familyOf } from './format.js';

export interface Verdict {
  passed: boolean;
  failOn: Severity | 'none';
  /** Findings per family, per severity, families sorted. */
  families: { family: string; error: number; warning: number; note: number }[];
}

/** Pass/fail as the exit code would say it (`--fail-on`, default error) and counts by family. */
export function verdictOf(report: Report, options: ReporterOptions): Verdict {
  const failOn = options.failOn ?? 'error';
  // Suppressed findings (waivers) never fail the gate and are not counted: they are listed apart.
  const active = report.findings.filter((f) => !f.suppressed);
  const passed = failOn === 'none' || !active.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]);
  const byFamily = new Map<string, { family: string; error: number; warning: number; note: number }>();
  for (const f of active) {
    const family = familyOf(f.ruleId);
    const row = byFamily.get(family) ?? { family, error: 0, warning: 0, note: 0 };
    row[f.severity]++;
    byFamily.set(family, row);
  }
  return { passed, failOn, families: [...byFamily.values()].sort((a, b) => (a.family < b.family ? -1 : 1)) };
}
