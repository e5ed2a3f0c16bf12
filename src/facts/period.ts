// Period strings in facts and series → a structured period.
// `2024`, `2025-Q1`, `2024-10`, `2024-10-31` (an instant, for stocks) and
// ranges `2024-01..2024-10`. Partial-year periods are flagged because they
// must never be compared with full-year values.

export type PeriodKind = 'year' | 'quarter' | 'month' | 'day' | 'range';

export interface Period {
  text: string;
  kind: PeriodKind;
  /** First day covered, `YYYY-MM-DD`. */
  start: string;
  /** Last day covered, `YYYY-MM-DD`. */
  end: string;
  /** Covers part of a calendar year only (a quarter, a month, Jan–Oct…). */
  partialYear: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

interface Bound {
  kind: Exclude<PeriodKind, 'range'>;
  start: string;
  end: string;
}

function parseBound(text: string): Bound | undefined {
  let m = /^(\d{4})$/.exec(text);
  if (m) return { kind: 'year', start: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
  m = /^(\d{4})-Q([1-4])$/.exec(text);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    const first = (q - 1) * 3 + 1;
    return { kind: 'quarter', start: `${y}-${pad(first)}-01`, end: `${y}-${pad(first + 2)}-${lastDay(y, first + 2)}` };
  }
  m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return undefined;
    return { kind: 'month', start: `${y}-${pad(mo)}-01`, end: `${y}-${pad(mo)}-${lastDay(y, mo)}` };
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (mo < 1 || mo > 12 || d < 1 || d > lastDay(y, mo)) return undefined;
    return { kind: 'day', start: text, end: text };
  }
  return undefined;
}

/**
 * Parsed periods by text, frozen and shared: a long series is parsed in
 * several places (the CSV, the chart's sort, its labels), and a daily series
 * repeats no text but each is asked for three times. Bounded.
 */
const parsedPeriods = new Map<string, Period | undefined>();

export function parsePeriod(text: string): Period | undefined {
  if (parsedPeriods.has(text)) return parsedPeriods.get(text);
  const period = parsePeriodText(text);
  if (parsedPeriods.size >= 20000) parsedPeriods.clear();
  parsedPeriods.set(text, period && Object.freeze(period));
  return period;
}

function parsePeriodText(text: string): Period | undefined {
  const trimmed = text.trim();
  const parts = trimmed.split('..');
  if (parts.length === 1) {
    const b = parseBound(trimmed);
    if (!b) return undefined;
    const partialYear = b.kind === 'quarter' || b.kind === 'month';
    return { text: trimmed, kind: b.kind, start: b.start, end: b.end, partialYear };
  }
  if (parts.length !== 2) return undefined;
  const a = parseBound(parts[0]!);
  const b = parseBound(parts[1]!);
  if (!a || !b || a.start > b.end) return undefined;
  const fullYears = a.start.endsWith('-01-01') && b.end.endsWith('-12-31');
  return { text: trimmed, kind: 'range', start: a.start, end: b.end, partialYear: !fullYears };
}

/** A calendar date `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; returns the first day it covers. */
export function parseDate(text: string): string | undefined {
  const b = parseBound(text.trim());
  if (!b || b.kind === 'quarter') return undefined;
  return b.start;
}

/** Months between two `YYYY-MM-DD` dates, rounded down. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}
