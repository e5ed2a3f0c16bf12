// Which project files a build read, each with a hash of the text it read:
// what src/batch/up-to-date.ts compares to know that nothing a document was
// made from has changed. Every user file is read through project-files.ts,
// which notes it here while a log is open (one document at a time).
import { createHash } from 'node:crypto';

let open: Map<string, string> | undefined;

export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** Called by readProjectFile for every file it read (its real path). */
export function noteRead(realPath: string, text: string): void {
  open?.set(realPath, textHash(text));
}

/** Called by readProjectBytes for a binary file (a font, an image, a reference deck): its hash is of the bytes, marked `b:`. */
export function noteReadBytes(realPath: string, bytes: Buffer): void {
  open?.set(realPath, `b:${bytesHash(bytes)}`);
}

export function bytesHash(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 32);
}

/** Run `build` with a read log open; the files it read, by real path, with their hashes. */
export async function withReadLog<T>(build: () => Promise<T>): Promise<{ value: T; reads: Map<string, string> }> {
  const reads = new Map<string, string>();
  const outer = open;
  open = reads;
  try {
    return { value: await build(), reads };
  } finally {
    open = outer;
  }
}

/**
 * For an in-process cache whose value was made from files: `compute` with
 * its reads captured (and passed on to the open log), so that a later hit
 * can `replayReads` them. Otherwise a document served from the cache would
 * not list the files it depends on, and could be taken as up to date after
 * one of them changed.
 */
export function capturingReads<T>(compute: () => T): { value: T; reads: Map<string, string> } {
  const reads = new Map<string, string>();
  const outer = open;
  open = reads;
  try {
    return { value: compute(), reads };
  } finally {
    open = outer;
    for (const [file, hash] of reads) outer?.set(file, hash);
  }
}

export function replayReads(reads: ReadonlyMap<string, string>): void {
  for (const [file, hash] of reads) open?.set(file, hash);
}
