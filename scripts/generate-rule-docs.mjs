#!/usr/bin/env node
// Writes docs/rules/<category>/<name>.md for every built-in rule (from bundle/rules.json and the
// TypeScript input/* and config/* rules), and docs/rules/README.md. Runs from dist/ (npx tsc
// first; `npm run docs:rules` does both). test/docs/rule-pages.test.ts checks they are in sync.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = (p) => pathToFileURL(path.join(root, "dist", "src", p)).href;
const { rulePages } = await import(dist("docs/rule-pages.js"));
const { allRules } = await import(dist("check/check.js"));
const { loadBundle, defaultBundleDir } = await import(dist("policy/runtime.js"));

const out = path.join(root, "docs", "rules");
fs.rmSync(out, { recursive: true, force: true });
const pages = rulePages(allRules((await loadBundle(defaultBundleDir())).rules));
for (const [rel, text] of pages) {
  fs.mkdirSync(path.dirname(path.join(out, rel)), { recursive: true });
  fs.writeFileSync(path.join(out, rel), text);
}
console.log(`wrote ${pages.size} pages in docs/rules/`);
