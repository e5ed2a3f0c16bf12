// The one safe way to open a user's file: a path → its text, or a diagnostic
// saying why not. Every loader (briefdeck.yaml, dataset YAML, series CSV,
// templates and partials, chart specs) reads through `readProjectFile`, and
// the build writes only where `checkOutputDir` allows.
//
// The rules, in one place:
//   - a path is judged by its real path (`realpath`), so a symlink counts by
//     where it points, and `..` cannot climb out;
//   - it must lie inside the project folder (the root), or inside a trusted
//     folder the caller names (briefdeck's own standard templates);
//   - it must be a regular file no bigger than the caller's limit (the limits
//     below), checked on the open file descriptor, so what was checked is
//     what is read.
import { closeSync, fstatSync, lstatSync, openSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic, Position } from '../diagnostics/diagnostic.js';
import { report } from '../diagnostics/messages.js';
import { noteRead, noteReadBytes } from './read-log.js';

const MiB = 1024 * 1024;

/** Series CSV files: tables of many rows (the 2,000-point fixture is about 60 kB). */
export const maxCsvBytes = 20 * MiB;
/** YAML (briefdeck.yaml, dataset files), templates, partials and chart specs: hand-written text. */
export const maxTextBytes = 2 * MiB;
/** A brand font file (TTF/OTF); CJK fonts run to about 20 MiB. */
export const maxFontBytes = 32 * MiB;

export interface ReadOptions {
  /** The project folder, in any spelling (relative, through a symlink): files must lie inside its real path. */
  root: string;
  /** Larger files are refused (`maxCsvBytes`, `maxTextBytes`). */
  maxBytes: number;
  /** What the file is, for messages: `series file`, `partial`, `chart spec`. */
  what: string;
  /** The path as its naming file wrote it (`series/x.csv`), for messages; default `file`. */
  name?: string;
  /** Where the path was named (the series.yaml line, the `{{> partial}}`); default the file itself. */
  at?: Position;
  /** Folders whose files may be read even outside the root (briefdeck's own templates). */
  trusted?: readonly string[];
}

/**
 * The real path of a folder, or the folder as given if it does not exist.
 * Not cached: a long-running process (watch mode) may see a symlink change.
 * The native realpath is one system call; Node's own walks the path with an
 * lstat per folder (in a batch, 1 ms of every document).
 */
export function realFolder(dir: string): string {
  try {
    return realpathSync.native(dir);
  } catch {
    return path.resolve(dir);
  }
}

/** Whether real path `file` is `dir` or lies under it. */
export function isInside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

function allowed(real: string, opts: { root: string; trusted?: readonly string[] | undefined }): boolean {
  return isInside(real, realFolder(opts.root)) || (opts.trusted ?? []).some((t) => isInside(real, realFolder(t)));
}

function outside(what: string, shown: string, real: string, root: string, at: Position, write = false): Diagnostic {
  return report('io/outside-project', at, { what, path: shown, real, root: realFolder(root), write });
}

/** Read a file of the project as UTF-8 text, or say why it may not or cannot be read. */
export function readProjectFile(file: string, opts: ReadOptions): { text: string } | Diagnostic {
  return readChecked(file, opts, (fd, real) => {
    const text = readFileSync(fd, 'utf8');
    noteRead(real, text);
    return { text };
  });
}

/** Read a binary file of the project (a brand font, an image, a reference deck), under the same rules; `real` is its real path. */
export function readProjectBytes(file: string, opts: ReadOptions): { bytes: Buffer; real: string } | Diagnostic {
  let real = file;
  const r = readChecked(file, opts, (fd, realPath) => {
    real = realPath;
    const bytes = readFileSync(fd);
    noteReadBytes(realPath, bytes);
    return { bytes };
  });
  return 'rule' in r ? r : { bytes: r.bytes, real };
}

function readChecked<T extends object>(file: string, opts: ReadOptions, read: (fd: number, real: string) => T): T | Diagnostic {
  const at = opts.at ?? { file, line: 1, column: 1 };
  const shown = opts.name ?? file;
  const failed = (e: unknown): Diagnostic => {
    const code = (e as NodeJS.ErrnoException).code;
    const args = { what: opts.what, path: shown };
    if (code === 'ENOENT' || code === 'ENOTDIR') return report('project/missing-file', at, { what: `${opts.what} \`${shown}\`` });
    if (code === 'EACCES' || code === 'EPERM') return report('io/permission-denied', at, args);
    if (code === 'EISDIR') return report('io/not-a-file', at, args);
    if (code === 'ELOOP') return report('io/read-failed', at, { detail: `${shown}: symlinks form a loop` });
    return report('io/read-failed', at, { detail: `${shown}: ${(e as Error).message}` });
  };
  let real: string;
  try {
    real = realpathSync.native(file);
  } catch (e) {
    return failed(e);
  }
  if (!allowed(real, opts)) return outside(opts.what, shown, real, opts.root, at);
  let fd: number;
  try {
    fd = openSync(real, 'r');
  } catch (e) {
    return failed(e);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return report('io/not-a-file', at, { what: opts.what, path: shown });
    if (stat.size > opts.maxBytes) return report('io/too-big', at, { what: opts.what, path: shown, bytes: stat.size, limit: opts.maxBytes });
    return read(fd, real);
  } catch (e) {
    return failed(e);
  } finally {
    closeSync(fd);
  }
}

export function isDiagnostic<T extends object>(r: T | Diagnostic): r is Diagnostic {
  return 'rule' in r;
}

/**
 * Whether outputs may be written into `dir`: its real path (or, while it
 * does not exist yet, its nearest existing parent's) must lie inside the
 * root. Undefined when it may. Only for an output folder the project chose
 * (briefdeck.yaml's `out:`, or the default `out/`); one named on the command
 * line (`--out`) is the user's choice and not checked.
 */
export function checkOutputDir(dir: string, opts: { root: string; at?: Position; name?: string }): Diagnostic | undefined {
  const at = opts.at ?? { file: dir, line: 1, column: 1 };
  const shown = opts.name ?? dir;
  let existing = path.resolve(dir);
  for (;;) {
    try {
      lstatSync(existing);
      break;
    } catch {
      const up = path.dirname(existing);
      if (up === existing) break;
      existing = up;
    }
  }
  let real: string;
  try {
    real = realpathSync.native(existing);
  } catch (e) {
    // A symlink that points nowhere: where it would write cannot be known.
    return report('io/write-failed', at, { detail: `${shown}: ${(e as Error).message}` });
  }
  const rest = path.relative(existing, path.resolve(dir));
  return allowed(path.join(real, rest), opts) ? undefined : outside('output folder', shown, path.join(real, rest), opts.root, at, true);
}

/**
 * The project folder a library caller that names none gets: the deepest
 * folder holding both the templates and the dataset (real paths). For the
 * usual layout (`<project>/templates`, `<project>/data/x`) that is the
 * project; for folders in unrelated places it is wide (at worst `/`).
 */
export function defaultRoot(templatesDir: string, dataDir: string): string {
  let a = realFolder(templatesDir);
  const b = realFolder(dataDir);
  while (!isInside(b, a)) {
    const up = path.dirname(a);
    if (up === a) break;
    a = up;
  }
  return a;
}
