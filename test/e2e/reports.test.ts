import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const NOW = '2026-12-01T09:00:00Z';
const CLEAN = ['examples/services', 'examples/calendar.yaml', 'examples/plans/clean.yaml'].map((p) => path.resolve(p));

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'rollgate-reports-'));
}

describe('several outputs in one run', () => {
  it('writes every requested format even when there are no findings', () => {
    const dir = tempDir();
    const r = cli(['check', ...CLEAN, '--now', NOW, '-f', 'text', '-f', 'sarif=out.sarif', '-f', 'html=report.html', '-f', 'junit=junit.xml', '-f', 'markdown=review.md', '-f', 'json=out.json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no problems');
    expect(JSON.parse(readFileSync(path.join(dir, 'out.sarif'), 'utf8')).runs[0].results).toEqual([]);
    expect(JSON.parse(readFileSync(path.join(dir, 'out.json'), 'utf8')).findings).toEqual([]);
    const html = readFileSync(path.join(dir, 'report.html'), 'utf8');
    expect(html).toContain('<div class="verdict pass">');
    expect(html).toContain('multicurrency-eu');
    expect(html).toContain('<svg');
    const junit = readFileSync(path.join(dir, 'junit.xml'), 'utf8');
    expect(XMLValidator.validate(junit)).toBe(true);
    expect(junit).toContain('failures="0"');
    expect(readFileSync(path.join(dir, 'review.md'), 'utf8')).toContain('## Rollout review: ✅ pass');
  });

  it('appends the markdown review to GITHUB_STEP_SUMMARY with -f github, and prints annotations', () => {
    const dir = tempDir();
    const summary = path.join(dir, 'summary.md');
    writeFileSync(summary, 'earlier step\n');
    const r = cli(['check', 'examples/', '--now', NOW, '-f', 'github'], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('::error file=examples/'))).not.toHaveLength(0);
    const text = readFileSync(summary, 'utf8');
    expect(text.startsWith('earlier step\n## Rollout review: ❌ fail')).toBe(true);
  });

  it('leaves GITHUB_STEP_SUMMARY alone for other formats', () => {
    const dir = tempDir();
    const summary = path.join(dir, 'summary.md');
    cli(['check', ...CLEAN, '--now', NOW, '-f', 'json'], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(existsSync(summary)).toBe(false);
  });

  it('gives byte-identical html, markdown and junit for the same files and --now', () => {
    for (const format of ['html', 'markdown', 'junit', 'github']) {
      const a = cli(['check', 'examples/', '--now', NOW, '-f', format]);
      const b = cli(['check', 'examples/', '--now', NOW, '-f', format]);
      expect(a.stdout.length).toBeGreaterThan(0);
      expect(a.stdout).toBe(b.stdout);
    }
  });
});

describe('rollgate graph', () => {
  it('prints the dependency graph as mermaid by default, and as dot and json', () => {
    const mermaid = cli(['graph', 'examples/']);
    expect(mermaid.code).toBe(0);
    expect(mermaid.stderr).toBe('');
    expect(mermaid.stdout.startsWith('graph TD\n')).toBe(true);
    expect(mermaid.stdout).toContain('-->|"ledger-api"|');
    const dot = cli(['graph', 'examples/', '--format', 'dot']);
    expect(dot.stdout).toContain('"payments" -> "ledger" [label="ledger-api"];');
    const json = JSON.parse(cli(['graph', 'examples/', '--format', 'json']).stdout);
    expect(json.nodes).toHaveLength(9);
    expect(json.edges).toContainEqual({ from: 'web-frontend', to: 'recommendations', label: 'dependsOn' });
    expect(cli(['graph', 'examples/', '--format', 'json']).stdout).toBe(cli(['graph', 'examples/', '--format', 'json']).stdout);
  });

  it('refuses an unknown format with exit 2', () => {
    const r = cli(['graph', 'examples/', '--format', 'svg']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("graph --format takes mermaid, dot, json; got 'svg'");
  });
});
