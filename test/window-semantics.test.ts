import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from './helpers/run-check.js';

const W = (rule: string, kind: string, file: string) => path.join('policies/window', rule, 'fixtures', kind, file);

describe('window semantics through the pipeline', () => {
  it('turns a freeze conflict into a note when an exception covers the plan', async () => {
    const withException = await runCheck([W('freeze-exception', 'fires', 'exception-for-this-plan.yaml')]);
    const ids = withException.findings.map((f) => f.ruleId);
    expect(ids).toContain('window/freeze-exception');
    expect(ids).not.toContain('window/freeze-conflict');
    const note = withException.findings.find((f) => f.ruleId === 'window/freeze-exception')!;
    expect(note.severity).toBe('note');
    expect(note.message).toContain('approved by vp-eng: "regulatory deadline"');

    const without = await runCheck([W('freeze-exception', 'passes', 'exception-for-another-plan.yaml')]);
    expect(without.findings.map((f) => f.ruleId)).toContain('window/freeze-conflict');
  });

  it('names times in the governing zone and UTC', async () => {
    const r = await runCheck([W('freeze-conflict', 'fires', 'inside-spring-freeze.yaml')]);
    const f = r.findings.find((x) => x.ruleId === 'window/freeze-conflict')!;
    expect(f.message).toContain('step "ledger" runs 22:00-22:45 Europe/Berlin on Fri 13 Mar 2026 (21:00-21:45 UTC on Fri 13 Mar 2026) in eu-west-1, inside freeze "spring-freeze"');
    expect(f.message).toContain('00:00 Fri 13 Mar 2026 - 00:00 Mon 16 Mar 2026 Europe/Berlin');
  });

  it('does not crash on a plan whose start cannot be placed, and skips the dependent checks', async () => {
    const r = await runCheck([W('invalid-time-zone', 'fires', 'plan-zone-typo.yaml')]);
    const ids = r.findings.map((f) => f.ruleId);
    expect(ids).toContain('window/invalid-time-zone');
    expect(ids.filter((id) => id.startsWith('window/') && id !== 'window/invalid-time-zone')).toEqual([]);
    const noZone = await runCheck([W('no-time-zone', 'fires', 'plan-local-start.yaml')]);
    expect(noZone.findings.filter((f) => f.ruleId === 'window/no-time-zone').map((f) => f.line).length).toBeGreaterThan(0);
  });

  it('reports the calendar, not the plan, for a calendar time zone', async () => {
    const r = await runCheck([W('invalid-time-zone', 'fires', 'calendar-zone-unknown.yaml')]);
    const f = r.findings.find((x) => x.ruleId === 'window/invalid-time-zone')!;
    expect(f.message).toContain('"Mars/Olympus" in calendar "platform"');
  });

  it('finds overlapping plans on a dependency from both sides', async () => {
    const r = await runCheck([W('plan-overlap', 'fires', 'dependent-at-same-time.yaml')]);
    const msgs = r.findings.filter((f) => f.ruleId === 'window/plan-overlap').map((f) => f.message);
    expect(msgs).toHaveLength(2);
    expect(msgs.some((m) => m.includes('plan "web-3", which changes a direct dependent (web)'))).toBe(true);
    expect(msgs.some((m) => m.includes('plan "ledger-2-0", which changes a direct dependency (ledger)'))).toBe(true);
  });
});

describe('calendar problems', () => {
  it('reports an RRULE it cannot read as input/schema at the rrule, and keeps going', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(path.join(tmpdir(), 'rollgate-rrule-'));
    const file = path.join(dir, 'cal.yaml');
    writeFileSync(file, 'apiVersion: rollgate.dev/v1\nkind: ChangeCalendar\nmetadata:\n  name: c\nspec:\n  timeZone: UTC\n  windows:\n    - name: yearly\n      rrule: "FREQ=YEARLY"\n      start: "02:00"\n      duration: 1h\n');
    const r = await runCheck([file]);
    const f = r.findings.find((x) => x.ruleId === 'input/schema');
    expect(f?.line).toBe(9);
    expect(f?.message).toContain('FREQ=YEARLY is not supported');
  });
});
