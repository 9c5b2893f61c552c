import Graph from 'graphology';
import { stronglyConnectedComponents } from 'graphology-components';
import type { ServiceDoc } from '../model/documents.js';
import { NeedIndex } from './need-index.js';
import { compareText } from '../compare-text.js';

/** Why service `from` depends on service `to`: the entry of `from` that creates the edge. */
export interface EdgeReason {
  from: string;
  to: string;
  via: 'consumes' | 'dependsOn';
  index: number;
  api?: string;
}

export interface Cycle {
  services: string[];
  edges: EdgeReason[];
}

/**
 * The service dependency graph of FORMAT.md: A → B when A consumes an API that B provides or
 * lists B in dependsOn. Nodes are the valid Service documents; references to unknown services or
 * APIs make no edge (graph/unknown-* rules report them).
 */
export class DependencyGraph {
  readonly graph = new Graph.DirectedGraph<Record<string, never>, { reasons: EdgeReason[] }>();
  /** API name → services providing it, sorted. */
  readonly providers = new Map<string, string[]>();
  private readonly dependentsMemo = new Map<string, number>();
  // Neighbour lists are asked for per plan and per step; the graph does not change after it is built.
  private readonly outMemo = new Map<string, readonly string[]>();
  private readonly inMemo = new Map<string, readonly string[]>();
  private needIndex: NeedIndex | undefined;

  constructor(private readonly services: Map<string, ServiceDoc>) {
    const names = [...services.keys()].sort();
    for (const name of names) this.graph.addNode(name);
    for (const name of names) {
      for (const p of services.get(name)!.spec.provides ?? []) {
        const list = this.providers.get(p.api) ?? [];
        if (!list.includes(name)) list.push(name);
        this.providers.set(p.api, list);
      }
    }
    for (const list of this.providers.values()) list.sort();
    for (const name of names) {
      const spec = services.get(name)!.spec;
      (spec.consumes ?? []).forEach((c, index) => {
        for (const provider of this.providers.get(c.api) ?? []) {
          if (provider !== name) this.addReason({ from: name, to: provider, via: 'consumes', index, api: c.api });
        }
      });
      (spec.dependsOn ?? []).forEach((dep, index) => {
        if (services.has(dep)) this.addReason({ from: name, to: dep, via: 'dependsOn', index });
      });
    }
  }

  private addReason(reason: EdgeReason): void {
    const existing = this.graph.hasDirectedEdge(reason.from, reason.to)
      ? this.graph.getDirectedEdgeAttributes(reason.from, reason.to)
      : undefined;
    if (existing) existing.reasons.push(reason);
    else this.graph.addDirectedEdgeWithKey(`${reason.from}->${reason.to}`, reason.from, reason.to, { reasons: [reason] });
  }

  /** Direct dependencies (out-neighbours) and dependents (in-neighbours), sorted. */
  dependencies(service: string): readonly string[] {
    return this.neighbours(this.outMemo, service, 'out');
  }

  dependents(service: string): readonly string[] {
    return this.neighbours(this.inMemo, service, 'in');
  }

  private neighbours(memo: Map<string, readonly string[]>, service: string, side: 'in' | 'out'): readonly string[] {
    let list = memo.get(service);
    if (!list) {
      if (!this.graph.hasNode(service)) return [];
      list = Object.freeze((side === 'in' ? this.graph.inNeighbors(service) : this.graph.outNeighbors(service)).sort());
      memo.set(service, list);
    }
    return list;
  }

  /** The catalogue's `consumes` entries indexed by provider and range (built on first use). */
  get needs(): NeedIndex {
    this.needIndex ??= new NeedIndex(this.services, this.providers);
    return this.needIndex;
  }

  /** Number of services that depend on `service`, directly or not (memoised). */
  transitiveDependentCount(service: string): number {
    let count = this.dependentsMemo.get(service);
    if (count === undefined) {
      count = this.dependentsNearestFirst([service]).length;
      this.dependentsMemo.set(service, count);
    }
    return count;
  }

  /**
   * Every service that depends on one of `services`, directly or not, nearest first: breadth-first
   * on the reversed edges, each distance in name order. The `services` themselves are left out.
   */
  dependentsNearestFirst(services: Iterable<string>): string[] {
    const reached = new Set(services);
    const out: string[] = [];
    let level = [...reached].sort(compareText);
    while (level.length > 0) {
      const next = new Set<string>();
      for (const name of level) for (const d of this.dependents(name)) if (!reached.has(d)) next.add(d);
      level = [...next].sort(compareText);
      for (const d of level) reached.add(d);
      out.push(...level);
    }
    return out;
  }

  /** A shortest dependency path from `from` to `to` (following edges), or undefined. */
  path(from: string, to: string): string[] | undefined {
    if (!this.graph.hasNode(from) || !this.graph.hasNode(to) || from === to) return undefined;
    return this.pathsFrom(from, new Set([to])).get(to);
  }

  /**
   * Shortest paths from `from` to each of `targets` that it reaches, in one breadth-first search
   * (neighbours in name order, so each path is the one `path` gives). For a plan's step pairs this
   * is one search per step instead of one per pair.
   */
  pathsFrom(from: string, targets: Set<string>): Map<string, string[]> {
    const found = new Map<string, string[]>();
    if (!this.graph.hasNode(from)) return found;
    const wanted = new Set([...targets].filter((t) => t !== from && this.graph.hasNode(t)));
    const previous = new Map<string, string>([[from, from]]);
    const queue = [from];
    for (let head = 0; head < queue.length && wanted.size > 0; head++) {
      const current = queue[head]!;
      for (const next of this.dependencies(current)) {
        if (previous.has(next)) continue;
        previous.set(next, current);
        if (wanted.delete(next)) {
          const result = [next];
          let at = next;
          while (at !== from) {
            at = previous.get(at)!;
            result.push(at);
          }
          found.set(next, result.reverse());
        }
        queue.push(next);
      }
    }
    return found;
  }

  /**
   * One cycle per strongly connected group of services (listing every elementary cycle can be
   * exponential; one concrete path per group is what a user needs to break it).
   */
  cycles(): Cycle[] {
    const cycles: Cycle[] = [];
    for (const component of stronglyConnectedComponents(this.graph)) {
      if (component.length < 2) continue;
      const members = new Set(component);
      const start = [...component].sort()[0]!;
      const services = this.cycleThrough(start, members);
      if (!services) continue;
      const edges = services.slice(0, -1).map((from, i) => {
        const to = services[i + 1]!;
        return this.graph.getDirectedEdgeAttributes(from, to).reasons[0]!;
      });
      cycles.push({ services, edges });
    }
    return cycles.sort((a, b) => (a.services[0]! < b.services[0]! ? -1 : 1));
  }

  /** A path start → … → start inside `members` (BFS back to the start node). */
  private cycleThrough(start: string, members: Set<string>): string[] | undefined {
    const previous = new Map<string, string>();
    const queue = [start];
    for (let head = 0; head < queue.length; head++) {
      const current = queue[head]!;
      for (const next of this.dependencies(current)) {
        if (!members.has(next)) continue;
        if (next === start) {
          const result = [start];
          let at = current;
          while (at !== start) {
            result.unshift(at);
            at = previous.get(at)!;
          }
          result.unshift(start);
          return result;
        }
        if (previous.has(next)) continue;
        previous.set(next, current);
        queue.push(next);
      }
    }
    return undefined;
  }
}
