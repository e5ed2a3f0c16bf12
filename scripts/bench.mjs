// `npm run bench`: medians of several runs, on the bundled CLI.
//   cold: `briefdeck build` as a new process, start to exit (what a user waits for)
//   warm: a rebuild inside one process that has built once already (watch mode, tests)
// Output goes to a temp folder so out/ is not touched.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const runs = Number(process.env.BENCH_RUNS ?? 9);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (ms) => `${ms.toFixed(ms < 100 ? 1 : 0)} ms`;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-bench-'));
const cli = path.resolve('dist/cli.js');

function cold(args, env = {}) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    execFileSync(process.execPath, [cli, 'build', '--quiet', '--out', tmp, ...args], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env } });
    times.push(performance.now() - t0);
  }
  return times;
}

async function warm(req, format) {
  const { buildDocument } = await import(path.resolve('dist/index.cjs'));
  await buildDocument(req, format);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const outcome = await buildDocument(req, format);
    times.push(performance.now() - t0);
    if (outcome.outputs.length === 0) throw new Error('warm build failed');
  }
  return times;
}

/** A rebuild after the analyst changes one figure: a copy of the dataset, one value edited per run. */
async function warmAfterEdit() {
  const { buildDocument } = await import(path.resolve('dist/index.cjs'));
  const data = path.join(tmp, 'data');
  cpSync('data/vietnam-china', data, { recursive: true });
  const facts = path.join(data, 'facts.yaml');
  const original = readFileSync(facts, 'utf8');
  const req = { templatesDir: path.resolve('templates'), template: 'brief', dataDir: data, outDir: tmp };
  await buildDocument(req, 'pdf');
  const times = [];
  for (let i = 0; i < runs; i++) {
    // A value not built before, so no cache has it (as after a real edit).
    writeFileSync(facts, original.replace('value: 692500', `value: ${692500 + 100 * Math.floor(1 + Math.random() * 1e6)}`));
    const t0 = performance.now();
    const outcome = await buildDocument(req, 'pdf');
    times.push(performance.now() - t0);
    if (outcome.outputs.length === 0) throw new Error('warm build after an edit failed');
  }
  return times;
}

const node = [];
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  execFileSync(process.execPath, ['-e', '0']);
  node.push(performance.now() - t0);
}
const briefArgs = ['--template', 'brief', '--data', 'data/vietnam-china'];
const briefFirst = cold(briefArgs, { BRIEFDECK_NO_CACHE: '1' });
cold(briefArgs); // fill the caches
const brief = cold(briefArgs);
const both = cold([]);
const warmBrief = await warm({ templatesDir: path.resolve('templates'), template: 'brief', dataDir: path.resolve('data/vietnam-china'), outDir: tmp }, 'pdf');
const warmEdit = await warmAfterEdit();
const warmDeck = await warm({ templatesDir: path.resolve('templates'), template: 'deck', dataDir: path.resolve('data/vietnam-china'), outDir: tmp }, 'pptx');
rmSync(tmp, { recursive: true, force: true });

console.log(`briefdeck bench (median of ${runs} runs, ${os.cpus().length} cores, Node ${process.version})`);
console.log(`  node -e 0 (process start)     ${fmt(median(node))}`);
console.log(`  cold CLI build, brief (PDF)   ${fmt(median(brief))}   target ≤ 600 ms`);
console.log(`    same, caches off            ${fmt(median(briefFirst))}   (first build: BRIEFDECK_NO_CACHE=1)`);
console.log(`  cold CLI build, brief + deck  ${fmt(median(both))}   target ≤ 750 ms`);
console.log(`  warm rebuild, brief (PDF)     ${fmt(median(warmBrief))}   target ≤ 60 ms`);
console.log(`    after editing one figure    ${fmt(median(warmEdit))}   (data changed: dataset, template and Markdown redone)`);
console.log(`  warm rebuild, deck (PPTX)     ${fmt(median(warmDeck))}   target ≤ 80 ms`);
await (await import('./bench-watch.mjs')).benchWatch({ runs, median, fmt });
