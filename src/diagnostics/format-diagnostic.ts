// Diagnostic → the one-line form editors understand:
// `file:line:col severity message [rule]`, with the hint indented below.
import path from 'node:path';
import type { Diagnostic } from './diagnostic.js';

export function formatDiagnostic(d: Diagnostic, cwd = process.cwd()): string {
  const file = path.isAbsolute(d.position.file) ? path.relative(cwd, d.position.file) : d.position.file;
  const head = `${file}:${d.position.line}:${d.position.column} ${d.severity} ${d.message} [${d.rule}]`;
  return d.hint ? `${head}\n  hint: ${d.hint}` : head;
}

export function summarize(diagnostics: readonly Diagnostic[]): string {
  const count = (s: string) => diagnostics.filter((d) => d.severity === s).length;
  const e = count('error');
  const w = count('warning');
  return `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}`;
}
