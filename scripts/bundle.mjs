// Bundle briefdeck with esbuild into dist/:
//   dist/briefdeck.cjs  the CLI, one CommonJS file (loading one file instead of
//                       hundreds of modules is most of a cold start)
//   dist/worker.cjs     a batch worker process: the build pipeline (src/batch/worker-main.ts)
//   dist/watch.cjs      `briefdeck watch`, required only by that command
//   dist/cli.js         the `briefdeck` command: starts the first worker of a build, loads the bundle with a V8 code cache
//   dist/index.cjs      the library API (used by the benchmark)
//   dist/pptx-writer.cjs  the PPTX writer, required only when a deck is built
//   dist/vega-lite-schema.slim.json  what the chart-spec check reads of Vega-Lite's schema
// then builds the bundled example once to prime the code cache.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { slimSchema } from './slim-schema.mjs';

const wrapper = path.resolve('src/theme/fontkit-shared.ts');
const pptxWriter = path.resolve('src/render/pptx/slides-to-pptx.ts');
/** The PPTX writer (pptxgenjs, JSZip, yazl) is its own file, loaded only by a build that writes a deck. */
const pptxApart = {
  name: 'pptx-apart',
  setup(b) {
    b.onResolve({ filter: /slides-to-pptx\.js$/ }, (args) => (path.resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts')) === pptxWriter ? { path: './pptx-writer.cjs', external: true } : undefined));
  },
};
/** `briefdeck watch` (the whole pipeline, the server) is its own file too: the CLI's bundle stays small, and a build's process compiles none of it. */
const watchEntry = path.resolve('src/watch/run-watch.ts');
const watchApart = {
  name: 'watch-apart',
  setup(b) {
    b.onResolve({ filter: /run-watch\.js$/ }, (args) => (path.resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts')) === watchEntry ? { path: './watch.cjs', external: true } : undefined));
  },
};
const stub = path.resolve('src/bin/vega-canvas-stub.ts');
const nativeInflate = path.resolve('src/bin/tiny-inflate-native.cjs');
const lazyAes = path.resolve('src/bin/lazy-aes.cjs');
const yazlZlib = path.resolve('src/bin/yazl-zlib.cjs');
const nativeShim = (name) => path.resolve('src/bin', name);
const redirects = {
  name: 'briefdeck-redirects',
  setup(b) {
    // Every `import 'fontkit'` except the wrapper's own goes to the memoising wrapper.
    b.onResolve({ filter: /^fontkit$/ }, (args) => (args.importer === wrapper ? undefined : { path: wrapper }));
    b.onResolve({ filter: /^vega-canvas$/ }, () => ({ path: stub }));
    // jsonc-parser's main file is UMD, whose require() calls esbuild cannot follow: its ES module build instead.
    b.onResolve({ filter: /^jsonc-parser$/ }, () => ({ path: path.resolve('node_modules/jsonc-parser/lib/esm/main.js') }));
    // Load-time costs of every process, cut (each file says why).
    b.onResolve({ filter: /^tiny-inflate$/ }, () => ({ path: nativeInflate }));
    b.onResolve({ filter: /^@noble\/ciphers\/aes$/ }, (args) => (args.importer === lazyAes ? undefined : { path: lazyAes }));
    // Memory: yazl's deflates, a few at a time.
    b.onResolve({ filter: /^zlib$/ }, (args) => (/[\\/]yazl[\\/]index\.js$/.test(args.importer) ? { path: yazlZlib } : undefined));
    // The deck's zips: CRC-32 and base64 done natively, not a byte at a time in JavaScript.
    b.onResolve({ filter: /^buffer-crc32$/ }, () => ({ path: nativeShim('buffer-crc32-native.cjs') }));
    b.onResolve({ filter: /^\.\.?\/(crc32|base64)$/ }, (args) => (/[\\/]jszip[\\/]lib/.test(args.resolveDir) ? { path: nativeShim(`jszip-${args.path.replace(/^.*\//, '')}-native.cjs`) } : undefined));
  },
};

/** A hash of the sources: disk caches written by other code are not read (see src/util/disk-memo.ts). */
const codeHash = (() => {
  const h = createHash('sha256');
  // The TypeScript and the libraries' stand-ins (src/bin/*.cjs), with the redirects here that put them in.
  const files = readdirSync('src', { recursive: true }).filter((f) => f.endsWith('.ts') || f.endsWith('.cjs')).sort();
  for (const f of files) h.update(f).update(readFileSync(path.join('src', f)));
  h.update(readFileSync(import.meta.filename)).update(readFileSync('scripts/slim-schema.mjs'));
  // The libraries' versions too: a new pdfkit or Vega can change what a build writes.
  h.update(readFileSync('package-lock.json'));
  return h.digest('hex').slice(0, 16);
})();

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  minify: process.env.BRIEFDECK_DEBUG_BUNDLE !== '1',
  legalComments: 'linked',
  logLevel: 'warning',
  plugins: [redirects],
  // The launcher runs the bundle in a vm.Script, where import() has no loader:
  // dynamic imports (pptxgenjs has some) become require().
  supported: { 'dynamic-import': false },
  // resvg is a native addon: loaded from node_modules at run time.
  external: ['@resvg/resvg-js'],
  // CommonJS has no import.meta; the font files and package data are found from the bundle's place.
  define: { 'import.meta.url': '__briefdeckUrl', 'import.meta.dirname': '__dirname', __BRIEFDECK_CODE__: JSON.stringify(codeHash) },
  banner: { js: "const __briefdeckUrl = require('node:url').pathToFileURL(__filename).href;" },
};

await Promise.all([
  build({ ...common, plugins: [redirects, pptxApart, watchApart], entryPoints: ['src/cli.ts'], outfile: 'dist/briefdeck.cjs', format: 'cjs' }),
  build({ ...common, plugins: [redirects, pptxApart], entryPoints: ['src/watch/run-watch.ts'], outfile: 'dist/watch.cjs', format: 'cjs' }),
  build({ ...common, plugins: [redirects, pptxApart], entryPoints: ['src/batch/worker-main.ts'], outfile: 'dist/worker.cjs', format: 'cjs' }),
  build({ ...common, plugins: [redirects, pptxApart], entryPoints: ['src/index.ts'], outfile: 'dist/index.cjs', format: 'cjs' }),
  build({ ...common, entryPoints: ['src/render/pptx/slides-to-pptx.ts'], outfile: 'dist/pptx-writer.cjs', format: 'cjs' }),
  // The launcher holds only itself and src/batch/start-worker.ts (Node's modules stay outside).
  build({ entryPoints: ['src/bin/launch.ts'], outfile: 'dist/cli.js', format: 'esm', platform: 'node', target: 'node20', bundle: true, packages: 'external', logLevel: 'warning' }),
]);

// Bundles are pure ASCII: Node then reads one as Latin-1 without decoding UTF-8
// (measured: 3 MB in 5 ms instead of 50), and V8 keeps it as a one-byte
// string. esbuild escapes strings (charset: 'ascii') but not regular
// expression literals, some of which hold Vietnamese letters: `\uXXXX` means
// the same there, with or without the `u` flag, and in identifiers too.
for (const file of readdirSync('dist')) {
  if (!file.endsWith('.cjs')) continue;
  const text = readFileSync(path.join('dist', file), 'utf8');
  if (!/[^\x00-\x7f]/.test(text)) continue;
  writeFileSync(path.join('dist', file), text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

// Vega-Lite's schema, with only what the chart-spec check reads (scripts/slim-schema.mjs).
{
  const full = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('vega-lite/vega-lite-schema.json'), 'utf8'));
  writeFileSync(path.join('dist', 'vega-lite-schema.slim.json'), JSON.stringify(slimSchema(full)));
}

// Build the bundled example once, so that dist/ gets a V8 code cache holding
// what a real build compiles (a first run of `--help` would cache little).
if (process.env.BRIEFDECK_NO_CACHE !== '1') {
  const out = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-warmup-'));
  try {
    execFileSync(process.execPath, ['dist/cli.js', 'build', '--quiet', '--out', out], { stdio: ['ignore', 'ignore', 'ignore'] });
  } catch {
    // A project that does not build yet only misses the primed cache; `briefdeck build` reports why.
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
