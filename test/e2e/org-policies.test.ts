import { cpSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { sarifValidator } from '../helpers/sarif-schema.js';

const NOW = '2026-12-01T09:00:00Z';
const ROOT = path.resolve('.');
const cache = mkdtempSync(path.join(tmpdir(), 'rollgate-cache-'));
const env = { XDG_CACHE_HOME: cache, ROLLGATE_CACHE_DIR: undefined };

/** A copy of examples/ with a .rollgate.yaml next to it; returns the folder. */
function workspace(config: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'rollgate-org-'));
  cpSync(path.join(ROOT, 'examples'), path.join(dir, 'examples'), { recursive: true });
  writeFileSync(path.join(dir, '.rollgate.yaml'), config);
  return dir;
}

function check(dir: string, ...args: string[]) {
  const r = cli(['check', 'examples/', '--now', NOW, ...args], { cwd: dir, env });
  return { ...r, json: () => JSON.parse(r.stdout) as { summary: Record<string, number>; findings: { ruleId: string; severity: string; file: string; line: number; suppressed?: unknown }[] } };
}

const count = (findings: { ruleId: string }[], id: string) => findings.filter((f) => f.ruleId === id).length;

describe('config file', () => {
  it('a severity override changes the exit code', () => {
    const base = check(workspace(''), '-f', 'json', '--fail-on', 'warning');
    expect(base.code).toBe(1);
    // Every error and warning rule found in the examples, turned to note: the warning gate passes.
    const ids = [...new Set(base.json().findings.map((f) => f.ruleId))].sort();
    const dir = workspace(`rules:\n${ids.map((id) => `  ${id}: note`).join('\n')}\n`);
    const r = check(dir, '-f', 'json', '--fail-on', 'warning');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.json().summary.notes).toBe(base.json().findings.length);
    const off = check(workspace(`rules:\n${ids.map((id) => `  ${id}: off`).join('\n')}\n`), '-f', 'json');
    expect(off.code).toBe(0);
    expect(off.json().findings).toEqual([]);
  });

  it('a parameter changes whether a rule fires', () => {
    const base = check(workspace(''), '-f', 'json').json();
    expect(count(base.findings, 'readiness/missing-backup')).toBe(2);
    const relaxed = check(workspace('params:\n  maxBackupAge: 365d\n'), '-f', 'json').json();
    expect(count(relaxed.findings, 'readiness/missing-backup')).toBe(1); // the plan with no backup at all
    // a flag beats the file
    const flagged = check(workspace('params:\n  maxBackupAge: 365d\n'), '-f', 'json', '--param', 'maxBackupAge=1h').json();
    expect(count(flagged.findings, 'readiness/missing-backup')).toBeGreaterThan(2);
  });

  it('a waiver suppresses; an expired one does not and is reported; an unused one is reported', () => {
    const waivers = `waivers:
  - rule: readiness/self-approval
    plan: catalog-pricing-eu
    reason: sole maintainer during the holidays
    approvedBy: vp-eng
    expires: 2026-12-31
  - rule: graph/unknown-service
    file: examples/plans/graph-*.yaml
    reason: service being registered
    expires: 2026-11-30
  - rule: graph/cycle
    plan: no-such-plan
    reason: left over
    expires: 2027-01-01
`;
    const dir = workspace(waivers);
    const base = check(workspace(''), '-f', 'json').json();
    const r = check(dir, '-f', 'json');
    const report = r.json();
    const waived = report.findings.filter((f) => f.suppressed);
    expect(waived.map((f) => f.ruleId)).toEqual(['readiness/self-approval']);
    expect(waived[0]!.suppressed).toEqual({ reason: 'sole maintainer during the holidays', approvedBy: 'vp-eng', expires: '2026-12-31' });
    expect(report.summary.suppressed).toBe(1);
    expect(report.summary.errors).toBe(base.summary.errors - 1);
    // the expired waiver suppresses nothing, and is reported at the waiver
    expect(count(report.findings.filter((f) => !f.suppressed), 'graph/unknown-service')).toBe(1);
    const expired = report.findings.filter((f) => f.ruleId === 'config/expired-waiver');
    expect(expired.map((f) => [f.file, f.line])).toEqual([['.rollgate.yaml', 7]]);
    const unused = report.findings.filter((f) => f.ruleId === 'config/unused-waiver');
    expect(unused.map((f) => [f.file, f.line, f.severity])).toEqual([['.rollgate.yaml', 11, 'warning']]);

    // text: suppressed findings only in a count line
    const text = check(dir, '--no-color').stdout;
    expect(text).not.toMatch(/readiness\/self-approval/);
    expect(text).toMatch(/1 finding suppressed by waivers/);
    // SARIF: an accepted external suppression, still valid SARIF
    const sarif = JSON.parse(check(dir, '-f', 'sarif').stdout);
    const { validate, errors } = sarifValidator();
    expect(validate(sarif), errors()).toBe(true);
    const suppressed = sarif.runs[0].results.filter((x: { suppressions?: unknown }) => x.suppressions);
    expect(suppressed.map((x: { ruleId: string }) => x.ruleId)).toEqual(['readiness/self-approval']);
    expect(suppressed[0].suppressions[0]).toMatchObject({ kind: 'external', status: 'accepted' });
    // --no-waivers ignores them all
    const none = check(dir, '-f', 'json', '--no-waivers').json();
    expect(none.summary.suppressed).toBe(0);
    expect(none.findings.filter((f) => f.ruleId.startsWith('config/'))).toEqual([]);
    // --now past the expiry: the first waiver stops suppressing too
    const later = cli(['check', 'examples/', '--now', '2027-01-01T00:00:00Z', '-f', 'json'], { cwd: dir, env });
    const l = JSON.parse(later.stdout) as { summary: { suppressed: number }; findings: { ruleId: string }[] };
    expect(l.summary.suppressed).toBe(0);
    // a date holds through that day (UTC): the third waiver (expires 2027-01-01) is still live
    expect(count(l.findings, 'config/expired-waiver')).toBe(2);
    expect(count(l.findings, 'config/unused-waiver')).toBe(1);
  });

  it('reports config errors as file:line:col with exit 2', () => {
    const cases: [string, RegExp][] = [
      ['rules:\n  readiness/missing-bak: off\n', /^rollgate: \.rollgate\.yaml:2:3: unknown rule 'readiness\/missing-bak' \(did you mean readiness\/missing-bake/],
      ['rules:\n  readiness/missing-bake: loud\n', /^rollgate: \.rollgate\.yaml:2:27: /],
      ['waivers:\n  - rule: graph/cycle\n    plan: x\n    reason: y\n', /^rollgate: \.rollgate\.yaml:2:5: .*expires/],
      ['params:\n  maxBackupAge: soon\n', /^rollgate: \.rollgate\.yaml:2:17: parameter maxBackupAge: 'soon' is not a duration/],
      ['params:\n  maxBacupAge: 1d\n', /^rollgate: \.rollgate\.yaml:2:16: unknown parameter 'maxBacupAge'/],
      ['rules: [\n', /^rollgate: \.rollgate\.yaml:\d+:\d+: invalid YAML/],
      // No zone to read a local time in: an expiry is a date or an instant with an offset.
      ['waivers:\n  - rule: graph/cycle\n    plan: x\n    reason: y\n    approvedBy: z\n    expires: 2026-12-31T10:00\n', /^rollgate: \.rollgate\.yaml:6:14: '2026-12-31T10:00' is not a date or an instant with an offset/],
    ];
    for (const [config, message] of cases) {
      const r = check(workspace(config));
      expect(r.code, config).toBe(2);
      expect(r.stderr, config).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('finds .rollgate.yaml walking up, honours -c and ROLLGATE_CONFIG, and prints the effective config', () => {
    const dir = workspace('rules:\n  readiness/missing-bake: off\n');
    mkdirSync(path.join(dir, 'sub'));
    const up = cli(['check', '--print-config', '--param', 'maxBlastRadius=3'], { cwd: path.join(dir, 'sub'), env });
    expect(up.code).toBe(0);
    expect(up.stdout).toMatch(/^ {2}readiness\/missing-bake: off {2}# \.\.\/\.rollgate\.yaml:2:3$/m);
    expect(up.stdout).toMatch(/^ {2}maxBlastRadius: 3 {2}# --param$/m);
    expect(up.stdout).toMatch(/^ {2}maxBackupAge: 24h {2}# default \(readiness\/missing-backup\)$/m);
    expect(up.stdout).toMatch(/^failOn: error {2}# default$/m);
    writeFileSync(path.join(dir, 'other.yaml'), 'rules:\n  readiness/missing-bake: error\n');
    const viaEnv = cli(['check', '--print-config'], { cwd: dir, env: { ...env, ROLLGATE_CONFIG: 'other.yaml', ROLLGATE_FAIL_ON: 'warning' } });
    expect(viaEnv.stdout).toMatch(/readiness\/missing-bake: error {2}# other\.yaml:2:3/);
    expect(viaEnv.stdout).toMatch(/^failOn: warning {2}# ROLLGATE_FAIL_ON$/m);
    const flagWins = cli(['check', '--print-config', '-c', '.rollgate.yaml', '--fail-on', 'note'], { cwd: dir, env: { ...env, ROLLGATE_CONFIG: 'other.yaml', ROLLGATE_FAIL_ON: 'warning' } });
    expect(flagWins.stdout).toMatch(/readiness\/missing-bake: off {2}# \.rollgate\.yaml:2:3/);
    expect(flagWins.stdout).toMatch(/^failOn: note {2}# --fail-on$/m);
  });
});

describe('custom policies', () => {
  const ORG = path.join(ROOT, 'examples', 'org-policies');

  it('rollgate check examples/ is unchanged by the org-policy fixtures', () => {
    const r = cli(['check', 'examples/', '--now', NOW, '-f', 'json'], { env });
    const report = JSON.parse(r.stdout) as { findings: { file: string }[] };
    expect(report.findings.filter((f) => f.file.includes('org-policies'))).toEqual([]);
  });

  it('a Rego folder fires on its fixtures in every format, with its own rule metadata', () => {
    const fixtures = 'examples/org-policies/org/friday-afternoon/fixtures/fires/friday-1600-berlin.yaml';
    const args = ['check', fixtures, '-p', 'examples/org-policies', '--now', '2026-03-10T12:00:00Z'];
    const json = JSON.parse(cli([...args, '-f', 'json'], { env }).stdout) as { findings: { ruleId: string }[] };
    expect(json.findings.map((f) => f.ruleId)).toContain('org/friday-afternoon');
    const text = cli([...args, '-f', 'text', '--no-color'], { env });
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/starts on a Friday at 16:00 Europe\/Berlin.*org\/friday-afternoon/);
    const sarif = JSON.parse(cli([...args, '-f', 'sarif'], { env }).stdout);
    const { validate, errors } = sarifValidator();
    expect(validate(sarif), errors()).toBe(true);
    const rule = sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'org/friday-afternoon');
    expect(rule.shortDescription.text).toBe('No production rollouts on Friday afternoons');
    expect(sarif.runs[0].results.some((x: { ruleId: string }) => x.ruleId === 'org/friday-afternoon')).toBe(true);
    // config `policies:` (relative to the config file) does the same, and `rules` lists the merged catalogue
    const dir = workspace('policies:\n  - ./examples/org-policies\nparams:\n  fridayCutoffHour: 17\n');
    cpSync(path.join(ROOT, fixtures), path.join(dir, 'friday.yaml'));
    const viaConfig = JSON.parse(cli(['check', 'friday.yaml', '--now', '2026-03-10T12:00:00Z', '-f', 'json'], { cwd: dir, env }).stdout) as { findings: { ruleId: string }[] };
    expect(viaConfig.findings.map((f) => f.ruleId)).not.toContain('org/friday-afternoon'); // 16:00 is before a 17:00 cutoff
  });

  it('policy build writes one .wasm that check --policy evaluates; policy test passes on the example', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'rollgate-build-')), 'org.wasm');
    const b = cli(['policy', 'build', 'examples/org-policies', '-o', out], { env });
    expect(b.stderr).toBe('');
    expect(b.code).toBe(0);
    const viaFile = cli(['check', 'examples/', '--now', NOW, '-f', 'json', '-p', out], { env });
    const viaDir = cli(['check', 'examples/', '--now', NOW, '-f', 'json', '-p', 'examples/org-policies'], { env });
    expect(viaFile.stdout).toBe(viaDir.stdout);
    const findings = (JSON.parse(viaFile.stdout) as { findings: { ruleId: string }[] }).findings;
    expect(count(findings, 'org/finance-approval')).toBeGreaterThan(0);
    const t = cli(['policy', 'test', 'examples/org-policies'], { env });
    expect(t.stdout).toMatch(/3 rules, 7 fixtures, all passed/);
    expect(t.code).toBe(0);
    expect(readdirSync(path.join(cache, 'rollgate')).some((f) => f.endsWith('.wasm'))).toBe(true);
    void ORG;
  });

  function brokenPolicy(rego: string): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'rollgate-broken-'));
    mkdirSync(path.join(dir, 'org', 'broken'), { recursive: true });
    writeFileSync(path.join(dir, 'org', 'broken', 'broken.rego'), rego);
    return dir;
  }
  const HEADER = '# METADATA\n# title: Broken\n# description: A rule for testing failures.\n# custom:\n#   severity: error\npackage rollgate.rules.org["broken"]\n\n';

  it('a policy that fails to compile or to evaluate exits 2 naming the policy', () => {
    const syntax = brokenPolicy(`${HEADER}deny contains x if {\n`);
    let r = cli(['check', 'examples/', '--now', NOW, '-p', syntax], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^rollgate: policy '.*rollgate-broken-.*': opa build failed: .*broken\.rego/);
    const builtin = brokenPolicy(`${HEADER}deny contains {"path": "", "message": "x"} if http.send({"url": "http://x"})\n`);
    r = cli(['check', 'examples/', '--now', NOW, '-p', builtin], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/http\.send/);
    const runtime = brokenPolicy(`${HEADER}deny contains {"path": "", "message": "x"} if time.parse_rfc3339_ns("not a time") > 0\n`);
    r = cli(['check', 'examples/', '--now', NOW, '-p', runtime], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/policy bundle '.*rollgate-broken-.*' failed to evaluate/);
    const clash = brokenPolicy(HEADER.replace('org["broken"]', 'readiness["self-approval"]') + 'deny := set()\n');
    r = cli(['check', 'examples/', '--now', NOW, '-p', clash], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/defines rule readiness\/self-approval, which policy '.*bundle' already defines/);
    r = cli(['check', 'examples/', '--now', NOW, '-p', 'no-such-folder'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot load policy 'no-such-folder': no such file or folder/);
  });
});

describe('rollgate init', () => {
  it('writes files that pass rollgate check, and refuses a non-empty folder', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rollgate-init-'));
    const r = cli(['init'], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/rollgate check/);
    const c = cli(['check', '-f', 'json'], { cwd: dir, env });
    expect(c.stderr).toBe('');
    const report = JSON.parse(c.stdout) as { summary: { documents: number }; findings: unknown[] };
    expect(report.findings).toEqual([]);
    expect(report.summary.documents).toBe(3);
    expect(c.code).toBe(0);
    const again = cli(['init'], { cwd: dir, env });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/not empty/);
    expect(cli(['init', '--force'], { cwd: dir, env }).code).toBe(0);
  });
});
