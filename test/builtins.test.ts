import { describe, expect, it } from 'vitest';
import { customBuiltins } from '../src/policy/builtins.js';

const b = customBuiltins(Date.UTC(2026, 2, 13, 14, 30) / 1000);
const NS = 1_000_000;

describe('custom builtins with OPA semantics', () => {
  it('time.now_ns is the evaluation time', () => {
    expect(b['time.now_ns']!()).toBe(Date.UTC(2026, 2, 13, 14, 30) * NS);
  });
  it('time.parse_rfc3339_ns needs an offset', () => {
    expect(b['time.parse_rfc3339_ns']!('2026-03-10T22:00:00+01:00')).toBe(Date.UTC(2026, 2, 10, 21) * NS);
    expect(() => b['time.parse_rfc3339_ns']!('2026-03-10T22:00')).toThrow(/RFC 3339/);
  });
  it('time.parse_duration_ns follows Go', () => {
    expect(b['time.parse_duration_ns']!('1h30m')).toBe(5400e9);
    expect(b['time.parse_duration_ns']!('1.5h')).toBe(5400e9);
    expect(b['time.parse_duration_ns']!('-300ms')).toBe(-300e6);
    expect(() => b['time.parse_duration_ns']!('1d')).toThrow(/invalid duration/);
  });
  it('time.weekday, clock and date honour a time zone', () => {
    const ns = Date.UTC(2026, 2, 13, 23, 30) * NS; // Fri 23:30 UTC = Sat 00:30 Berlin
    expect(b['time.weekday']!(ns)).toBe('Friday');
    expect(b['time.weekday']!([ns, 'Europe/Berlin'])).toBe('Saturday');
    expect(b['time.clock']!([ns, 'Europe/Berlin'])).toEqual([0, 30, 0]);
    expect(b['time.date']!([ns, 'Europe/Berlin'])).toEqual([2026, 3, 14]);
  });
  it('time.add_date normalises like Go', () => {
    expect(b['time.add_date']!(Date.UTC(2026, 0, 31) * NS, 0, 1, 0)).toBe(Date.UTC(2026, 2, 3) * NS);
  });
  it('semver builtins', () => {
    expect(b['semver.is_valid']!('1.2.3-rc.1')).toBe(true);
    expect(b['semver.is_valid']!('v1.2.3')).toBe(false);
    expect(b['semver.compare']!('1.2.3', '1.10.0')).toBe(-1);
    expect(() => b['semver.compare']!('1.2', '1.0.0')).toThrow(/not a valid SemVer/);
  });
});
