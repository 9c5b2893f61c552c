/**
 * Opt-in phase timer (ROLLGATE_TIMINGS=1): `check` prints one JSON line of phase durations in
 * milliseconds to stderr, for bench/run.mjs. Off by default, so the normal path only pays for a
 * few `performance.now()` calls.
 */
export type Phase = 'discover' | 'parse' | 'schema' | 'graph' | 'facts' | 'policy' | 'report';

export class PhaseTimer {
  private readonly totals = new Map<Phase, number>();
  private last = performance.now();
  private readonly started = this.last;
  /** Time from process start to the timer's creation: node start-up and module imports. */
  private readonly startup = this.last;

  /** Charge the time since the previous mark to `phase`. */
  mark(phase: Phase): void {
    const now = performance.now();
    this.totals.set(phase, (this.totals.get(phase) ?? 0) + now - this.last);
    this.last = now;
  }

  /** `{"timings":{...ms},"startupMs":n,"totalMs":n}` with phases in pipeline order, rounded to 0.1 ms. */
  toJson(): string {
    const order: Phase[] = ['discover', 'parse', 'schema', 'graph', 'facts', 'policy', 'report'];
    const timings: Record<string, number> = {};
    for (const p of order) timings[p] = Math.round((this.totals.get(p) ?? 0) * 10) / 10;
    const round = (ms: number) => Math.round(ms * 10) / 10;
    return JSON.stringify({ timings, startupMs: round(this.startup), totalMs: round(performance.now() - this.started) });
  }
}

/** The timer when ROLLGATE_TIMINGS is set (not empty, not 0), else undefined. */
export function timerFromEnv(env: NodeJS.ProcessEnv = process.env): PhaseTimer | undefined {
  const v = env.ROLLGATE_TIMINGS;
  return v && v !== '0' ? new PhaseTimer() : undefined;
}
