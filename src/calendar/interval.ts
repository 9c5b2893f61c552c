/** A half-open interval [start, end) in epoch seconds (FORMAT.md: all intervals are half-open). */
export interface Interval {
  start: number;
  end: number;
}

/** Sorted, disjoint union of intervals; touching intervals merge ([1,2) + [2,3) = [1,3)). */
export function mergeIntervals(list: Interval[]): Interval[] {
  const sorted = [...list].filter((i) => i.end > i.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ ...i });
  }
  return out;
}

/** Parts of `target` not covered by `cover` (sorted, disjoint). */
export function subtract(target: Interval, cover: Interval[]): Interval[] {
  const out: Interval[] = [];
  let cursor = target.start;
  for (const c of cover) {
    if (c.end <= cursor) continue;
    if (c.start >= target.end) break;
    if (c.start > cursor) out.push({ start: cursor, end: c.start });
    cursor = Math.max(cursor, c.end);
    if (cursor >= target.end) break;
  }
  if (cursor < target.end) out.push({ start: cursor, end: target.end });
  return out;
}

/** Sorted disjoint intervals intersecting `q`, found by binary search. */
export function intersecting(sorted: Interval[], q: Interval): Interval[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.end <= q.start) lo = mid + 1;
    else hi = mid;
  }
  const out: Interval[] = [];
  for (let i = lo; i < sorted.length && sorted[i]!.start < q.end; i++) out.push(sorted[i]!);
  return out;
}
