// The worker side of worker-pool.ts: a worker process runs the CLI's bundle
// like the main one, and instead of parsing a command line it waits for
// jobs, runs each with `runOne` (the serial batch's own step) and sends the
// result back. It lives for the whole batch, so its in-process caches stay
// warm from one document to the next.
import type { BatchCommand, Job, JobResult } from './job.js';
import type { BatchContext } from './run-batch.js';
import { runExitHooks } from '../util/at-exit.js';

export interface JobMessage {
  /** The job's index in the plan. */
  id: number;
  command: BatchCommand;
  job: Job;
  ctx: BatchContext;
}

/** Sent when the batch is over: save the caches and end. */
export interface CloseMessage {
  close: true;
}

export interface ResultMessage {
  id: number;
  result: Omit<JobResult, 'job'>;
}

/** Set in the environment of a process started by worker-pool.ts. */
export const workerEnv = 'BRIEFDECK_BATCH_WORKER';

/** True in a process started by worker-pool.ts (with its IPC channel). */
export function isBatchWorker(): boolean {
  return process.env[workerEnv] === '1' && typeof process.send === 'function';
}

export function serveJobs(): void {
  // Its own workers (none today) would not be batch workers.
  delete process.env[workerEnv];
  const send = (m: ResultMessage) => process.send!(m);
  // Loaded here, not at the top: the CLI's main thread imports this file and never builds.
  const running = import('./run-batch.js');
  process.on('message', (m: JobMessage | CloseMessage) => {
    if ('close' in m) {
      // The caches are saved now, not at `beforeExit`, which a process ended from outside never sees.
      void running.then(() => {
        runExitHooks();
        process.disconnect();
      });
      return;
    }
    void running.then(({ runOne }) => runOne(m.command, m.job, m.ctx)).then(({ job: _job, ...result }) => send({ id: m.id, result }));
  });
}
