#!/usr/bin/env node
// The `yuan` command: runs the bundled CLI (yuan-bundle.cjs, written by `npm run build`) through V8's code cache, so
// a cold `yuan lint` does not parse and compile the same ~2 MB of JavaScript on every start. The cache is made at
// build time; when V8 rejects it (another Node version) it is made again on exit, next to the bundle if that folder
// is writable (never in a shared temp folder: a cache is code, and only the package's own folder is as trusted as
// the bundle). Nothing here changes what the CLI does.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const v8 = require('node:v8');
const vm = require('node:vm');
const Module = require('node:module');

// Most runs of `yuan` are short (one plan, a few hundred milliseconds): V8's optimizing compiler then costs more CPU
// on its background threads than it saves. Asking it to wait 8× longer before optimizing a function halves the CPU
// of a cold lint, while a long run still gets optimized code a little later.
v8.setFlagsFromString('--interrupt-budget=540672');

const file = path.join(__dirname, 'yuan-bundle.cjs');
const source = fs.readFileSync(file, 'utf8').replace(/^#!.*/, '');
const tag = `${process.version}-${process.arch}-${source.length}`;
const cacheFile = path.join(__dirname, `yuan-bundle.${tag}.cache`);
let cached;
try { cached = fs.readFileSync(cacheFile); } catch { /* not made yet */ }
const script = new vm.Script(Module.wrap(source), {
  filename: file,
  cachedData: cached,
  // No importModuleDynamically: the bundle has no import() (scripts/bundle.ts turns it into require), and V8 loses
  // that callback when the script comes from the cache anyway.
});
if (process.env.YUAN_CODE_CACHE === 'write' || !cached || script.cachedDataRejected) {
  // After the run the cache also holds the functions this run compiled lazily, which is what a cold start needs.
  process.once('exit', () => {
    // Written aside and renamed, so a concurrent start never reads half a file.
    const tmp = `${cacheFile}.${process.pid}`;
    try { fs.writeFileSync(tmp, script.createCachedData()); fs.renameSync(tmp, cacheFile); } catch { try { fs.rmSync(tmp, { force: true }); } catch { /* read-only folder */ } }
  });
}
const mod = new Module(file, module);
mod.filename = file;
mod.paths = Module._nodeModulePaths(__dirname);
script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, __dirname);
