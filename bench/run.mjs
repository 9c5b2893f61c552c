#!/usr/bin/env node
// Benchmark: `rollgate check` as a whole process on generated organisations of growing size, side
// by side with the same Rego rules evaluated on the same facts by `opa eval` and `conftest test`.
//
//   npm run bench                      50, 500, 5,000, 10,000 and 20,000 services (1 plan / 10)
//   npm run bench -- --quick           a smaller set (50 .. 2,000 services)
//   npm run bench -- --sizes 50,1000   chosen sizes
//   npm run bench -- --json out.json   also write the raw figures
//
// For each size: generate (bench/generate.mjs, fixed seed), run rollgate with ROLLGATE_TIMINGS=1
// (phase durations) and measure wall time and peak RSS of the child; run it once more with
// ROLLGATE_DUMP_INPUT to get the policy data and every evaluation's input, then time
//   opa eval   -d policies -d data.json -d inputs   (one process, every input via `with input as`)
//   conftest   test --policy policies --policy bench/conftest --data data.json inputs/*.json
// and check that all three engines return the same number of findings. Plus the pre-commit case:
// one plan against 50 services, median of several runs, and `opa eval --input` on that plan.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BIN = path.join(root, "dist", "src", "bin", "rollgate.js");
const OPA = path.join(root, ".tools", "bin", "opa");
const CONFTEST = path.join(root, ".tools", "bin", "conftest");
const NOW = "2026-03-10T12:00:00Z";
const SEED = 42;
// Rego files only: fixtures (YAML), capabilities.json and unit tests are not rules (as in scripts/test-policies.mjs).
const OPA_IGNORE = ["--ignore", "fixtures", "--ignore", "capabilities.json", "--ignore", "*_test.rego"];
const FULL = [50, 500, 5000, 10000, 20000];
const QUICK = [50, 250, 500, 1000, 2000];

function parseArgs(argv) {
  const opts = { sizes: FULL, json: undefined, repeat: 5, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--quick") opts.sizes = QUICK;
    else if (a === "--sizes") opts.sizes = argv[++i].split(",").map(Number);
    else if (a === "--json") opts.json = argv[++i];
    else if (a === "--repeat") opts.repeat = Number(argv[++i]);
    else if (a === "--keep") opts.keep = true;
    else {
      console.error(`bench: unknown argument '${a}'`);
      process.exit(2);
    }
  }
  return opts;
}

// --- measuring a child process ------------------------------------------------------------------

const HAS_GNU_TIME = fs.existsSync("/usr/bin/time") && spawnSync("/usr/bin/time", ["-f", "%M", "true"]).status === 0;

/**
 * Run a command; wall time (ms) and peak RSS (MiB) of the child. GNU time's %M when present,
 * else VmHWM polled from /proc every 10 ms (a lower bound, close for runs longer than that).
 */
function measure(cmd, args, { env = {}, cwd = root } = {}) {
  return new Promise((resolve, reject) => {
    const marker = "__BENCH_RSS_KB__";
    const [file, argv] = HAS_GNU_TIME ? ["/usr/bin/time", ["-f", `${marker}%M`, cmd, ...args]] : [cmd, args];
    const started = process.hrtime.bigint();
    const child = spawn(file, argv, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let polledKb = 0;
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const poll = HAS_GNU_TIME
      ? undefined
      : setInterval(() => {
          try {
            const m = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, "utf8"));
            if (m) polledKb = Math.max(polledKb, Number(m[1]));
          } catch {
            /* exited */
          }
        }, 10);
    child.on("error", reject);
    child.on("close", (code) => {
      if (poll) clearInterval(poll);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      let rssKb = polledKb;
      if (HAS_GNU_TIME) {
        const m = new RegExp(`${marker}(\\d+)`).exec(stderr);
        rssKb = m ? Number(m[1]) : 0;
        stderr = stderr.replace(new RegExp(`(Command exited with non-zero status \\d+\\n)?${marker}\\d+\\n?`), "");
      }
      resolve({ code, ms, rssMiB: rssKb / 1024, stdout, stderr });
    });
  });
}

function must(result, what, okCodes = [0, 1]) {
  if (!okCodes.includes(result.code)) {
    throw new Error(`${what} exited ${result.code}:\n${result.stderr.slice(0, 2000)}`);
  }
  return result;
}

// --- one size -----------------------------------------------------------------------------------

function generate(services, plans, dir) {
  const res = spawnSync(process.execPath, [path.join(root, "bench", "generate.mjs"), "--services", String(services), "--plans", String(plans), "--seed", String(SEED), "--out", dir], { encoding: "utf8" });
  if (res.status !== 0) throw new Error(`generate failed: ${res.stderr}`);
}

// The CLI's V8 code cache (src/bin/rollgate.ts) goes to a folder of the run's own: the first
// pre-commit run is measured without one, the others with the one it wrote, as a hook runs.
let codeCache;

async function rollgate(orgDir, env = {}) {
  const r = must(await measure(process.execPath, [BIN, "check", orgDir, "--now", NOW, "--format", "json"], { env: { ROLLGATE_TIMINGS: "1", ROLLGATE_CACHE_DIR: codeCache, ...env } }), "rollgate check");
  const line = r.stderr.split("\n").find((l) => l.startsWith('{"timings"'));
  const report = JSON.parse(r.stdout);
  return {
    ms: r.ms,
    rssMiB: r.rssMiB,
    phases: line ? JSON.parse(line) : undefined,
    findings: report.findings.filter((f) => !f.ruleId.startsWith("input/")).length,
    documents: report.summary.documents,
    inputFindings: report.findings.filter((f) => f.ruleId.startsWith("input/")).length,
  };
}

/** All evaluation inputs in one data document, so one opa process evaluates them all. */
function bundleInputs(dumpDir) {
  const inputs = { catalogue: JSON.parse(fs.readFileSync(path.join(dumpDir, "catalogue-input.json"), "utf8")) };
  for (const f of fs.readdirSync(path.join(dumpDir, "inputs")).sort()) {
    inputs[`plan:${f.slice(0, -5)}`] = JSON.parse(fs.readFileSync(path.join(dumpDir, "inputs", f), "utf8"));
  }
  const file = path.join(dumpDir, "all-inputs.json");
  fs.writeFileSync(file, JSON.stringify({ rollgate_bench: { inputs } }));
  return file;
}

async function opaEval(dumpDir) {
  const all = bundleInputs(dumpDir);
  const query = "count([f | some name; inp := data.rollgate_bench.inputs[name]; some f in data.rollgate.main.findings with input as inp])";
  const r = must(await measure(OPA, ["eval", "-d", "policies", ...OPA_IGNORE, "-d", path.join(dumpDir, "data.json"), "-d", all, "-f", "raw", query]), "opa eval", [0]);
  return { ms: r.ms, rssMiB: r.rssMiB, findings: Number(r.stdout.trim()) };
}

async function conftest(dumpDir) {
  const inputs = [path.join(dumpDir, "catalogue-input.json"), ...fs.readdirSync(path.join(dumpDir, "inputs")).sort().map((f) => path.join(dumpDir, "inputs", f))];
  // Many files: pass the folder's files through a short relative glob would still hit ARG_MAX at
  // 20,000 plans, so conftest reads the inputs folder itself (it walks directories).
  const args = ["test", "--policy", "policies", "--policy", path.join("bench", "conftest"), "--data", path.join(dumpDir, "data.json"), "-o", "json", "--no-color"];
  const r = must(await measure(CONFTEST, [...args, inputs[0], path.join(dumpDir, "inputs")]), "conftest test", [0, 1]);
  const results = JSON.parse(r.stdout);
  return { ms: r.ms, rssMiB: r.rssMiB, findings: results.reduce((s, x) => s + (x.failures ?? []).length, 0), files: results.length };
}

// --- pre-commit case ----------------------------------------------------------------------------

async function precommit(tmp, repeat) {
  const dir = path.join(tmp, "precommit");
  generate(50, 1, dir);
  const cold = await rollgate(dir);
  const runs = [];
  for (let i = 0; i < repeat; i++) runs.push(await rollgate(dir));
  const dump = path.join(tmp, "precommit-dump");
  await rollgate(dir, { ROLLGATE_DUMP_INPUT: dump });
  const input = path.join(dump, "inputs", fs.readdirSync(path.join(dump, "inputs"))[0]);
  const opaRuns = [];
  for (let i = 0; i < repeat; i++) {
    const r = must(await measure(OPA, ["eval", "-d", "policies", ...OPA_IGNORE, "-d", path.join(dump, "data.json"), "--input", input, "-f", "raw", "count(data.rollgate.main.findings)"]), "opa eval", [0]);
    opaRuns.push(r.ms);
  }
  return { cold: cold.ms, rollgate: median(runs.map((r) => r.ms)), rss: median(runs.map((r) => r.rssMiB)), phases: runs[Math.floor(runs.length / 2)].phases, opa: median(opaRuns), runs: runs.map((r) => Math.round(r.ms)) };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

// --- main ---------------------------------------------------------------------------------------

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  for (const [what, file] of [["rollgate (npm run build)", BIN], ["opa (npm run tools)", OPA], ["conftest (npm run tools)", CONFTEST]]) {
    if (!fs.existsSync(file)) {
      console.error(`bench: ${what} not found at ${file}`);
      process.exit(2);
    }
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "rollgate-bench-"));
  codeCache = path.join(tmp, "code-cache");
  const machine = { date: new Date().toISOString().slice(0, 10), nproc: os.cpus().length, node: process.version, cpu: os.cpus()[0]?.model ?? "?", memGiB: Math.round(os.totalmem() / 2 ** 30), opa: spawnSync(OPA, ["version"], { encoding: "utf8" }).stdout.split("\n")[0] };
  console.log(`rollgate benchmark ${machine.date}: ${machine.nproc} cores (${machine.cpu}), ${machine.memGiB} GiB, node ${machine.node}, ${machine.opa}\n`);

  const pc = await precommit(tmp, opts.repeat);
  console.log(`pre-commit: 1 plan, 50 services: rollgate ${fmtMs(pc.rollgate)} (median of ${opts.repeat}: ${pc.runs.join(", ")} ms; the first run, without a code cache: ${fmtMs(pc.cold)}), ${pc.rss.toFixed(0)} MiB; opa eval --input ${fmtMs(pc.opa)}`);
  if (pc.phases) console.log(`  phases: ${phaseText(pc.phases)}\n`);

  const rows = [];
  for (const services of opts.sizes) {
    const plans = Math.max(1, Math.round(services / 10));
    const dir = path.join(tmp, `org-${services}`);
    const dump = path.join(tmp, `dump-${services}`);
    process.stderr.write(`bench: ${services} services, ${plans} plans ... `);
    generate(services, plans, dir);
    const rg = await rollgate(dir);
    await rollgate(dir, { ROLLGATE_DUMP_INPUT: dump });
    const opa = await opaEval(dump);
    const ct = await conftest(dump);
    if (!opts.keep) fs.rmSync(dir, { recursive: true, force: true });
    if (!opts.keep) fs.rmSync(dump, { recursive: true, force: true });
    process.stderr.write("done\n");
    rows.push({ services, plans, rollgate: rg, opa, conftest: ct });
  }

  console.log("| services | plans | rollgate wall | rollgate peak RSS | opa eval wall | opa RSS | conftest wall | conftest RSS | findings (rollgate / opa / conftest) |");
  console.log("|---:|---:|---:|---:|---:|---:|---:|---:|---|");
  for (const r of rows) {
    const same = r.rollgate.findings === r.opa.findings && r.opa.findings === r.conftest.findings ? "" : " MISMATCH";
    console.log(`| ${r.services.toLocaleString("en")} | ${r.plans.toLocaleString("en")} | ${fmtMs(r.rollgate.ms)} | ${r.rollgate.rssMiB.toFixed(0)} MiB | ${fmtMs(r.opa.ms)} | ${r.opa.rssMiB.toFixed(0)} MiB | ${fmtMs(r.conftest.ms)} | ${r.conftest.rssMiB.toFixed(0)} MiB | ${r.rollgate.findings} / ${r.opa.findings} / ${r.conftest.findings}${same} |`);
  }
  console.log("\nWhere rollgate's time goes (ms, ROLLGATE_TIMINGS=1; startup = node start-up and module imports):\n");
  console.log("| services | startup | discover | parse | schema | graph | facts | policy | report |");
  console.log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    const p = r.rollgate.phases;
    if (!p) continue;
    const t = p.timings;
    console.log(`| ${r.services.toLocaleString("en")} | ${[p.startupMs, t.discover, t.parse, t.schema, t.graph, t.facts, t.policy, t.report].map((x) => Math.round(x)).join(" | ")} |`);
  }
  const pairs = rows.filter((r) => rows.some((s) => s.services === r.services * 2));
  if (pairs.length > 0) {
    console.log("\nGrowth when the input doubles (time ratio; linear = 2.0, n log n ≈ 2.1-2.2, quadratic = 4.0):\n");
    // The findings are output the run must produce: when they grow faster than the input (more
    // plans on the same nights overlap in pairs), so does any engine's time.
    for (const r of pairs) {
      const d = rows.find((s) => s.services === r.services * 2);
      const perUnit = (x) => x.rollgate.ms / (x.rollgate.documents + x.rollgate.findings);
      console.log(`- ${r.services.toLocaleString("en")} → ${d.services.toLocaleString("en")} services: rollgate ×${(d.rollgate.ms / r.rollgate.ms).toFixed(2)} (memory ×${(d.rollgate.rssMiB / r.rollgate.rssMiB).toFixed(2)}), opa ×${(d.opa.ms / r.opa.ms).toFixed(2)}, conftest ×${(d.conftest.ms / r.conftest.ms).toFixed(2)}; findings ×${(d.rollgate.findings / r.rollgate.findings).toFixed(2)}; rollgate per document + finding ${perUnit(r).toFixed(2)} → ${perUnit(d).toFixed(2)} ms`);
    }
  }
  const bad = rows.filter((r) => r.rollgate.inputFindings > 0 || r.rollgate.findings !== r.opa.findings || r.opa.findings !== r.conftest.findings);
  if (opts.json) fs.writeFileSync(opts.json, JSON.stringify({ machine, precommit: pc, rows }, null, 2) + "\n");
  if (!opts.keep) fs.rmSync(tmp, { recursive: true, force: true });
  else console.log(`\nkept ${tmp}`);
  if (bad.length > 0) {
    console.error(`bench: engines disagree or generated input has input/* findings at ${bad.map((r) => r.services).join(", ")} services`);
    process.exit(1);
  }
}

function fmtMs(ms) {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

function phaseText(p) {
  return `startup ${Math.round(p.startupMs)}, ` + Object.entries(p.timings).map(([k, v]) => `${k} ${Math.round(v)}`).join(", ") + " ms";
}

main().catch((err) => {
  console.error(`bench: ${err.stack ?? err}`);
  process.exit(2);
});
