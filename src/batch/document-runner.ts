// How the command line runs a batch's documents. `briefdeck` runs them on
// worker processes (worker-pool.ts: contained, every core busy); tests and
// library callers may run them in their own thread (`threadRunner`), where a
// stage that runs away is not stopped.
import type { BatchCommand, Job, JobResult } from './job.js';
import { runBatch, type BatchContext, type BatchEvents } from './run-batch.js';

export interface RunOptions {
  /** Documents built at once, at most. */
  workers: number;
  /** Start workers past the first only once the batch shows it gains from them (no `--jobs`). */
  adaptive: boolean;
  /** `--debug`: a worker's own output is printed as it comes. */
  debug: boolean;
  /** A job's result without building it, when it is up to date (up-to-date.ts). */
  skip?: (job: Job) => JobResult | undefined;
}

export interface DocumentRunner {
  /** Once the project's memory limit is known, before the plan: a worker may start loading while the plan is made. */
  prepare(memoryMb: number, debug: boolean): void;
  /** The results in plan order; `events` are handed on in plan order too. */
  run(command: BatchCommand, jobs: readonly Job[], ctx: BatchContext, opts: RunOptions, events: BatchEvents): Promise<JobResult[]>;
  /** After the command, however it ended: nothing `prepare` started is left running. */
  finish(): void;
}

/** One document after another in this thread, as worker processes would build them. */
export const threadRunner: DocumentRunner = {
  prepare() {},
  run: (command, jobs, ctx, opts, events) => runBatch(command, jobs, ctx, events, opts.skip),
  finish() {},
};
