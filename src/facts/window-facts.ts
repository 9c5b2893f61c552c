import { expandEntry, parseCalendar, type CalendarDoc, type CalendarEntry, type ParsedCalendar } from '../calendar/calendar.js';
import { intersecting, mergeIntervals, subtract, type Interval } from '../calendar/interval.js';
import { scopeMatches } from '../calendar/scope.js';
import { TimeProblems, type TimeProblem } from '../calendar/time-problems.js';
import type { DependencyGraph } from '../graph/dependency-graph.js';
import type { PlanDoc, ServiceDoc } from '../model/documents.js';
import { isoUtc } from '../time/instant.js';
import { canonicalZone, formatInstantWithUtc, formatRangeWithUtc, formatTransition, transitionsIn } from '../time/zone.js';
import { buildStepDag } from './step-dag.js';
import { findPlanOverlaps, type PlanOverlap, type PlannedChange } from '../timeline/overlap.js';
import { computeTimeline, concurrentRegions, type PlanTimeline, type RegionSlice } from '../timeline/timeline.js';

/** An instant for window rules: epoch seconds, UTC text, and the time in the governing zone (with UTC). */
export interface TimeFact {
  epoch: number;
  iso: string;
  text: string;
}

export interface RangeFact {
  start: number;
  end: number;
  /** "22:00-23:10 Europe/Berlin on Fri 13 Mar 2026 (21:00-22:10 UTC on Fri 13 Mar 2026)". */
  text: string;
}

export interface RegionWindowFact extends RangeFact {
  region: string | null;
  /** Allow windows whose scope matches this service/region/tier ("calendar/window"); none = unrestricted. */
  allowWindows: string[];
  /** Parts of the slice outside every applicable allow window (empty when allowWindows is empty). */
  uncovered: RangeFact[];
  /** The allow window the slice starts in, and when that window (with windows adjoining it) ends. */
  startWindow?: { calendar: string; name: string; end: TimeFact };
  freezes: {
    calendar: string;
    name: string;
    path: string;
    zone: string;
    range: string;
    overlap: RangeFact;
    reason?: string;
    exception?: { approvedBy: string; reason: string };
  }[];
  dst: { zone: string; governedBy: string; at: string; offsetBefore: string; offsetAfter: string }[];
}

export interface StepWindowFact extends RangeFact {
  index: number;
  id: string;
  service: string;
  tier: number;
  concurrentRegions: number;
  regions: RegionWindowFact[];
}

export interface WindowFacts {
  zone: string;
  timeProblems: TimeProblem[];
  calendars: string[];
  start?: TimeFact;
  end?: TimeFact;
  timeline?: {
    rolloutSeconds: number;
    rolloutEnd: TimeFact;
    rollback: { largestSeconds: number | null; missing: string[] };
    steps: StepWindowFact[];
    rollbackFreezes: { calendar: string; name: string; path: string; start: number; end: number; range: string }[];
    overlaps: {
      step: number;
      otherPlan: string;
      otherStep: string;
      otherService: string;
      relation: string;
      overlap: RangeFact;
      otherRange: string;
    }[];
  };
}

export interface CalendarWindowFacts {
  timeProblems: TimeProblem[];
}

interface PreparedPlan {
  plan: PlanDoc;
  zone: string;
  problems: TimeProblem[];
  start?: number;
  end?: number;
  timeline?: PlanTimeline;
}

/** Expanded entries of one calendar: occurrences computed once per run over the span plans need. */
interface ExpandedEntry {
  entry: CalendarEntry;
  intervals: Interval[];
}

const DAY = 86400;
/** How far after a plan's rollout its calendars are expanded: enough for any rollback budget. */
const AFTER_SPAN = 8 * DAY;

/**
 * Window facts for a whole run, computed once (docs/input-document.md, "window"): calendars are
 * parsed and expanded over the union of the plans' spans, plans' timelines are built, and
 * cross-plan overlaps are found in one sweep. Each plan then gets its own slice of the result.
 */
export class WindowRun {
  readonly calendars: ParsedCalendar[];
  private readonly prepared = new Map<string, PreparedPlan>();
  private readonly expanded = new Map<string, ExpandedEntry[]>();
  private readonly overlaps: Map<string, PlanOverlap[]>;

  constructor(
    plans: Map<string, PlanDoc>,
    calendars: Map<string, CalendarDoc>,
    private readonly services: Map<string, ServiceDoc>,
    graph: DependencyGraph,
  ) {
    this.calendars = [...calendars.keys()].sort().map((name) => parseCalendar(calendars.get(name)!));
    const ranges: Interval[] = [];
    for (const name of [...plans.keys()].sort()) {
      const p = this.prepare(plans.get(name)!);
      this.prepared.set(name, p);
      if (p.timeline) ranges.push({ start: p.timeline.start - DAY, end: Math.max(p.timeline.rolloutEnd, p.end ?? 0) + AFTER_SPAN });
    }
    const span = mergeIntervals(ranges);
    for (const cal of this.calendars) {
      this.expanded.set(cal.name, cal.entries.map((entry) => ({ entry, intervals: expandEntry(entry, span) })));
    }
    const changes: PlannedChange[] = [];
    for (const [name, p] of this.prepared) {
      for (const s of p.timeline?.steps ?? []) changes.push({ plan: name, step: s.index, service: s.service, start: s.start, end: s.end });
    }
    this.overlaps = findPlanOverlaps(changes, (s) => graph.dependencies(s), (s) => graph.dependents(s));
  }

  /** Facts for the catalogue evaluation: time problems of each ChangeCalendar. */
  calendarFacts(): Record<string, CalendarWindowFacts> {
    const out: Record<string, CalendarWindowFacts> = {};
    for (const cal of this.calendars) out[cal.name] = { timeProblems: cal.problems };
    return out;
  }

  private prepare(plan: PlanDoc): PreparedPlan {
    const spec = plan.spec;
    const problems = new TimeProblems();
    const zoneOk = spec.timeZone === undefined || canonicalZone(spec.timeZone) !== undefined;
    problems.zone('/spec/timeZone', spec.timeZone, zoneOk);
    const zoneText = zoneOk && spec.timeZone !== undefined ? canonicalZone(spec.timeZone) : spec.timeZone;
    const at = (path: string, text: string | undefined) => problems.instant(path, text, zoneText, zoneOk);
    const start = at('/spec/start', spec.start);
    const end = at('/spec/end', spec.end);
    (spec.approvals ?? []).forEach((a, i) => at(`/spec/approvals/${i}/at`, a.at));
    (spec.readiness?.backups ?? []).forEach((b, i) => at(`/spec/readiness/backups/${i}/verifiedAt`, b.verifiedAt));
    ((spec.readiness?.canaryResults ?? []) as { at?: string }[]).forEach((c, i) => at(`/spec/readiness/canaryResults/${i}/at`, c.at));
    const zone = zoneOk && zoneText !== undefined ? zoneText : 'UTC';
    const prepared: PreparedPlan = { plan, zone, problems: problems.list, ...(start !== undefined ? { start } : {}), ...(end !== undefined ? { end } : {}) };
    // Without a placeable start there is no timeline: the problem is reported, dependent facts skipped.
    if (start !== undefined) {
      const { dag } = buildStepDag(spec.steps);
      prepared.timeline = computeTimeline(spec.steps, dag, this.services, start);
    }
    return prepared;
  }

  /** The plan's timeline as the window facts use it (undefined without a placeable start). */
  planTimeline(name: string): PlanTimeline | undefined {
    return this.prepared.get(name)?.timeline;
  }

  /**
   * The allow windows and freezes of the calendars that apply to a plan, each with its expanded
   * occurrences that intersect [from, to): what the review draws, from the same expansion the
   * rules read (not computed again).
   */
  planEntries(name: string, from: number, to: number): { entry: CalendarEntry; intervals: Interval[] }[] {
    const p = this.prepared.get(name);
    if (!p) throw new Error(`no window facts for plan '${name}'`);
    const calendars = p.plan.spec.calendar !== undefined ? this.calendars.filter((c) => c.name === p.plan.spec.calendar) : this.calendars;
    return calendars.flatMap((c) => (this.expanded.get(c.name) ?? []).map((x) => ({ entry: x.entry, intervals: intersecting(x.intervals, { start: from, end: to }) })));
  }

  /** The `window` section of one plan's facts. */
  planFacts(name: string): WindowFacts {
    const p = this.prepared.get(name);
    if (!p) throw new Error(`no window facts for plan '${name}'`);
    const { plan, zone } = p;
    const calendars = plan.spec.calendar !== undefined ? this.calendars.filter((c) => c.name === plan.spec.calendar) : this.calendars;
    const time = (epoch: number): TimeFact => ({ epoch, iso: isoUtc(epoch), text: formatInstantWithUtc(epoch, zone) });
    const range = (start: number, end: number): RangeFact => ({ start, end, text: formatRangeWithUtc(start, end, zone) });
    const facts: WindowFacts = {
      zone,
      timeProblems: p.problems,
      calendars: calendars.map((c) => c.name),
      ...(p.start !== undefined ? { start: time(p.start) } : {}),
      ...(p.end !== undefined ? { end: time(p.end) } : {}),
    };
    const t = p.timeline;
    if (!t) return facts;
    const entries = calendars.flatMap((c) => this.expanded.get(c.name) ?? []);
    const planZoneKnown = plan.spec.timeZone !== undefined;
    const steps: StepWindowFact[] = t.steps.map((s) => {
      const step = plan.spec.steps[s.index]!;
      return {
        index: s.index,
        id: step.id,
        service: s.service,
        tier: s.tier,
        ...range(s.start, s.end),
        concurrentRegions: concurrentRegions(t, s.index),
        regions: s.slices.map((slice) => this.regionFacts(plan.metadata.name, s.service, s.tier, slice, entries, zone, planZoneKnown, range, time)),
      };
    });
    const stepMatches = (e: CalendarEntry) => t.steps.some((s) => s.slices.some((sl) => scopeMatches(e.scope, s.service, sl.region, s.tier)));
    const rollbackFreezes = entries
      .filter((x) => x.entry.kind === 'freeze' && !x.entry.allowRollback && stepMatches(x.entry))
      .flatMap((x) => intersecting(x.intervals, { start: t.rolloutEnd, end: t.rolloutEnd + AFTER_SPAN }).map((i) => ({
        calendar: x.entry.calendar,
        name: x.entry.name,
        path: x.entry.path,
        start: i.start,
        end: i.end,
        range: formatRangeWithUtc(i.start, i.end, x.entry.zone),
      })));
    const overlaps = (this.overlaps.get(plan.metadata.name) ?? []).map((o) => {
      const other = this.prepared.get(o.other.plan)!.plan;
      return {
        step: o.step,
        otherPlan: o.other.plan,
        otherStep: other.spec.steps[o.other.step]!.id,
        otherService: o.other.service,
        relation: o.relation,
        overlap: range(o.start, o.end),
        otherRange: range(o.other.start, o.other.end).text,
      };
    });
    facts.timeline = {
      rolloutSeconds: t.rolloutEnd - t.start,
      rolloutEnd: time(t.rolloutEnd),
      rollback: { largestSeconds: t.rollbackLargest, missing: t.rollbackMissing.map((i) => plan.spec.steps[i]!.id) },
      steps,
      rollbackFreezes,
      overlaps,
    };
    return facts;
  }

  private regionFacts(
    planName: string,
    service: string,
    tier: number,
    slice: RegionSlice,
    entries: ExpandedEntry[],
    zone: string,
    planZoneKnown: boolean,
    range: (s: number, e: number) => RangeFact,
    time: (e: number) => TimeFact,
  ): RegionWindowFact {
    const applicable = entries.filter((x) => scopeMatches(x.entry.scope, service, slice.region, tier));
    const allow = applicable.filter((x) => x.entry.kind === 'window');
    const cover = mergeIntervals(allow.flatMap((x) => intersecting(x.intervals, { start: slice.start - 1, end: slice.end + 1 })));
    const fact: RegionWindowFact = {
      region: slice.region,
      ...range(slice.start, slice.end),
      allowWindows: allow.map((x) => `${x.entry.calendar}/${x.entry.name}`),
      uncovered: allow.length === 0 || slice.end <= slice.start ? [] : subtract(slice, cover).map((u) => range(u.start, u.end)),
      freezes: [],
      dst: [],
    };
    // The window the slice starts in: the occurrence holding its start with the latest end; its
    // end is that of the merged cover, so back-to-back windows count as one.
    let best: { x: ExpandedEntry; end: number } | undefined;
    for (const x of allow) {
      for (const i of intersecting(x.intervals, { start: slice.start, end: slice.start + 1 })) {
        if (!best || i.end > best.end) best = { x, end: i.end };
      }
    }
    if (best) {
      const merged = cover.find((c) => c.start <= slice.start && slice.start < c.end);
      fact.startWindow = { calendar: best.x.entry.calendar, name: best.x.entry.name, end: time(merged?.end ?? best.end) };
    }
    const governing: { zone: string; by: string }[] = planZoneKnown ? [{ zone, by: 'the plan' }] : [];
    for (const x of applicable) {
      const hits = intersecting(x.intervals, slice);
      if (hits.length === 0) continue;
      governing.push({ zone: x.entry.zone, by: `${x.entry.kind} '${x.entry.name}'` });
      if (x.entry.kind !== 'freeze') continue;
      for (const h of hits) {
        const exception = x.entry.exceptions.find((e) => e.plan === planName);
        fact.freezes.push({
          calendar: x.entry.calendar,
          name: x.entry.name,
          path: x.entry.path,
          zone: x.entry.zone,
          range: formatRangeWithUtc(h.start, h.end, x.entry.zone),
          overlap: range(Math.max(h.start, slice.start), Math.min(h.end, slice.end)),
          ...(x.entry.reason ? { reason: x.entry.reason } : {}),
          ...(exception ? { exception: { approvedBy: exception.approvedBy, reason: exception.reason } } : {}),
        });
      }
    }
    const seen = new Set<string>();
    for (const g of governing) {
      if (seen.has(g.zone)) continue;
      seen.add(g.zone);
      for (const tr of transitionsIn(g.zone, slice.start, slice.end)) {
        fact.dst.push({ zone: g.zone, governedBy: g.by, at: formatTransition(tr, g.zone), offsetBefore: tr.offsetBefore, offsetAfter: tr.offsetAfter });
      }
    }
    return fact;
  }
}
