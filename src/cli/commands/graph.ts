import { ToolError } from '../../errors.js';
import { DependencyGraph } from '../../graph/dependency-graph.js';
import { catalogueView, toDot, toJson, toMermaid } from '../../graph/export.js';
import { buildCatalogue } from '../../load/catalogue.js';
import { discover } from '../../load/discover.js';
import type { ServiceDoc } from '../../model/documents.js';
import { readSources } from '../../check/read-sources.js';
import type { CliIO } from '../io.js';

const FORMATS = { mermaid: (v: Parameters<typeof toMermaid>[0]) => toMermaid(v), dot: toDot, json: toJson } as const;

/**
 * `rollgate graph`: the service dependency graph of the Services found (edges dependent →
 * dependency, labelled with the APIs that make them), sorted so the output is deterministic.
 * Documents with problems are left out, as in `check`; say so on stderr and run `check` for details.
 */
export async function runGraph(paths: string[], format: string, io: CliIO): Promise<number> {
  if (!Object.prototype.hasOwnProperty.call(FORMATS, format)) {
    throw new ToolError('usage', `graph --format takes ${Object.keys(FORMATS).join(', ')}; got '${format}'`);
  }
  const { sources, problems } = await discover(paths.length > 0 ? paths : ['.'], io.cwd);
  if (problems.length > 0) throw new ToolError('usage', `cannot read '${problems[0]!.display}': ${problems[0]!.message}`);
  const read = await readSources(sources, io.readStdin);
  const { catalogue, findings } = buildCatalogue(read.documents);
  const services = new Map([...catalogue.services].map(([name, doc]) => [name, doc.value as unknown as ServiceDoc]));
  const graph = new DependencyGraph(services);
  const tiers = new Map([...services].map(([name, s]) => [name, s.spec.tier ?? 3]));
  io.stdout(FORMATS[format as keyof typeof FORMATS](catalogueView(graph, tiers)));
  const skipped = read.findings.length + findings.filter((f) => f.ruleId !== 'input/duplicate-name').length;
  if (skipped > 0) io.stderr(`rollgate: ${skipped} input ${skipped === 1 ? 'problem' : 'problems'} left documents out of the graph; run 'rollgate check' to see them\n`);
  return 0;
}
