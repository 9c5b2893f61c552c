import type { DependencyGraph } from './dependency-graph.js';

/** A graph to print: nodes by name (with what to show) and edges dependent → dependency. */
export interface GraphView {
  nodes: { name: string; label?: string; changed?: boolean; unknown?: boolean }[];
  edges: { from: string; to: string; label?: string }[];
}

/** The whole catalogue's graph, sorted: edges labelled with the APIs (or dependsOn) that make them. */
export function catalogueView(graph: DependencyGraph, tiers: Map<string, number>): GraphView {
  const names = [...graph.graph.nodes()].sort();
  return {
    nodes: names.map((name) => ({ name, label: `${name} (tier ${tiers.get(name) ?? 3})` })),
    edges: names.flatMap((from) =>
      graph.dependencies(from).map((to) => {
        const reasons = graph.graph.getDirectedEdgeAttributes(from, to).reasons;
        const label = [...new Set(reasons.map((r) => r.api ?? 'dependsOn'))].sort().join(', ');
        return { from, to, label };
      }),
    ),
  };
}

/** Mermaid flowchart; node ids are indexes because service names may hold dots. */
export function toMermaid(view: GraphView, direction: 'TD' | 'LR' = 'TD'): string {
  const id = new Map(view.nodes.map((v, i) => [v.name, `s${i}`]));
  const lines = [`graph ${direction}`];
  for (const v of view.nodes) lines.push(`  ${id.get(v.name)}["${mermaidText(v.label ?? v.name)}"]`);
  for (const e of view.edges) {
    const a = id.get(e.from);
    const b = id.get(e.to);
    if (a && b) lines.push(e.label ? `  ${a} -->|"${mermaidText(e.label)}"| ${b}` : `  ${a} --> ${b}`);
  }
  const changed = view.nodes.filter((v) => v.changed && !v.unknown).map((v) => id.get(v.name));
  const unknown = view.nodes.filter((v) => v.unknown).map((v) => id.get(v.name));
  if (changed.length > 0) lines.push('  classDef changed fill:#1e88e5,stroke:#1565c0,color:#fff', `  class ${changed.join(',')} changed`);
  if (unknown.length > 0) lines.push('  classDef unknown fill:#fff5f5,stroke:#c62828,stroke-dasharray:5 3', `  class ${unknown.join(',')} unknown`);
  return lines.join('\n') + '\n';
}

function mermaidText(text: string): string {
  return text.replace(/"/g, '#quot;').replace(/[<>]/g, (c) => (c === '<' ? '#lt;' : '#gt;'));
}

/** Graphviz DOT. */
export function toDot(view: GraphView): string {
  const q = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const lines = ['digraph services {', '  rankdir=TB;', '  node [shape=box, style="rounded"];'];
  for (const v of view.nodes) lines.push(`  ${q(v.name)} [label=${q(v.label ?? v.name)}];`);
  for (const e of view.edges) lines.push(`  ${q(e.from)} -> ${q(e.to)}${e.label ? ` [label=${q(e.label)}]` : ''};`);
  lines.push('}');
  return lines.join('\n') + '\n';
}

export function toJson(view: GraphView): string {
  return JSON.stringify({ nodes: view.nodes.map((v) => ({ name: v.name, ...(v.label ? { label: v.label } : {}) })), edges: view.edges }, null, 2) + '\n';
}
