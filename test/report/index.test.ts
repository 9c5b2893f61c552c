import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES, isFormatName, reporters } from '../../src/report/index.js';
import { emptyReport } from './fixtures.js';

describe('reporter registry', () => {
  it('has a reporter for every format name', () => {
    expect(Object.keys(reporters).sort()).toEqual([...FORMAT_NAMES].sort());
    for (const name of FORMAT_NAMES) expect(typeof reporters[name](emptyReport(), { color: false })).toBe('string');
  });

  it('recognises format names and nothing else', () => {
    expect(isFormatName('json')).toBe(true);
    expect(isFormatName('sarif')).toBe(true);
    expect(isFormatName('text')).toBe(true);
    expect(isFormatName('xml')).toBe(false);
    expect(isFormatName('toString')).toBe(false);
    expect(isFormatName('__proto__')).toBe(false);
  });
});
