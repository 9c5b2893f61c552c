import type { Finding, Severity } from '../../findings/finding.js';
import { SEVERITY_RANK } from '../../findings/finding.js';
import type { StepDag } from '../../facts/step-dag.js';
import type { DependencyGraph } from '../../graph/dependency-graph.js';
import type { ParsedDocument } from '../../load/parse.js';
import { locate } from '../../load/locate.js';
import type { PlanDoc, ServiceDoc } from '../../model/documents.js';
import { parseDuration } from '../../time/duration.js';
import { resolveInstant } from '../../time/instant.js';
import type { CalendarInterval, Conflict, ReviewGraph, ReviewModel, ReviewPlan, ReviewStep } from './model.js';
import { entryInterval, regionsOf, scopeMatches, stepTimings, type CalendarEntry, type CalendarSpec } from './timeline.js';

export interface ReviewInput {
  plans: { doc: ParsedDocument; dag: StepDag }[];
  calendars: Map<string, ParsedDocument>;
  services: Map<string, ServiceDoc>;
  graph: DependencyGraph;
  findings: Finding[];
}

/** The review model of every valid plan, sorted by plan name. */
export function buildReviewModel(input: ReviewInput): ReviewModel {
  const plans = input.plans
    .map(({ doc, dag }) => reviewPlan(doc, dag, input))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { plans };
}

function reviewPlan(doc: ParsedDocument, dag: StepDag, input: ReviewInput): ReviewPlan {
  const plan = doc.value as unknown as PlanDoc;
  const spec = plan.spec;
  const name = plan.metadata.name;
  const epoch = (text: string | undefined) => {
    if (text === undefined) return undefined;
    const r = resolveInstant(text, spec.timeZone);
    return r.ok ? r.epoch : undefined;
  };
  const timings = stepTimings(plan, input.services, dag);
  const waveOf = new Map<number, number>();
  dag.waves.forEach((wave, w) => wave.forEach((i) => waveOf.set(i, w + 1)));
  const planFindings = input.findings.filter((f) => !f.suppressed && f.document?.kind === 'RolloutPlan' && f.document.name === name);

  const steps: ReviewStep[] = spec.steps.map((step, index) => {
    const service = input.services.get(step.service);
    const timing = timings?.[index];
    const worst = worstSeverity(planFindings.filter((f) => f.path === `/spec/steps/${index}` || f.path.startsWith(`/spec/steps/${index}/`)));
    return {
      index,
      id: step.id,
      service: step.service,
      ...(service ? { from: service.spec.version, tier: service.spec.tier ?? 3 } : {}),
      to: step.to,
      regions: regionsOf(step, input.services),
      after: (dag.after[index] ?? []).map((i) => spec.steps[i]!.id),
      wave: waveOf.get(index) ?? 1,
      ...(timing ? { start: timing.start, end: timing.end } : {}),
      intervals: timing?.intervals ?? [],
      ...(worst ? { worst } : {}),
    };
  });

  const start = epoch(spec.start);
  const rolloutEnd = timings && timings.length > 0 ? Math.max(...timings.map((t) => t.end)) : start;
  const end = epoch(spec.end);
  const span = start === undefined ? undefined : { start, end: Math.max(end ?? start, (rolloutEnd ?? start) + rollbackSeconds(spec.steps)) };
  const { windows, notShown } = calendarIntervals(spec.calendar, steps, input.calendars, span);
  const count = (s: Severity) => planFindings.filter((f) => f.severity === s).length;
  return {
    name,
    file: doc.file,
    line: locate(doc.yaml, doc.lineCounter, doc.source, '/metadata/name').line,
    owner: spec.owner,
    ...optional('author', spec.author),
    ...optional('change', (spec as { change?: string }).change),
    ...optional('environment', spec.environment),
    ...optional('timeZone', spec.timeZone),
    ...optional('start', start),
    ...optional('end', end),
    ...optional('rolloutEnd', rolloutEnd),
    rollbackSeconds: rollbackSeconds(spec.steps),
    steps,
    waves: dag.waves.length,
    approvals: (spec.approvals ?? []).map((a) => ({ role: a.role, by: a.by, ...optional('at', epoch(a.at)) })),
    readiness: {
      ...optional('runbook', spec.readiness?.runbook),
      ...optional('oncall', spec.readiness?.oncall),
      backups: (spec.readiness?.backups ?? []).map((b) => ({ datastore: b.datastore, ...optional('verifiedAt', epoch(b.verifiedAt)) })),
      canaryResults: (spec.readiness?.canaryResults ?? []).map((c) => {
        const extra = c as { environment?: string; at?: string };
        return {
          service: c.service,
          version: c.version,
          ...optional('environment', extra.environment),
          ...optional('passed', c.passed),
          ...optional('at', epoch(extra.at)),
        };
      }),
    },
    graph: planGraph(steps, input.graph, input.services),
    windows,
    notShown,
    conflicts: conflictsOf(steps, windows, spec.calendar, name, input.calendars),
    findings: { errors: count('error'), warnings: count('warning'), notes: count('note') },
  };
}

function rollbackSeconds(steps: PlanDoc['spec']['steps']): number {
  return Math.max(0, ...steps.map((s) => (s.rollback?.duration ? (parseDuration(s.rollback.duration) ?? 0) : 0)));
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function worstSeverity(findings: Finding[]): Severity | undefined {
  let worst: Severity | undefined;
  for (const f of findings) if (!worst || SEVERITY_RANK[f.severity] > SEVERITY_RANK[worst]) worst = f.severity;
  return worst;
}

/** Calendars that apply to a plan: the one it names, else all (FORMAT.md). */
function calendarsOf(calendarName: string | undefined, calendars: Map<string, ParsedDocument>): [string, CalendarSpec][] {
  return [...calendars.entries()]
    .filter(([name]) => calendarName === undefined || name === calendarName)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, doc]) => [name, (doc.value as { spec: CalendarSpec }).spec]);
}

function calendarIntervals(
  calendarName: string | undefined,
  steps: ReviewStep[],
  calendars: Map<string, ParsedDocument>,
  span: { start: number; end: number } | undefined,
): { windows: CalendarInterval[]; notShown: ReviewPlan['notShown'] } {
  const windows: CalendarInterval[] = [];
  const notShown: ReviewPlan['notShown'] = [];
  for (const [calendar, spec] of calendarsOf(calendarName, calendars)) {
    const entries: [CalendarEntry, 'allow' | 'deny'][] = [
      ...(spec.windows ?? []).map((e): [CalendarEntry, 'allow'] => [e, 'allow']),
      ...(spec.freezes ?? []).map((e): [CalendarEntry, 'deny'] => [e, 'deny']),
    ];
    for (const [entry, kind] of entries) {
      const appliesTo = rowsMatching(entry, steps);
      if (appliesTo.length === 0) continue;
      const interval = entryInterval(entry, spec.timeZone);
      if (!interval.ok) {
        notShown.push({ calendar, name: entry.name, reason: interval.reason });
        continue;
      }
      // Only entries that touch the plan's span (start to end or rollout + rollback) matter to its review.
      if (!span || interval.end <= span.start || interval.start >= span.end) continue;
      windows.push({ calendar, name: entry.name, kind, start: interval.start, end: interval.end, appliesTo });
    }
  }
  windows.sort((a, b) => a.start - b.start || a.end - b.end || cmp(a.name, b.name) || cmp(a.calendar, b.calendar));
  notShown.sort((a, b) => cmp(a.calendar, b.calendar) || cmp(a.name, b.name));
  return { windows, notShown };
}

function rowsMatching(entry: CalendarEntry, steps: ReviewStep[]): { step: string; region: string }[] {
  return steps.flatMap((step) =>
    (step.regions.length > 0 ? step.regions : ['']).flatMap((region) =>
      scopeMatches(entry.scope, step.service, region, step.tier) ? [{ step: step.id, region }] : [],
    ),
  );
}

/** Step intervals inside a freeze that applies to them (and has no exception for this plan). */
function conflictsOf(
  steps: ReviewStep[],
  windows: CalendarInterval[],
  calendarName: string | undefined,
  planName: string,
  calendars: Map<string, ParsedDocument>,
): Conflict[] {
  const excepted = new Set<string>();
  for (const [calendar, spec] of calendarsOf(calendarName, calendars)) {
    for (const f of spec.freezes ?? []) if ((f.exceptions ?? []).some((e) => e.plan === planName)) excepted.add(`${calendar}/${f.name}`);
  }
  const conflicts: Conflict[] = [];
  for (const w of windows) {
    if (w.kind !== 'deny' || excepted.has(`${w.calendar}/${w.name}`)) continue;
    for (const row of w.appliesTo) {
      const step = steps.find((s) => s.id === row.step);
      for (const iv of step?.intervals ?? []) {
        if (iv.region !== row.region) continue;
        const start = Math.max(iv.start, w.start);
        const end = Math.min(iv.end, w.end);
        if (start < end) conflicts.push({ step: row.step, region: row.region, window: w.name, start, end });
      }
    }
  }
  return conflicts.sort((a, b) => a.start - b.start || cmp(a.step, b.step) || cmp(a.region, b.region) || cmp(a.window, b.window));
}

/** The changed services, every service that depends on them (transitively), and the edges between them. */
function planGraph(steps: ReviewStep[], graph: DependencyGraph, services: Map<string, ServiceDoc>): ReviewGraph {
  const changed = new Set(steps.map((s) => s.service));
  const included = new Set(changed);
  const queue = [...changed];
  while (queue.length > 0) {
    for (const d of graph.dependents(queue.pop()!)) {
      if (!included.has(d)) {
        included.add(d);
        queue.push(d);
      }
    }
  }
  const names = [...included].sort();
  const nodes = names.map((name) => {
    const waves = [...new Set(steps.filter((s) => s.service === name).map((s) => s.wave))].sort((a, b) => a - b);
    const known = graph.graph.hasNode(name);
    const tier = services.get(name)?.spec.tier ?? (known ? 3 : undefined);
    return { name, changed: changed.has(name), known, waves, ...(tier !== undefined ? { tier } : {}) };
  });
  const edges = names.flatMap((from) => graph.dependencies(from).filter((to) => included.has(to)).map((to) => ({ from, to })));
  return { nodes, edges };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
