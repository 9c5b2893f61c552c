import { ToolError } from '../errors.js';
import { compareFindings, type Finding } from '../findings/finding.js';
import type { PendingFinding } from '../findings/pending.js';
import type { Report } from '../findings/report.js';
import { buildStepDag } from '../facts/step-dag.js';
import { computePlanFacts, instantFact } from '../facts/plan-facts.js';
import { WindowRun } from '../facts/window-facts.js';
import type { CalendarDoc } from '../calendar/calendar.js';
import { DependencyGraph } from '../graph/dependency-graph.js';
import { buildCatalogue, type Catalogue } from '../load/catalogue.js';
import { discover, type DiscoveryProblem } from '../load/discover.js';
import { INPUT_RULES } from '../load/input-rules.js';
import type { ParsedDocument } from '../load/parse.js';
import type { PlanDoc, ServiceDoc } from '../model/documents.js';
import type { RuleInfo } from '../policy/catalogue.js';
import { PolicyEngine, type PolicyBundle, type PolicyFinding } from '../policy/runtime.js';
import { resolveParams } from './params.js';
import { catalogueInput, planInput, policyData } from './policy-input.js';
import { readSources } from './read-sources.js';
import { applySeverity } from '../config/apply-severity.js';
import type { RuleSetting, Waiver } from '../config/config-file.js';
import { applyWaivers } from '../waivers/apply-waivers.js';
import { CONFIG_RULES } from '../waivers/config-rules.js';
import { resolveFinding } from './resolve-findings.js';
import { buildReviewModel, type ReviewInput } from '../report/review/build.js';
import type { ReviewModel } from '../report/review/model.js';
import type { InputDump } from './dump-input.js';
import type { PhaseTimer } from './timings.js';
import { compareText } from '../compare-text.js';

export interface CheckOptions {
  paths: string[];
  cwd: string;
  /** Evaluation time (--now), epoch seconds. */
  nowEpoch: number;
  paramOverrides: Record<string, unknown>;
  bundle: PolicyBundle;
  /** Extra policies (--policy, config `policies:`), evaluated beside the built-in bundle. */
  extraBundles?: PolicyBundle[];
  /** Per-rule severity from the config (applied after findings are located). */
  ruleSettings?: Map<string, RuleSetting>;
  /** Waivers from the config file (empty with --no-waivers). */
  waivers?: Waiver[];
  /** The config file the waivers come from: config/* findings point into it. */
  configFile?: { absolute: string; display: string; source: string };
  readStdin: () => Promise<string>;
  version: string;
  /** ROLLGATE_TIMINGS: phase durations (optional, off by default). */
  timer?: PhaseTimer;
  /** ROLLGATE_DUMP_INPUT: write the policies' data and inputs (optional, off by default). */
  dump?: InputDump;
}

/** The whole pipeline of ARCHITECTURE.md from paths to a report; no output, no exit code. */
export async function check(options: CheckOptions): Promise<Report> {
  const { timer, dump } = options;
  const { sources, problems } = await discover(options.paths, options.cwd);
  timer?.mark('discover');
  const named = problems.find((p) => p.named);
  if (named) throw new ToolError('usage', `cannot read '${named.display}': ${named.message}`);
  const read = await readSources(sources, options.readStdin);
  const pending: PendingFinding[] = [...unreadable(problems), ...read.findings];
  timer?.mark('parse');
  const built = buildCatalogue(read.documents);
  timer?.mark('schema');
  pending.push(...built.findings);
  const { catalogue } = built;

  const bundles = [options.bundle, ...(options.extraBundles ?? [])];
  const rules = allRules(mergeCatalogues(bundles));
  const params = resolveParams(rules, options.paramOverrides);
  const services = docsOf<ServiceDoc>(catalogue.services);
  const graph = new DependencyGraph(services);
  const now = instantFact(options.nowEpoch);
  const data = policyData(catalogue, graph, params);
  dump?.data(data);
  timer?.mark('graph');

  // Every bundle reads the same data and input (docs/input-document.md), in its own instance.
  const engines: PolicyEngine[] = [];
  for (const bundle of bundles) {
    engines.push(await PolicyEngine.create(bundle, options.nowEpoch, data));
  }
  const evaluateAll = async (input: object, what: string) => {
    const out: PolicyFinding[] = [];
    for (const engine of engines) out.push(...(await engine.evaluate(input, what)));
    return out;
  };
  const located = (docOf: (f: PolicyFinding) => ParsedDocument | undefined) => (f: PolicyFinding) =>
    policyFinding(f, docOf(f), catalogue);

  // Window facts for the whole run, once: calendars expanded, timelines, cross-plan overlaps.
  const windows = new WindowRun(docsOf<PlanDoc>(catalogue.plans), docsOf<CalendarDoc>(catalogue.calendars), services, graph);
  for (const cal of windows.calendars) {
    const doc = catalogue.calendars.get(cal.name)!;
    for (const e of cal.ruleErrors) pending.push({ ruleId: 'input/schema', message: e.message, target: { doc, path: e.path } });
  }
  timer?.mark('facts');

  const cataloguePolicyInput = catalogueInput(now, { calendars: windows.calendarFacts() });
  dump?.catalogueInput(cataloguePolicyInput);
  pending.push(...(await evaluateAll(cataloguePolicyInput, 'the catalogue')).map(located((f) => refDoc(catalogue, f.document))));
  timer?.mark('policy');

  const reviewed: ReviewInput['plans'] = [];
  for (const name of [...catalogue.plans.keys()].sort()) {
    const doc = catalogue.plans.get(name)!;
    const plan = doc.value as unknown as PlanDoc;
    const { dag, problems: dagProblems } = buildStepDag(plan.spec.steps);
    for (const p of dagProblems) pending.push({ ruleId: 'input/schema', message: p.message, target: { doc, path: p.path } });
    const windowFacts = windows.planFacts(name);
    reviewed.push({ doc, dag, facts: windowFacts });
    const facts = computePlanFacts(plan, services, graph, dag, options.nowEpoch, windowFacts);
    const input = planInput(now, doc, facts);
    dump?.planInput(name, input);
    timer?.mark('facts');
    const results = await evaluateAll(input, `plan '${name}'`);
    timer?.mark('policy');
    pending.push(...results.map(located((f) => (f.document ? refDoc(catalogue, f.document) : doc))));
  }

  const ruleMap = new Map(rules.map((r) => [r.id, r]));
  const settings = options.ruleSettings ?? new Map<string, RuleSetting>();
  let findings = applySeverity(pending.map((p) => resolveFinding(p, ruleMap)), settings);
  const texts = new Map(read.texts);
  const config = options.configFile;
  if (config && (options.waivers ?? []).length > 0) {
    const waived = applyWaivers(findings, options.waivers ?? [], { configAbsolute: config.absolute, configDisplay: config.display, cwd: options.cwd, nowEpoch: options.nowEpoch });
    findings = [...waived.findings, ...applySeverity(waived.problems.map((p) => resolveFinding(p, ruleMap)), settings)];
    texts.set(config.display, config.source);
  }
  findings.sort(compareFindings);
  const report = buildReport(findings, rules, texts, sources.length, catalogue.documentCount, options.version);
  let review: ReviewModel | undefined;
  return { ...report, review: () => (review ??= buildReviewModel({ plans: reviewed, windows, calendars: catalogue.calendars, services, graph, findings })) };
}

/** Paths met inside folders that could not be read: findings on them, the rest is still checked. */
function unreadable(problems: DiscoveryProblem[]): PendingFinding[] {
  return problems.map((p) => ({
    ruleId: 'input/yaml-syntax',
    message: `cannot read ${p.display}: ${p.message}`,
    target: { file: p.display, region: { line: 1, column: 1, endLine: 1, endColumn: 1 } },
  }));
}

/** Every rule rollgate knows: the loader's input/* and config/* rules and the bundles', sorted by id. */
export function allRules(bundleRules: RuleInfo[]): RuleInfo[] {
  return [...INPUT_RULES, ...CONFIG_RULES, ...bundleRules].sort((a, b) => compareText(a.id, b.id));
}

/** The rules of several bundles; an id defined twice (or a reserved category) is a policy error. */
export function mergeCatalogues(bundles: PolicyBundle[]): RuleInfo[] {
  const owner = new Map<string, string>();
  for (const r of [...INPUT_RULES, ...CONFIG_RULES]) owner.set(r.id, 'rollgate (built in)');
  const out: RuleInfo[] = [];
  for (const bundle of bundles) {
    for (const rule of bundle.rules) {
      const first = owner.get(rule.id);
      if (first !== undefined) {
        throw new ToolError('policy', `policy '${bundle.origin}' defines rule ${rule.id}, which ${first} already defines: give the rule its own id (category/name)`);
      }
      owner.set(rule.id, `policy '${bundle.origin}'`);
      out.push(rule);
    }
  }
  return out;
}

function docsOf<T>(docs: Map<string, ParsedDocument>): Map<string, T> {
  return new Map([...docs].map(([name, doc]) => [name, doc.value as unknown as T]));
}

function refDoc(catalogue: Catalogue, ref: { kind: string; name: string } | undefined): ParsedDocument | undefined {
  if (!ref) return undefined;
  const map = ref.kind === 'Service' ? catalogue.services : ref.kind === 'ChangeCalendar' ? catalogue.calendars : ref.kind === 'RolloutPlan' ? catalogue.plans : undefined;
  return map?.get(ref.name);
}

function policyFinding(f: PolicyFinding, doc: ParsedDocument | undefined, catalogue: Catalogue): PendingFinding {
  if (!doc) {
    throw new ToolError('policy', `rule ${f.rule} reported a finding on ${f.document ? `${f.document.kind} '${f.document.name}'` : 'no document'}, which is not in the catalogue`);
  }
  const related = (f.related ?? []).flatMap((r) => {
    const target = r.document ? refDoc(catalogue, r.document) : doc;
    return target ? [{ target: { doc: target, path: r.path }, message: r.message }] : [];
  });
  return {
    ruleId: f.rule,
    message: f.message,
    ...(f.severity ? { severity: f.severity } : {}),
    target: { doc, path: f.path },
    ...(related.length > 0 ? { related } : {}),
  };
}

function buildReport(
  findings: Finding[],
  rules: RuleInfo[],
  texts: Map<string, string>,
  files: number,
  documents: number,
  version: string,
): Report {
  const count = (s: string) => findings.filter((f) => f.severity === s && !f.suppressed).length;
  const sources = new Map<string, string>();
  for (const f of findings) {
    const text = texts.get(f.file);
    if (text !== undefined) sources.set(f.file, text);
  }
  return {
    tool: { name: 'rollgate', version },
    summary: { files, documents, errors: count('error'), warnings: count('warning'), notes: count('note'), suppressed: findings.filter((f) => f.suppressed).length },
    findings,
    rules,
    sources,
    executionSuccessful: true,
  };
}
