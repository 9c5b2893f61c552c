#!/usr/bin/env node
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { cacheDir } from '../cache-dir.js';

/**
 * The `rollgate` command: runs the bundled CLI (rollgate.cjs, made by `npm run build`) through
 * V8's code cache. Compiling the 1.8 MB bundle, and the parser and policy code it runs, is about
 * 60 ms of every run, a fifth of a pre-commit check; with the cache of an earlier run V8 skips it.
 * The cache is keyed by a hash of the bundle and the Node version (V8 itself only checks the
 * source length) and by command, written once after a run that had none, and never required: any
 * problem with it just means compiling. Without a bundle (tsc output only) the modules are imported as they are.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const bundle = path.join(here, 'rollgate.cjs');

if (existsSync(bundle)) runBundle(bundle);
else await import('./main.js');

function runBundle(file: string): void {
  const source = readFileSync(file, 'utf8');
  const key = createHash('sha256').update(`${process.version}\0${process.arch}\0`).update(source).digest('hex').slice(0, 20);
  // One cache per command: a cache made by `rollgate --version` would hold none of check's code.
  const command = /^[a-z]+$/.test(process.argv[2] ?? '') ? process.argv[2] : 'other';
  const cacheFile = path.join(cacheDir(process.env, process.cwd()), `cli-${key}-${command}.v8`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  // At exit the cache holds every function this run compiled, not only the top level.
  if (cachedData === undefined || script.cachedDataRejected) process.once('exit', () => saveCache(script, cacheFile));
  const module = { exports: {} };
  const wrapper = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
}

function saveCache(script: vm.Script, file: string): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    // Written aside and renamed: hooks run side by side, and a torn cache must never be read.
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, script.createCachedData());
    renameSync(temp, file);
  } catch {
    // A read-only or missing cache folder: the next run compiles again.
  }
}
