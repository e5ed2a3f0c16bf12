// Write a file so that readers see the old version or the new one, never a
// half-written file: write a temp file beside it, then rename over it. A
// temp file left by a process that was killed before its rename is removed
// the next time a file is written into that folder.
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** `.<name>.<pid>.tmp`: ours, and whose. */
const tempName = /^\..+\.([1-9]\d{0,9})\.tmp$/;

const tempFile = (file: string) => path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);

/** Whether a process by that id is running: signal 0 checks without sending anything (EPERM: it runs, as another user). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Remove our temp files in `dir` whose process is gone; returns their names. Other files, and live processes' temps, are left alone. */
export function removeStaleTemps(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = tempName.exec(name);
    if (!m || Number(m[1]) === process.pid || isAlive(Number(m[1]))) continue;
    try {
      rmSync(path.join(dir, name), { force: true });
      removed.push(name);
    } catch {
      // Someone else's to clean up; it does no harm.
    }
  }
  return removed;
}

/** Folders swept of stale temp files by this process: once each is enough. */
const swept = new Set<string>();

export function writeFileAtomic(file: string, data: Uint8Array | string): void {
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true });
  if (!swept.has(dir)) {
    swept.add(dir);
    removeStaleTemps(dir);
  }
  const temp = tempFile(file);
  try {
    writeFileSync(temp, data);
    renameSync(temp, file);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}
