#!/usr/bin/env node
// Seeded generator of realistic rollgate workloads, for benchmarks and fuzzing.
//
//   node bench/generate.mjs --services N --plans M --seed S --out DIR [--cycles K] [--clean]
//
// Writes DIR/services/<name>.yaml (one Service each), DIR/calendars.yaml (several ChangeCalendars)
// and DIR/plans/<name>.yaml (one RolloutPlan each). Every document is schema-valid: problems are
// injected only at the policy level (graph, readiness, window, contract, rollback families), never
// as input/* findings. Same arguments, same bytes.
//
// The dependency graph has a few hubs and many leaves: service i depends on earlier services
// chosen with a bias towards the lowest indices (preferential attachment), so it is acyclic unless
// --cycles K adds K back edges. Plans change a service and some of its neighbours, 1-10 steps.
import fs from "node:fs";
import path from "node:path";
import { stringify } from "yaml";

// --- arguments -------------------------------------------------------------------------------

function parseArgs(argv) {
  const opts = { services: 50, plans: 5, seed: 1, out: undefined, cycles: 0, clean: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) usage(`${arg} needs a value`);
      return v;
    };
    if (arg === "--services") opts.services = int(value(), arg);
    else if (arg === "--plans") opts.plans = int(value(), arg);
    else if (arg === "--seed") opts.seed = int(value(), arg);
    else if (arg === "--cycles") opts.cycles = int(value(), arg);
    else if (arg === "--out") opts.out = value();
    else if (arg === "--clean") opts.clean = true;
    else if (arg === "--help" || arg === "-h") usage();
    else usage(`unknown argument '${arg}'`);
  }
  if (!opts.out) usage("--out DIR is required");
  if (opts.services < 1) usage("--services must be at least 1");
  return opts;
}

function int(text, flag) {
  if (!/^\d+$/.test(text)) usage(`${flag} takes a whole number, got '${text}'`);
  return Number(text);
}

function usage(message) {
  if (message) console.error(`generate: ${message}`);
  console.error("usage: node bench/generate.mjs --services N --plans M --seed S --out DIR [--cycles K] [--clean]");
  process.exit(message ? 2 : 0);
}

// --- seeded randomness (mulberry32) -------------------------------------------------------------

export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

// --- vocabulary ---------------------------------------------------------------------------------

const DOMAINS = ["payments", "ledger", "auth", "catalog", "search", "orders", "billing", "shipping", "inventory", "pricing", "profile", "notify", "media", "reviews", "fraud", "tax", "cart", "checkout", "gateway", "reports"];
const ROLES = ["api", "worker", "gateway", "indexer", "sync", "web", "store", "feed"];
const TEAMS = ["team-money", "team-core", "team-growth", "team-platform", "team-data", "team-edge", "team-ops"];
const PEOPLE = ["alice", "bob", "carol", "dan", "erin", "frank", "grace", "heidi", "ivan", "judy"];
const REGIONS = ["eu-west-1", "us-east-1", "ap-southeast-1"];
const METRICS = ["error_rate", "latency_p99", "saturation", "success_rate"];
const NOW = Date.parse("2026-03-10T12:00:00Z");
const DAY = 86_400_000;

const iso = (ms) => new Date(ms).toISOString().replace(/\.000Z$/, "Z");
const version = (r, major = r.int(1, 5)) => `${major}.${r.int(0, 20)}.${r.int(0, 30)}`;

// --- services -----------------------------------------------------------------------------------

/** Services with a preferential-attachment dependency graph: edges only to earlier services. */
export function generateServices(r, count, cycles = 0) {
  const services = [];
  for (let i = 0; i < count; i++) {
    const name = `${DOMAINS[i % DOMAINS.length]}-${ROLES[Math.floor(i / DOMAINS.length) % ROLES.length]}-${i}`;
    const major = r.int(1, 5);
    const apiVersion = version(r, major);
    const regions = r.chance(0.2) ? [...REGIONS] : r.chance(0.5) ? [REGIONS[0]] : [REGIONS[0], REGIONS[1]];
    services.push({
      name,
      index: i,
      tier: i < Math.max(2, count * 0.05) ? 1 : r.chance(0.3) ? 2 : 3,
      owner: r.pick(TEAMS),
      version: `${major}.${r.int(0, 20)}.${r.int(0, 9)}`,
      regions,
      datastores: r.chance(0.4) ? [`${name}-db`] : [],
      apis: [{ api: `${name}-api`, version: apiVersion, major }],
      consumes: [],
      dependsOn: [],
    });
  }
  // Fan-out 0-6 (most 1-3); targets biased to low indices so a few hubs get most of the fan-in.
  for (let i = 1; i < count; i++) {
    const s = services[i];
    const fanOut = Math.min(i, r.chance(0.15) ? 0 : r.chance(0.8) ? r.int(1, 3) : r.int(4, 6));
    const chosen = new Set();
    for (let k = 0; k < fanOut; k++) {
      const target = Math.floor(Math.pow(r.next(), 3) * i);
      if (chosen.has(target)) continue;
      chosen.add(target);
      addEdge(r, s, services[target]);
    }
  }
  for (let k = 0; k < cycles && count > 2; k++) {
    // A back edge from a low-index service to a higher one that (likely) depends on it.
    const from = services[r.int(0, Math.min(count - 2, 20))];
    const to = services[r.int(from.index + 1, count - 1)];
    from.dependsOn.push(to.name);
  }
  return services;
}

function addEdge(r, from, to) {
  if (r.chance(0.85)) {
    const api = to.apis[0];
    const range = r.chance(0.7) ? `^${api.major}.0.0` : `>=${api.major}.0.0 <${api.major + 1}.0.0`;
    from.consumes.push({ api: api.api, versions: range });
  } else from.dependsOn.push(to.name);
}

function serviceDoc(s) {
  const spec = {
    owner: s.owner,
    tier: s.tier,
    lifecycle: "production",
    version: s.version,
    regions: s.regions,
  };
  if (s.tier < 3 || s.index % 3 !== 0) spec.runbook = `https://runbooks.example/${s.name}`;
  if (s.tier < 3 || s.index % 4 !== 0) spec.oncall = `${s.name}-primary`;
  if (s.datastores.length) spec.datastores = s.datastores;
  spec.provides = s.apis.map((a) => ({ api: a.api, version: a.version }));
  if (s.consumes.length) spec.consumes = s.consumes;
  if (s.dependsOn.length) spec.dependsOn = [...new Set(s.dependsOn)];
  return { apiVersion: "rollgate.dev/v1", kind: "Service", metadata: { name: s.name, labels: { team: s.owner } }, spec };
}

// --- calendars ----------------------------------------------------------------------------------

export function generateCalendars(r, services) {
  const count = Math.max(1, Math.ceil(services.length / 2000));
  const calendars = [];
  for (let c = 0; c < count; c++) {
    calendars.push({
      apiVersion: "rollgate.dev/v1",
      kind: "ChangeCalendar",
      metadata: { name: c === 0 ? "platform" : `platform-${c}` },
      spec: {
        timeZone: "UTC",
        windows: [
          { name: "eu-weekly", timeZone: "Europe/Berlin", scope: { regions: ["eu-west-1"] }, weekly: [{ days: ["tue", "wed", "thu"], start: "20:00", duration: "6h" }] },
          { name: "us-weekly", timeZone: "America/New_York", scope: { regions: ["us-east-1"] }, weekly: [{ days: ["mon", "tue", "wed", "thu"], start: "21:00", duration: "5h" }] },
          { name: "ap-monthly", timeZone: "Asia/Singapore", scope: { regions: ["ap-southeast-1"] }, rrule: "FREQ=MONTHLY;BYDAY=SA;BYSETPOS=1", start: "02:00", duration: "6h" },
          { name: "tier3-daily", scope: { tiers: [3] }, rrule: "FREQ=DAILY;INTERVAL=1", start: "09:00", duration: "8h" },
          { name: `one-off-${c}`, timeZone: "Europe/Berlin", start: "2026-03-14T01:00", end: "2026-03-14T05:00" },
        ],
        freezes: [
          {
            name: "year-end-freeze",
            timeZone: "Europe/Berlin",
            start: "2026-12-15T00:00",
            end: "2027-01-05T00:00",
            scope: { tiers: [1, 2] },
            allowRollback: true,
            exceptions: [{ plan: "plan-0", approvedBy: "vp-eng", reason: "deadline agreed with the CAB" }],
          },
          {
            name: `hub-freeze-${c}`,
            start: "2026-03-12T00:00Z",
            end: "2026-03-13T00:00Z",
            scope: { services: services.slice(0, 3).map((s) => s.name) },
          },
        ],
      },
    });
  }
  return calendars;
}

// --- plans --------------------------------------------------------------------------------------

/**
 * The problems a plan can carry, by family. Each mutates a clean plan into one that a rule of that
 * family should (or may, depending on the rules present) flag, keeping it schema-valid.
 */
const PROBLEMS = {
  "readiness/missing-approval": (p) => { p.spec.approvals = []; },
  "readiness/self-approval": (p) => { const a = p.spec.approvals[0]; if (a) a.by = p.spec.author; },
  "readiness/stale-approval": (p) => { const a = p.spec.approvals[0]; if (a) a.at = iso(Date.parse(a.at) - 40 * DAY); },
  "readiness/missing-bake": (p) => { delete p.spec.steps[0].stages.at(-1).bake; },
  "readiness/gate-without-threshold": (p) => { const g = p.spec.steps[0].stages[0].gates?.[0]; if (g) delete g.max; },
  "readiness/gate-passes-on-no-data": (p) => { const g = p.spec.steps[0].stages[0].gates?.[0]; if (g) g.onNoData = "pass"; },
  "readiness/missing-runbook": (p) => { delete p.spec.readiness.runbook; },
  "readiness/missing-oncall": (p) => { delete p.spec.readiness.oncall; },
  "readiness/no-progressive-exposure": (p) => { p.spec.steps[0].stages = [{ name: "all", traffic: 100, bake: "30m", gates: [gate("error_rate")] }]; },
  "readiness/missing-canary-result": (p) => { p.spec.readiness.canaryResults = []; },
  "graph/unknown-service": (p) => { p.spec.steps.at(-1).service = "ghost-service"; },
  "graph/order-violation": (p) => { p.spec.steps.reverse(); for (const s of p.spec.steps) delete s.after; },
  "graph/parallel-dependents": (p) => { for (const s of p.spec.steps) s.after = []; },
  "window/in-freeze": (p) => { p.spec.start = "2026-12-16T20:00"; p.spec.end = "2026-12-17T02:00"; },
  "window/outside-window": (p) => { p.spec.start = "2026-03-16T10:00"; p.spec.end = "2026-03-16T16:00"; },
  "window/too-short": (p) => { p.spec.end = shiftLocal(p.spec.start, 10); },
  "contract/breaking-provider": (p) => { const s = p.spec.steps[0]; s.provides = [{ api: `${s.service}-api`, version: "99.0.0" }]; },
  "contract/unsatisfied-consumer": (p) => { const s = p.spec.steps.at(-1); s.consumes = [{ api: "payments-api-0-api", versions: "^42.0.0" }]; },
  "rollback/missing": (p) => { delete p.spec.steps[0].rollback; },
  "rollback/untested": (p) => { const rb = p.spec.steps[0].rollback; if (rb) rb.testedAt = "2025-01-01"; },
  "rollback/irreversible-migration": (p) => {
    p.spec.steps[0].migrations = [{ id: "drop-old", datastore: "main-db", phase: "contract", runs: "after", destructive: true, reversible: false, duration: "5m" }];
  },
};
export const PROBLEM_KINDS = Object.keys(PROBLEMS);

function shiftLocal(local, minutes) {
  const ms = Date.parse(`${local}Z`) + minutes * 60_000;
  return new Date(ms).toISOString().slice(0, 16);
}

function gate(metric) {
  return { metric, max: 0.01, for: "5m", onNoData: "fail" };
}

/** The services a plan changes: one service and some of its dependencies, dependencies first. */
function pickPlanServices(r, services, byName) {
  const size = r.int(1, 10);
  const root = services[r.int(0, services.length - 1)];
  const chosen = [root];
  const seen = new Set([root.name]);
  const frontier = [root];
  while (chosen.length < size && frontier.length > 0) {
    const s = frontier.shift();
    const deps = [...s.consumes.map((c) => c.api.slice(0, -4)), ...s.dependsOn];
    for (const d of deps) {
      const dep = byName.get(d);
      if (!dep || seen.has(d) || chosen.length >= size) continue;
      seen.add(d);
      chosen.push(dep);
      frontier.push(dep);
    }
    if (frontier.length === 0 && chosen.length < size) {
      const extra = services[r.int(0, services.length - 1)];
      if (!seen.has(extra.name)) { seen.add(extra.name); chosen.push(extra); frontier.push(extra); }
      else break;
    }
  }
  // Dependencies before dependents: lower index first (edges only go to lower indices).
  return chosen.sort((a, b) => a.index - b.index);
}

function stepFor(r, s, index, all) {
  const [maj, min, pat] = s.version.split(".").map(Number);
  const step = {
    id: `${s.name}-step`,
    service: s.name,
    to: `${maj}.${min + 1}.${pat}`,
    regions: s.regions.slice(0, r.int(1, s.regions.length)),
    strategy: r.pick(["canary", "rolling", "blueGreen"]),
    stages: [
      { name: "canary", traffic: 5, bake: "10m", gates: [gate(r.pick(METRICS)), gate("error_rate")] },
      { name: "half", traffic: 50, bake: "10m", gates: [gate("error_rate")] },
      { name: "full", traffic: 100, bake: "5m", gates: [gate("error_rate")] },
    ],
    rollback: {
      automatic: true,
      triggers: [{ metric: "error_rate", max: 0.02, for: "5m" }],
      procedure: `https://runbooks.example/${s.name}#rollback`,
      duration: "10m",
      testedAt: "2026-02-20",
    },
  };
  if (index > 0 && r.chance(0.3)) step.after = [all[r.int(0, index - 1)]];
  if (s.datastores.length && r.chance(0.5)) {
    step.migrations = [{ id: `expand-${index}`, datastore: s.datastores[0], phase: "expand", runs: "before", destructive: false, reversible: true, down: `db/${index}.down.sql`, duration: "5m" }];
  }
  if (r.chance(0.3)) step.flags = [{ name: `${s.name}-flag`, default: false, killSwitch: true }];
  return step;
}

export function generatePlans(r, services, count, clean = false) {
  const byName = new Map(services.map((s) => [s.name, s]));
  const plans = [];
  for (let i = 0; i < count; i++) {
    const chosen = pickPlanServices(r, services, byName);
    const ids = chosen.map((s) => `${s.name}-step`);
    const steps = chosen.map((s, k) => stepFor(r, s, k, ids));
    const author = r.pick(PEOPLE);
    const others = PEOPLE.filter((p) => p !== author);
    const day = 15 + 7 * r.int(0, 6) + r.int(1, 3); // a Tuesday to Thursday, weeks after --now
    const startMs = Date.parse("2026-03-10T00:00:00Z") + (day - 10) * DAY;
    const date = iso(startMs).slice(0, 10);
    const plan = {
      apiVersion: "rollgate.dev/v1",
      kind: "RolloutPlan",
      metadata: { name: `plan-${i}` },
      spec: {
        owner: chosen[0].owner,
        author,
        change: `CHG-${1000 + i}`,
        environment: "production",
        calendar: "platform",
        timeZone: "Europe/Berlin",
        start: `${date}T20:00`,
        end: `${date}T23:59`,
        overrun: "abort",
        approvals: [
          { role: "engineering", by: r.pick(others), at: iso(startMs - DAY) },
          { role: "sre", by: r.pick(others), at: iso(startMs - DAY + 3600_000) },
        ],
        readiness: {
          runbook: `https://runbooks.example/plans/plan-${i}`,
          oncall: `${chosen[0].name}-primary`,
          backups: chosen.flatMap((s) => s.datastores.map((d) => ({ datastore: d, verifiedAt: iso(startMs - 3600_000) }))),
          canaryResults: steps.map((s) => ({ service: s.service, version: s.to, environment: "staging", passed: true, at: iso(startMs - 2 * DAY) })),
        },
        steps,
      },
    };
    // About half the plans carry 1-3 problems, cycling through every family.
    if (r.chance(0.5) && !clean) {
      const n = r.int(1, 3);
      for (let k = 0; k < n; k++) PROBLEMS[r.pick(PROBLEM_KINDS)](plan);
    }
    plans.push(plan);
  }
  return plans;
}

// --- output -------------------------------------------------------------------------------------

export function generate({ services: n, plans: m, seed, cycles = 0, clean = false }) {
  const r = rng(seed);
  const services = generateServices(r, n, cycles);
  const calendars = generateCalendars(r, services);
  const plans = generatePlans(r, services, m, clean);
  return { services: services.map(serviceDoc), calendars, plans };
}

function write(out, org) {
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(path.join(out, "services"), { recursive: true });
  fs.mkdirSync(path.join(out, "plans"), { recursive: true });
  const yaml = (doc) => stringify(doc, { lineWidth: 0 });
  for (const s of org.services) fs.writeFileSync(path.join(out, "services", `${s.metadata.name}.yaml`), yaml(s));
  fs.writeFileSync(path.join(out, "calendars.yaml"), org.calendars.map(yaml).join("---\n"));
  for (const p of org.plans) fs.writeFileSync(path.join(out, "plans", `${p.metadata.name}.yaml`), yaml(p));
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("generate.mjs")) {
  const opts = parseArgs(process.argv.slice(2));
  const org = generate(opts);
  write(opts.out, org);
  console.error(`generate: ${org.services.length} services, ${org.calendars.length} calendars, ${org.plans.length} plans in ${opts.out}`);
}
