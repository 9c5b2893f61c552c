import { run } from '../cli/run.js';
import { processIO } from '../cli/io.js';

// The program. The only place that sets the exit code (ARCHITECTURE.md): run() returns it, and
// handles its own errors; anything that still escapes fails closed. No top-level await: the
// bundle of this file is CommonJS, so that rollgate.ts can run it through V8's code cache.
run(process.argv.slice(2), processIO()).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`rollgate: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
