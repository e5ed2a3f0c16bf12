// Jobs → results: every document checked (and built) on its own, one after
// another in plan order, through build.ts as the CLI would call it. Each
// document is all or nothing (a failed one writes nothing and leaves its
// earlier output as it was), and one document's errors never stop the
// others: with 40 documents and one bad dataset, the other 39 are written.
//
// Here one at a time in this thread; worker-pool.ts spreads the same jobs
// over worker threads (the CLI's way), each worker running `runOne`.
import type { BuildRequest } from '../build.js';
import { hasErrors, type Diagnostic, type Position } from '../diagnostics/diagnostic.js';
import { debugEnabled } from '../diagnostics/internal-error.js';
import { withReadLog } from '../util/read-log.js';
import { recordBuild } from './up-to-date.js';
import { report } from '../diagnostics/messages.js';
import { templateFile } from '../template/list-templates.js';
import { removeStaleTemps } from '../util/atomic-write.js';
import type { BatchCommand, Job, JobResult } from './job.js';
import type { Limits } from '../limits.js';
import type { ReferenceDeckConfig } from '../document/nodes.js';

export interface BatchContext {
  templatesDir: string;
  outDir: string;
  /** The project folder: what each document may read (see `BuildRequest.root`). */
  root?: string;
  /** Who chose `outDir`: `project` confines the outputs to `root` (see `BuildRequest.outChosenBy`). */
  outChosenBy?: 'project' | 'user';
  /** Where briefdeck.yaml chose it. */
  outAt?: Position;
  /** The project's limits (briefdeck.yaml `limits:`). */
  limits?: Limits;
  /** briefdeck.yaml's `brand:`: a path, so the context crosses to worker processes as it is (each worker loads the brand). */
  brand?: string;
  /** briefdeck.yaml's `reference-deck:` (plain data; each worker reads the file). */
  referenceDeck?: ReferenceDeckConfig & { at: Position };
}

export interface BatchEvents {
  /** Before a job runs. */
  start?(job: Job, index: number, total: number): void;
  /** After it ran, in plan order. */
  done?(result: JobResult, index: number, total: number): void;
}

export function jobRequest(job: Job, ctx: BatchContext): BuildRequest {
  const req: BuildRequest = { templatesDir: ctx.templatesDir, template: job.template, dataDir: job.data, outDir: ctx.outDir };
  if (job.name !== undefined) req.name = job.name;
  if (job.locale !== undefined) req.locale = job.locale;
  if (ctx.root !== undefined) req.root = ctx.root;
  if (ctx.limits !== undefined) req.limits = ctx.limits;
  if (ctx.brand !== undefined) req.brand = ctx.brand;
  if (ctx.referenceDeck !== undefined) req.referenceDeck = ctx.referenceDeck;
  if (ctx.outChosenBy !== undefined) req.outChosenBy = ctx.outChosenBy;
  if (ctx.outAt !== undefined) req.outAt = ctx.outAt;
  if (job.at !== undefined) req.at = job.at;
  return req;
}

async function runJob(command: BatchCommand, job: Job, ctx: BatchContext): Promise<{ diagnostics: Diagnostic[]; outputs: string[] }> {
  const { buildDocument, chartsDrawnBy, checkDocumentAndCharts, validateDocument } = await import('../build.js');
  const req = jobRequest(job, ctx);
  if (command === 'validate') return { diagnostics: [...job.diagnostics, ...validateDocument(req)], outputs: [] };
  // Charts are rendered with the checks, so their errors come with the template's (`check` draws them all).
  const checked = await checkDocumentAndCharts(req, command === 'check' ? {} : chartsDrawnBy(job.format));
  if (command === 'check' || hasErrors(job.diagnostics) || hasErrors(checked.diagnostics)) return { diagnostics: [...job.diagnostics, ...checked.diagnostics], outputs: [] };
  const outcome = await buildDocument(req, job.format, { checked });
  return { diagnostics: [...job.diagnostics, ...outcome.diagnostics], outputs: outcome.outputs };
}

/**
 * One job, as a result: a bug met by this document (stages throw only on
 * bugs) fails only this document, with an internal-error diagnostic.
 */
export async function runOne(command: BatchCommand, job: Job, ctx: BatchContext): Promise<JobResult> {
  let ran: { diagnostics: Diagnostic[]; outputs: string[] };
  let reads: ReadonlyMap<string, string> = new Map();
  try {
    ({ value: ran, reads } = await withReadLog(() => runJob(command, job, ctx)));
  } catch (e) {
    // Its first line only ("Cannot find module …" goes on with a require stack); all of it, and where, with --debug.
    const message = e instanceof Error ? e.message : String(e);
    const debug = debugEnabled();
    ran = { diagnostics: [...job.diagnostics, report('internal/error', { file: templateFile(ctx.templatesDir, job.template), line: 1, column: 1 }, { detail: debug ? message : message.split('\n')[0]! })], outputs: [] };
    if (debug && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
  }
  const result = { job, diagnostics: ran.diagnostics, outputs: ran.outputs, failed: hasErrors(ran.diagnostics) };
  if (command === 'build') recordBuild(job, ctx, reads, result);
  return result;
}

/**
 * In this thread, one job after another (library callers and tests; the CLI
 * uses worker-pool.ts). `skip` gives a job's result without building it (up-to-date.ts).
 */
export async function runBatch(command: BatchCommand, jobs: readonly Job[], ctx: BatchContext, events: BatchEvents = {}, skip?: (job: Job) => JobResult | undefined): Promise<JobResult[]> {
  const results: JobResult[] = [];
  // A build killed between writing and renaming left `.name.PID.tmp` behind: gone now, even if nothing is written this time.
  if (command === 'build') removeStaleTemps(ctx.outDir);
  for (const [index, job] of jobs.entries()) {
    events.start?.(job, index, jobs.length);
    const result = skip?.(job) ?? (await runOne(command, job, ctx));
    results.push(result);
    events.done?.(result, index, jobs.length);
  }
  return results;
}
