/**
 * A small stand-in for the shared timeline module: step intervals by FORMAT.md's timing model and
 * the one-off calendar entries. Kept in one file so the pipeline's real timeline facts (calendar
 * expansion with weekly and RRULE windows) can replace it without touching the reporters.
 */
import type { PlanDoc, ServiceDoc, Step } from '../../model/documents.js';
import type { StepDag } from '../../facts/step-dag.js';
import { parseDuration } from '../../time/duration.js';
import { resolveInstant } from '../../time/instant.js';
import type { StepInterval } from './model.js';

export interface StepTiming {
  start: number;
  end: number;
  intervals: StepInterval[];
}

/**
 * When each step runs, from the plan's start: a step starts when every step in its `after` has
 * finished; it runs its `runs: before` migrations, then each region one after another (the sum of
 * its stages' bakes per region), then its `runs: after` migrations. Undefined without a start.
 */
export function stepTimings(plan: PlanDoc, services: Map<string, ServiceDoc>, dag: StepDag): StepTiming[] | undefined {
  const spec = plan.spec;
  if (spec.start === undefined) return undefined;
  const start = resolveInstant(spec.start, spec.timeZone);
  if (!start.ok) return undefined;
  const timings: StepTiming[] = new Array(spec.steps.length);
  for (const wave of dag.waves) {
    for (const i of wave) {
      const step = spec.steps[i]!;
      const begin = Math.max(start.epoch, ...(dag.after[i] ?? []).map((p) => timings[p]?.end ?? start.epoch));
      timings[i] = timeStep(step, regionsOf(step, services), begin);
    }
  }
  return timings;
}

function timeStep(step: Step, regions: string[], begin: number): StepTiming {
  const migrations = (runs: 'before' | 'after') =>
    (step.migrations ?? []).filter((m) => (m.runs ?? 'before') === runs).reduce((sum, m) => sum + seconds(m.duration), 0);
  const bake = (step.stages ?? []).reduce((sum, s) => sum + seconds(s.bake), 0);
  let at = begin + migrations('before');
  const intervals = (regions.length > 0 ? regions : ['']).map((region) => {
    const interval = { region, start: at, end: at + bake };
    at += bake;
    return interval;
  });
  return { start: begin, end: at + migrations('after'), intervals };
}

/** The regions a step rolls: its own list, else all of its service's regions. */
export function regionsOf(step: Step, services: Map<string, ServiceDoc>): string[] {
  return step.regions ?? services.get(step.service)?.spec.regions ?? [];
}

function seconds(text: string | undefined): number {
  return text === undefined ? 0 : (parseDuration(text) ?? 0);
}

/** The parts of a ChangeCalendar read here (FORMAT.md). */
export interface CalendarSpec {
  timeZone?: string;
  windows?: CalendarEntry[];
  freezes?: CalendarEntry[];
}

export interface CalendarEntry {
  name: string;
  timeZone?: string;
  scope?: { services?: string[]; regions?: string[]; tiers?: number[] };
  start?: string;
  end?: string;
  duration?: string;
  weekly?: unknown;
  rrule?: string;
  exceptions?: { plan: string }[];
}

export type EntryInterval =
  | { ok: true; start: number; end: number }
  | { ok: false; reason: string };

/** A one-off window or a freeze as an interval; recurring windows are not expanded here. */
export function entryInterval(entry: CalendarEntry, calendarZone: string | undefined): EntryInterval {
  if (entry.weekly !== undefined || entry.rrule !== undefined) {
    return { ok: false, reason: entry.rrule !== undefined ? 'RRULE window: recurrences are not drawn yet' : 'weekly window: recurrences are not drawn yet' };
  }
  const zone = entry.timeZone ?? calendarZone;
  const start = entry.start === undefined ? undefined : resolveInstant(entry.start, zone);
  if (!start?.ok) return { ok: false, reason: 'its start cannot be placed in time' };
  if (entry.end !== undefined) {
    const end = resolveInstant(entry.end, zone);
    return end.ok ? { ok: true, start: start.epoch, end: end.epoch } : { ok: false, reason: 'its end cannot be placed in time' };
  }
  const length = entry.duration === undefined ? undefined : parseDuration(entry.duration);
  return length === undefined ? { ok: false, reason: 'it has no end' } : { ok: true, start: start.epoch, end: start.epoch + length };
}

/** FORMAT.md scope: each listed key must match; a region-agnostic step matches any region list. */
export function scopeMatches(scope: CalendarEntry['scope'], service: string, region: string, tier: number | undefined): boolean {
  if (!scope) return true;
  if (scope.services && !scope.services.includes(service)) return false;
  if (scope.regions && region !== '' && !scope.regions.includes(region)) return false;
  if (scope.tiers && !scope.tiers.includes(tier ?? 3)) return false;
  return true;
}
