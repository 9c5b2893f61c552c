import { describe, expect, it } from 'vitest';
import { resolveInstant } from '../../src/time/instant.js';
import { canonicalZone, formatRange, formatRangeWithUtc, formatTransition, resolveLocal, transitionsIn } from '../../src/time/zone.js';

const utc = (iso: string) => Date.parse(iso) / 1000;

describe('local times across DST (FORMAT.md, RFC 5545)', () => {
  it('takes the FIRST occurrence of a repeated wall time (fall back, New York)', () => {
    const r = resolveInstant('2026-11-01T01:30', 'America/New_York');
    expect(r).toMatchObject({ ok: true, epoch: utc('2026-11-01T05:30:00Z'), kind: 'overlap', shiftSeconds: 3600 });
  });
  it('takes the first occurrence in Berlin too', () => {
    expect(resolveLocal('2026-10-25T02:30', 'Europe/Berlin')).toEqual({ epoch: utc('2026-10-25T00:30:00Z'), kind: 'overlap', shiftSeconds: 3600 });
  });
  it('moves a wall time in a gap forward by the gap (spring forward)', () => {
    expect(resolveLocal('2026-03-29T02:30', 'Europe/Berlin')).toEqual({ epoch: utc('2026-03-29T01:30:00Z'), kind: 'gap', shiftSeconds: 3600 });
    expect(resolveLocal('2026-03-08T02:15', 'America/New_York')).toEqual({ epoch: utc('2026-03-08T07:15:00Z'), kind: 'gap', shiftSeconds: 3600 });
  });
  it('leaves ordinary times exact', () => {
    expect(resolveLocal('2026-03-29T03:00', 'Europe/Berlin')).toEqual({ epoch: utc('2026-03-29T01:00:00Z'), kind: 'exact', shiftSeconds: 0 });
    expect(resolveInstant('2026-03-29', 'Europe/Berlin')).toMatchObject({ ok: true, epoch: utc('2026-03-28T23:00:00Z') });
  });
  it('never treats an unknown zone or an offset as UTC', () => {
    expect(resolveInstant('2026-03-10T22:00', 'Mars/Olympus')).toEqual({ ok: false, reason: 'invalid-time-zone' });
    expect(canonicalZone('+01:00')).toBeUndefined();
    expect(canonicalZone('UTC')).toBe('UTC');
    expect(canonicalZone('Europe/Berlin')).toBe('Europe/Berlin');
  });
});

describe('transitions and display', () => {
  it('finds the New York fall-back inside an interval, not outside it', () => {
    const t = transitionsIn('America/New_York', utc('2026-11-01T04:30:00Z'), utc('2026-11-01T06:30:00Z'));
    expect(t).toEqual([{ epoch: utc('2026-11-01T06:00:00Z'), offsetBefore: '-04:00', offsetAfter: '-05:00' }]);
    expect(transitionsIn('America/New_York', utc('2026-11-01T06:00:01Z'), utc('2026-11-02T06:00:00Z'))).toEqual([]);
    // half-open: an interval ending exactly at the change does not span it
    expect(transitionsIn('America/New_York', utc('2026-11-01T04:00:00Z'), utc('2026-11-01T06:00:00Z'))).toEqual([]);
  });
  it('formats ranges in the governing zone with UTC', () => {
    expect(formatRangeWithUtc(utc('2026-03-13T21:00:00Z'), utc('2026-03-13T22:10:00Z'), 'Europe/Berlin')).toBe(
      '22:00-23:10 Europe/Berlin on Fri 13 Mar 2026 (21:00-22:10 UTC on Fri 13 Mar 2026)',
    );
    expect(formatRangeWithUtc(utc('2026-12-16T22:30:00Z'), utc('2026-12-16T23:10:00Z'), 'Europe/Berlin')).toBe(
      '23:30 Wed 16 Dec 2026 - 00:10 Thu 17 Dec 2026 Europe/Berlin (22:30-23:10 UTC on Wed 16 Dec 2026)',
    );
  });
});

describe('display across a DST change', () => {
  it('names both offsets when a range spans the change', () => {
    expect(formatRange(utc('2026-10-25T00:30:00Z'), utc('2026-10-25T01:15:00Z'), 'Europe/Berlin')).toBe(
      '02:30 (UTC+02:00) - 02:15 (UTC+01:00) Europe/Berlin on Sun 25 Oct 2026',
    );
  });
  it('describes a transition from both sides', () => {
    const [t] = transitionsIn('America/New_York', utc('2026-11-01T00:00:00Z'), utc('2026-11-02T00:00:00Z'));
    expect(formatTransition(t!, 'America/New_York')).toBe('02:00 (UTC-04:00) became 01:00 (UTC-05:00) in America/New_York on Sun 1 Nov 2026 (06:00 UTC)');
  });
});
