import { ToolError } from '../errors.js';
import { compareFindings, type Finding } from '../findings/finding.js';
import type { PendingFinding } from '../findings/pending.js';
import type { Report } from '../findings/report.js';
import { buildStepDag } from '../facts/step-dag.js';
import { computePlanFacts, instantFact } from '../facts/plan-facts.js';
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
import { resolveFinding } from './resolve-findings.js';
import type { InputDump } from './dump-input.js';
import type { PhaseTimer } from './timings.js';

export interface CheckOptions {
  paths: string[];
  cwd: string;
  /** Evaluation time (--now), epoch seconds. */
  nowEpoch: number;
  paramOverrides: Record<string, unknown>;
  bundle: PolicyBundle;
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

  const rules = allRules(options.bundle.rules);
  const params = resolveParams(rules, options.paramOverrides);
  const services = docsOf<ServiceDoc>(catalogue.services);
  const graph = new DependencyGraph(services);
  const now = instantFact(options.nowEpoch);
  const data = policyData(catalogue, graph, params);
  dump?.data(data);
  timer?.mark('graph');

  const engine = await PolicyEngine.create(options.bundle, options.nowEpoch);
  engine.setData(data);
  const located = (docOf: (f: PolicyFinding) => ParsedDocument | undefined) => (f: PolicyFinding) =>
    policyFinding(f, docOf(f), catalogue);

  dump?.catalogueInput(catalogueInput(now));
  pending.push(...(await engine.evaluate(catalogueInput(now), 'the catalogue')).map(located((f) => refDoc(catalogue, f.document))));
  timer?.mark('policy');

  for (const name of [...catalogue.plans.keys()].sort()) {
    const doc = catalogue.plans.get(name)!;
    const plan = doc.value as unknown as PlanDoc;
    const { dag, problems: dagProblems } = buildStepDag(plan.spec.steps);
    for (const p of dagProblems) pending.push({ ruleId: 'input/schema', message: p.message, target: { doc, path: p.path } });
    const facts = computePlanFacts(plan, services, graph, dag);
    const input = planInput(now, doc, facts);
    dump?.planInput(name, input);
    timer?.mark('facts');
    const results = await engine.evaluate(input, `plan '${name}'`);
    timer?.mark('policy');
    pending.push(...results.map(located((f) => (f.document ? refDoc(catalogue, f.document) : doc))));
  }

  const ruleMap = new Map(rules.map((r) => [r.id, r]));
  const findings = pending.map((p) => resolveFinding(p, ruleMap)).sort(compareFindings);
  return buildReport(findings, rules, read.texts, sources.length, catalogue.documentCount, options.version);
}

/** Paths met inside folders that could not be read: findings on them, the rest is still checked. */
function unreadable(problems: DiscoveryProblem[]): PendingFinding[] {
  return problems.map((p) => ({
    ruleId: 'input/yaml-syntax',
    message: `cannot read ${p.display}: ${p.message}`,
    target: { file: p.display, region: { line: 1, column: 1, endLine: 1, endColumn: 1 } },
  }));
}

/** Every rule rollgate knows: the loader's input/* rules and the bundle's, sorted by id. */
export function allRules(bundleRules: RuleInfo[]): RuleInfo[] {
  return [...INPUT_RULES, ...bundleRules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
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
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  const sources = new Map<string, string>();
  for (const f of findings) {
    const text = texts.get(f.file);
    if (text !== undefined) sources.set(f.file, text);
  }
  return {
    tool: { name: 'rollgate', version },
    summary: { files, documents, errors: count('error'), warnings: count('warning'), notes: count('note') },
    findings,
    rules,
    sources,
    executionSuccessful: true,
  };
}
