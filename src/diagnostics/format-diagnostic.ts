// Diagnostic → the one-line form editors understand:
// `file:line:col severity message [rule]`, with the hint indented below.
import path from 'node:path';
import type { Diagnostic } from './diagnostic.js';
import { escapeInvisible } from '../facts/clean-text.js';

export function formatDiagnostic(d: Diagnostic, cwd = process.cwd()): string {
  const file = path.isAbsolute(d.position.file) ? path.relative(cwd, d.position.file) : d.position.file;
  // Messages quote data: a bidi override or a control character in it would reorder or hide the terminal line, so they are spelled out (`\u202E`).
  const head = `${escapeInvisible(file)}:${d.position.line}:${d.position.column} ${d.severity} ${escapeInvisible(d.message)} [${d.rule}]`;
  return d.hint ? `${head}\n  hint: ${escapeInvisible(d.hint)}` : head;
}

/** Diagnostics as JSON, with bidi controls escaped too (JSON.stringify leaves U+202A–U+202E and U+2066–U+2069 raw). */
export function diagnosticsToJson(diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify(diagnostics, null, 2).replace(/[\u202A-\u202E\u2066-\u2069]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16)}`);
}

export function summarize(diagnostics: readonly Diagnostic[]): string {
  const count = (s: string) => diagnostics.filter((d) => d.severity === s).length;
  const e = count('error');
  const w = count('warning');
  return `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}`;
}
