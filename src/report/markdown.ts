import type { Finding } from '../findings/finding.js';
import type { Report, ReporterOptions } from '../findings/report.js';
import { toMermaid } from '../graph/export.js';
import { span, wallTime, zoneAbbrev } from './review/format.js';
import type { ReviewPlan } from './review/model.js';
import { verdictOf } from './review/summary.js';

/**
 * `--format markdown`: the review for a pull-request comment or a ticket (GitHub-flavoured):
 * verdict, per plan a compact timeline table and a Mermaid dependency graph, approvals and
 * readiness, then the findings.
 */
export function markdownReporter(report: Report, options: ReporterOptions): string {
  const verdict = verdictOf(report, options);
  const { errors, warnings, notes, files, documents } = report.summary;
  const plans = report.review?.().plans ?? [];
  const out: string[] = [];
  out.push(`## Rollout review: ${verdict.passed ? '✅ pass' : '❌ fail'}`, '');
  out.push(`${errors} ${plural(errors, 'error')}, ${warnings} ${plural(warnings, 'warning')}, ${notes} ${plural(notes, 'note')} in ${files} ${plural(files, 'file')} (${documents} ${plural(documents, 'document')}, ${plans.length} ${plural(plans.length, 'plan')})${report.summary.suppressed > 0 ? `, ${report.summary.suppressed} suppressed by waivers` : ''}; ${verdict.failOn === 'none' ? 'no severity fails the gate' : `the gate fails on ${verdict.failOn} or worse`}.`, '');
  if (verdict.families.length > 0) {
    out.push('| family | errors | warnings | notes |', '|---|---:|---:|---:|');
    for (const f of verdict.families) out.push(`| ${f.family} | ${f.error} | ${f.warning} | ${f.note} |`);
    out.push('');
  }
  for (const plan of plans) out.push(...planSection(plan));
  // Suppressed findings (waivers) do not fail the gate: listed apart, collapsed, with their waiver.
  const active = report.findings.filter((f) => !f.suppressed);
  const suppressed = report.findings.filter((f) => f.suppressed);
  out.push('### Findings', '');
  if (active.length === 0) out.push(suppressed.length === 0 ? 'No findings: every rule passed.' : 'No findings apart from those suppressed by waivers.', '');
  else out.push(...findingsTable(active), '');
  if (suppressed.length > 0) {
    out.push('<details>', `<summary>Suppressed by waivers (${suppressed.length})</summary>`, '');
    out.push('| | rule | where | message | reason | approved by | expires |', '|---|---|---|---|---|---|---|');
    for (const f of suppressed) {
      const w = f.suppressed!;
      out.push(`| ${f.severity} | \`${f.ruleId}\` | [${cell(f.file)}:${f.line}](<${f.file}#L${f.line}>) | ${cell(f.message)} | ${cell(w.reason)} | ${cell(w.approvedBy ?? '—')} | ${cell(w.expires)} |`);
    }
    out.push('', '</details>', '');
  }
  return out.join('\n');
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}

/** A table cell: pipes escaped, line breaks as spaces. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function planSection(plan: ReviewPlan): string[] {
  const z = plan.timeZone;
  const out: string[] = [];
  const status = plan.findings.errors + plan.findings.warnings + plan.findings.notes === 0 ? 'no findings' : `${plan.findings.errors} errors, ${plan.findings.warnings} warnings, ${plan.findings.notes} notes`;
  out.push(`### Plan \`${plan.name}\` (${status})`, '');
  const facts = [`owner ${plan.owner}`];
  if (plan.author) facts.push(`author ${plan.author}`);
  if (plan.change) facts.push(`change ${plan.change}`);
  if (plan.environment) facts.push(plan.environment);
  out.push(`[${plan.file}:${plan.line}](<${plan.file}#L${plan.line}>) · ${cell(facts.join(' · '))}`, '');
  if (plan.start !== undefined) {
    const window = `${wallTime(plan.start, z, true)}${plan.end !== undefined ? ` – ${wallTime(plan.end, z, true)}` : ''} ${zoneAbbrev(plan.start, z)} (${z ?? 'UTC'})`;
    const rollout = plan.rolloutEnd !== undefined ? `; rollout ${span(plan.rolloutEnd - plan.start)} in ${plan.waves} ${plural(plan.waves, 'wave')}, done + rollback ${wallTime(plan.rolloutEnd + plan.rollbackSeconds, z)}` : '';
    out.push(`**When:** ${window}${rollout}`, '');
  }
  out.push('| wave | step | service | version | region | runs |', '|---:|---|---|---|---|---|');
  for (const s of [...plan.steps].sort((a, b) => a.wave - b.wave || a.index - b.index)) {
    const rows = s.intervals.length > 0 ? s.intervals : [{ region: '', start: undefined, end: undefined }];
    rows.forEach((iv, i) => {
      const runs = iv.start !== undefined && iv.end !== undefined ? `${wallTime(iv.start, z)}–${wallTime(iv.end, z)}` : '';
      const conflict = plan.conflicts
        .filter((c) => c.step === s.id && c.region === iv.region)
        .map((c) => ` ${c.suppressed ? '(waived) ' : '⛔ '}${c.kind === 'freeze' ? `freeze ${c.window}` : `outside windows ${wallTime(c.start, z)}–${wallTime(c.end, z)}`}`)
        .join('');
      const mark = s.worst === 'error' ? ' ❌' : s.worst === 'warning' ? ' ⚠️' : '';
      out.push(i === 0
        ? `| ${s.wave} | ${cell(s.id)}${mark} | ${cell(s.service)} | ${cell(s.from ?? '?')} → ${cell(s.to)} | ${cell(iv.region || 'all')} | ${runs}${cell(conflict)} |`
        : `| | | | | ${cell(iv.region)} | ${runs}${cell(conflict)} |`);
    });
  }
  out.push('');
  if (plan.windows.length > 0) {
    out.push('**Calendar:** ' + plan.windows.map((w) => `${w.kind === 'deny' ? 'freeze' : 'window'} \`${w.name}\` ${wallTime(w.start, z, true)} – ${wallTime(w.end, z, true)}`).join('; '), '');
  }
  if (plan.notShown.length > 0) out.push(`_Not shown: ${plan.notShown.map((w) => `${w.calendar}/${w.name} (${w.reason})`).join('; ')}._`, '');
  out.push('```mermaid');
  out.push(toMermaid({
    nodes: plan.graph.nodes.map((v) => ({
      name: v.name,
      label: `${v.name}${v.known ? ` · tier ${v.tier ?? 3}` : ' · not in catalogue'}${v.waves.length > 0 ? ` · wave ${v.waves.join(', ')}` : ''}`,
      changed: v.changed,
      unknown: !v.known,
    })),
    edges: plan.graph.edges,
  }).trimEnd());
  out.push('```', '');
  if (plan.graph.omitted) out.push(`_${plan.graph.omitted} more dependent service${plan.graph.omitted === 1 ? '' : 's'} not drawn (the nearest are shown)._`, '');
  const approvals = plan.approvals.map((a) => `${a.role} by ${a.by}${a.at !== undefined && plan.start !== undefined ? ` (${plan.start >= a.at ? `${span(plan.start - a.at)} before start` : 'after start'})` : ''}`);
  out.push(`**Approvals:** ${cell(approvals.join('; ') || 'none')}`, '');
  const r = plan.readiness;
  const evidence = [
    `runbook ${r.runbook ?? 'none'}`,
    `on-call ${r.oncall ?? 'none'}`,
    ...r.backups.map((b) => `backup ${b.datastore}${b.verifiedAt !== undefined && plan.start !== undefined ? ` verified ${span(plan.start - b.verifiedAt)} before start` : ''}`),
    ...r.canaryResults.map((c) => `canary ${c.service} ${c.version}${c.environment ? ` in ${c.environment}` : ''} ${c.passed === true ? 'passed' : c.passed === false ? 'failed' : 'no result'}`),
  ];
  out.push(`**Readiness:** ${cell(evidence.join('; '))}`, '');
  return out;
}

function findingsTable(findings: Finding[]): string[] {
  const icon = { error: '❌', warning: '⚠️', note: 'ℹ️' } as const;
  return [
    '| | rule | where | message |',
    '|---|---|---|---|',
    ...findings.map((f) => `| ${icon[f.severity]} ${f.severity} | \`${f.ruleId}\` | [${cell(f.file)}:${f.line}](<${f.file}#L${f.line}>) | ${cell(f.message)} |`),
  ];
}
