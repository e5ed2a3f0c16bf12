// Shared test helpers: temp copies of fixtures to break on purpose.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');
export const fixtures = path.join(root, 'tests', 'fixtures');

/** A fresh temp copy of `tests/fixtures/<name>`. */
export function copyFixture(name: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `briefdeck-${name}-`));
  cpSync(path.join(fixtures, name), dir, { recursive: true });
  return dir;
}

/** Replace `from` (must occur) with `to` in a file under `dir`. */
export function edit(dir: string, file: string, from: string, to: string): void {
  const p = path.join(dir, file);
  const text = readFileSync(p, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} does not contain ${JSON.stringify(from)}`);
  writeFileSync(p, text.replace(from, to));
}

/** Line number (1-based) of the first line containing `needle`. */
export function lineOf(dir: string, file: string, needle: string): number {
  const lines = readFileSync(path.join(dir, file), 'utf8').split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`${file} has no line with ${JSON.stringify(needle)}`);
  return i + 1;
}
