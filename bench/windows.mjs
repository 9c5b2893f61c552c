#!/usr/bin/env node
// Window-check benchmark: generated (seeded) services, 10 change calendars and N rollout plans.
// Measures the window facts (calendar expansion, timelines, cross-plan overlap sweep, per-plan
// facts) and the full `check` pipeline (every rule through the compiled WASM), as plans double.
// Run with `npm run bench:windows` (builds first). Usage: node bench/windows.mjs [maxPlans]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => import(path.join(root, 'dist', 'src', p));
const { WindowRun } = await dist('facts/window-facts.js');
const { DependencyGraph } = await dist('graph/dependency-graph.js');
const { check } = await dist('check/check.js');
const { defaultBundleDir, loadBundle } = await dist('policy/runtime.js');

// mulberry32: small, seeded, deterministic.
function rng(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REGIONS = ['eu-west-1', 'us-east-1', 'ap-south-1'];
const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'UTC', 'Europe/London'];
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function generate(nPlans, seed = 42) {
  const r = rng(seed);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const services = [];
  for (let i = 0; i < 200; i++) {
    const deps = i > 0 ? [...new Set([0, 1].map(() => `svc-${Math.floor(r() * i)}`))] : [];
    services.push({
      apiVersion: 'rollgate.dev/v1', kind: 'Service', metadata: { name: `svc-${i}` },
      spec: { owner: 'team', tier: 1 + Math.floor(r() * 3), version: '1.0.0', regions: REGIONS.slice(0, 1 + Math.floor(r() * 2)), dependsOn: deps },
    });
  }
  const calendars = [];
  for (let c = 0; c < 10; c++) {
    const zone = pick(ZONES);
    calendars.push({
      apiVersion: 'rollgate.dev/v1', kind: 'ChangeCalendar', metadata: { name: `cal-${c}` },
      spec: {
        timeZone: zone,
        windows: [
          { name: 'weekly', scope: { regions: [pick(REGIONS)] }, weekly: [{ days: DAYS.filter(() => r() < 0.6), start: '20:00', duration: '6h' }] },
          { name: 'monthly', scope: { regions: [pick(REGIONS)] }, rrule: 'FREQ=MONTHLY;BYDAY=SA;BYSETPOS=1', start: '02:00', duration: '6h' },
        ].filter((w) => !w.weekly || w.weekly[0].days.length > 0),
        freezes: [{ name: 'freeze', start: `2026-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-10T00:00`, end: `2026-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-20T00:00`, scope: { tiers: [1] } }],
      },
    });
  }
  const plans = [];
  const year = Date.UTC(2026, 0, 1) / 1000;
  for (let p = 0; p < nPlans; p++) {
    const start = year + Math.floor(r() * 365 * 96) * 900;
    const steps = [];
    for (let s = 0, n = 1 + Math.floor(r() * 3); s < n; s++) {
      steps.push({ id: `s${s}`, service: `svc-${Math.floor(r() * 200)}`, to: '1.1.0', stages: [{ traffic: 10, bake: '20m' }, { traffic: 100, bake: '10m' }], rollback: { duration: '15m' } });
    }
    plans.push({
      apiVersion: 'rollgate.dev/v1', kind: 'RolloutPlan', metadata: { name: `plan-${p}` },
      spec: { owner: 'team', timeZone: pick(ZONES), start: new Date(start * 1000).toISOString().slice(0, 16) + 'Z', end: new Date((start + 4 * 3600) * 1000).toISOString().slice(0, 16) + 'Z', overrun: 'abort', steps },
    });
  }
  return { services, calendars, plans };
}

function timeFacts({ services, calendars, plans }) {
  const t0 = performance.now();
  const svc = new Map(services.map((s) => [s.metadata.name, s]));
  const run = new WindowRun(new Map(plans.map((p) => [p.metadata.name, p])), new Map(calendars.map((c) => [c.metadata.name, c])), svc, new DependencyGraph(svc));
  let overlaps = 0;
  for (const p of plans) overlaps += run.planFacts(p.metadata.name).timeline?.overlaps.length ?? 0;
  return { ms: performance.now() - t0, overlaps };
}

async function timeCheck(data, bundle) {
  const dir = mkdtempSync(path.join(tmpdir(), 'rollgate-bench-'));
  try {
    const all = [...data.services, ...data.calendars, ...data.plans];
    writeFileSync(path.join(dir, 'all.yaml'), all.map((d) => JSON.stringify(d)).join('\n---\n'));
    const t0 = performance.now();
    const report = await check({ paths: [dir], cwd: dir, nowEpoch: Date.UTC(2025, 11, 1) / 1000, paramOverrides: {}, bundle, readStdin: async () => '', version: 'bench' });
    const windowFindings = report.findings.filter((f) => f.ruleId.startsWith('window/')).length;
    return { ms: performance.now() - t0, windowFindings };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const max = Number(process.argv[2] ?? 4000);
const bundle = await loadBundle(defaultBundleDir());
timeFacts(generate(100)); // warm up
const rows = [];
for (let n = 250; n <= max; n *= 2) {
  const data = generate(n);
  // Median of three runs: single runs at this size are dominated by GC noise.
  const runs = [timeFacts(data), timeFacts(data), timeFacts(data)].sort((a, b) => a.ms - b.ms);
  const facts = runs[1];
  const full = await timeCheck(data, bundle);
  rows.push({ plans: n, calendars: 10, 'window facts ms': facts.ms.toFixed(0), 'µs/plan': ((facts.ms * 1000) / n).toFixed(0), overlaps: facts.overlaps, 'full check ms': full.ms.toFixed(0), 'window findings': full.windowFindings });
}
console.table(rows);
for (let i = 1; i < rows.length; i++) {
  const ratio = Number(rows[i]['window facts ms']) / Math.max(1, Number(rows[i - 1]['window facts ms']));
  console.log(`${rows[i - 1].plans} -> ${rows[i].plans} plans: window facts x${ratio.toFixed(2)} (linear = x2.00; n log n ≈ x2.1)`);
}
