import semver from 'semver';
import { parseDuration } from '../time/duration.js';
import { resolveInstant } from '../time/instant.js';

/**
 * The custom JSON Schema formats, checked in code so that messages can quote the offending text.
 * The precompiled validators (validators.generated.ts) read this table at run time.
 */
export const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const WALL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isInstant(text: string): boolean {
  return !DATE.test(text) && resolveInstant(text, 'UTC').ok;
}
export function isDate(text: string): boolean {
  return DATE.test(text) && resolveInstant(text, 'UTC').ok;
}
export function isVersion(text: string): boolean {
  // semver.parse also accepts "v1.2.3", "=1.2.3" and surrounding blanks; semver 2.0.0 does not.
  return /^\d/.test(text) && text === text.trim() && semver.parse(text) !== null;
}

/** ajv format definitions (type string), keyed by format name. */
export const FORMATS: Record<string, { type: 'string'; validate: (text: string) => boolean }> = Object.fromEntries(
  Object.entries({
    'rollgate-duration': (t: string) => parseDuration(t) !== undefined,
    'rollgate-instant': isInstant,
    'rollgate-date': isDate,
    'rollgate-date-or-instant': (t: string) => isDate(t) || isInstant(t),
    // A waiver's expiry (config): a date, or an instant with an offset (there is no zone to read a local time in).
    'rollgate-expiry': (t: string) => DATE.test(t) ? isDate(t) : resolveInstant(t, undefined).ok,
    'rollgate-wall-time': (t: string) => WALL_TIME.test(t),
    semver: isVersion,
    'semver-range': (t: string) => t.trim() !== '' && semver.validRange(t) !== null,
  }).map(([name, validate]) => [name, { type: 'string' as const, validate }]),
);
