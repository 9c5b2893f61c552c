import type { DependencyGraph } from '../graph/dependency-graph.js';
import type { Catalogue } from '../load/catalogue.js';
import type { ParsedDocument } from '../load/parse.js';
import type { ParamValue } from './params.js';
import type { InstantFact } from '../facts/plan-facts.js';

function byName(docs: Map<string, ParsedDocument>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of [...docs.keys()].sort()) out[name] = docs.get(name)!.value;
  return out;
}

function nameSet(names: Set<string>): Record<string, true> {
  const out: Record<string, true> = {};
  for (const name of [...names].sort()) out[name] = true;
  return out;
}

/** `data` for the policies (docs/input-document.md): loaded once per run, when each engine is created. */
export function policyData(catalogue: Catalogue, graph: DependencyGraph, params: Record<string, ParamValue>): object {
  const providers: Record<string, string[]> = {};
  for (const api of [...graph.providers.keys()].sort()) providers[api] = graph.providers.get(api)!;
  return {
    params,
    catalogue: {
      services: byName(catalogue.services),
      calendars: byName(catalogue.calendars),
      plans: byName(catalogue.plans),
      names: {
        Service: nameSet(catalogue.names.Service),
        ChangeCalendar: nameSet(catalogue.names.ChangeCalendar),
        RolloutPlan: nameSet(catalogue.names.RolloutPlan),
      },
    },
    graph: { providers, cycles: graph.cycles() },
  };
}

export function catalogueInput(now: InstantFact, facts?: object): object {
  return { scope: 'catalogue', now, ...(facts ? { facts } : {}) };
}

export function planInput(now: InstantFact, plan: ParsedDocument, facts: object): object {
  return { scope: 'plan', now, plan: plan.value, facts };
}
