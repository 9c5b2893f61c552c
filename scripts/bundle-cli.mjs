#!/usr/bin/env node
// Bundles the compiled CLI (dist/src/bin/rollgate.js, from tsc) and its dependencies into that
// same file, run by `npm run build` after tsc. Loading one file instead of ~200 modules (ESM
// resolution, CommonJS wrappers) takes about 60 ms off every run: a third of the start-up, and
// what keeps a pre-commit check of one plan under 300 ms. The rest of dist/ stays as tsc wrote
// it; the bundle finds bundle/, schemas/ and package.json by walking up from its own location,
// as the unbundled code does.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const entry = path.join(root, "dist", "src", "bin", "rollgate.js");

await build({
  entryPoints: [entry],
  outfile: entry,
  allowOverwrite: true,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  legalComments: "none",
  logLevel: "warning",
  // CommonJS dependencies call require() for Node built-ins; ESM output has no require of its own.
  banner: { js: "import { createRequire as __rollgateCreateRequire } from 'node:module'; const require = __rollgateCreateRequire(import.meta.url);" },
});
console.log(`bundle-cli: bundled ${path.relative(root, entry)}`);
