// Starting a worker process (worker-pool.ts runs jobs on it). Kept apart,
// with nothing but Node's own modules, so that the launcher (src/bin/launch.ts)
// can start the first worker before it has even loaded the CLI's bundle:
// the worker's process start and bundle load (about 250 ms on a slow
// machine) then overlap the CLI's own, instead of coming after them.
import { fork, type ChildProcess } from 'node:child_process';

/** Set in the environment of a worker process; the launcher then loads the worker bundle. */
export const workerEnv = 'BRIEFDECK_BATCH_WORKER';

/** `documentMemoryMb` when the project sets none (src/limits.ts uses it): the launcher starts its early worker with it. */
export const defaultDocumentMemoryMb = 2048;

/** The commands that build documents on workers: the launcher starts one early for these. */
export const workerCommands: readonly string[] = ['build', 'validate', 'check'];

export interface WorkerProcess {
  child: ChildProcess;
  /** The end of what it wrote to stderr: why it stopped, when it did. */
  stderrTail: string;
  /** Resolved when it has loaded its bundle and said so (it may say so before it is given a job: a spare). */
  ready: Promise<void>;
}

/**
 * V8 flags of every worker. `--interrupt-budget` (how much a function runs
 * before V8's optimising compiler takes it; default 132 KB) is 16 times the
 * default: a worker lives for one batch, and with the default V8 spent
 * about as much CPU optimising lukewarm functions on background threads
 * as the build itself took (measured: 4 background threads at 0.85 s each
 * against 3.8 s on the main thread, 20 datasets), so a second worker could
 * not find a free core. Measured with it (2 cores): 20 datasets 6.1 → 4.3 s,
 * 100 datasets 17.3–18.2 → 13.4–13.9 s, the example 1.28 → 1.11 s, the
 * 40-chart document 2.98 → 2.64 s. 1 MB did as well; 512 KB less. (The
 * code cache of dist/worker.cjs is made under these flags: V8 takes it only
 * under the same ones.)
 */
export const workerFlags: readonly string[] = [`--interrupt-budget=${2 * 1024 * 1024}`];

/** The `--max-old-space-size` heap flag caps a worker's memory; stderr is kept (or shown with --debug), stdout is not used. */
export function startWorker(file: string, memoryMb: number, debug: boolean): WorkerProcess {
  const child = fork(file, [], {
    execArgv: [`--max-old-space-size=${memoryMb}`, ...workerFlags],
    env: { ...process.env, [workerEnv]: '1' },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'advanced',
  });
  const ready = new Promise<void>((resolve) => {
    const onReady = (m: object) => {
      if ('ready' in m) {
        child.off('message', onReady);
        resolve();
      }
    };
    child.on('message', onReady);
  });
  const worker: WorkerProcess = { child, stderrTail: '', ready };
  child.stderr!.setEncoding('utf8').on('data', (text: string) => {
    if (debug) process.stderr.write(text);
    worker.stderrTail = (worker.stderrTail + text).slice(-4096);
  });
  return worker;
}

/** A worker the launcher started before the CLI's bundle was loaded, with what it was started for. */
export interface EarlyWorker {
  worker: WorkerProcess;
  file: string;
  memoryMb: number;
}

const earlyKey = Symbol.for('briefdeck.earlyWorker');
type WithEarly = { [earlyKey]?: EarlyWorker };

/**
 * The launcher's early start: the worker does not hold the CLI open (a
 * command that fails before it plans exits at once, and the worker with
 * it, as its IPC channel closes) until `takeEarlyWorker` adopts it.
 */
export function startEarlyWorker(file: string, debug: boolean): void {
  const worker = startWorker(file, defaultDocumentMemoryMb, debug);
  worker.child.unref();
  worker.child.channel?.unref();
  (worker.child.stderr as unknown as { unref?: () => void }).unref?.();
  (globalThis as WithEarly)[earlyKey] = { worker, file, memoryMb: defaultDocumentMemoryMb };
}

/** The early worker, once: held open again from now on. */
export function takeEarlyWorker(): EarlyWorker | undefined {
  const early = (globalThis as WithEarly)[earlyKey];
  delete (globalThis as WithEarly)[earlyKey];
  if (!early) return undefined;
  early.worker.child.ref();
  early.worker.child.channel?.ref();
  (early.worker.child.stderr as unknown as { ref?: () => void }).ref?.();
  return early;
}
