import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const GOLDEN_DIR = fileURLToPath(new URL('./golden/', import.meta.url));

/**
 * Compare with test/report/golden/<name>. `UPDATE_GOLDEN=1 npx vitest run test/report` rewrites
 * the files instead; review the diff before committing it.
 */
export function expectGolden(name: string, actual: string): void {
  const file = GOLDEN_DIR + name;
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) {
    throw new Error(`golden file ${name} is missing: run UPDATE_GOLDEN=1 npx vitest run test/report and review it`);
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
