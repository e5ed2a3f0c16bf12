#!/usr/bin/env node
// The `briefdeck` command. Loads the bundled CLI (dist/briefdeck.cjs) with a
// V8 code cache, so a run after the first skips compiling ~3 MB of
// JavaScript: Node 20 has no built-in compile cache for this (22 has
// module.enableCompileCache). The cache sits beside the bundle; it is
// written by the first run that finds none (scripts/bundle.mjs makes that a
// build of the bundled example, so it holds the code a build runs), and
// again whenever V8 rejects it (a new bundle or a new Node).
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const dir = path.dirname(fileURLToPath(import.meta.url));
const bundle = path.join(dir, 'briefdeck.cjs');
const stat = statSync(bundle);
const cacheFile = path.join(dir, `.briefdeck.${process.version}.${stat.size}.${Math.round(stat.mtimeMs)}.v8cache`);

const useCache = process.env['BRIEFDECK_NO_CACHE'] !== '1';
let cachedData: Buffer | undefined;
try {
  cachedData = useCache ? readFileSync(cacheFile) : undefined;
} catch {
  cachedData = undefined;
}
const source = readFileSync(bundle, 'utf8').replace(/^#!.*/, '');
// (The bundle holds no dynamic import(): a vm.Script could not run one; scripts/bundle.mjs turns them into require.)
const script = new vm.Script((Module as unknown as { wrap(s: string): string }).wrap(source), { filename: bundle, ...(cachedData ? { cachedData } : {}) });
if (useCache && (!cachedData || script.cachedDataRejected)) {
  // Written at exit, so the functions the build compiled lazily are in it too.
  process.once('beforeExit', () => {
    try {
      const temp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(temp, script.createCachedData());
      renameSync(temp, cacheFile);
      // Caches of earlier bundles or Node versions are dead weight.
      for (const name of readdirSync(dir)) if (/^\.briefdeck\..*\.v8cache$/.test(name) && path.join(dir, name) !== cacheFile) rmSync(path.join(dir, name), { force: true });
    } catch {
      // Without a cache the next run is only slower.
    }
  });
}
const module = { exports: {} };
(script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(bundle), module, bundle, dir);
