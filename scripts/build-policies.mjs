#!/usr/bin/env node
// Builds policies/ into bundle/policy.wasm and bundle/rules.json.
//
//   node scripts/build-policies.mjs                       build into bundle/
//   node scripts/build-policies.mjs --check               build into a temp dir, exit 1 if bundle/ differs
//   node scripts/build-policies.mjs --write-capabilities  regenerate policies/capabilities.json
//
// The WASM build uses policies/capabilities.json, which lists only the builtins the runtime
// provides, so a rule using any other builtin fails the build instead of failing at evaluation.
// Never pass -O to `opa build -t wasm` (known optimizer panics).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const policiesDir = path.join(root, "policies");
const bundleDir = path.join(root, "bundle");
const capabilitiesFile = path.join(policiesDir, "capabilities.json");

// Builtins OPA compiles natively into WASM: the keys of `builtinsFunctions` in
// internal/compiler/wasm/wasm.go of OPA v1.22.2 (ast.X.Name resolved to names).
const NATIVE = [
  "abs", "all", "and", "any", "array.concat", "array.flatten", "array.reverse", "array.slice",
  "base64.decode", "base64.encode", "base64.is_valid", "base64url.decode", "base64url.encode",
  "bits.and", "bits.lsh", "bits.negate", "bits.or", "bits.rsh", "bits.xor", "ceil", "concat",
  "contains", "count", "div", "endswith", "equal", "floor", "format_int", "glob.match",
  "graph.reachable", "gt", "gte", "indexof", "internal.member_2", "internal.member_3",
  "internal.template_string", "intersection", "is_array", "is_boolean", "is_null", "is_number",
  "is_object", "is_set", "is_string", "json.filter", "json.is_valid", "json.marshal", "json.remove",
  "json.unmarshal", "lower", "lt", "lte", "max", "min", "minus", "mul", "neq", "net.cidr_contains",
  "net.cidr_intersects", "net.cidr_overlap", "numbers.range", "object.filter", "object.get",
  "object.keys", "object.remove", "object.union", "object.union_n", "or", "plus", "product",
  "re_match", "regex.find_all_string_submatch_n", "regex.is_valid", "regex.match", "rem", "replace",
  "round", "set_diff", "sort", "split", "startswith", "strings.replace_n", "strings.reverse",
  "substring", "sum", "to_number", "trim", "trim_left", "trim_prefix", "trim_right", "trim_space",
  "trim_suffix", "type_name", "union", "upper", "walk",
];
// Compiled by the planner itself (not builtin calls).
const PLANNER = ["eq", "assign"];
// Implemented in JS by @open-policy-agent/opa-wasm@1.10.0 (src/builtins/*.js).
const SDK = ["sprintf", "regex.split", "json.is_valid", "yaml.is_valid", "yaml.marshal", "yaml.unmarshal"];
// Custom builtins rollgate provides in TypeScript with OPA's exact semantics.
const CUSTOM = [
  "semver.compare", "semver.is_valid", "time.now_ns", "time.parse_rfc3339_ns",
  "time.parse_duration_ns", "time.date", "time.clock", "time.weekday", "time.add_date",
];

function fail(message) {
  console.error(`build-policies: ${message}`);
  process.exit(2);
}

function findOpa() {
  const local = path.join(root, ".tools", "bin", "opa");
  if (fs.existsSync(local)) return local;
  const probe = spawnSync("opa", ["version"], { encoding: "utf8" });
  if (probe.status === 0) return "opa";
  fail("opa not found: run scripts/install-tools.sh (installs .tools/bin/opa) or put opa on PATH");
}

function run(opa, args, opts = {}) {
  const res = spawnSync(opa, args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, ...opts });
  if (res.error) fail(`cannot run ${opa}: ${res.error.message}`);
  if (res.status !== 0) fail(`opa ${args.join(" ")} failed:\n${res.stderr}${res.stdout}`);
  return res.stdout;
}

function writeCapabilities(opa) {
  const current = JSON.parse(run(opa, ["capabilities", "--current"]));
  const allowed = new Set([...NATIVE, ...PLANNER, ...SDK, ...CUSTOM]);
  const builtins = current.builtins
    .filter((b) => allowed.has(b.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const found = new Set(builtins.map((b) => b.name));
  const missing = [...allowed].filter((n) => !found.has(n));
  if (missing.length) fail(`opa capabilities --current lacks: ${missing.join(", ")}`);
  const caps = { ...current, builtins };
  fs.writeFileSync(capabilitiesFile, JSON.stringify(caps, null, 2) + "\n");
  console.log(`wrote ${path.relative(root, capabilitiesFile)} (${builtins.length} builtins)`);
}

// The compilation itself (sources, capabilities, opa build, METADATA catalogue) is shared with
// `rollgate policy build` in src/policy/compile.ts; it runs from dist/ (npx tsc builds it).
async function compiler() {
  const built = path.join(root, "dist", "src", "policy", "compile.js");
  if (!fs.existsSync(built)) fail("dist/ is missing: run npx tsc -p tsconfig.json first (src/policy/compile.ts does the build)");
  return import(pathToFileURL(built).href);
}

async function build(opa, outDir) {
  if (!fs.existsSync(capabilitiesFile)) fail("policies/capabilities.json missing: run with --write-capabilities");
  const { compileBuiltin } = await compiler();
  let compiled;
  try {
    compiled = compileBuiltin(opa);
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err));
  }
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, "policy.wasm"), compiled.wasm);
  fs.writeFileSync(path.join(outDir, "rules.json"), JSON.stringify(compiled.rules, null, 2) + "\n");
  return compiled.rules;
}

const sha = (f) => createHash("sha256").update(fs.readFileSync(f)).digest("hex");

const args = process.argv.slice(2);
const opa = findOpa();
if (args.includes("--write-capabilities")) {
  writeCapabilities(opa);
}
if (args.includes("--check")) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "rollgate-bundle-"));
  try {
    await build(opa, tmp);
    const stale = ["policy.wasm", "rules.json"].filter((f) => {
      const committed = path.join(bundleDir, f);
      return !fs.existsSync(committed) || sha(committed) !== sha(path.join(tmp, f));
    });
    if (stale.length) {
      console.error(`build-policies: bundle/ is out of date (${stale.join(", ")} differ from a fresh build of policies/). Run: npm run build:policies`);
      process.exit(1);
    }
    console.log("bundle/ is up to date");
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
} else if (!args.includes("--write-capabilities") || args.includes("--build")) {
  const rules = await build(opa, bundleDir);
  console.log(`built bundle/policy.wasm (sha256 ${sha(path.join(bundleDir, "policy.wasm"))}) and bundle/rules.json (${rules.length} rules)`);
}
