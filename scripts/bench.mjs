// `npm run bench`: medians of several runs, on the bundled CLI.
//   cold: `briefdeck build` as a new process, start to exit (what a user waits for)
//   warm: a rebuild inside one process that has built the document 10 times already (watch mode, tests)
//   at scale: batches, a 40-chart document and a 2,000-row series, on datasets
//     written afresh for every run with new random figures (scripts/bench-workloads.mjs),
//     so that no chart cache from an earlier run can hide the cost.
// Each row prints the median wall time, the peak memory (the resident memory of
// the CLI and its worker processes, summed, sampled every 10 ms) and, for
// batches, documents per second. Output goes to temp folders; out/ is not touched.
// BENCH_RUNS sets the runs of the small rows (default 9); BENCH_ONLY picks
// groups: example (with watch and anchor), scale, watch, anchor.
// BENCH_ANCHOR_DIR: where the Typst compiler for the anchor pipeline is
// installed (scripts/bench-anchor.mjs).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { runCli } from './bench-measure.mjs';
import { writeBatchProject } from './bench-workloads.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 9);
const only = new Set((process.env.BENCH_ONLY ?? 'example,scale').split(','));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 100 ? 1 : 0)} ms`);
const mib = (bytes) => `${Math.round(bytes / 2 ** 20)} MiB`;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-bench-'));
const noCache = { BRIEFDECK_NO_CACHE: '1' };

/** `n` runs of `once()` (which may set up a fresh workload each time); medians of time and peak memory. */
async function repeat(n, once) {
  const samples = [];
  for (let i = 0; i < n; i++) samples.push(await once(i));
  return { ms: median(samples.map((s) => s.ms)), peak: median(samples.map((s) => s.peak)) };
}

/** A fresh folder under the bench's temp folder. */
let folders = 0;
const fresh = (name) => {
  const dir = path.join(tmp, `${name}-${folders++}`);
  mkdirSync(dir, { recursive: true });
  return dir;
};

const rows = [];
const row = (name, r, target = '', docs = 0) => rows.push([name, fmt(r.ms), r.peak ? mib(r.peak) : '', docs ? `${(docs / (r.ms / 1000)).toFixed(1)} docs/s` : '', target]);

async function exampleRows() {
  const node = await repeat(runs, async () => {
    const t0 = performance.now();
    execFileSync(process.execPath, ['-e', '0']);
    return { ms: performance.now() - t0, peak: 0 };
  });
  row('node -e 0 (process start)', node);
  const out = fresh('out');
  const briefArgs = ['build', '--quiet', '--out', out, '--template', 'brief', '--data', 'data/vietnam-china'];
  row('example: cold brief, caches off', await repeat(runs, () => runCli(briefArgs, { env: noCache })), '(first build)');
  await runCli(briefArgs); // fill the caches
  row('example: cold brief', await repeat(runs, () => runCli([...briefArgs, '--force'])), '≤ 600 ms');
  row('example: cold brief + deck, caches off', await repeat(runs, () => runCli(['build', '--quiet', '--out', out], { env: noCache })));
  // --force: the example did not change, and an up-to-date build would be skipped.
  row('example: cold brief + deck', await repeat(runs, () => runCli(['build', '--quiet', '--force', '--out', out])), '≤ 750 ms; ≤ 0.60× anchor (≤ 0.64–0.81 s)');

  const { buildDocument } = await import(path.resolve('dist/index.cjs'));
  // Warm: the process has built the document several times already, as a
  // watch session has after a few saves (the JIT optimises over the first
  // 10–20 builds; a single earlier build leaves it half warm).
  const warmUp = 10;
  const warm = async (req, format) => {
    for (let i = 0; i < warmUp; i++) await buildDocument(req, format);
    return repeat(runs, async () => {
      const t0 = performance.now();
      const outcome = await buildDocument(req, format);
      if (outcome.outputs.length === 0) throw new Error('warm build failed');
      return { ms: performance.now() - t0, peak: 0 };
    });
  };
  const req = (template, dataDir = path.resolve('data/vietnam-china')) => ({ templatesDir: path.resolve('templates'), template, dataDir, outDir: out });
  row('example: warm rebuild, brief', await warm(req('brief'), 'pdf'), '≤ 60 ms');
  // A rebuild after the analyst changes one figure: a copy of the dataset, one value edited per run.
  const data = fresh('data');
  cpSync('data/vietnam-china', data, { recursive: true });
  const facts = path.join(data, 'facts.yaml');
  const original = readFileSync(facts, 'utf8');
  await buildDocument(req('brief', data), 'pdf');
  const editAndBuild = async () => {
    // A value not built before, so no cache has it (as after a real edit).
    writeFileSync(facts, original.replace('value: 692500', `value: ${692500 + 100 * Math.floor(1 + Math.random() * 1e6)}`));
    const t0 = performance.now();
    const outcome = await buildDocument(req('brief', data), 'pdf');
    if (outcome.outputs.length === 0) throw new Error('warm build after an edit failed');
    return { ms: performance.now() - t0, peak: 0 };
  };
  for (let i = 0; i < warmUp; i++) await editAndBuild();
  const edited = await repeat(runs, editAndBuild);
  row('  after editing one figure', edited, '≤ 60 ms');
  row('example: warm rebuild, deck', await warm(req('deck'), 'pptx'), '≤ 80 ms');
}

async function scaleRows() {
  const scaleRuns = Number(process.env.BENCH_SCALE_RUNS ?? 3);
  // Batches: a project of n fresh datasets × (standard brief + deck), built from its own folder (which has no node_modules, so no disk cache).
  for (const n of [20, 100]) {
    const r = await repeat(scaleRuns, () => {
      const dir = fresh(`batch${n}`);
      writeBatchProject(dir, n);
      return runCli(['build', '--quiet'], { cwd: dir });
    });
    row(`batch: ${n} datasets × (brief + deck)`, r, n === 100 ? '≤ 10 s on 2 cores' : '', 2 * n);
  }
  // A 40-chart document: a 27-page brief and its 63-slide deck.
  const big = { id: 'big', sections: 10, charts: 40, rows: 8 };
  // Caches off: the project has no node_modules, so no disk cache (BRIEFDECK_NO_CACHE=1 would also drop briefdeck's own compiled-code cache, which an installed briefdeck has).
  const bigRow = (jobs) => repeat(scaleRuns, () => {
    const dir = fresh('big');
    writeBatchProject(dir, 1, big);
    return runCli(['build', '--quiet', '--jobs', String(jobs)], { cwd: dir });
  });
  row('40 charts: brief + deck, caches off', await bigRow(os.availableParallelism()), '≤ 2.0 s, ≤ 250 MiB', 2);
  row('  the same on one worker (--jobs 1)', await bigRow(1), '', 2);
  {
    const dir = fresh('big-warm');
    writeBatchProject(dir, 1, big);
    mkdirSync(path.join(dir, 'node_modules')); // where the disk caches go
    await runCli(['build', '--quiet'], { cwd: dir });
    row('  the same, second build (nothing changed)', await repeat(scaleRuns, () => runCli(['build', '--quiet'], { cwd: dir })), '≤ 0.3 s', 2);
  }
  // One 2,000-row line chart against the same document with a 6-row one: what the long series adds.
  // The two alternate, run by run, so that the machine's drift during the row falls on both alike.
  const seriesRun = (rows) => {
    const dir = fresh(`rows${rows}`);
    writeBatchProject(dir, 1, { sections: 1, charts: 1, rows });
    return runCli(['build', '--quiet'], { cwd: dir });
  };
  const shorts = [];
  const longs = [];
  for (let i = 0; i < scaleRuns + 4; i++) {
    shorts.push(await seriesRun(6));
    longs.push(await seriesRun(2000));
  }
  const medians = (xs) => ({ ms: median(xs.map((x) => x.ms)), peak: median(xs.map((x) => x.peak)) });
  const short = medians(shorts);
  const long = medians(longs);
  row('one 6-row line chart: brief + deck, cold', short);
  row('one 2,000-row line chart: brief + deck, cold', long);
  row('  what the 2,000 rows add', { ms: long.ms - short.ms, peak: 0 }, '≤ 150 ms');
}

// The anchor's lines are printed after the table (its rows have their own form).
const anchorLines = [];
try {
  if (only.has('example')) await exampleRows();
  if (only.has('scale')) await scaleRows();
  if (only.has('example') || only.has('anchor')) await (await import('./bench-anchor.mjs')).benchAnchor({ runs, median, fmt, tmp, runCli, print: (line) => anchorLines.push(line) });
} finally {
  // Whatever failed, the temp folders go.
  rmSync(tmp, { recursive: true, force: true });
}

const load = os.loadavg()[0].toFixed(1);
console.log(`briefdeck bench: medians (${runs} runs for the example, ${process.env.BENCH_SCALE_RUNS ?? 3}+ at scale), ${os.cpus().length} cores, Node ${process.version}, load ${load}`);
const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows) console.log(`  ${r[0].padEnd(widths[0])}  ${r[1].padStart(widths[1])}  ${r[2].padStart(widths[2])}  ${r[3].padStart(widths[3])}  ${r[4]}`);
for (const line of anchorLines) console.log(line);
if (only.has('example') || only.has('watch')) await (await import('./bench-watch.mjs')).benchWatch({ runs, median, fmt });
