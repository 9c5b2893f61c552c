import { DateTime } from '../../time/luxon.js';
import { formatSeconds } from '../../time/duration.js';

/** Wall time in a zone, e.g. "20:00"; with the day when asked, e.g. "Tue 1 Dec 20:00". */
export function wallTime(epoch: number, zone: string | undefined, withDay = false): string {
  const dt = DateTime.fromSeconds(epoch, { zone: zone ?? 'UTC' });
  return dt.toFormat(withDay ? 'ccc d LLL yyyy HH:mm' : 'HH:mm');
}

/** Day label in a zone, e.g. "Tue 1 Dec 2026". */
export function dayLabel(epoch: number, zone: string | undefined): string {
  return DateTime.fromSeconds(epoch, { zone: zone ?? 'UTC' }).toFormat('ccc d LLL yyyy');
}

/** Offset name in a zone at an instant, e.g. "CET", "UTC-5". */
export function zoneAbbrev(epoch: number, zone: string | undefined): string {
  return DateTime.fromSeconds(epoch, { zone: zone ?? 'UTC' }).toFormat('ZZZZ');
}

export function span(seconds: number): string {
  return formatSeconds(seconds);
}

/** Escape for HTML/SVG text and attribute values. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Numbers in SVG coordinates: at most one decimal, no "-0". */
export function n(value: number): string {
  const r = Math.round(value * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
}

/** The rule family of a rule id ("window/freeze-conflict" → "window"). */
export function familyOf(ruleId: string): string {
  const slash = ruleId.indexOf('/');
  return slash === -1 ? ruleId : ruleId.slice(0, slash);
}
