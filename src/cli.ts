#!/usr/bin/env node
// The `briefdeck` command: src/cli/run-cli.ts on this process's streams,
// its documents on worker processes running this same file (dist/cli.js),
// and one last guard against bugs.
import { fileURLToPath } from 'node:url';
import { workerRunner } from './batch/worker-pool.js';
import { runCli } from './cli/run-cli.js';
import { internalErrorExitCode, internalErrorText } from './diagnostics/internal-error.js';

/** The last guard: a bug anywhere (also in a callback outside runCli's promise) is one message and exit 70, not a stack dump. */
function stopOnBug(e: unknown): void {
  process.stderr.write(internalErrorText(e));
  process.exit(internalErrorExitCode);
}
process.on('uncaughtException', stopOnBug);
process.on('unhandledRejection', stopOnBug);

const io = { stdout: process.stdout, stderr: process.stderr, runner: workerRunner(fileURLToPath(new URL('./cli.js', import.meta.url))) };
runCli(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
}, stopOnBug);
