import { affectedServices, planConfigs } from '../../contracts/configs.js';
import { suggestOrder, type Suggestion } from '../../contracts/order-suggest.js';
import type { ContractModel } from '../../contracts/states.js';
import { readSources } from '../../check/read-sources.js';
import { ToolError } from '../../errors.js';
import { buildStepDag } from '../../facts/step-dag.js';
import { DependencyGraph } from '../../graph/dependency-graph.js';
import { buildCatalogue } from '../../load/catalogue.js';
import { discover } from '../../load/discover.js';
import type { PlanDoc, ServiceDoc } from '../../model/documents.js';
import type { CliIO } from '../io.js';

export interface OrderFlags {
  format: string;
  suggest?: boolean;
}

interface StepView {
  id: string;
  service: string;
  from?: string;
  to: string;
  regions: string[];
}

/**
 * `rollgate order PLAN [PATH...]`: the plan's steps as waves that may run in parallel (topological
 * layers of the step DAG), the rollback order (the waves reversed), and with --suggest a
 * sequential order that keeps every contract satisfied. Exit 0, or 1 when --suggest finds none.
 */
export async function runOrder(planName: string, paths: string[], flags: OrderFlags, io: CliIO): Promise<number> {
  if (flags.format !== 'text' && flags.format !== 'json') throw new ToolError('usage', `order --format takes text or json; got '${flags.format}'`);
  const { sources, problems } = await discover(paths.length > 0 ? paths : ['.'], io.cwd);
  if (problems.length > 0) throw new ToolError('usage', `cannot read '${problems[0]!.display}': ${problems[0]!.message}`);
  const read = await readSources(sources, io.readStdin);
  const { catalogue } = buildCatalogue(read.documents);
  const doc = catalogue.plans.get(planName);
  if (!doc) {
    const known = [...catalogue.names.RolloutPlan].sort();
    const invalid = catalogue.names.RolloutPlan.has(planName);
    throw new ToolError(
      'usage',
      invalid
        ? `plan '${planName}' has schema problems; 'rollgate check' reports them`
        : `unknown plan '${planName}'; known plans: ${known.length > 0 ? known.join(', ') : '(none found)'}`,
    );
  }
  const plan = doc.value as unknown as PlanDoc;
  const services = new Map([...catalogue.services].map(([n, d]) => [n, d.value as unknown as ServiceDoc]));
  const graph = new DependencyGraph(services);
  const { dag } = buildStepDag(plan.spec.steps);
  const steps = plan.spec.steps;
  const view = (i: number): StepView => {
    const s = steps[i]!;
    const from = services.get(s.service)?.spec.version;
    return { id: s.id, service: s.service, ...(from !== undefined ? { from } : {}), to: s.to, regions: s.regions ?? services.get(s.service)?.spec.regions ?? [] };
  };
  const waves = dag.waves.map((w) => w.map(view));
  const rollback = [...dag.waves].reverse().map((w) => [...w].reverse().map((i) => steps[i]!.id));

  let suggestion: Suggestion | undefined;
  if (flags.suggest) {
    const model: ContractModel = {
      steps,
      services,
      configs: planConfigs(steps, services, steps.map(() => []), affectedServices(steps, services, graph.providers)),
      ancestors: steps.map(() => []),
      regions: steps.map((s) => s.regions ?? services.get(s.service)?.spec.regions ?? []),
      providers: graph.providers,
      needs: graph.needs,
    };
    suggestion = suggestOrder(model);
  }

  if (flags.format === 'json') {
    const out: Record<string, unknown> = { plan: planName, waves, rollback };
    if (suggestion) out.suggestion = suggestion.ok ? { ok: true, order: suggestion.order.map((i) => steps[i]!.id) } : { ok: false, reason: suggestion.reason };
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    const lines = [`Plan '${planName}': ${steps.length} step${steps.length === 1 ? '' : 's'} in ${waves.length} wave${waves.length === 1 ? '' : 's'}`, '', 'Rollout (steps in one wave may run at the same time):'];
    waves.forEach((w, n) => lines.push(`  wave ${n + 1}: ${w.map(describe).join(', ')}`));
    lines.push('', 'Rollback (reverse order):');
    rollback.forEach((w, n) => lines.push(`  wave ${n + 1}: ${w.join(', ')}`));
    if (suggestion) {
      lines.push('');
      if (suggestion.ok) {
        lines.push('Suggested order (one step at a time, every contract satisfied in every state):');
        suggestion.order.forEach((i, n) => lines.push(`  ${n + 1}. ${steps[i]!.id}${n > 0 ? `   after: [${steps[suggestion.order[n - 1]!]!.id}]` : '   after: []'}`));
      } else {
        lines.push(`No order satisfies every contract: ${suggestion.reason}.`);
      }
    }
    io.stdout(`${lines.join('\n')}\n`);
  }
  return suggestion && !suggestion.ok ? 1 : 0;
}

function describe(s: StepView): string {
  const where = s.regions.length > 0 ? ` in ${s.regions.join(', ')}` : '';
  return `${s.id} (${s.service} ${s.from ?? '?'} -> ${s.to}${where})`;
}
