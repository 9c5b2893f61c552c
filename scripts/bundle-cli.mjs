#!/usr/bin/env node
// Bundles the compiled CLI program (dist/src/bin/main.js, from tsc) and its dependencies into one
// CommonJS file, dist/src/bin/rollgate.cjs, run by `npm run build` after tsc. Loading one file
// instead of ~200 modules (ESM resolution, CommonJS wrappers) takes about 60 ms off every run.
// CommonJS so that dist/src/bin/rollgate.js (the `rollgate` command) can run it through V8's code
// cache with vm.Script, which takes another ~60 ms off. The rest of dist/ stays as tsc wrote it;
// the bundle finds bundle/, schemas/ and package.json by walking up from its own location, as the
// unbundled code does (import.meta.url is the bundle's own file URL).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const entry = path.join(root, "dist", "src", "bin", "main.js");
const outfile = path.join(root, "dist", "src", "bin", "rollgate.cjs");

await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  sourcemap: true,
  legalComments: "none",
  logLevel: "warning",
  define: { "import.meta.url": "__rollgateFileUrl" },
  banner: { js: 'const __rollgateFileUrl = require("node:url").pathToFileURL(__filename).href;' },
});
console.log(`bundle-cli: bundled ${path.relative(root, outfile)}`);
