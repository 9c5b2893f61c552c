import type { ReviewGraph, ReviewNode } from './model.js';
import { esc, n } from './format.js';
import { compareText } from '../../compare-text.js';

const NODE_W = 150;
const NODE_H = 46;
const GAP_X = 26;
const GAP_Y = 64;
const MARGIN = 20;

export interface Placed {
  node: ReviewNode;
  x: number;
  y: number;
}

/**
 * A layered layout (Sugiyama-style, kept small): dependents above their dependencies, each layer
 * ordered by the barycentre of its neighbours over a few sweeps. Deterministic: ties keep name order.
 */
export function layoutGraph(graph: ReviewGraph): { placed: Placed[]; width: number; height: number } {
  const deps = new Map<string, string[]>(graph.nodes.map((v) => [v.name, []]));
  const users = new Map<string, string[]>(graph.nodes.map((v) => [v.name, []]));
  for (const e of graph.edges) {
    deps.get(e.from)?.push(e.to);
    users.get(e.to)?.push(e.from);
  }
  // Depth = longest path down to a service with no dependency in the subgraph (cycles cut).
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const depthOf = (name: string): number => {
    const known = depth.get(name);
    if (known !== undefined) return known;
    if (visiting.has(name)) return 0;
    visiting.add(name);
    const d = Math.max(-1, ...(deps.get(name) ?? []).map(depthOf)) + 1;
    visiting.delete(name);
    depth.set(name, d);
    return d;
  };
  for (const v of graph.nodes) depthOf(v.name);
  const maxDepth = Math.max(0, ...depth.values());
  const layers: string[][] = Array.from({ length: maxDepth + 1 }, () => []);
  for (const v of graph.nodes) layers[maxDepth - depth.get(v.name)!]!.push(v.name);

  const position = new Map<string, number>();
  const index = () => layers.forEach((layer) => layer.forEach((name, i) => position.set(name, i - (layer.length - 1) / 2)));
  index();
  const bary = (name: string, neighbours: string[]) => {
    const ps = neighbours.map((m) => position.get(m)).filter((p): p is number => p !== undefined);
    return ps.length === 0 ? position.get(name)! : ps.reduce((a, b) => a + b, 0) / ps.length;
  };
  for (let sweep = 0; sweep < 4; sweep++) {
    const down = sweep % 2 === 0;
    const order = down ? layers.keys() : [...layers.keys()].reverse();
    for (const l of order) {
      const layer = layers[l]!;
      const key = new Map(layer.map((name) => [name, bary(name, down ? (users.get(name) ?? []) : (deps.get(name) ?? []))]));
      layer.sort((a, b) => key.get(a)! - key.get(b)! || compareText(a, b));
      index();
    }
  }

  const widest = Math.max(1, ...layers.map((l) => l.length));
  const width = MARGIN * 2 + widest * NODE_W + (widest - 1) * GAP_X;
  const height = MARGIN * 2 + layers.length * NODE_H + (layers.length - 1) * GAP_Y;
  const byName = new Map(graph.nodes.map((v) => [v.name, v]));
  const placed = layers.flatMap((layer, l) => {
    const rowWidth = layer.length * NODE_W + (layer.length - 1) * GAP_X;
    const left = (width - rowWidth) / 2;
    return layer.map((name, i) => ({ node: byName.get(name)!, x: left + i * (NODE_W + GAP_X), y: MARGIN + l * (NODE_H + GAP_Y) }));
  });
  return { placed, width, height };
}

/** The plan's dependency subgraph: changed services filled, wave numbers in badges, arrows dependent → dependency. */
export function graphSvg(graph: ReviewGraph, id: string, title: string): string {
  if (graph.nodes.length === 0) return '';
  const { placed, width, height } = layoutGraph(graph);
  const at = new Map(placed.map((p) => [p.node.name, p]));
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="graph" viewBox="0 0 ${n(width)} ${n(height)}" width="${n(width)}" height="${n(height)}" role="img" aria-labelledby="${id}-title">`);
  out.push(`<title id="${id}-title">${esc(title)}</title>`);
  out.push(`<defs><marker id="${id}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#78909c"/></marker></defs>`);
  for (const e of graph.edges) {
    const a = at.get(e.from);
    const b = at.get(e.to);
    if (!a || !b) continue;
    const x1 = a.x + NODE_W / 2;
    const x2 = b.x + NODE_W / 2;
    const down = b.y > a.y;
    const y1 = down ? a.y + NODE_H : a.y;
    const y2 = down ? b.y : b.y + NODE_H;
    const bend = (y2 - y1) / 2;
    out.push(`<path class="edge" d="M${n(x1)},${n(y1)} C${n(x1)},${n(y1 + bend)} ${n(x2)},${n(y2 - bend)} ${n(x2)},${n(y2)}" fill="none" stroke="#90a4ae" stroke-width="1.4" marker-end="url(#${id}-arrow)"><title>${esc(`${e.from} depends on ${e.to}`)}</title></path>`);
  }
  for (const p of placed) {
    const v = p.node;
    const fill = !v.known ? '#fff5f5' : v.changed ? '#1e88e5' : '#ffffff';
    const stroke = !v.known ? '#c62828' : v.changed ? '#1565c0' : '#b0bec5';
    const text = v.changed && v.known ? '#ffffff' : '#263238';
    const sub = !v.known ? 'not in catalogue' : `tier ${v.tier ?? 3}${v.changed ? ' · changed' : ' · dependent'}`;
    out.push(`<g class="node${v.changed ? ' changed' : ''}" data-service="${esc(v.name)}">`);
    out.push(`<rect x="${n(p.x)}" y="${n(p.y)}" width="${NODE_W}" height="${NODE_H}" rx="8" fill="${fill}" stroke="${stroke}" stroke-width="1.5"${v.known ? '' : ' stroke-dasharray="5 3"'}/>`);
    out.push(`<text x="${n(p.x + NODE_W / 2)}" y="${n(p.y + 20)}" text-anchor="middle" font-size="13" font-weight="600" fill="${text}">${esc(v.name)}</text>`);
    out.push(`<text x="${n(p.x + NODE_W / 2)}" y="${n(p.y + 36)}" text-anchor="middle" font-size="10.5" fill="${v.changed && v.known ? '#e3f2fd' : '#78909c'}">${esc(sub)}</text>`);
    v.waves.forEach((w, i) => {
      const cx = p.x + NODE_W - 4 - i * 22;
      out.push(`<circle cx="${n(cx)}" cy="${n(p.y + 2)}" r="10" fill="#ff8f00" stroke="#fff" stroke-width="2"/><text x="${n(cx)}" y="${n(p.y + 6)}" text-anchor="middle" font-size="11" font-weight="700" fill="#fff">${w}<title>wave ${w}</title></text>`);
    });
    out.push(`</g>`);
  }
  out.push(`</svg>`);
  return out.join('\n');
}
