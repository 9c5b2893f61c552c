import { DateTime, IANAZone } from '../time/luxon.js';
import semver from 'semver';

/**
 * Builtins that OPA has but its WASM target and the opa-wasm SDK do not, implemented with OPA's
 * semantics so that the same Rego runs under `opa eval` and conftest. Built-in rules get their
 * times as facts and do not need them; they are here for organisation rules. The list must match
 * the custom entries of policies/capabilities.json, so a rule using anything else fails to build.
 *
 * One difference: OPA (without --strict-builtin-errors) makes an expression undefined when a
 * builtin errors; the WASM ABI cannot express that, so here the evaluation fails and rollgate
 * exits 2 (fail closed) naming the builtin.
 */
export type Builtin = (...args: unknown[]) => unknown;

const NS_PER_MS = 1_000_000;
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
/** Go's time.ParseDuration units, in nanoseconds. */
const GO_UNITS: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, μs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

class BuiltinError extends Error {
  constructor(name: string, message: string) {
    super(`${name}: ${message}`);
  }
}

/** Read OPA's `x` argument of time.date/clock/weekday: ns, or [ns, zone]. */
function dateTimeArg(name: string, x: unknown): DateTime {
  let ns: unknown = x;
  let zone = 'UTC';
  if (Array.isArray(x)) {
    ns = x[0];
    if (typeof x[1] === 'string' && x[1] !== '') zone = x[1] === 'Local' ? 'UTC' : x[1];
  }
  if (typeof ns !== 'number') throw new BuiltinError(name, 'operand must be a number of nanoseconds or [ns, timezone]');
  if (!IANAZone.isValidZone(zone)) throw new BuiltinError(name, `unknown time zone '${zone}'`);
  return DateTime.fromMillis(Math.floor(ns / NS_PER_MS), { zone });
}

function parseGoDuration(text: string): number {
  const match = /^([-+]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/.exec(text);
  if (text === '0') return 0;
  if (!match) throw new BuiltinError('time.parse_duration_ns', `time: invalid duration "${text}"`);
  let total = 0;
  for (const part of text.replace(/^[-+]/, '').matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) {
    total += Number(part[1]) * GO_UNITS[part[2]!]!;
  }
  return Math.round(match[1] === '-' ? -total : total);
}

function semverArg(name: string, v: unknown): string {
  if (typeof v !== 'string' || !SEMVER.test(v)) throw new BuiltinError(name, `string "${String(v)}" is not a valid SemVer`);
  return v;
}

/** The custom builtins, closed over the evaluation time (`--now`) so results are reproducible. */
export function customBuiltins(nowEpochSeconds: number): Record<string, Builtin> {
  return {
    'time.now_ns': () => Math.round(nowEpochSeconds * 1000) * NS_PER_MS,
    'time.parse_rfc3339_ns': (value: unknown) => {
      const dt = typeof value === 'string' ? DateTime.fromISO(value, { setZone: true }) : undefined;
      if (!dt?.isValid || !/(Z|[+-]\d{2}:\d{2})$/i.test(String(value))) {
        throw new BuiltinError('time.parse_rfc3339_ns', `cannot parse "${String(value)}" as RFC 3339`);
      }
      return dt.toMillis() * NS_PER_MS;
    },
    'time.parse_duration_ns': (value: unknown) => parseGoDuration(String(value)),
    'time.date': (x: unknown) => {
      const dt = dateTimeArg('time.date', x);
      return [dt.year, dt.month, dt.day];
    },
    'time.clock': (x: unknown) => {
      const dt = dateTimeArg('time.clock', x);
      return [dt.hour, dt.minute, dt.second];
    },
    'time.weekday': (x: unknown) => WEEKDAYS[dateTimeArg('time.weekday', x).weekday - 1],
    'time.add_date': (ns: unknown, years: unknown, months: unknown, days: unknown) => {
      if (typeof ns !== 'number') throw new BuiltinError('time.add_date', 'operand 1 must be a number');
      // Go's AddDate normalises overflow (Jan 31 + 1 month = Mar 3), unlike luxon's clamping.
      const d = new Date(Math.floor(ns / NS_PER_MS));
      d.setUTCFullYear(d.getUTCFullYear() + Number(years), d.getUTCMonth() + Number(months), d.getUTCDate() + Number(days));
      return d.getTime() * NS_PER_MS;
    },
    'semver.is_valid': (v: unknown) => typeof v === 'string' && SEMVER.test(v),
    'semver.compare': (a: unknown, b: unknown) =>
      semver.compare(semverArg('semver.compare', a), semverArg('semver.compare', b)),
  };
}
