// The worker side of worker-pool.ts, and the entry of its own bundle
// (dist/worker.cjs, with its own code cache): a worker process waits for
// jobs, runs each with `runOne` (the serial batch's own step) and sends the
// result back. It lives for the whole batch, so its in-process caches stay
// warm from one document to the next.
import { internalErrorExitCode, internalErrorText } from '../diagnostics/internal-error.js';
import { runExitHooks } from '../util/at-exit.js';
import { runOne } from './run-batch.js';
import { workerEnv, type CloseMessage, type JobMessage, type ReadyMessage, type ResultMessage } from './worker-protocol.js';

function serveJobs(): void {
  // Its own child processes (none today) would not be batch workers.
  delete process.env[workerEnv];
  const send = (m: ResultMessage | ReadyMessage) => process.send!(m);
  let running: Promise<unknown> = Promise.resolve();
  process.on('message', (m: JobMessage | CloseMessage) => {
    if ('close' in m) {
      // The caches are saved now, not at `beforeExit`, which a process ended from outside never sees.
      void running.then(() => {
        runExitHooks();
        process.disconnect();
      });
      return;
    }
    running = running.then(() => runOne(m.command, m.job, m.ctx)).then(({ job: _job, ...result }) => send({ id: m.id, result }));
  });
  send({ ready: true });
}

/** As the CLI's last guard: a bug is one message (the pool shows it as the document's internal error) and exit 70. */
function stopOnBug(e: unknown): void {
  process.stderr.write(internalErrorText(e));
  process.exit(internalErrorExitCode);
}

if (typeof process.send === 'function') {
  process.on('uncaughtException', stopOnBug);
  process.on('unhandledRejection', stopOnBug);
  serveJobs();
}
else {
  process.stderr.write('briefdeck: the worker bundle runs only as a worker of `briefdeck build`\n');
  process.exitCode = 2;
}
