import type { StepDag } from '../facts/step-dag.js';
import type { ServiceDoc, Step } from '../model/documents.js';
import { parseDuration } from '../time/duration.js';

/** The part of a step during which one region changes; region null for a region-agnostic service. */
export interface RegionSlice {
  region: string | null;
  start: number;
  end: number;
}

export interface StepTimeline {
  index: number;
  service: string;
  tier: number;
  start: number;
  end: number;
  slices: RegionSlice[];
  /** Seconds of `runs: before` migrations (start of the first slice) and `runs: after` ones (end of the last). */
  migrationsBefore: number;
  migrationsAfter: number;
}

export interface PlanTimeline {
  start: number;
  /** start + rollout: when the last step finishes. */
  rolloutEnd: number;
  steps: StepTimeline[];
  /** Largest declared rollback.duration (seconds), and the steps that declare none. */
  rollbackLargest: number | null;
  rollbackMissing: number[];
}

const seconds = (text: string | undefined) => (text === undefined ? 0 : (parseDuration(text) ?? 0));

/**
 * FORMAT.md timing model: a step lasts its migrations plus, for each region rolled one after
 * another, the sum of its stages' bakes; it starts when every step in `after` has finished.
 * `before` migrations run at the step's start and `after` ones at its end, so the first region's
 * slice includes the former and the last region's slice the latter: the slices partition the step.
 */
export function computeTimeline(steps: Step[], dag: StepDag, services: Map<string, ServiceDoc>, start: number): PlanTimeline {
  const ends: number[] = new Array(steps.length).fill(start);
  const timelines: StepTimeline[] = new Array(steps.length);
  for (const wave of dag.waves) {
    for (const i of wave) {
      const step = steps[i]!;
      const service = services.get(step.service);
      const stepStart = Math.max(start, ...(dag.after[i] ?? []).map((p) => ends[p]!));
      const before = (step.migrations ?? []).filter((m) => m.runs !== 'after').reduce((s, m) => s + seconds(m.duration), 0);
      const after = (step.migrations ?? []).filter((m) => m.runs === 'after').reduce((s, m) => s + seconds(m.duration), 0);
      const bakes = (step.stages ?? []).reduce((s, st) => s + seconds(st.bake), 0);
      const regions: (string | null)[] = step.regions ?? service?.spec.regions ?? [];
      const rolled = regions.length > 0 ? regions : [null];
      const slices: RegionSlice[] = [];
      let cursor = stepStart;
      rolled.forEach((region, k) => {
        const sliceStart = cursor;
        cursor += (k === 0 ? before : 0) + bakes + (k === rolled.length - 1 ? after : 0);
        slices.push({ region, start: sliceStart, end: cursor });
      });
      ends[i] = cursor;
      timelines[i] = { index: i, service: step.service, tier: service?.spec.tier ?? 3, start: stepStart, end: cursor, slices, migrationsBefore: before, migrationsAfter: after };
    }
  }
  const declared = steps.flatMap((s) => (s.rollback?.duration !== undefined ? [seconds(s.rollback.duration)] : []));
  return {
    start,
    rolloutEnd: Math.max(start, ...ends),
    steps: timelines,
    rollbackLargest: declared.length > 0 ? Math.max(...declared) : null,
    rollbackMissing: steps.flatMap((s, i) => (s.rollback?.duration === undefined ? [i] : [])),
  };
}

/**
 * The most distinct regions of `service` being rolled at one instant during step `index`: regions
 * are rolled one after another inside a step, so concurrency comes from steps on the same service
 * that may run at the same time.
 */
export function concurrentRegions(timeline: PlanTimeline, index: number): number {
  const own = timeline.steps[index]!;
  const slices = timeline.steps.filter((s) => s.service === own.service).flatMap((s) => s.slices).filter((s) => s.region !== null);
  let most = 0;
  for (const probe of slices) {
    const t = probe.start;
    if (t < own.start || t >= own.end) continue;
    const regions = new Set(slices.filter((s) => s.start <= t && t < s.end).map((s) => s.region));
    most = Math.max(most, regions.size);
  }
  return most;
}
