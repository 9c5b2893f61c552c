import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/findings/report.js';
import { htmlReporter } from '../../src/report/html.js';
import { markdownReporter } from '../../src/report/markdown.js';
import { MAX_DEPENDENTS_DRAWN } from '../../src/report/review/build.js';
import { runCheck } from '../helpers/run-check.js';
import { allErrorsWaivedReport, emptyReport, sampleReport, suppressedReport } from './fixtures.js';
import { expectGolden } from './golden.js';

const NOW = '2026-12-01T09:00:00Z';
let examples: Report;

beforeAll(async () => {
  examples = await runCheck([path.resolve('examples')], { now: NOW, cwd: path.resolve('.') });
});

describe('review model', () => {
  it('times the clean example as examples/README.md says (Europe/Berlin 20:00, 20:50, 21:40, 22:20)', () => {
    const plan = examples.review!().plans.find((p) => p.name === 'multicurrency-eu')!;
    const at = (iso: string) => Date.parse(iso) / 1000;
    expect(plan.start).toBe(at('2026-12-01T19:00:00Z'));
    expect(plan.steps.map((s) => [s.id, s.wave, s.start, s.end])).toEqual([
      ['ledger', 1, at('2026-12-01T19:00:00Z'), at('2026-12-01T19:50:00Z')],
      ['payments', 2, at('2026-12-01T19:50:00Z'), at('2026-12-01T20:40:00Z')],
      ['checkout', 3, at('2026-12-01T20:40:00Z'), at('2026-12-01T21:20:00Z')],
    ]);
    // The pipeline's timeline: region slices partition the step, the 10m migration at its start.
    expect(plan.steps[0]!.intervals).toEqual([{ region: 'eu-west-1', start: at('2026-12-01T19:00:00Z'), end: at('2026-12-01T19:50:00Z') }]);
    expect(plan.steps[0]!.migrations).toEqual({ before: 600, after: 0 });
    // The weekly eu-weekly window (Tue 20:00-02:00 Berlin) is expanded and drawn for every step.
    expect(plan.windows.map((w) => [w.name, w.kind, w.start, w.end, w.appliesTo.length])).toEqual([['eu-weekly', 'allow', at('2026-12-01T19:00:00Z'), at('2026-12-02T01:00:00Z'), 3]]);
    expect(plan.rolloutEnd).toBe(at('2026-12-01T21:20:00Z'));
    expect(plan.rollbackSeconds).toBe(900);
    expect(plan.conflicts).toEqual([]);
    expect(plan.graph.nodes.filter((v) => v.changed).map((v) => v.name)).toEqual(['checkout', 'ledger', 'payments']);
    expect(plan.graph.nodes.map((v) => v.name)).toContain('web-frontend');
  });

  it('marks the step that runs in the year-end freeze, and only that one (notifications is tier 3)', () => {
    const plan = examples.review!().plans.find((p) => p.name === 'payments-holiday-release')!;
    expect(plan.windows.map((w) => [w.name, w.kind, w.appliesTo])).toEqual([
      ['year-end-freeze', 'deny', [{ step: 'payments', region: 'eu-west-1' }]],
      ['eu-weekly', 'allow', [{ step: 'payments', region: 'eu-west-1' }, { step: 'notifications', region: 'eu-west-1' }]],
    ]);
    // Conflicts come from the window/* findings and the facts those rules read.
    const notifications = plan.steps.find((s) => s.id === 'notifications')!;
    const weekly = plan.windows.find((w) => w.name === 'eu-weekly')!;
    expect(plan.conflicts).toEqual([
      { step: 'payments', region: 'eu-west-1', kind: 'freeze', window: 'year-end-freeze', rule: 'window/freeze-conflict', severity: 'error', start: plan.start, end: plan.steps[0]!.end },
      { step: 'notifications', region: 'eu-west-1', kind: 'outside', window: 'platform/eu-weekly', rule: 'window/outside-maintenance', severity: 'error', start: weekly.end, end: notifications.end },
    ]);
    const findings = examples.findings.filter((f) => f.document?.name === plan.name && ['window/freeze-conflict', 'window/outside-maintenance'].includes(f.ruleId));
    expect(findings.map((f) => [f.ruleId, f.path])).toEqual([['window/freeze-conflict', '/spec/steps/0'], ['window/outside-maintenance', '/spec/steps/1']]);
    expect(plan.notShown).toEqual([]);
  });

  it('keeps an unknown service in the graph, marked', () => {
    const plan = examples.review!().plans.find((p) => p.name === 'inventory-reservations-eu')!;
    expect(plan.graph.nodes.find((v) => v.name === 'search')).toMatchObject({ known: false, changed: true, waves: [1] });
  });
});

describe('review graph of a hub', () => {
  // hub ← d00..d49 (direct) ← far (through d00): more dependents than a drawing can hold.
  const doc = (name: string, spec: string) => `apiVersion: rollgate.dev/v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  owner: o\n  version: "1.0.0"\n${spec}`;
  let hub: Report;
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rollgate-hub-'));
    const docs = [doc('hub', '  provides:\n    - api: hub-api\n      version: "1.0.0"\n'), doc('far', '  dependsOn: [d00]\n')];
    for (let i = 0; i < 50; i++) docs.push(doc(`d${String(i).padStart(2, '0')}`, '  consumes:\n    - api: hub-api\n      versions: "^1.0.0"\n'));
    docs.push('apiVersion: rollgate.dev/v1\nkind: RolloutPlan\nmetadata:\n  name: hub-up\nspec:\n  owner: o\n  start: "2026-12-02T20:00:00Z"\n  steps:\n    - id: up\n      service: hub\n      to: "1.1.0"\n');
    writeFileSync(path.join(dir, 'all.yaml'), docs.join('---\n'));
    hub = await runCheck([dir], { now: NOW, cwd: dir });
  });

  it('draws the changed service and the nearest dependents, and counts the rest', () => {
    const graph = hub.review!().plans[0]!.graph;
    expect(graph.nodes.filter((v) => v.changed).map((v) => v.name)).toEqual(['hub']);
    expect(graph.nodes).toHaveLength(1 + MAX_DEPENDENTS_DRAWN);
    // Direct dependents first, by name; `far` (two hops) is among the omitted.
    expect(graph.nodes.map((v) => v.name)).toContain(`d${MAX_DEPENDENTS_DRAWN - 1}`);
    expect(graph.nodes.map((v) => v.name)).not.toContain('far');
    expect(graph.omitted).toBe(51 - MAX_DEPENDENTS_DRAWN);
    expect(graph.edges.every((e) => e.to === 'hub')).toBe(true);
    expect(markdownReporter(hub, { color: false })).toContain(`_${51 - MAX_DEPENDENTS_DRAWN} more dependent services not drawn (the nearest are shown)._`);
    expect(htmlReporter(hub, { color: false })).toContain(`${51 - MAX_DEPENDENTS_DRAWN} more dependent services not drawn`);
  });

  it('builds the review once, when a reporter asks for it', () => {
    expect(hub.review!()).toBe(hub.review!());
  });
});

describe('markdown reporter', () => {
  it('matches the golden files', () => {
    expectGolden('sample.md', markdownReporter(sampleReport(), { color: false }));
    expectGolden('empty.md', markdownReporter(emptyReport(), { color: false }));
    expectGolden('examples.md', markdownReporter(examples, { color: false }));
  });

  it('has a mermaid graph and a timeline row per step and region', () => {
    const md = markdownReporter(examples, { color: false });
    expect(md.match(/```mermaid\ngraph TD\n/g)).toHaveLength(examples.review!().plans.length);
    expect(md).toContain('| 1 | payments ❌ | payments | 2.3.4 → 2.4.1 | eu-west-1 | 23:30–00:10 ⛔ freeze year-end-freeze |');
  });

  it('lists suppressed findings apart, collapsed, with their waiver, and does not fail on them (golden)', () => {
    const md = markdownReporter(suppressedReport(), { color: false });
    expectGolden('suppressed.md', md);
    const [findings, waived] = md.split('<summary>Suppressed by waivers (1)</summary>');
    expect(findings).toContain('<details>');
    expect(findings).not.toContain('window/freeze-conflict');
    expect(waived).toContain('| error | `window/freeze-conflict` | [plans/ledger.yaml:12](<plans/ledger.yaml#L12>) |');
    expect(waived).toContain('| PCI deadline agreed with the CAB | vp-eng | 2026-12-31 |');
    expect(md).toContain('## Rollout review: ❌ fail');
    expect(markdownReporter(allErrorsWaivedReport(), { color: false })).toContain('## Rollout review: ✅ pass');
  });

  it('escapes pipes and line breaks in table cells', () => {
    const r = sampleReport();
    r.findings[0]!.message = 'a | b\nc';
    expect(markdownReporter(r, { color: false })).toContain('a \\| b c');
  });
});

describe('html reporter', () => {
  it('matches the golden files', () => {
    expectGolden('sample.html', htmlReporter(sampleReport(), { color: false }));
    expectGolden('empty.html', htmlReporter(emptyReport(), { color: false }));
    expectGolden('examples.html', htmlReporter(examples, { color: false }));
  });

  it('is self-contained: no scripts, stylesheets, fonts, images or frames from anywhere', () => {
    const html = htmlReporter(examples, { color: false });
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\((?!#)|\bsrc=/i);
    // Links to runbooks are fine (the reader follows them); nothing is fetched on load.
  });

  it('escapes what users wrote', () => {
    const r = sampleReport();
    r.findings[0]!.message = '<script>alert(1)</script> & "x"';
    const html = htmlReporter(r, { color: false });
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
    expect(html).not.toContain('<script>');
  });

  it('lists suppressed findings apart, collapsed, with their waiver, and does not fail on them (golden)', () => {
    const html = htmlReporter(suppressedReport(), { color: false });
    expectGolden('suppressed.html', html);
    const [findings, waived] = html.split('<section class="suppressed"><details>');
    expect(findings).not.toContain('window/freeze-conflict');
    expect(waived).toContain('<h2>Suppressed by waivers (1)</h2>');
    expect(waived).toContain('<code>window/freeze-conflict</code>');
    expect(waived).toContain('<td>PCI deadline agreed with the CAB</td><td>vp-eng</td><td class="loc">2026-12-31</td>');
    expect(html).not.toMatch(/<details open/);
    expect(html).toContain('<div class="verdict fail">');
    expect(htmlReporter(allErrorsWaivedReport(), { color: false })).toContain('<div class="verdict pass">');
  });

  it('says pass or fail as --fail-on would', () => {
    expect(htmlReporter(sampleReport(), { color: false })).toContain('<div class="verdict fail">');
    expect(htmlReporter(sampleReport(), { color: false, failOn: 'none' })).toContain('<div class="verdict pass">');
    expect(htmlReporter(emptyReport(), { color: false })).toContain('<div class="verdict pass">');
  });
});
