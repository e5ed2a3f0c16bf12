// The messages between worker-pool.ts (the CLI) and worker-main.ts (a worker
// process): a job out, its result back, and the close at the end of a batch.
import type { BatchCommand, Job, JobResult } from './job.js';
import type { BatchContext } from './run-batch.js';

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

/** Sent once by a worker that has loaded its bundle: the document clock starts then. */
export interface ReadyMessage {
  ready: true;
}

export { workerEnv } from './start-worker.js';
