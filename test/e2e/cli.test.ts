import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN, cli } from '../helpers/cli.js';
import { sarifValidator } from '../helpers/sarif-schema.js';

const NOW = '2026-12-01T09:00:00Z';

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'rollgate-e2e-'));
}

function write(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

const SERVICE = `apiVersion: rollgate.dev/v1
kind: Service
metadata:
  name: ledger
spec:
  owner: team-ledger
  version: 1.0.0
`;

describe('rollgate check', () => {
  it('reports the examples with exit 1, every finding located', () => {
    const r = cli(['check', 'examples/', '--format', 'json', '--now', NOW]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.tool.name).toBe('rollgate');
    expect(report.summary.files).toBeGreaterThan(5);
    expect(report.findings.length).toBeGreaterThan(0);
    for (const f of report.findings) {
      expect(f.file).toMatch(/^examples\//);
      expect(f.line).toBeGreaterThanOrEqual(1);
      expect(f.column).toBeGreaterThanOrEqual(1);
      expect(Object.keys(f).slice(0, 4)).toEqual(['ruleId', 'severity', 'message', 'file']);
    }
  });

  it('gives byte-identical JSON and SARIF for the same files and --now', () => {
    for (const format of ['json', 'sarif']) {
      const a = cli(['check', 'examples/', '-f', format, '--now', NOW]);
      const b = cli(['check', 'examples/', '-f', format, '--now', NOW]);
      expect(a.stdout.length).toBeGreaterThan(100);
      expect(a.stdout).toBe(b.stdout);
    }
  });

  it('writes SARIF that validates against the SARIF 2.1.0 schema, with 1-based regions', () => {
    const r = cli(['check', 'examples/', '-f', 'sarif', '--now', NOW]);
    const sarif = JSON.parse(r.stdout);
    const { validate, errors } = sarifValidator();
    expect(validate(sarif), errors()).toBe(true);
    const results = sarif.runs[0].results;
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) {
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      expect(artifactLocation.uri).toMatch(/^examples\//);
      expect(region.startLine).toBeGreaterThanOrEqual(1);
      expect(region.startColumn).toBeGreaterThanOrEqual(1);
    }
  });

  it('writes several formats in one run', () => {
    const dir = tempDir();
    const r = cli(['check', 'examples/', '-f', 'text', '-f', `json=${dir}/out.json`, '-f', `sarif=${dir}/out.sarif`, '--now', NOW]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/problems?/);
    expect(JSON.parse(readFileSync(`${dir}/out.json`, 'utf8')).findings.length).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(`${dir}/out.sarif`, 'utf8')).version).toBe('2.1.0');
  });

  it('turns malformed YAML, wrong types, unknown kinds and a YAML bomb into located findings', () => {
    const dir = tempDir();
    write(dir, 'broken.yaml', 'apiVersion: rollgate.dev/v1\nkind: Service\nmetadata: {name: x\n');
    write(dir, 'types.yaml', SERVICE.replace('version: 1.0.0', 'version: [1]'));
    write(dir, 'kind.yaml', 'apiVersion: rollgate.dev/v1\nkind: Rollout\nmetadata:\n  name: r\n');
    write(dir, 'dup.yaml', SERVICE.replace('  owner: team-ledger\n', '  owner: team-ledger\n  owner: again\n'));
    const bomb = ['apiVersion: rollgate.dev/v1', 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++) bomb.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    write(dir, 'bomb.yaml', `${bomb.join('\n')}\n`);
    const r = cli(['check', '.', '-f', 'json', '--now', NOW], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const found = JSON.parse(r.stdout).findings.map((f: { file: string; ruleId: string; line: number }) => `${f.file}:${f.line} ${f.ruleId}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'bomb.yaml:1 input/yaml-syntax',
        expect.stringMatching(/^broken\.yaml:\d+ input\/yaml-syntax$/),
        'dup.yaml:7 input/duplicate-key',
        'kind.yaml:2 input/unknown-kind',
        'types.yaml:7 input/schema',
      ]),
    );
  });

  it('reads stdin with -', () => {
    const r = cli(['check', '-', '-f', 'json', '--now', NOW], { input: SERVICE.replace('team-ledger', '[a, b]') });
    expect(r.code).toBe(1);
    const [f] = JSON.parse(r.stdout).findings;
    expect(f).toMatchObject({ file: '<stdin>', ruleId: 'input/schema', line: 6 });
  });

  it('reports two documents with one name', () => {
    const dir = tempDir();
    write(dir, 'a.yaml', SERVICE);
    write(dir, 'b.yaml', SERVICE);
    const r = cli(['check', dir, '-f', 'json', '--now', NOW]);
    const f = JSON.parse(r.stdout).findings.find((x: { ruleId: string }) => x.ruleId === 'input/duplicate-name');
    expect(f).toMatchObject({ line: 4, column: 9, related: [{ line: 4, column: 9, message: "first Service 'ledger'" }] });
  });

  it('honours --fail-on', () => {
    const dir = tempDir();
    write(dir, 'kind.yaml', 'apiVersion: rollgate.dev/v1\nkind: Rollout\nmetadata:\n  name: r\n');
    expect(cli(['check', dir, '--now', NOW]).code).toBe(0); // a warning only
    expect(cli(['check', dir, '--now', NOW, '--fail-on', 'warning']).code).toBe(1);
    expect(cli(['check', 'examples/', '--now', NOW, '--fail-on', 'none']).code).toBe(0);
  });
});

describe('a reader that stops early', () => {
  it('gets no stack trace when it closes the pipe, and the run keeps its exit code', () => {
    // `head -c 10` closes the pipe while the report (over 64 KiB, a pipe's buffer) is still being written.
    const status = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" check examples --now ${NOW} -f sarif | head -c 10`], { encoding: 'utf8' });
    expect(status.stdout).toBe('{\n  "$sche');
    expect(status.stderr).toBe('');
    expect(status.status).toBe(1);
  });
});

describe('fails closed with exit 2 and one line', () => {
  function oneLineError(r: { code: number | null; stderr: string }) {
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^rollgate: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }

  it('on a corrupted policy bundle', () => {
    const dir = tempDir();
    copyFileSync('bundle/rules.json', path.join(dir, 'rules.json'));
    writeFileSync(path.join(dir, 'policy.wasm'), 'not wasm at all');
    const r = cli(['check', 'examples/', '--now', NOW], { env: { ROLLGATE_BUNDLE: dir } });
    oneLineError(r);
    expect(r.stderr).toMatch(/cannot load policy bundle/);
  });

  it('on a missing policy bundle', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'empty'));
    const r = cli(['check', 'examples/', '--now', NOW], { env: { ROLLGATE_BUNDLE: path.join(dir, 'empty') } });
    oneLineError(r);
  });

  it('on an unknown format, a bad --now, a bad --param and a missing path', () => {
    oneLineError(cli(['check', 'examples/', '-f', 'pdf']));
    oneLineError(cli(['check', 'examples/', '--now', 'yesterday']));
    oneLineError(cli(['check', 'examples/', '--param', 'maxApprovalAge=soon']));
    oneLineError(cli(['check', 'no/such/folder']));
  });

  it('on an unknown option', () => {
    expect(cli(['check', '--bogus']).code).toBe(2);
  });
});

describe('other commands', () => {
  it('rules lists every rule, as text and JSON', () => {
    const text = cli(['rules']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^input\/yaml-syntax\s+error/m);
    const json = JSON.parse(cli(['rules', '--format', 'json']).stdout);
    expect(json.map((r: { id: string }) => r.id)).toContain('readiness/missing-approval');
  });

  it('explain shows the documentation of a rule, and refuses an unknown one', () => {
    const r = cli(['explain', 'readiness/stale-approval']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/maxApprovalAge/);
    expect(cli(['explain', 'nope/nope']).code).toBe(2);
  });

  it('schema prints a kind', () => {
    const r = cli(['schema', 'RolloutPlan']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).$id).toMatch(/rollout-plan/);
    expect(cli(['schema', 'Nope']).code).toBe(2);
  });
});

describe('the code cache of the CLI', () => {
  it('is written by the first run, read by the next, and never changes a report', () => {
    const cache = tempDir();
    const env = { ROLLGATE_CACHE_DIR: cache };
    const first = cli(['check', 'examples', '--now', NOW, '-f', 'json'], { env });
    const files = readdirSync(cache).filter((f) => f.endsWith('.v8'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^cli-[0-9a-f]{20}-check\.v8$/);
    const second = cli(['check', 'examples', '--now', NOW, '-f', 'json'], { env });
    expect(second).toEqual(first);
    expect(first.code).toBe(1);
  });

  it('is ignored when it is damaged, and replaced', () => {
    const cache = tempDir();
    const env = { ROLLGATE_CACHE_DIR: cache };
    const clean = cli(['rules', '--format', 'json'], { env });
    const file = path.join(cache, readdirSync(cache)[0]!);
    writeFileSync(file, 'not a code cache');
    const damaged = cli(['rules', '--format', 'json'], { env });
    expect(damaged).toEqual(clean);
    expect(readFileSync(file, 'utf8')).not.toBe('not a code cache');
  });

  it('is not needed: a cache folder that cannot be written changes nothing', () => {
    const dir = tempDir();
    const notAFolder = write(dir, 'file', 'x');
    const r = cli(['check', 'examples', '--now', NOW, '-f', 'json'], { env: { ROLLGATE_CACHE_DIR: notAFolder } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings.length).toBeGreaterThan(0);
  });
});
