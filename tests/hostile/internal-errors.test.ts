// The last guard: a bug is one message asking for a report and exit 70,
// with the stack only under --debug (or BRIEFDECK_DEBUG=1); a bug met by one
// document fails that document without a stack.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { Job } from '../../src/batch/job.js';
import { runBatch } from '../../src/batch/run-batch.js';
import { internalErrorExitCode, internalErrorText } from '../../src/diagnostics/internal-error.js';
import { messages } from '../../src/diagnostics/messages.js';
import { cli, makeProject, remove, run } from '../cli/run-cli.js';

vi.mock('../../src/build.js', () => ({
  validateDocument: () => {
    throw new Error("Cannot find module 'x'\nRequire stack:\n- /somewhere/briefdeck.cjs");
  },
  checkDocumentAndCharts: () => ({ diagnostics: [] }),
  chartsDrawnBy: () => ({}),
  buildDocument: () => ({ diagnostics: [], outputs: [] }),
}));

const scratch = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-bug-'));
/** Preloads that throw once the CLI has set up its guard: outside main's promise, as the `href` crash did. */
const throwLater = path.join(scratch, 'throw-later.cjs');
writeFileSync(throwLater, "process.on('newListener', (e) => { if (e === 'uncaughtException') setImmediate(() => { throw new Error('boom'); }); });\n");
const rejectLater = path.join(scratch, 'reject-later.cjs');
writeFileSync(rejectLater, "process.on('newListener', (e) => { if (e === 'unhandledRejection') setImmediate(() => { Promise.reject(new Error('boom')); }); });\n");

let dir = '';
afterEach(() => remove(dir));
afterAll(() => remove(scratch));

function runWith(preload: string, env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, ['-r', preload, cli, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stderr: r.stderr };
}

const stackLine = /\n\s+at .+:\d+:\d+/;

describe('a bug in a run', () => {
  it('prints the internal error and asks for a report, exits 70, no stack', () => {
    dir = makeProject(['mini']);
    for (const preload of [throwLater, rejectLater]) {
      const r = runWith(preload, { BRIEFDECK_DEBUG: '' }, 'validate', '--data', 'data/mini', '--template', 'brief');
      expect(r.code).toBe(internalErrorExitCode);
      expect(r.stderr).toContain(`briefdeck: ${messages['internal/crash'].text({ detail: 'boom' })}`);
      expect(r.stderr).toContain('please report it');
      expect(r.stderr).not.toMatch(stackLine);
    }
  });

  it('shows the stack with --debug, or with BRIEFDECK_DEBUG=1', () => {
    dir = makeProject(['mini']);
    const a = runWith(throwLater, { BRIEFDECK_DEBUG: '' }, 'validate', '--data', 'data/mini', '--template', 'brief', '--debug');
    expect(a.code).toBe(70);
    expect(a.stderr).toMatch(stackLine);
    const b = runWith(throwLater, { BRIEFDECK_DEBUG: '1' }, 'build', '--data', 'data/mini', '--template', 'brief');
    expect(b.code).toBe(70);
    expect(b.stderr).toMatch(stackLine);
  });

  it('--debug is an option of build, validate, check and new', () => {
    dir = makeProject(['mini']);
    for (const command of ['build', 'validate', 'check', 'new']) {
      const r = run(dir, command, '--debug', '--help');
      expect(r.code, command).toBe(0);
      expect(r.stdout, command).toContain('--debug');
    }
  });

  it('the text has no stack unless asked', () => {
    const e = new Error('boom');
    expect(internalErrorText(e, false)).not.toMatch(stackLine);
    expect(internalErrorText(e, true)).toMatch(stackLine);
  });
});

describe('a bug met by one document', () => {
  const job: Job = { template: 'brief', data: '/p/data/bug', format: 'pdf', diagnostics: [] };

  it('is internal/error with the first line of the message, no require stack', async () => {
    vi.stubEnv('BRIEFDECK_DEBUG', '');
    const [result] = await runBatch('validate', [job], { templatesDir: '/p/templates', outDir: '/p/out' });
    expect(result!.failed).toBe(true);
    expect(result!.diagnostics[0]!.message).toBe(messages['internal/error'].text({ detail: "Cannot find module 'x'" }));
    vi.unstubAllEnvs();
  });

  it('prints its stack with BRIEFDECK_DEBUG=1 (what --debug sets)', async () => {
    vi.stubEnv('BRIEFDECK_DEBUG', '1');
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const [result] = await runBatch('validate', [job], { templatesDir: '/p/templates', outDir: '/p/out' });
    expect(result!.diagnostics[0]!.message).toContain('Require stack');
    expect(write.mock.calls.map((c) => String(c[0])).join('')).toMatch(stackLine);
    write.mockRestore();
    vi.unstubAllEnvs();
  });
});
