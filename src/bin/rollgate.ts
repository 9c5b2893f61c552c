#!/usr/bin/env node
import { run } from '../cli/run.js';
import { processIO } from '../cli/io.js';

// The only place that sets the exit code (ARCHITECTURE.md): run() returns it.
process.exitCode = await run(process.argv.slice(2), processIO());
