// Run the bundled CLI as a user does, and make throwaway projects for it:
// the mini fixture's templates with several copies of its dataset.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixtures, root } from '../helpers.js';
import { threadRunner } from '../../src/batch/document-runner.js';
import { runCli } from '../../src/cli/run-cli.js';

export const cli = path.join(root, 'dist', 'cli.js');

/** The bundled command in its own processes, as a user runs it. */
export function run(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The same command line in this process, its documents built in this
 * thread (`threadRunner`): what it prints and its exit code, as `run` gives
 * them, without starting two processes. For tests of what the command
 * builds and says; `run` for what only processes show (the bundle, limits
 * that end a worker, exit on a bug, signals, the caches of a new process).
 */
export async function runHere(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const before = process.cwd();
  const debug = process.env['BRIEFDECK_DEBUG'];
  process.chdir(cwd);
  try {
    const code = await runCli(args, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, runner: threadRunner });
    return { code, stdout, stderr };
  } finally {
    process.chdir(before);
    if (debug === undefined) delete process.env['BRIEFDECK_DEBUG'];
    else process.env['BRIEFDECK_DEBUG'] = debug;
  }
}

/** A temp project: `templates/` of the mini fixture, `data/<name>` for each name (the mini dataset with that id), and briefdeck.yaml. */
export function makeProject(datasets: readonly string[], projectYaml?: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-project-'));
  cpSync(path.join(fixtures, 'mini', 'templates'), path.join(dir, 'templates'), { recursive: true });
  for (const name of datasets) {
    const data = path.join(dir, 'data', name);
    cpSync(path.join(fixtures, 'mini', 'data'), data, { recursive: true });
    const meta = path.join(data, 'dataset.yaml');
    writeFileSync(meta, readFileSync(meta, 'utf8').replace('id: mini', `id: ${name}`));
  }
  if (projectYaml !== undefined) writeFileSync(path.join(dir, 'briefdeck.yaml'), projectYaml);
  return dir;
}

/** Give the mini deck template its own `format:` (the fixture leaves it to briefdeck.yaml). */
export function deckSaysPptx(dir: string): void {
  const file = path.join(dir, 'templates', 'deck', 'document.md.hbs');
  writeFileSync(file, readFileSync(file, 'utf8').replace('marking: Restricted\n', 'marking: Restricted\nformat: pptx\n'));
}

export function remove(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** A `makeProject([name])` with text replacements applied (each must change its file). */
export function editedProject(name: string, edits: readonly [file: string, from: string | RegExp, to: string][]): string {
  const dir = makeProject([name]);
  for (const [file, from, to] of edits) {
    const f = path.join(dir, file);
    const text = readFileSync(f, 'utf8');
    const next = text.replace(from, to);
    if (next === text) throw new Error(`${file}: ${String(from)} matches nothing`);
    writeFileSync(f, next);
  }
  return dir;
}

/**
 * `briefdeck build` (or `validate`) `--data DATA --template TEMPLATE
 * --quiet --verbose` in this process (`runHere`): its exit code, and every
 * message it printed.
 */
export async function buildInProcess(dir: string, data: string, template: string, command: 'build' | 'validate' = 'build'): Promise<{ code: number; out: string }> {
  const r = await runHere(dir, command, '--data', data, '--template', template, '--quiet', '--verbose');
  return { code: r.code, out: `${r.stderr}${r.stdout}` };
}
