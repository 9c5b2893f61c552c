import { findingsByPlan, type Finding } from '../findings/finding.js';
import type { Report, ReporterOptions } from '../findings/report.js';
import { esc, span, wallTime, zoneAbbrev } from './review/format.js';
import type { ReviewPlan } from './review/model.js';
import { verdictOf } from './review/summary.js';
import { graphSvg } from './review/svg-graph.js';
import { timelineSvg } from './review/svg-timeline.js';

/**
 * `--format html`: one self-contained page for a change advisory board: verdict and counts, then
 * per plan its timeline and dependency graph (inline SVG drawn here), steps, approvals and
 * readiness evidence, then every finding. No scripts, fonts or requests: it opens offline.
 */
export function htmlReporter(report: Report, options: ReporterOptions): string {
  const verdict = verdictOf(report, options);
  const { errors, warnings, notes } = report.summary;
  const plans = report.review?.().plans ?? [];
  const body: string[] = [];
  body.push(`<header><div><h1>Rollout review</h1><p class="muted">${esc(report.tool.name)} ${esc(report.tool.version)} · ${report.summary.files} files · ${report.summary.documents} documents · ${plans.length} ${plans.length === 1 ? 'plan' : 'plans'}${report.summary.suppressed > 0 ? ` · ${report.summary.suppressed} suppressed by waivers` : ''}</p></div>`);
  body.push(`<div class="verdict ${verdict.passed ? 'pass' : 'fail'}">${verdict.passed ? 'PASS' : 'FAIL'}<small>${verdict.failOn === 'none' ? 'no severity fails' : `fails on ${esc(verdict.failOn)} or worse`}</small></div></header>`);
  body.push(`<section class="cards"><div class="card error"><b>${errors}</b>${errors === 1 ? 'error' : 'errors'}</div><div class="card warning"><b>${warnings}</b>${warnings === 1 ? 'warning' : 'warnings'}</div><div class="card note"><b>${notes}</b>${notes === 1 ? 'note' : 'notes'}</div>`);
  if (verdict.families.length > 0) {
    body.push(`<table class="families"><thead><tr><th>family</th><th>errors</th><th>warnings</th><th>notes</th></tr></thead><tbody>`);
    for (const f of verdict.families) body.push(`<tr><td>${esc(f.family)}</td><td>${f.error}</td><td>${f.warning}</td><td>${f.note}</td></tr>`);
    body.push(`</tbody></table>`);
  }
  body.push(`</section>`);
  if (plans.length > 0) {
    body.push(`<nav><b>Plans</b> ${plans.map((p, i) => `<a href="#plan-${i}">${esc(p.name)}</a>${badges(p)}`).join(' ')}</nav>`);
  }
  // Suppressed findings (waivers) do not fail the gate: they are kept out of every count and
  // table, and listed apart, collapsed, with the waiver that covers them.
  const active = report.findings.filter((f) => !f.suppressed);
  const byPlan = findingsByPlan(active);
  plans.forEach((plan, i) => body.push(planSection(plan, `plan-${i}`, byPlan.get(plan.name) ?? [])));
  body.push(findingsSection(active));
  const suppressed = report.findings.filter((f) => f.suppressed);
  if (suppressed.length > 0) body.push(suppressedSection(suppressed));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${esc(report.tool.name)} ${esc(report.tool.version)}">
<title>Rollout review: ${verdict.passed ? 'pass' : 'fail'}, ${errors} errors, ${warnings} warnings</title>
<style>${CSS}</style>
</head>
<body>
<main>
${body.join('\n')}
</main>
</body>
</html>
`;
}

function badges(p: ReviewPlan): string {
  const b: string[] = [];
  if (p.findings.errors > 0) b.push(`<span class="pill error">${p.findings.errors}</span>`);
  if (p.findings.warnings > 0) b.push(`<span class="pill warning">${p.findings.warnings}</span>`);
  if (p.findings.notes > 0) b.push(`<span class="pill note">${p.findings.notes}</span>`);
  if (b.length === 0) b.push(`<span class="pill ok">ok</span>`);
  return b.join('');
}

/** `own`: the plan's findings (not waived). */
function planSection(plan: ReviewPlan, id: string, own: Finding[]): string {
  const z = plan.timeZone;
  const when = plan.start === undefined ? 'no start time' : `${wallTime(plan.start, z, true)}${plan.end !== undefined ? ` – ${plan.end - plan.start < 86400 ? wallTime(plan.end, z) : wallTime(plan.end, z, true)}` : ''} ${zoneAbbrev(plan.start, z)} (${esc(z ?? 'UTC')})`;
  const facts: [string, string][] = [
    ['owner', esc(plan.owner)],
    ...(plan.author ? [['author', esc(plan.author)] as [string, string]] : []),
    ...(plan.change ? [['change', esc(plan.change)] as [string, string]] : []),
    ...(plan.environment ? [['environment', esc(plan.environment)] as [string, string]] : []),
    ['when', esc(when)],
  ];
  if (plan.start !== undefined && plan.rolloutEnd !== undefined) {
    facts.push(['rollout', `${span(plan.rolloutEnd - plan.start)} in ${plan.waves} ${plan.waves === 1 ? 'wave' : 'waves'}, rollback up to ${span(plan.rollbackSeconds)}`]);
  }
  const out: string[] = [];
  out.push(`<section class="plan" id="${id}">`);
  out.push(`<h2>${esc(plan.name)} ${badges(plan)}</h2>`);
  out.push(`<p class="src"><a href="${esc(plan.file)}#L${plan.line}">${esc(plan.file)}:${plan.line}</a></p>`);
  out.push(`<dl>${facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`);

  out.push(`<h3>Timeline</h3>`);
  const timeline = timelineSvg(plan, `${id}-tl`);
  if (timeline) {
    out.push(`<figure class="chart">${timeline}<figcaption>${legend(plan)}</figcaption></figure>`);
  } else out.push(`<p class="muted">The plan has no start time that can be placed, so it has no timeline.</p>`);
  if (plan.conflicts.length > 0) {
    out.push(`<ul class="conflicts">${plan.conflicts.map((c) => `<li${c.suppressed ? ' class="waived"' : ''}>Step <b>${esc(c.step)}</b>${c.region ? ` in ${esc(c.region)}` : ''} runs ${c.kind === 'freeze' ? `in freeze <b>${esc(c.window)}</b>` : `outside the maintenance windows <b>${esc(c.window)}</b>`} from ${esc(wallTime(c.start, z, true))} to ${esc(wallTime(c.end, z))} <code>${esc(c.rule)}</code>${c.suppressed ? ' (waived)' : ''}</li>`).join('')}</ul>`);
  }
  if (plan.notShown.length > 0) {
    out.push(`<p class="muted small">Not drawn: ${plan.notShown.map((w) => `${esc(w.calendar)}/${esc(w.name)} (${esc(w.reason)})`).join('; ')}.</p>`);
  }

  out.push(`<h3>Dependency graph</h3>`);
  out.push(`<figure class="chart">${graphSvg(plan.graph, `${id}-g`, `Services changed by ${plan.name} and their dependents`)}<figcaption><span class="key changed"></span> changed by this plan <span class="key wave">n</span> wave <span class="key dependent"></span> depends on a changed service (arrows point to the dependency)${plan.graph.omitted ? `; ${plan.graph.omitted} more dependent service${plan.graph.omitted === 1 ? '' : 's'} not drawn (the nearest are shown)` : ''}</figcaption></figure>`);

  out.push(`<h3>Steps</h3>`);
  out.push(`<table><thead><tr><th>wave</th><th>step</th><th>service</th><th>version</th><th>after</th><th>regions</th><th>runs</th></tr></thead><tbody>`);
  const byWave = [...plan.steps].sort((a, b) => a.wave - b.wave || a.index - b.index);
  for (const s of byWave) {
    const runs = s.start !== undefined && s.end !== undefined ? `${wallTime(s.start, z)}–${wallTime(s.end, z)} (${span(s.end - s.start)})` : '';
    out.push(`<tr${s.worst ? ` class="has-${s.worst}"` : ''}><td class="num">${s.wave}</td><td><b>${esc(s.id)}</b></td><td>${esc(s.service)}${s.tier !== undefined ? ` <span class="muted">tier ${s.tier}</span>` : ''}</td><td>${esc(s.from ?? '?')} → ${esc(s.to)}</td><td>${esc(s.after.join(', ') || '—')}</td><td>${esc(s.regions.join(', ') || 'all')}</td><td>${esc(runs)}</td></tr>`);
  }
  out.push(`</tbody></table>`);

  out.push(`<div class="two"><div><h3>Approvals</h3>`);
  if (plan.approvals.length === 0) out.push(`<p class="muted">None recorded.</p>`);
  else {
    out.push(`<table><thead><tr><th>role</th><th>by</th><th>at</th><th>before start</th></tr></thead><tbody>`);
    for (const a of plan.approvals) out.push(`<tr><td>${esc(a.role)}</td><td>${esc(a.by)}${a.by === plan.author ? ' <span class="pill warning">author</span>' : ''}</td><td>${a.at !== undefined ? esc(wallTime(a.at, z, true)) : '—'}</td><td>${age(a.at, plan.start)}</td></tr>`);
    out.push(`</tbody></table>`);
  }
  out.push(`</div><div><h3>Readiness evidence</h3><table><tbody>`);
  const r = plan.readiness;
  out.push(`<tr><th>runbook</th><td>${r.runbook ? `<a href="${esc(r.runbook)}">${esc(r.runbook)}</a>` : '<span class="missing">none</span>'}</td></tr>`);
  out.push(`<tr><th>on-call</th><td>${r.oncall ? esc(r.oncall) : '<span class="missing">none</span>'}</td></tr>`);
  for (const b of r.backups) out.push(`<tr><th>backup</th><td>${esc(b.datastore)}: verified ${age(b.verifiedAt, plan.start)} before start</td></tr>`);
  if (r.backups.length === 0) out.push(`<tr><th>backups</th><td class="muted">none listed</td></tr>`);
  for (const c of r.canaryResults) out.push(`<tr><th>canary</th><td>${esc(c.service)} ${esc(c.version)}${c.environment ? ` in ${esc(c.environment)}` : ''}: ${c.passed === true ? '<span class="ok">passed</span>' : c.passed === false ? '<span class="missing">failed</span>' : 'no result'}</td></tr>`);
  if (r.canaryResults.length === 0) out.push(`<tr><th>canaries</th><td class="muted">none listed</td></tr>`);
  out.push(`</tbody></table></div></div>`);

  if (own.length > 0) out.push(`<h3>Findings on this plan</h3>${findingsTable(own)}`);
  out.push(`</section>`);
  return out.join('\n');
}

function legend(plan: ReviewPlan): string {
  const parts = ['<span class="key step"></span> deploy and bake per region', '<span class="key mig"></span> migrations'];
  if (plan.windows.some((w) => w.kind === 'allow')) parts.push('<span class="key allow"></span> allow window');
  if (plan.windows.some((w) => w.kind === 'deny')) parts.push('<span class="key freeze"></span> freeze');
  parts.push('<span class="key has-error"></span> step with errors', '<span class="key has-warning"></span> with warnings');
  if (plan.conflicts.some((c) => c.kind === 'freeze')) parts.push('<span class="key conflict"></span> in a freeze');
  if (plan.conflicts.some((c) => c.kind === 'outside')) parts.push('<span class="key outside"></span> outside the allow windows');
  return parts.join(' ');
}

function age(at: number | undefined, start: number | undefined): string {
  if (at === undefined || start === undefined) return '—';
  return start >= at ? span(start - at) : `<span class="missing">${span(at - start)} after</span>`;
}

function findingsSection(findings: Finding[]): string {
  if (findings.length === 0) return `<section><h2>Findings</h2><p class="ok big">No findings: every rule passed.</p></section>`;
  return `<section><h2>All findings</h2>${findingsTable(findings)}</section>`;
}

function suppressedSection(findings: Finding[]): string {
  const rows = findings.map((f) => {
    const w = f.suppressed!;
    return `<tr class="suppressed"><td><span class="pill muted-pill">${f.severity}</span></td><td><code>${esc(f.ruleId)}</code></td><td class="loc"><a href="${esc(f.file)}#L${f.line}">${esc(f.file)}:${f.line}:${f.column}</a></td><td>${esc(f.message)}</td><td>${esc(w.reason)}</td><td>${esc(w.approvedBy ?? '—')}</td><td class="loc">${esc(w.expires)}</td></tr>`;
  });
  return `<section class="suppressed"><details><summary><h2>Suppressed by waivers (${findings.length})</h2></summary><p class="muted small">Waivers in the config file cover these findings: they do not fail the gate. <code>--no-waivers</code> reports them as findings.</p><table class="findings"><thead><tr><th>severity</th><th>rule</th><th>where</th><th>message</th><th>reason</th><th>approved by</th><th>expires</th></tr></thead><tbody>${rows.join('')}</tbody></table></details></section>`;
}

function findingsTable(findings: Finding[]): string {
  const rows = findings.map(
    (f) =>
      `<tr class="sev-${f.severity}"><td><span class="pill ${f.severity}">${f.severity}</span></td><td><code>${esc(f.ruleId)}</code></td><td class="loc"><a href="${esc(f.file)}#L${f.line}">${esc(f.file)}:${f.line}:${f.column}</a></td><td>${esc(f.message)}${related(f)}</td></tr>`,
  );
  return `<table class="findings"><thead><tr><th>severity</th><th>rule</th><th>where</th><th>message</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function related(f: Finding): string {
  if (!f.related || f.related.length === 0) return '';
  return `<ul class="related">${f.related.map((r) => `<li><a href="${esc(r.file)}#L${r.line}">${esc(r.file)}:${r.line}</a> ${esc(r.message)}</li>`).join('')}</ul>`;
}




const CSS = `
:root{--fg:#263238;--muted:#78909c;--line:#e0e6ea;--err:#c62828;--warn:#b26a00;--note:#1565c0;--ok:#2e7d32}
*{box-sizing:border-box}
body{margin:0;background:#f4f6f8;color:var(--fg);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:1040px;margin:0 auto;padding:24px}
header{display:flex;justify-content:space-between;align-items:center;gap:16px}
h1{margin:0;font-size:26px}h2{font-size:20px;margin:0 0 4px}h3{font-size:15px;margin:22px 0 8px;color:#37474f}
.muted{color:var(--muted)}.small{font-size:12px}
.verdict{font-size:28px;font-weight:800;padding:10px 22px;border-radius:10px;color:#fff;text-align:center;letter-spacing:.05em}
.verdict small{display:block;font-size:11px;font-weight:500;letter-spacing:0;opacity:.9}
.verdict.pass{background:var(--ok)}.verdict.fail{background:var(--err)}
.cards{display:flex;gap:12px;margin:18px 0;align-items:stretch;flex-wrap:wrap}
.card{background:#fff;border:1px solid var(--line);border-left:5px solid;border-radius:8px;padding:10px 18px;min-width:120px;color:var(--muted)}
.card b{display:block;font-size:26px;color:var(--fg)}
.card.error{border-left-color:var(--err)}.card.warning{border-left-color:#f9a825}.card.note{border-left-color:var(--note)}
.families{width:auto;margin:0 0 0 auto}
nav{background:#fff;border:1px solid var(--line);border-radius:8px;padding:10px 14px;margin-bottom:18px;line-height:2}
nav a{margin-left:10px;color:var(--note);text-decoration:none}
section{background:#fff;border:1px solid var(--line);border-radius:10px;padding:20px 22px;margin-bottom:20px}
.cards,section.cards{background:none;border:0;padding:0}
.src{margin:0 0 10px;font-size:12px}.src a{color:var(--muted)}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:0}dt{color:var(--muted)}dd{margin:0}
figure.chart{margin:0;overflow-x:auto}figure.chart svg{max-width:100%;height:auto;display:block;margin:0 auto;font-family:inherit}
figcaption{font-size:12px;color:var(--muted);margin-top:6px}
.key{display:inline-block;width:14px;height:10px;border-radius:2px;vertical-align:middle;margin:0 4px 0 12px}
.key.step{background:#1e88e5}.key.mig{background:repeating-linear-gradient(45deg,#cfd8dc 0 3px,#90a4ae 3px 5px)}
.key.allow{background:#e3f4e5;border:1px solid #a5d6a7}.key.freeze{background:repeating-linear-gradient(45deg,#fdecea 0 3px,#e57373 3px 5px)}
.key.has-error{background:#e53935}.key.has-warning{background:#f9a825}.key.conflict{border:2px solid #b71c1c}.key.outside{border:2px dashed #e65100}
.conflicts li.waived{color:var(--muted)}
.key.changed{background:#1e88e5}.key.dependent{background:#fff;border:1px solid #b0bec5}
.key.wave{width:16px;height:16px;border-radius:50%;background:#ff8f00;color:#fff;font-size:10px;text-align:center;line-height:16px;font-weight:700}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{color:var(--muted);font-weight:600}td.num{text-align:center}
tr.has-error td:first-child{box-shadow:inset 4px 0 var(--err)}tr.has-warning td:first-child{box-shadow:inset 4px 0 #f9a825}
.two{display:grid;grid-template-columns:1fr 1fr;gap:24px}
.pill{display:inline-block;border-radius:10px;padding:0 8px;font-size:11px;font-weight:700;color:#fff;margin-left:4px;vertical-align:middle}
.pill.error{background:var(--err)}.pill.warning{background:#f9a825;color:#3e2723}.pill.note{background:var(--note)}.missing{color:var(--err);font-weight:600}.ok{color:var(--ok);font-weight:600}
.pill.ok{background:var(--ok);color:#fff}.big{font-size:16px}
.conflicts{color:var(--err);margin:8px 0}
.findings td.loc{white-space:nowrap;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
.findings a{color:var(--note)}code{font-size:12px}
details summary{cursor:pointer}details summary h2{display:inline}.pill.muted-pill{background:#b0bec5;color:#263238}
.related{margin:4px 0 0;padding-left:18px;color:var(--muted);font-size:12px}
@media print{body{background:#fff}section{break-inside:avoid-page;border:0}}
`;
