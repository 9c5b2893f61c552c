#!/usr/bin/env node
// Checks the Rego policies: formatting (opa fmt), strict compile (opa check --strict), unit tests
// (opa test). Fixture YAML and capabilities.json are ignored (opa would load them as data). Exits non-zero if any of them fails.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function findOpa() {
  const local = path.join(root, ".tools", "bin", "opa");
  if (fs.existsSync(local)) return local;
  const probe = spawnSync("opa", ["version"], { encoding: "utf8" });
  if (!probe.error && probe.status === 0) return "opa";
  console.error("test-policies: opa not found: run scripts/install-tools.sh (installs .tools/bin/opa) or put opa on PATH");
  process.exit(2);
}

const opa = findOpa();
const steps = [
  ["format (opa fmt --list --fail)", ["fmt", "--list", "--fail", "policies/"]],
  ["compile (opa check --strict)", ["check", "--strict", "policies/", "--ignore", "fixtures", "--ignore", "capabilities.json"]],
  ["unit tests (opa test)", ["test", "policies/", "--ignore", "fixtures", "--ignore", "capabilities.json"]],
];

let failed = 0;
for (const [label, args] of steps) {
  const res = spawnSync(opa, args, { cwd: root, encoding: "utf8" });
  const out = `${res.stdout ?? ""}${res.stderr ?? ""}`.trim();
  const ok = !res.error && res.status === 0;
  console.log(`${ok ? "ok  " : "FAIL"} ${label}`);
  if (label.startsWith("format") && out) console.log(`  unformatted files (run: ${opa} fmt -w policies/):\n${out.replace(/^/gm, "    ")}`);
  else if (out) console.log(out.replace(/^/gm, "  "));
  if (res.error) console.log(`  ${res.error.message}`);
  if (!ok) failed++;
}
if (failed) {
  console.error(`test-policies: ${failed} of ${steps.length} checks failed`);
  process.exit(1);
}
