import type { PendingFinding } from '../findings/pending.js';
import type { ParsedDocument } from './parse.js';
import { validateDocument } from './validate.js';

export const KINDS = ['Service', 'ChangeCalendar', 'RolloutPlan'] as const;
export type Kind = (typeof KINDS)[number];

/** The valid documents of a run, by kind and name, and every name seen (valid or not). */
export interface Catalogue {
  services: Map<string, ParsedDocument>;
  calendars: Map<string, ParsedDocument>;
  plans: Map<string, ParsedDocument>;
  names: Record<Kind, Set<string>>;
  /** Every document of ours that was read (for the summary). */
  documentCount: number;
}

function isKind(kind: unknown): kind is Kind {
  return typeof kind === 'string' && (KINDS as readonly string[]).includes(kind);
}

/**
 * Validate documents against their kind's schema and index them by name. Produces the
 * input/unknown-kind, input/schema and input/duplicate-name findings. Invalid documents stay out
 * of the catalogue that policies see, but their names count as known so that a schema error in
 * a Service does not cascade into graph/unknown-service findings on every plan using it.
 */
export function buildCatalogue(documents: ParsedDocument[]): { catalogue: Catalogue; findings: PendingFinding[] } {
  const findings: PendingFinding[] = [];
  const catalogue: Catalogue = {
    services: new Map(),
    calendars: new Map(),
    plans: new Map(),
    names: { Service: new Set(), ChangeCalendar: new Set(), RolloutPlan: new Set() },
    documentCount: documents.length,
  };
  const byKind: Record<Kind, Map<string, ParsedDocument>> = {
    Service: catalogue.services,
    ChangeCalendar: catalogue.calendars,
    RolloutPlan: catalogue.plans,
  };
  const firstByName = new Map<string, ParsedDocument>();

  for (const doc of documents) {
    if (!isKind(doc.kind)) {
      findings.push({
        ruleId: 'input/unknown-kind',
        message:
          doc.kind === undefined
            ? `document has apiVersion rollgate.dev/v1 but no kind: add kind Service, ChangeCalendar or RolloutPlan`
            : `unknown kind '${String(doc.kind)}': rollgate.dev/v1 has Service, ChangeCalendar and RolloutPlan, so this document is not checked`,
        target: { doc, path: doc.kind === undefined ? '' : '/kind' },
      });
      continue;
    }
    const problems = validateDocument(doc.kind, doc.value);
    for (const problem of problems) {
      findings.push({
        ruleId: 'input/schema',
        message: problem.message,
        target: { doc, path: problem.path, onKey: problem.onKey },
      });
    }
    const name = nameOf(doc);
    if (name === undefined) continue; // the schema finding already says so
    catalogue.names[doc.kind].add(name);
    const key = `${doc.kind}/${name}`;
    const first = firstByName.get(key);
    if (first) {
      findings.push({
        ruleId: 'input/duplicate-name',
        message: `${doc.kind} '${name}' is defined twice (first in ${first.file}): rollgate cannot tell which one is meant, so rename one or delete the copy`,
        target: { doc, path: '/metadata/name' },
        related: [{ target: { doc: first, path: '/metadata/name' }, message: `first ${doc.kind} '${name}'` }],
      });
      continue;
    }
    firstByName.set(key, doc);
    if (problems.length === 0) byKind[doc.kind].set(name, doc);
  }
  return { catalogue, findings };
}

function nameOf(doc: ParsedDocument): string | undefined {
  const metadata = doc.value.metadata as { name?: unknown } | undefined;
  return typeof metadata?.name === 'string' ? metadata.name : undefined;
}
