// An exception nobody expected (a bug) → the text the user sees: what went
// wrong and a request to report it; the stack only when asked for
// (`--debug`, or BRIEFDECK_DEBUG=1), since a user cannot act on it.
import { messages } from './messages.js';

/** Exit code of a run stopped by a bug (EX_SOFTWARE in sysexits.h). */
export const internalErrorExitCode = 70;

/** `--debug` or BRIEFDECK_DEBUG=1: stacks are printed. */
export function debugEnabled(): boolean {
  return process.env['BRIEFDECK_DEBUG'] === '1';
}

export function internalErrorText(e: unknown, debug = debugEnabled()): string {
  const detail = e instanceof Error ? e.message : String(e);
  const lines = [`briefdeck: ${messages['internal/crash'].text({ detail })}`, `  hint: ${messages['internal/crash'].hint!({ detail, debug })}`];
  if (debug && e instanceof Error && e.stack) lines.push(e.stack);
  return `${lines.join('\n')}\n`;
}
