#!/usr/bin/env node
// The `briefdeck` command. Loads the bundled CLI (dist/briefdeck.cjs; in a
// batch worker dist/worker.cjs; dist/pptx-writer.cjs when a deck is built)
// with a V8 code cache, so a run after the first skips compiling megabytes of
// JavaScript: Node 20 has no built-in compile cache for this (22 has
// module.enableCompileCache). Each cache sits beside its bundle; it is written
// by the first run that finds none (scripts/bundle.mjs makes that a build of
// the bundled example, so it holds the code a build runs), and again whenever
// V8 rejects it (a new bundle or a new Node). BRIEFDECK_NO_CACHE=1 runs
// without.
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isAscii } from 'node:buffer';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { startEarlyWorker, workerCommands, workerEnv } from '../batch/start-worker.js';

const dir = path.dirname(fileURLToPath(import.meta.url));
const useCache = process.env['BRIEFDECK_NO_CACHE'] !== '1';
const wrap = (Module as unknown as { wrap(s: string): string }).wrap;

/** Bundles loaded through the code cache, by the name the main bundle requires them with. */
const cachedBundles: Record<string, string> = { './pptx-writer.cjs': 'pptx-writer.cjs', './watch.cjs': 'watch.cjs' };

const loaded = new Map<string, unknown>();

function load(file: string): unknown {
  if (loaded.has(file)) return loaded.get(file);
  const name = path.basename(file, '.cjs');
  const stat = statSync(file);
  const cacheFile = path.join(dir, `.${name}.${process.version}.${stat.size}.${Math.round(stat.mtimeMs)}.v8cache`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = useCache ? readFileSync(cacheFile) : undefined;
  } catch {
    cachedData = undefined;
  }
  // scripts/bundle.mjs writes bundles in ASCII: read as Latin-1 they need no UTF-8 decoding (a tenth of the time).
  const bytes = readFileSync(file);
  const source = (isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8')).replace(/^#!.*/, '');
  // (Bundles hold no dynamic import(): a vm.Script could not run one; scripts/bundle.mjs turns them into require.)
  const script = new vm.Script(wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  if (useCache && (!cachedData || script.cachedDataRejected)) {
    // Written at exit, so the functions the build compiled lazily are in it too.
    process.once('beforeExit', () => {
      // Only a run that worked compiled what a build needs.
      if (process.exitCode !== undefined && process.exitCode !== 0) return;
      try {
        const temp = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(temp, script.createCachedData());
        renameSync(temp, cacheFile);
        // Caches of earlier bundles or Node versions are dead weight.
        const stale = new RegExp(`^\\.${name}\\..*\\.v8cache$`);
        for (const f of readdirSync(dir)) if (stale.test(f) && path.join(dir, f) !== cacheFile) rmSync(path.join(dir, f), { force: true });
      } catch {
        // Without a cache the next run is only slower.
      }
    });
  }
  const plain = createRequire(file);
  const require = Object.assign((id: string) => (cachedBundles[id] ? load(path.join(dir, cachedBundles[id])) : plain(id)), plain);
  const module = { exports: {} };
  loaded.set(file, module.exports);
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, require, module, file, dir);
  loaded.set(file, module.exports);
  return module.exports;
}

const isWorker = process.env[workerEnv] === '1';
const args = process.argv.slice(2);
// A command that builds starts its first worker now, before loading its own
// bundle: the two loads overlap (src/batch/start-worker.ts). The CLI adopts it,
// or ends it if the project asks for other limits or nothing is to be built.
if (!isWorker && workerCommands.includes(args[0] ?? '') && !args.includes('--help') && !args.includes('-h')) {
  // `--debug` reaches workers through the environment (src/cli.ts sets it too, for the workers it starts itself).
  if (args.includes('--debug')) process.env['BRIEFDECK_DEBUG'] = '1';
  startEarlyWorker(fileURLToPath(import.meta.url), process.env['BRIEFDECK_DEBUG'] === '1');
}

// A batch worker (started by worker-pool.ts) runs its own bundle, with its own code cache: it has none of the CLI, and the CLI none of the build.
load(path.join(dir, isWorker ? 'worker.cjs' : 'briefdeck.cjs'));
