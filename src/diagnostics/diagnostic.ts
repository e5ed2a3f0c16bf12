// Diagnostics are values, not exceptions: every stage returns its result plus
// a list of these, each pointing at a file, line and column (1-based).

export type Severity = 'error' | 'warning' | 'info';

export interface Position {
  file: string;
  line: number;
  column: number;
}

export interface Diagnostic {
  severity: Severity;
  /** Stable rule id, e.g. `facts/unknown-source`; tests assert on it. */
  rule: string;
  message: string;
  /** What to do about it; printed on its own line after the message. */
  hint?: string;
  position: Position;
}

/** A stage's output: a value (possibly partial) and what went wrong on the way. */
export interface Result<T> {
  value: T;
  diagnostics: Diagnostic[];
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

export function positionOf(file: string, line = 1, column = 1): Position {
  return { file, line, column };
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Order for printing: by file, then line, then column, then severity. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.position.file.localeCompare(b.position.file) ||
      a.position.line - b.position.line ||
      a.position.column - b.position.column ||
      severityRank[a.severity] - severityRank[b.severity],
  );
}
