// Jobs → results on worker processes: the CLI's way to run a batch.
//
// - Every core busy: up to one worker per core by default, started only as
//   the batch shows it is long enough to gain from one (`--jobs N` starts N),
//   each loading the bundle once and keeping its warm caches (parsed
//   datasets, compiled templates, rendered charts) from one document to the next.
// - A dataset's documents go to the same worker, one after another: the
//   deck reuses what the brief parsed and rendered (unless there are fewer
//   datasets than workers).
// - Contained: each worker has a heap limit (`documentMemoryMb`) and each
//   document a deadline (`documentSeconds`). A document that runs out of
//   memory, or a stage that never returns, ends its worker, not the CLI; it
//   fails with a `limit/exceeded` error and a fresh worker takes the rest.
// - Deterministic: results are handed on (`events`) in plan order, whatever
//   order the workers finish in, so the messages and the summary read the
//   same as a serial run's; the files are the same bytes (tests check both).
//
// Processes, not worker threads: a thread's heap limit is best effort, and
// some allocations (one array pushed past the limit, as a Vega `sequence`
// does) abort the whole process from inside the thread (nodejs/node#47224,
// seen here). A worker process that aborts is only one document's
// `limit/exceeded`. Not a pool package: the two things needed here, keeping
// a dataset's documents on one worker and replacing a worker ended
// mid-document, are most of the code either way.
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { report } from '../diagnostics/messages.js';
import { defaultLimits } from '../limits.js';
import { removeStaleTemps } from '../util/atomic-write.js';
import { jobPosition, type BatchCommand, type Job, type JobResult } from './job.js';
import type { DocumentRunner } from './document-runner.js';
import type { BatchContext, BatchEvents } from './run-batch.js';
import { startWorker, takeEarlyWorker, type WorkerProcess } from './start-worker.js';
import type { CloseMessage, JobMessage, ReadyMessage, ResultMessage } from './worker-protocol.js';

export interface PoolOptions {
  /** Worker processes to start at most (never more than there are datasets to build). */
  workers: number;
  /**
   * Start workers past the first only once the batch shows it is long
   * enough to pay for them (`build` without `--jobs`); otherwise all of
   * `workers` start at once (`--jobs N`).
   */
  adaptive?: boolean;
  /** The script a worker runs: the CLI's own launcher (dist/cli.js), which loads the worker bundle (worker-main.ts) when started as a worker. */
  workerFile: string;
  /** Print what workers write to stderr as it comes (`--debug`); otherwise it is kept to explain a worker that stopped. */
  debug?: boolean;
  /** A job's result without building it, when it is up to date (src/batch/up-to-date.ts); such jobs start no worker. */
  skip?: (job: Job) => JobResult | undefined;
}

/** What a worker that was stopped, or that stopped, gives in place of a result. */
type Stopped = { diagnostic: Diagnostic };

/**
 * Work left per running worker (estimated from the documents built so far)
 * past which `adaptive` starts another: about twice what a new worker costs
 * before it is useful (a process, its bundle, its first documents on cold
 * code; about half a second on 2 slow cores). Measured on 2 cores: 2 small
 * datasets × (brief + deck) took 1.43 s on one worker and 1.60 s on two;
 * 20 datasets 5.8 s on one and 5.1 s on two.
 */
const widenAfterMs = 1000;

/** Datasets from which `adaptive` starts every worker at once. */
const eagerDatasets = 4;

/**
 * Workers to start with: all of them, unless `adaptive` and the batch is
 * small (a batch of many datasets is plainly long enough, and waiting to
 * see would cost the second worker a document's time).
 */
export function initialWorkers(datasets: number, workers: number, adaptive: boolean): number {
  return adaptive && datasets < eagerDatasets ? 1 : workers;
}

/** Whether `adaptive` starts another worker: what is left would keep each running one busy well past what starting one costs. */
export function widens(s: { lanes: number; workers: number; datasetsLeft: number; documentsLeft: number; built: number; builtMs: number }): boolean {
  if (s.lanes >= s.workers || s.datasetsLeft < 2 || s.built === 0) return false;
  return ((s.builtMs / s.built) * s.documentsLeft) / s.lanes > widenAfterMs;
}

/** The time past `documentSeconds` a worker is given to stop by itself (the build checks its clock between stages) before it is ended. */
function graceMs(seconds: number): number {
  return Math.max(1000, seconds * 100);
}

/**
 * What a worker takes at a time, in plan order: a dataset's documents, so
 * that they share its worker's caches (the parsed dataset, the fonts, the
 * charts its brief drew for its deck). One dataset's brief and deck are not
 * split over two workers: measured on 2 cores, the second process's start
 * and the work done twice cost more than the overlap gains (the example:
 * 0.73–0.79 s on one worker, 0.79–0.83 s on two; 40 charts: the same time,
 * 356 MiB against 490 MiB).
 */
function unitsOf(jobs: readonly Job[], pending: readonly number[]): number[][] {
  const byData = new Map<string, number[]>();
  for (const i of pending) byData.set(jobs[i]!.data, [...(byData.get(jobs[i]!.data) ?? []), i]);
  return [...byData.values()];
}

export async function runBatchInWorkers(command: BatchCommand, jobs: readonly Job[], ctx: BatchContext, opts: PoolOptions, events: BatchEvents = {}): Promise<JobResult[]> {
  // A build killed between writing and renaming left `.name.PID.tmp` behind: gone now, even if nothing is written this time.
  if (command === 'build') removeStaleTemps(ctx.outDir);
  const limits = ctx.limits ?? defaultLimits;
  const results: (JobResult | undefined)[] = jobs.map((job) => opts.skip?.(job));
  const queue = unitsOf(jobs, [...jobs.keys()].filter((i) => !results[i]));
  let reported = 0;
  if (jobs.length) events.start?.(jobs[0]!, 0, jobs.length);
  /** Hand on every result that is next in plan order. */
  const handOn = () => {
    while (reported < jobs.length && results[reported]) {
      events.done?.(results[reported]!, reported, jobs.length);
      reported++;
      if (reported < jobs.length) events.start?.(jobs[reported]!, reported, jobs.length);
    }
  };
  handOn();
  const spawn = () => takeSpare(opts.workerFile, limits.documentMemoryMb) ?? startWorker(opts.workerFile, limits.documentMemoryMb, opts.debug ?? false);

  const workers = Math.max(1, Math.min(opts.workers, queue.length));
  const lanes: Promise<void>[] = [];
  /** Documents built so far, and the time they took (each from being sent to its worker to its result). */
  let built = 0;
  let builtMs = 0;
  const startLane = () => {
    const started = lane();
    // Awaited in turn below; until then a failure must not count as unhandled.
    started.catch(() => {});
    lanes.push(started);
  };
  const widen = () => {
    // (Counting what is left walks the queue: only while another worker may still start.)
    if (lanes.length >= workers) return;
    if (widens({ lanes: lanes.length, workers, datasetsLeft: queue.length, documentsLeft: queue.reduce((n, group) => n + group.length, 0), built, builtMs })) startLane();
  };

  /** One worker's lane: datasets from the queue until it is empty. */
  async function lane(): Promise<void> {
    let worker: WorkerProcess | undefined;
    try {
      for (let group = queue.shift(); group; group = queue.shift()) {
        for (const i of group) {
          worker ??= spawn();
          const job = jobs[i]!;
          const sent = performance.now();
          const ran = await runInWorker(worker, { id: i, command, job, ctx }, limits.documentSeconds);
          builtMs += performance.now() - sent;
          if ('diagnostic' in ran) {
            // The worker is gone (or was ended): the next document gets a fresh one.
            worker = undefined;
            const diagnostics = [...job.diagnostics, ran.diagnostic];
            results[i] = { job, diagnostics, outputs: [], failed: hasErrors(diagnostics) };
          } else results[i] = { ...ran, job };
          built++;
          handOn();
          if (opts.adaptive) widen();
        }
      }
    } finally {
      if (worker) await closeWorker(worker);
    }
  }
  for (let n = initialWorkers(queue.length, workers, opts.adaptive ?? false); n > 0; n--) startLane();
  // Lanes started by `widen` join the list while it is awaited.
  for (let done = 0; done < lanes.length; done++) await lanes[done];
  return results.map((r) => r!);
}

/** A worker started before the plan was made (startSpareWorker), with what it was started for. */
let spare: { worker: WorkerProcess; file: string; memoryMb: number } | undefined;

/**
 * Start one worker now, while the CLI reads the project and plans, so that
 * loading its bundle overlaps that work. The batch takes it if its limits
 * match; `dropSpareWorker` ends it if nothing did.
 */
export function startSpareWorker(file: string, memoryMb: number, debug: boolean): void {
  if (spare) return;
  // The launcher's early worker, if it was started for these limits (a project that sets its own memory limit needs another).
  const early = takeEarlyWorker();
  if (early && early.file === file && early.memoryMb === memoryMb) spare = early;
  else {
    early?.worker.child.kill('SIGKILL');
    spare = { worker: startWorker(file, memoryMb, debug), file, memoryMb };
  }
}

function takeSpare(file: string, memoryMb: number): WorkerProcess | undefined {
  const taken = spare;
  if (!taken || taken.file !== file || taken.memoryMb !== memoryMb) return undefined;
  spare = undefined;
  return taken.worker;
}

/** End the spare worker if no batch took it (everything was up to date, or the plan failed). */
export function dropSpareWorker(): void {
  takeEarlyWorker()?.worker.child.kill('SIGKILL');
  spare?.worker.child.kill('SIGKILL');
  spare = undefined;
}

/** Let the worker save its caches and end by itself (a few seconds at most, then it is ended). */
function closeWorker(worker: WorkerProcess): Promise<void> {
  const { child } = worker;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.send({ close: true } satisfies CloseMessage);
  });
}

/** One job on `worker`: its result, or why the worker stopped (it is then ended). */
function runInWorker(worker: WorkerProcess, message: JobMessage, seconds: number): Promise<Omit<JobResult, 'job'> | Stopped> {
  const { child } = worker;
  const at = jobPosition(message.job, message.ctx);
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    let finished = false;
    const done = (value: Omit<JobResult, 'job'> | Stopped) => {
      finished = true;
      clearTimeout(timer);
      child.off('message', onMessage).off('exit', onExit);
      if ('diagnostic' in value) child.kill('SIGKILL');
      resolve(value);
    };
    const onMessage = (m: ResultMessage | ReadyMessage) => {
      if (!('ready' in m) && m.id === message.id) done(m.result);
    };
    const onExit = (code: number | null, signal: string | null) => {
      // stderr may still be arriving: read it once the pipe is done.
      const explain = () => {
        if (/heap out of memory|Allocation failed/i.test(worker.stderrTail)) {
          done({ diagnostic: report('limit/exceeded', at, { what: 'memory a document may use, in MB', limit: message.ctx.limits?.documentMemoryMb ?? defaultLimits.documentMemoryMb, key: 'documentMemoryMb', detail: 'the document was stopped when its worker ran out of memory' }) });
        } else {
          const said = /briefdeck: (.*)/.exec(worker.stderrTail)?.[1];
          done({ diagnostic: report('internal/error', at, { detail: said ?? `the worker building this document stopped (${signal ?? `exit code ${code}`})` }) });
        }
      };
      if (child.stderr && !child.stderr.readableEnded) child.stderr.once('end', explain);
      else explain();
    };
    // The clock starts when the worker has loaded (a busy machine can take a second to start a process), so the limit is the document's own time.
    const startClock = () => {
      if (finished) return;
      timer = setTimeout(() => {
        done({ diagnostic: report('limit/exceeded', at, { what: 'seconds one document may take', limit: seconds, key: 'documentSeconds', detail: `the document was stopped after ${seconds + graceMs(seconds) / 1000} s: one stage ran past the limit` }) });
      }, seconds * 1000 + graceMs(seconds));
    };
    child.on('message', onMessage).on('exit', onExit);
    void worker.ready.then(startClock);
    child.send(message);
  });
}

/** The command's way: documents on worker processes running `workerFile` (dist/cli.js), a spare one loading while the plan is made. */
export function workerRunner(workerFile: string): DocumentRunner {
  return {
    prepare: (memoryMb, debug) => startSpareWorker(workerFile, memoryMb, debug),
    run: (command, jobs, ctx, opts, events) => runBatchInWorkers(command, jobs, ctx, { ...opts, workerFile }, events),
    finish: dropSpareWorker,
  };
}
