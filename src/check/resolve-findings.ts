import type { Finding, RelatedLocation, Severity } from '../findings/finding.js';
import type { PendingFinding, Target } from '../findings/pending.js';
import { locate } from '../load/locate.js';
import type { RuleInfo } from '../policy/catalogue.js';

const SEVERITIES = new Set<Severity>(['error', 'warning', 'note']);

/** Turn a pending finding into a reported one: location from its target, severity from its rule. */
export function resolveFinding(pending: PendingFinding, rules: Map<string, RuleInfo>): Finding {
  const where = place(pending.target);
  const severity =
    pending.severity && SEVERITIES.has(pending.severity) ? pending.severity : (rules.get(pending.ruleId)?.severity ?? 'error');
  const finding: Finding = {
    ruleId: pending.ruleId,
    severity,
    message: pending.message,
    ...where.location,
    path: where.path,
  };
  if (where.document) finding.document = where.document;
  if (pending.related && pending.related.length > 0) {
    finding.related = pending.related.map((r): RelatedLocation => ({ ...place(r.target).location, message: r.message }));
  }
  return finding;
}

function place(target: Target) {
  if ('region' in target) return { location: { file: target.file, ...target.region }, path: '', document: undefined };
  const { doc } = target;
  const region = locate(doc.yaml, doc.lineCounter, doc.source, target.path, target.onKey);
  const name = (doc.value.metadata as { name?: unknown } | undefined)?.name;
  const document = typeof doc.kind === 'string' && typeof name === 'string' ? { kind: doc.kind, name } : undefined;
  return { location: { file: doc.file, ...region }, path: target.path, document };
}
