import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../src/check/check.js';
import { rulePages } from '../../src/docs/rule-pages.js';
import { defaultBundleDir, loadBundle } from '../../src/policy/runtime.js';

function filesUnder(dir: string, rel = ''): string[] {
  return readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(dir, path.posix.join(rel, e.name)) : [path.posix.join(rel, e.name)],
  );
}

describe('docs/rules', () => {
  it('is what npm run docs:rules generates from the rule catalogue', async () => {
    const pages = rulePages(allRules((await loadBundle(defaultBundleDir())).rules));
    const dir = path.resolve('docs/rules');
    expect(filesUnder(dir).sort(), 'run npm run docs:rules').toEqual([...pages.keys()].sort());
    for (const [rel, text] of pages) expect(readFileSync(path.join(dir, rel), 'utf8'), `${rel}: run npm run docs:rules`).toBe(text);
    expect(pages.has('config/unused-waiver.md')).toBe(true);
  });
});
