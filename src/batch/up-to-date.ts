// Documents whose inputs did not change are not built again (as make or
// ninja do): after a document is built, a record of what it was made from
// is kept in the cache folder (every project file it read, with a hash of
// its text; the names in the folders it looks things up in; the job, the
// project's settings, briefdeck's code and the day) and of what it wrote.
// The next `build` compares them, which costs reading the inputs and
// hashing them, and hands back the outputs and messages of last time.
// `build --force` or BRIEFDECK_NO_CACHE=1 builds everything.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { projectCacheRoot } from '../util/cache-dir.js';
import { codeId } from '../util/disk-memo.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { bytesHash, textHash } from '../util/read-log.js';
import type { Job, JobResult } from './job.js';
import type { BatchContext } from './run-batch.js';

interface BuildRecord {
  key: string;
  /** Real path → hash of the text read. */
  inputs: [string, string][];
  /** Folder, whether all the way down, and a hash of the names in it (a new partial, spec or dataset file can change what a lookup finds). */
  folders: [string, boolean, string][];
  /** Output path → hash of its bytes. */
  outputs: [string, string][];
  /** What the build reported beyond the job's own planning messages. */
  diagnostics: Diagnostic[];
}

/** Bump when the record's meaning changes. */
const recordFormat = 1;

/** Everything besides files that a document depends on. */
function jobKey(job: Job, ctx: BatchContext): string {
  const { diagnostics: _planned, ...jobPart } = job;
  return JSON.stringify({
    recordFormat,
    code: codeId(),
    node: process.version,
    job: jobPart,
    ctx,
    // Stale-figure checks and "as of" wording read today's date.
    day: new Date().toISOString().slice(0, 10),
    sourceDateEpoch: process.env['SOURCE_DATE_EPOCH'] ?? null,
  });
}

function recordFile(job: Job, ctx: BatchContext): string | undefined {
  const root = projectCacheRoot();
  if (!root) return undefined;
  const name = createHash('sha256').update(JSON.stringify([job.data, job.template, job.format, job.name ?? '', job.locale ?? '', ctx.outDir])).digest('hex').slice(0, 32);
  return path.join(root, 'builds', `${name}.json`);
}

/**
 * The folders whose listings a document's lookups depend on: the project
 * root's own names (briefdeck.yaml, _brand.yml…; not recursive, since out/
 * is there), the templates and the dataset all the way down.
 */
function foldersOf(job: Job, ctx: BatchContext): [string, boolean][] {
  return [
    [ctx.root ?? path.dirname(ctx.templatesDir), false],
    [ctx.templatesDir, true],
    [job.data, true],
  ];
}

function listingHash(dir: string, recursive: boolean): string {
  try {
    return textHash((readdirSync(dir, { recursive }) as string[]).sort().join('\n'));
  } catch {
    return 'unreadable';
  }
}

/** The hash the read log keeps for a file read as text, or (`binary`) as bytes. */
function fileHash(file: string, binary: boolean): string | undefined {
  try {
    const bytes = readFileSync(file);
    return binary ? bytesHash(bytes) : textHash(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** Keep the record of a document just built (a build with errors keeps none). */
export function recordBuild(job: Job, ctx: BatchContext, reads: ReadonlyMap<string, string>, result: JobResult): void {
  const file = recordFile(job, ctx);
  if (!file || result.failed || result.outputs.length === 0) return;
  const outputs: [string, string][] = [];
  for (const out of result.outputs) {
    const hash = fileHash(out, true);
    if (!hash) return;
    outputs.push([out, hash]);
  }
  const record: BuildRecord = {
    key: jobKey(job, ctx),
    inputs: [...reads].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    folders: foldersOf(job, ctx).map(([d, recursive]) => [d, recursive, listingHash(d, recursive)]),
    outputs,
    diagnostics: result.diagnostics.slice(job.diagnostics.length),
  };
  try {
    writeFileAtomic(file, JSON.stringify(record));
  } catch {
    // Without a record the next build only takes longer.
  }
}

/** The result of last time, when nothing the document was made from has changed and its outputs are as written. */
export function upToDate(job: Job, ctx: BatchContext): JobResult | undefined {
  const file = recordFile(job, ctx);
  if (!file) return undefined;
  let record: BuildRecord;
  try {
    record = JSON.parse(readFileSync(file, 'utf8')) as BuildRecord;
  } catch {
    return undefined;
  }
  if (record.key !== jobKey(job, ctx)) return undefined;
  // A binary input (a brand font, an image, a reference deck) is hashed by its bytes, marked `b:`.
  if (record.inputs.length === 0 || !record.inputs.every(([f, h]) => (h.startsWith('b:') ? `b:${fileHash(f, true)}` : fileHash(f, false)) === h)) return undefined;
  if (!record.folders.every(([d, recursive, h]) => listingHash(d, recursive) === h)) return undefined;
  if (!record.outputs.every(([f, h]) => fileHash(f, true) === h)) return undefined;
  return { job, diagnostics: [...job.diagnostics, ...record.diagnostics], outputs: record.outputs.map(([f]) => f), failed: false, upToDate: true };
}
