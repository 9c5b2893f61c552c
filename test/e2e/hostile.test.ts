import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, openSync, writeSync, closeSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cli } from '../helpers/cli.js';

/**
 * Hostile input: each file gets a clear finding within bounded time, and the other files of the
 * run are still checked (a valid Service beside them is always read).
 */
const NOW = '2026-03-10T12:00:00Z';
const GOOD = 'apiVersion: rollgate.dev/v1\nkind: Service\nmetadata:\n  name: good\nspec:\n  owner: o\n  version: 1.0.0\n  dependsOn: [nowhere]\n';

function folderWith(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'rollgate-hostile-'));
  writeFileSync(path.join(dir, 'good.yaml'), GOOD);
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

function check(dir: string): { file: string; ruleId: string; message: string }[] {
  const started = Date.now();
  const r = cli(['check', '.', '-f', 'json', '--now', NOW], { cwd: dir });
  expect(Date.now() - started).toBeLessThan(20_000);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(1);
  const findings = JSON.parse(r.stdout).findings;
  // The valid neighbour is still read: its unknown dependency is reported.
  expect(findings.some((f: { file: string; ruleId: string }) => f.file === 'good.yaml' && f.ruleId === 'graph/unknown-service')).toBe(true);
  return findings;
}

function only(findings: { file: string; ruleId: string; message: string }[], file: string) {
  return findings.filter((f) => f.file === file);
}

describe('hostile input', () => {
  it('10,000-deep nesting (flow), and 3,000-deep block nesting (10,000 would be a 95 MiB file)', () => {
    const block = ['apiVersion: rollgate.dev/v1', 'kind: Service', 'metadata: {name: deep2}', 'spec:'];
    for (let i = 0; i < 3_000; i++) block.push(`${'  '.repeat(i + 1)}k${i}:`);
    const dir = folderWith({
      'flow.yaml': `apiVersion: rollgate.dev/v1\nkind: Service\nmetadata: {name: deep}\nspec: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
      'block.yaml': `${block.join('\n')}\n`,
    });
    const findings = check(dir);
    for (const file of ['flow.yaml', 'block.yaml']) {
      expect(only(findings, file).map((f) => f.ruleId)).toEqual(['input/yaml-syntax']);
      expect(only(findings, file)[0]!.message).toMatch(/nested too deeply/);
    }
  });

  it('a 50 MB file', () => {
    const dir = folderWith({});
    const fd = openSync(path.join(dir, 'big.yaml'), 'w');
    writeSync(fd, 'apiVersion: rollgate.dev/v1\nkind: Service\nmetadata: {name: big}\nspec:\n  owner: o\n  version: 1.0.0\n  datastores:\n');
    const line = `    - ${'x'.repeat(1018)}\n`;
    for (let i = 0; i < 50 * 1024; i++) writeSync(fd, line);
    closeSync(fd);
    const findings = only(check(dir), 'big.yaml');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/50 MiB, more than the 20 MiB/);
  });

  it('invalid UTF-8 and a binary file named .yaml', () => {
    const dir = folderWith({
      'latin1.yaml': Buffer.from([0x6b, 0x3a, 0x20, 0xe9, 0x0a]),
      'binary.yaml': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01, 0x02]),
    });
    const findings = check(dir);
    expect(only(findings, 'latin1.yaml')[0]!.message).toMatch(/not valid UTF-8/);
    expect(only(findings, 'binary.yaml')[0]!.message).toMatch(/binary file/);
  });

  it('a symlink loop inside a folder, and a folder linking to itself', () => {
    const dir = folderWith({});
    symlinkSync('loop-b.yaml', path.join(dir, 'loop-a.yaml'));
    symlinkSync('loop-a.yaml', path.join(dir, 'loop-b.yaml'));
    symlinkSync('.', path.join(dir, 'self'));
    const findings = check(dir);
    expect(only(findings, 'loop-a.yaml')[0]!.message).toMatch(/symbolic links/);
    expect(only(findings, 'loop-b.yaml')).toHaveLength(1);
    expect(findings.filter((f) => f.file.startsWith('self/'))).toEqual([]);
  });

  it('a file that vanishes between discovery and reading is a finding (unreadable)', () => {
    // Permissions cannot make a file unreadable for root, so use a dangling link named .yaml.
    const dir = folderWith({});
    symlinkSync('missing-target.yaml', path.join(dir, 'dangling.yaml'));
    expect(only(check(dir), 'dangling.yaml')[0]!.message).toMatch(/cannot read dangling\.yaml: no such file/);
  });

  it('a file without read permission is a finding', () => {
    // Root reads any file: as root, run the CLI as nobody (setpriv, util-linux) so that the
    // permission holds. The folder must then be usable by nobody too.
    const dir = folderWith({ 'secret.yaml': GOOD.replace('name: good', 'name: secret') });
    chmodSync(dir, 0o755);
    chmodSync(path.join(dir, 'good.yaml'), 0o644);
    chmodSync(path.join(dir, 'secret.yaml'), 0o000);
    const args = [BIN, 'check', '.', '-f', 'json', '--now', NOW];
    const asRoot = process.getuid?.() === 0;
    const r = asRoot
      ? spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, HOME: dir } })
      : spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const findings = JSON.parse(r.stdout).findings as { file: string; ruleId: string; message: string }[];
    expect(only(findings, 'secret.yaml').map((f) => [f.ruleId, f.message])).toEqual([['input/yaml-syntax', 'cannot read secret.yaml: permission denied']]);
    expect(findings.some((f) => f.file === 'good.yaml' && f.ruleId === 'graph/unknown-service')).toBe(true);
  });

  it('a plan with 10,000 steps', () => {
    const steps = Array.from({ length: 10_000 }, (_, i) => `    - id: s${i}\n      service: good\n      to: 1.0.${i}`).join('\n');
    const dir = folderWith({
      'huge.yaml': `apiVersion: rollgate.dev/v1\nkind: RolloutPlan\nmetadata: {name: huge}\nspec:\n  owner: o\n  start: 2026-03-10T22:00:00Z\n  steps:\n${steps}\n`,
    });
    const findings = only(check(dir), 'huge.yaml');
    expect(findings.map((f) => f.message)).toEqual(['has 10000 items, more than the 500 allowed: split it up']);
  });

  it('a billion-laughs YAML bomb', () => {
    const bomb = ['apiVersion: rollgate.dev/v1', 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 12; i++) bomb.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
    const findings = only(check(folderWith({ 'bomb.yaml': `${bomb.join('\n')}\n` })), 'bomb.yaml');
    expect(findings[0]!.message).toMatch(/YAML bomb/);
  });
});
