// A pure function's JSON result kept on disk by a hash of its inputs, so a
// new process does not redo work whose inputs did not change (parsing the
// dataset, parsing Markdown). Lives in <cache folder>/<kind> (src/util/cache-dir.ts);
// off with BRIEFDECK_NO_CACHE=1; a missing or unreadable entry is recomputed.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import { cacheRoot, projectCacheRoot } from './cache-dir.js';

declare const __BRIEFDECK_CODE__: string | undefined;

/**
 * Which code wrote an entry: the bundle carries a hash of its sources, so a
 * cache written by an older briefdeck is never read back into a newer one.
 * Run from sources (tests), the sources are hashed here, once.
 */
let codeHash: string | undefined;
export function codeId(): string {
  if (codeHash === undefined) {
    if (typeof __BRIEFDECK_CODE__ === 'string') codeHash = __BRIEFDECK_CODE__;
    else {
      const h = createHash('sha256');
      const src = path.resolve(import.meta.dirname, '..');
      for (const f of (readdirSync(src, { recursive: true }) as string[]).filter((n) => n.endsWith('.ts') || n.endsWith('.cjs')).sort()) h.update(f).update(readFileSync(path.join(src, f)));
      // The libraries' versions too, as scripts/bundle.mjs hashes them.
      try {
        h.update(readFileSync(path.join(src, '..', 'package-lock.json')));
      } catch {
        // No lock file beside the sources: their hash alone.
      }
      codeHash = h.digest('hex').slice(0, 16);
    }
  }
  return codeHash;
}

export function contentHash(...parts: readonly string[]): string {
  const h = createHash('sha256').update(codeId());
  for (const p of parts) h.update('\u0000').update(p);
  return h.digest('hex').slice(0, 32);
}

export interface DiskMemoOptions {
  /** In the project's own cache only, never BRIEFDECK_CACHE_DIR: for entries that are run as code, which must be as trusted as node_modules. */
  projectOnly?: boolean;
  /** An entry read back that fails this is computed again (a cache file written by hand, or damaged). */
  valid?: (value: unknown) => boolean;
}

export function diskMemo<T>(kind: string, key: string, compute: () => T, shouldStore: (value: T) => boolean = () => true, opts: DiskMemoOptions = {}): T {
  const root = opts.projectOnly ? projectCacheRoot() : cacheRoot();
  const file = root && path.join(root, kind, `${key}.json`);
  if (file) {
    try {
      const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (!opts.valid || opts.valid(value)) return value as T;
    } catch {
      // Not cached yet.
    }
  }
  const value = compute();
  if (file && shouldStore(value)) {
    try {
      writeFileAtomic(file, JSON.stringify(value));
    } catch {
      // Only time is lost.
    }
  }
  return value;
}
