import { SEVERITY_RANK, type Finding } from '../findings/finding.js';
import type { Report, ReporterOptions } from '../findings/report.js';
import { compareText } from '../compare-text.js';
import { pushTo } from '../list-map.js';

/**
 * `--format junit`: JUnit XML as Jenkins, GitLab and the Surefire schema read it. One testsuite
 * per rule (every rule, so passing ones count as passed tests), one testcase per document (or file)
 * the rule found something in; findings at or above --fail-on are one <failure> carrying them all,
 * lower ones go to the testcase's <system-out>, as do findings suppressed by a waiver, whatever
 * their severity, marked with the waiver (docs/decisions.md). A rule with no findings has one passing testcase.
 */
export function junitReporter(report: Report, options: ReporterOptions): string {
  const failOn = options.failOn ?? 'error';
  const fails = (f: Finding) => !f.suppressed && failOn !== 'none' && SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn];
  const byRule = new Map<string, Finding[]>();
  for (const f of report.findings) pushTo(byRule, f.ruleId, f);
  // Rules that found something but are not in the catalogue (should not happen) still get a suite.
  const ruleIds = [...new Set([...report.rules.map((r) => r.id), ...byRule.keys()])].sort();
  const titles = new Map(report.rules.map((r) => [r.id, r.title]));

  let tests = 0;
  let failures = 0;
  const suites = ruleIds.map((ruleId) => {
    const findings = byRule.get(ruleId) ?? [];
    const groups = new Map<string, Finding[]>();
    for (const f of findings) {
      const key = f.document ? `${f.document.kind}/${f.document.name} (${f.file})` : f.file;
      pushTo(groups, key, f);
    }
    const cases: string[] = [];
    let suiteFailures = 0;
    if (groups.size === 0) cases.push(`    <testcase classname="${attr(ruleId)}" name="${attr(titles.get(ruleId) ?? ruleId)}" time="0"/>`);
    for (const [name, list] of [...groups].sort(([a], [b]) => compareText(a, b))) {
      const failing = list.filter(fails);
      const other = list.filter((f) => !fails(f));
      const body: string[] = [];
      if (failing.length > 0) {
        suiteFailures++;
        const message = failing.length === 1 ? failing[0]!.message : `${failing.length} findings of ${ruleId}`;
        body.push(`      <failure message="${attr(message)}" type="${failing.some((f) => f.severity === 'error') ? 'error' : failing[0]!.severity}">${text(failing.map(line).join('\n'))}</failure>`);
      }
      if (other.length > 0) body.push(`      <system-out>${text(other.map(line).join('\n'))}</system-out>`);
      cases.push(`    <testcase classname="${attr(ruleId)}" name="${attr(name)}" file="${attr(list[0]!.file)}" time="0">\n${body.join('\n')}\n    </testcase>`);
    }
    const count = Math.max(1, groups.size);
    tests += count;
    failures += suiteFailures;
    return `  <testsuite name="${attr(ruleId)}" tests="${count}" failures="${suiteFailures}" errors="0" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`;
  });
  const errors = report.executionSuccessful ? 0 : 1;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${attr(report.tool.name)}" tests="${tests}" failures="${failures}" errors="${errors}" time="0">\n${suites.join('\n')}\n</testsuites>\n`;
}

function line(f: Finding): string {
  const waived = f.suppressed ? `suppressed by waiver (${waiverText(f.suppressed)}) ` : '';
  return `${waived}${f.severity}: ${f.file}:${f.line}:${f.column}: ${f.message}${(f.related ?? []).map((r) => `\n  related ${r.file}:${r.line}:${r.column}: ${r.message}`).join('')}`;
}

/** "reason: …, approved by …, expires …" of a waiver. */
export function waiverText(s: NonNullable<Finding['suppressed']>): string {
  return `reason: ${s.reason}${s.approvedBy !== undefined ? `, approved by ${s.approvedBy}` : ''}, expires ${s.expires}`;
}

/** XML 1.0 forbids most control characters even escaped: drop them. */
function clean(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

function text(s: string): string {
  return clean(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
