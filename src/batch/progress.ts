// Progress of a batch on stderr. On a terminal: one line, rewritten as each
// document starts (`[3/40] data/x brief …`), cleared before anything else is
// printed. Elsewhere (CI logs, pipes): one plain line per finished document,
// `[3/40] data/x brief … ok`, since a log cannot rewrite a line.

export interface Progress {
  start(label: string, index: number, total: number): void;
  done(label: string, index: number, total: number, errors: number): void;
  /** Clear the rewritten line before printing something else. */
  clear(): void;
}

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

const counter = (index: number, total: number) => `[${index + 1}/${total}]`;
const outcome = (errors: number) => (errors === 0 ? 'ok' : `failed (${errors} error${errors === 1 ? '' : 's'})`);

/** Erase the current terminal line and return to its start (ANSI "erase in line"). */
const eraseLine = '\r\u001b[2K';

export function terminalProgress(stream: ProgressStream): Progress {
  let shown = false;
  return {
    start(label, index, total) {
      const line = `${counter(index, total)} ${label} …`;
      // Longer than the terminal, the line would wrap and `\r` could not take it back.
      const width = stream.columns ?? 80;
      stream.write(`${eraseLine}${line.length < width ? line : `${line.slice(0, width - 2)}…`}`);
      shown = true;
    },
    done() {},
    clear() {
      if (shown) stream.write(eraseLine);
      shown = false;
    },
  };
}

export function plainProgress(stream: ProgressStream): Progress {
  return {
    start() {},
    done(label, index, total, errors) {
      stream.write(`${counter(index, total)} ${label} … ${outcome(errors)}\n`);
    },
    clear() {},
  };
}

export const noProgress: Progress = { start() {}, done() {}, clear() {} };

/** The progress a stream can show. */
export function progressOn(stream: ProgressStream): Progress {
  return stream.isTTY ? terminalProgress(stream) : plainProgress(stream);
}
