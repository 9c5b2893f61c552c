import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('precompiled schema validators', () => {
  it('src/load/validators.generated.ts matches schemas/ (run node scripts/build-validators.mjs)', () => {
    const res = spawnSync(process.execPath, ['scripts/build-validators.mjs', '--check'], { encoding: 'utf8' });
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
  });
});
