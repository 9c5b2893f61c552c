import type { Step } from '../model/documents.js';

/** A structural problem of a plan's step graph, reported by the loader as input/schema. */
export interface StepGraphProblem {
  path: string;
  message: string;
}

/** The plan's steps as a DAG: resolved predecessors and transitive ancestors per step index. */
export interface StepDag {
  /** Resolved `after` of each step, as step indexes (FORMAT.md: absent = the previous step). */
  after: number[][];
  /** All steps that finish before each step starts, as sorted step indexes. */
  ancestors: number[][];
  /** Topological layers (waves of steps that may run at the same time). */
  waves: number[][];
  indexById: Map<string, number>;
}

/**
 * Resolve `after` and check the step graph: duplicate ids, unknown references and cycles are
 * problems (the DAG is then built without the offending edges so the rest can still be checked).
 */
export function buildStepDag(steps: Step[]): { dag: StepDag; problems: StepGraphProblem[] } {
  const problems: StepGraphProblem[] = [];
  const indexById = new Map<string, number>();
  steps.forEach((step, i) => {
    if (indexById.has(step.id)) {
      problems.push({ path: `/spec/steps/${i}/id`, message: `step id '${step.id}' is used twice in this plan: ids must be unique so that 'after' can name a step` });
    } else indexById.set(step.id, i);
  });
  const after = steps.map((step, i) => {
    if (step.after === undefined) return i === 0 ? [] : [i - 1];
    const resolved: number[] = [];
    step.after.forEach((ref, j) => {
      const target = indexById.get(ref);
      if (target === undefined) {
        problems.push({ path: `/spec/steps/${i}/after/${j}`, message: `step '${step.id}' runs after '${ref}', but this plan has no step with that id` });
      } else if (target === i) {
        problems.push({ path: `/spec/steps/${i}/after/${j}`, message: `step '${step.id}' cannot run after itself` });
      } else if (!resolved.includes(target)) resolved.push(target);
    });
    return resolved.sort((a, b) => a - b);
  });

  let { waves, placed } = kahnWaves(after);
  if (placed.size < steps.length) {
    const stuck = steps.flatMap((s, i) => (placed.has(i) ? [] : [s.id]));
    const first = steps.findIndex((_, i) => !placed.has(i));
    problems.push({ path: `/spec/steps/${first}/after`, message: `steps ${stuck.map((s) => `'${s}'`).join(', ')} wait for each other in a cycle through 'after', so none of them can start: make one of them run first` });
    // Cut the cycle (drop predecessors among the stuck steps) so every step still gets a wave.
    for (const i of steps.keys()) if (!placed.has(i)) after[i] = after[i]!.filter((p) => placed.has(p));
    ({ waves } = kahnWaves(after));
  }
  return { dag: { after, ancestors: ancestorsOf(after, waves), waves, indexById }, problems };
}

/** Kahn's algorithm: topological layers; steps on a cycle are never placed. */
function kahnWaves(after: number[][]): { waves: number[][]; placed: Set<number> } {
  const inDegree = after.map((a) => a.length);
  const successors: number[][] = after.map(() => []);
  after.forEach((preds, i) => preds.forEach((p) => successors[p]!.push(i)));
  const waves: number[][] = [];
  const placed = new Set<number>();
  let current = inDegree.flatMap((d, i) => (d === 0 ? [i] : []));
  while (current.length > 0) {
    waves.push(current);
    current.forEach((i) => placed.add(i));
    const next: number[] = [];
    for (const i of current) for (const s of successors[i]!) if (--inDegree[s]! === 0) next.push(s);
    current = next.sort((a, b) => a - b);
  }
  return { waves, placed };
}

/** Transitive predecessors, computed wave by wave so each step's set is built once. */
function ancestorsOf(after: number[][], waves: number[][]): number[][] {
  const sets: Set<number>[] = after.map(() => new Set());
  for (const wave of waves) {
    for (const i of wave) {
      for (const p of after[i]!) {
        sets[i]!.add(p);
        for (const a of sets[p]!) sets[i]!.add(a);
      }
    }
  }
  return sets.map((s) => [...s].sort((a, b) => a - b));
}
