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
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const policiesDir = path.join(root, "policies");
const bundleDir = path.join(root, "bundle");
const capabilitiesFile = path.join(policiesDir, "capabilities.json");
const ENTRYPOINT = "rollgate/main/findings";

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

// Copies the policy sources (no tests, no fixtures, no capabilities) into dir, sorted.
function copySources(dir) {
  const files = [];
  const walk = (rel) => {
    for (const entry of fs.readdirSync(path.join(policiesDir, rel), { withFileTypes: true })) {
      const r = path.join(rel, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "fixtures") walk(r);
      } else if (entry.name.endsWith(".rego") && !entry.name.endsWith("_test.rego")) {
        files.push(r);
      }
    }
  };
  walk("");
  files.sort();
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.copyFileSync(path.join(policiesDir, f), path.join(dir, f));
  }
  return files;
}

// Minimal tar reader: returns the content of the named entry.
function extractFromTar(tar, wanted) {
  let off = 0;
  while (off + 512 <= tar.length) {
    const header = tar.subarray(off, off + 512);
    if (header.every((b) => b === 0)) break;
    const str = (a, b) => header.subarray(a, b).toString("utf8").replace(/\0.*$/s, "");
    const prefix = str(345, 500);
    const name = (prefix ? `${prefix}/` : "") + str(0, 100);
    const size = parseInt(str(124, 136).trim() || "0", 8);
    const body = tar.subarray(off + 512, off + 512 + size);
    if (name.replace(/^\.?\//, "") === wanted.replace(/^\//, "")) return Buffer.from(body);
    off += 512 + Math.ceil(size / 512) * 512;
  }
  fail(`${wanted} not found in the bundle built by opa`);
}

function block(text) {
  return typeof text === "string" ? text.replace(/\s+$/, "") + "\n" : "";
}

function rulesFromInspect(opa, srcDir) {
  const out = JSON.parse(run(opa, ["inspect", "-a", "--format", "json", "."], { cwd: srcDir }));
  const rules = [];
  for (const entry of out.annotations ?? []) {
    const a = entry.annotations ?? {};
    if (a.scope !== "package") continue;
    const segs = (entry.path ?? []).map((p) => p.value);
    // [data, rollgate, rules, <category>, <name>]
    if (segs.length !== 5 || segs[1] !== "rollgate" || segs[2] !== "rules") continue;
    const id = `${segs[3]}/${segs[4]}`;
    const custom = a.custom ?? {};
    if (!["error", "warning", "note"].includes(custom.severity)) fail(`${id}: custom.severity must be error, warning or note`);
    if (!a.title || !a.description) fail(`${id}: METADATA needs title and description`);
    rules.push({
      id,
      severity: custom.severity,
      title: a.title,
      description: a.description.replace(/\s+/g, " ").trim(),
      parameters: (custom.parameters ?? []).map((p) => ({
        name: p.name,
        type: p.type,
        default: p.default,
        description: p.description,
      })),
      examples: { fails: block(custom.examples?.fails), passes: block(custom.examples?.passes) },
    });
  }
  rules.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const ids = new Set();
  for (const r of rules) {
    if (ids.has(r.id)) fail(`duplicate METADATA for ${r.id}`);
    ids.add(r.id);
  }
  return rules;
}

function build(opa, outDir) {
  if (!fs.existsSync(capabilitiesFile)) fail("policies/capabilities.json missing: run with --write-capabilities");
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "rollgate-policies-"));
  try {
    const src = path.join(tmp, "src");
    fs.mkdirSync(src);
    copySources(src);
    const tarball = path.join(tmp, "bundle.tar.gz");
    run(opa, ["build", "-t", "wasm", "-e", ENTRYPOINT, "--capabilities", capabilitiesFile, "-o", tarball, "."], { cwd: src });
    const wasm = extractFromTar(gunzipSync(fs.readFileSync(tarball)), "/policy.wasm");
    const rules = rulesFromInspect(opa, src);
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, "policy.wasm"), wasm);
    fs.writeFileSync(path.join(outDir, "rules.json"), JSON.stringify(rules, null, 2) + "\n");
    return rules;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
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
    build(opa, tmp);
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
  const rules = build(opa, bundleDir);
  console.log(`built bundle/policy.wasm (sha256 ${sha(path.join(bundleDir, "policy.wasm"))}) and bundle/rules.json (${rules.length} rules)`);
}
