import type { Finding, Severity } from '../../findings/finding.js';
import { findingsByPlan, SEVERITY_RANK } from '../../findings/finding.js';
import type { StepDag } from '../../facts/step-dag.js';
import type { WindowFacts, WindowRun } from '../../facts/window-facts.js';
import { scopeMatches, type Scope } from '../../calendar/scope.js';
import type { DependencyGraph } from '../../graph/dependency-graph.js';
import type { ParsedDocument } from '../../load/parse.js';
import { locate } from '../../load/locate.js';
import type { PlanDoc, ServiceDoc } from '../../model/documents.js';
import { resolveInstant } from '../../time/instant.js';
import type { CalendarInterval, Conflict, ReviewGraph, ReviewModel, ReviewPlan, ReviewStep } from './model.js';
import { compareText } from '../../compare-text.js';

export interface ReviewInput {
  /** Each valid plan with its step DAG and the window facts its rules read. */
  plans: { doc: ParsedDocument; dag: StepDag; facts: WindowFacts }[];
  /** The run's window facts: timelines and expanded calendars, computed once in the pipeline. */
  windows: WindowRun;
  calendars: Map<string, ParsedDocument>;
  services: Map<string, ServiceDoc>;
  graph: DependencyGraph;
  findings: Finding[];
}

/** The review model of every valid plan, sorted by plan name. */
export function buildReviewModel(input: ReviewInput): ReviewModel {
  const byPlan = findingsByPlan(input.findings);
  const placed = new Set(input.windows.calendars.flatMap((c) => c.entries.map((e) => `${c.name}${e.path}`)));
  const plans = input.plans
    .map(({ doc, dag, facts }) => {
      const name = (doc.value as unknown as PlanDoc).metadata.name;
      return reviewPlan(doc, dag, facts, byPlan.get(name) ?? [], placed, input);
    })
    .sort((a, b) => compareText(a.name, b.name));
  return { plans };
}

/** `findings`: the plan's own (waived ones included); `placed`: calendar entries the run could place in time. */
function reviewPlan(doc: ParsedDocument, dag: StepDag, facts: WindowFacts, findings: Finding[], placed: Set<string>, input: ReviewInput): ReviewPlan {
  const plan = doc.value as unknown as PlanDoc;
  const spec = plan.spec;
  const name = plan.metadata.name;
  const epoch = (text: string | undefined) => {
    if (text === undefined) return undefined;
    const r = resolveInstant(text, spec.timeZone);
    return r.ok ? r.epoch : undefined;
  };
  const timeline = input.windows.planTimeline(name);
  const waveOf = new Map<number, number>();
  dag.waves.forEach((wave, w) => wave.forEach((i) => waveOf.set(i, w + 1)));
  // Waived findings do not count against the plan (they are listed apart by the reporters).
  const planFindings = findings.filter((f) => !f.suppressed);
  const onStep = (f: Finding, index: number) => f.path === `/spec/steps/${index}` || f.path.startsWith(`/spec/steps/${index}/`);

  const steps: ReviewStep[] = spec.steps.map((step, index) => {
    const service = input.services.get(step.service);
    const timing = timeline?.steps[index];
    const worst = worstSeverity(planFindings.filter((f) => onStep(f, index)));
    return {
      index,
      id: step.id,
      service: step.service,
      ...(service ? { from: service.spec.version, tier: service.spec.tier ?? 3 } : {}),
      to: step.to,
      regions: timing ? timing.slices.flatMap((s) => (s.region === null ? [] : [s.region])) : (step.regions ?? service?.spec.regions ?? []),
      after: (dag.after[index] ?? []).map((i) => spec.steps[i]!.id),
      wave: waveOf.get(index) ?? 1,
      ...(timing ? { start: timing.start, end: timing.end } : {}),
      intervals: (timing?.slices ?? []).map((s) => ({ region: s.region ?? '', start: s.start, end: s.end })),
      migrations: { before: timing?.migrationsBefore ?? 0, after: timing?.migrationsAfter ?? 0 },
      ...(worst ? { worst } : {}),
    };
  });

  const start = facts.start?.epoch;
  const end = facts.end?.epoch;
  const rolloutEnd = timeline?.rolloutEnd ?? start;
  const rollback = timeline?.rollbackLargest ?? 0;
  const windows = timeline ? calendarIntervals(name, steps, timeline.steps.map((t) => t.tier), input.windows, { start: timeline.start, end: Math.max(end ?? timeline.start, timeline.rolloutEnd + rollback) }) : [];
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
    rollbackSeconds: rollback,
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
    notShown: notShown(facts.calendars, steps, placed, input),
    conflicts: conflictsOf(steps, facts, findings),
    findings: { errors: count('error'), warnings: count('warning'), notes: count('note') },
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function worstSeverity(findings: Finding[]): Severity | undefined {
  let worst: Severity | undefined;
  for (const f of findings) if (!worst || SEVERITY_RANK[f.severity] > SEVERITY_RANK[worst]) worst = f.severity;
  return worst;
}

/**
 * Occurrences of the allow windows and freezes that apply to some step row and touch `span`, from
 * the run's calendar expansion (WindowRun), with the rows each one applies to.
 */
function calendarIntervals(plan: string, steps: ReviewStep[], tiers: number[], windows: WindowRun, span: { start: number; end: number }): CalendarInterval[] {
  const out: CalendarInterval[] = [];
  for (const { entry, intervals } of windows.planEntries(plan, span.start, span.end)) {
    const appliesTo = rowsMatching(entry.scope, steps, tiers);
    if (appliesTo.length === 0) continue;
    const kind = entry.kind === 'freeze' ? 'deny' : 'allow';
    for (const i of intervals) out.push({ calendar: entry.calendar, name: entry.name, kind, start: i.start, end: i.end, appliesTo });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end || compareText(a.name, b.name) || compareText(a.calendar, b.calendar));
}

function rowsMatching(scope: Scope | undefined, steps: ReviewStep[], tiers: number[]): { step: string; region: string }[] {
  return steps.flatMap((step) =>
    (step.intervals.length > 0 ? step.intervals.map((i) => i.region) : ['']).flatMap((region) =>
      scopeMatches(scope, step.service, region === '' ? null : region, tiers[step.index] ?? step.tier ?? 3) ? [{ step: step.id, region }] : [],
    ),
  );
}

/** Entries of the plan's calendars that apply to a step but could not be placed in time, so are not drawn. */
function notShown(calendarNames: string[], steps: ReviewStep[], placed: Set<string>, input: ReviewInput): ReviewPlan['notShown'] {
  const tiers = steps.map((s) => s.tier ?? 3);
  const out: ReviewPlan['notShown'] = [];
  for (const calendar of calendarNames) {
    const spec = (input.calendars.get(calendar)?.value as { spec?: { windows?: RawEntry[]; freezes?: RawEntry[] } } | undefined)?.spec;
    const lists: [string, RawEntry[]][] = [['windows', spec?.windows ?? []], ['freezes', spec?.freezes ?? []]];
    for (const [key, list] of lists) {
      list.forEach((e, i) => {
        if (placed.has(`${calendar}/spec/${key}/${i}`) || rowsMatching(e.scope, steps, tiers).length === 0) return;
        out.push({ calendar, name: e.name, reason: 'its times cannot be placed; see the findings on the calendar' });
      });
    }
  }
  return out.sort((a, b) => compareText(a.calendar, b.calendar) || compareText(a.name, b.name));
}

interface RawEntry {
  name: string;
  scope?: Scope;
}

/**
 * Where the window/* findings on steps lie in time, read from the window facts those rules
 * evaluated: a freeze-conflict finding on a step marks the parts of its region slices inside a
 * freeze without an exception, an outside-maintenance finding the parts outside every allow window.
 */
function conflictsOf(steps: ReviewStep[], facts: WindowFacts, findings: Finding[]): Conflict[] {
  const conflicts: Conflict[] = [];
  for (const f of findings) {
    if (f.ruleId !== 'window/freeze-conflict' && f.ruleId !== 'window/outside-maintenance') continue;
    const m = /^\/spec\/steps\/(\d+)$/.exec(f.path);
    const stepFacts = m ? facts.timeline?.steps.find((s) => s.index === Number(m[1])) : undefined;
    const step = stepFacts ? steps[stepFacts.index] : undefined;
    if (!stepFacts || !step) continue;
    const base = { step: step.id, rule: f.ruleId, severity: f.severity, ...(f.suppressed ? { suppressed: true } : {}) };
    for (const r of stepFacts.regions) {
      const region = r.region ?? '';
      if (f.ruleId === 'window/freeze-conflict') {
        for (const fr of r.freezes) if (!fr.exception) conflicts.push({ ...base, region, kind: 'freeze', window: fr.name, start: fr.overlap.start, end: fr.overlap.end });
      } else {
        for (const u of r.uncovered) conflicts.push({ ...base, region, kind: 'outside', window: r.allowWindows.join(', '), start: u.start, end: u.end });
      }
    }
  }
  // One finding per (step, region, freeze) in Rego, several per step here: keep each place once.
  const seen = new Set<string>();
  return conflicts
    .filter((c) => {
      const key = `${c.step}|${c.region}|${c.kind}|${c.window}|${c.start}|${c.end}`;
      return seen.has(key) ? false : (seen.add(key), true);
    })
    .sort((a, b) => a.start - b.start || compareText(a.step, b.step) || compareText(a.region, b.region) || compareText(a.window, b.window));
}

/**
 * Dependents drawn at most besides the changed services. A hub's dependents run into thousands: a
 * review board cannot read such a graph, and drawing one per plan made reports of hundreds of MB.
 */
export const MAX_DEPENDENTS_DRAWN = 40;

/**
 * The changed services and every service that depends on them (transitively), nearest first (by
 * distance, then name), with the edges between them: at most MAX_DEPENDENTS_DRAWN dependents are
 * drawn, the rest are counted in `omitted`.
 */
function planGraph(steps: ReviewStep[], graph: DependencyGraph, services: Map<string, ServiceDoc>): ReviewGraph {
  const changed = new Set(steps.map((s) => s.service));
  const dependents = graph.dependentsNearestFirst(changed);
  const drawn = new Set([...changed, ...dependents.slice(0, MAX_DEPENDENTS_DRAWN)]);
  const names = [...drawn].sort();
  const nodes = names.map((name) => {
    const waves = [...new Set(steps.filter((s) => s.service === name).map((s) => s.wave))].sort((a, b) => a - b);
    const known = graph.graph.hasNode(name);
    const tier = services.get(name)?.spec.tier ?? (known ? 3 : undefined);
    return { name, changed: changed.has(name), known, waves, ...(tier !== undefined ? { tier } : {}) };
  });
  const edges = names.flatMap((from) => graph.dependencies(from).filter((to) => drawn.has(to)).map((to) => ({ from, to })));
  const omitted = Math.max(0, dependents.length - MAX_DEPENDENTS_DRAWN);
  return { nodes, edges, ...(omitted > 0 ? { omitted } : {}) };
}
