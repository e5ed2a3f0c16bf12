// A chart whose rows mix statistical bases, or full-year with part-year
// values, invites a comparison the figures do not support. That is an error
// unless the spec says it on purpose (`"usermeta": {"mixes": ["bases",
// "partial-years"]}`), and then the chart's note line says so in words.
import type { Diagnostic, Position } from '../diagnostics/diagnostic.js';
import { report } from '../diagnostics/messages.js';
import type { Dataset, Series } from '../facts/dataset.js';
import { basisLabel, basisNotStated } from '../facts/describe-fact.js';
import { parsePeriod } from '../facts/period.js';
import type { Locale } from '../format/locale.js';

export const mixKinds = ['bases', 'partial-years'] as const;
export type MixKind = (typeof mixKinds)[number];

interface RowFacts {
  basis: string | undefined;
  partial: boolean | undefined;
}

/** A row's basis and coverage: its own columns first, else the fact it repeats. */
function rowFacts(dataset: Dataset, values: Record<string, unknown>): RowFacts {
  const fact = typeof values['fact'] === 'string' ? dataset.facts[values['fact']] : undefined;
  const basis = typeof values['basis'] === 'string' ? values['basis'] : fact?.basis;
  const period = typeof values['period'] === 'string' ? parsePeriod(values['period']) : fact?.period;
  const partial = typeof values['partial'] === 'boolean' ? values['partial'] : period?.partialYear;
  return { basis, partial };
}

export interface Mixes {
  /** Basis ids ('' for rows without one), when there is more than one. */
  bases?: string[];
  partialYears?: boolean;
}

export function findMixes(dataset: Dataset, series: readonly Series[]): Mixes {
  const rows = series.flatMap((s) => s.rows.map((r) => rowFacts(dataset, r.values)));
  const bases = [...new Set(rows.map((r) => r.basis ?? ''))];
  const partial = new Set(rows.map((r) => r.partial).filter((p) => p !== undefined));
  const out: Mixes = {};
  if (bases.length > 1) out.bases = bases;
  if (partial.size > 1) out.partialYears = true;
  return out;
}

/** `usermeta.mixes` of a spec: what the author says the chart mixes on purpose. */
export function declaredMixes(spec: Record<string, unknown>): string[] {
  const meta = spec['usermeta'] as { mixes?: unknown } | undefined;
  return Array.isArray(meta?.mixes) ? meta.mixes.filter((m): m is string => typeof m === 'string') : [];
}

export function mixDiagnostics(dataset: Dataset, mixes: Mixes, declared: readonly string[], seriesId: string, at: Position): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (mixes.bases && !declared.includes('bases')) out.push(report('chart/mixed-bases', at, { series: seriesId, bases: mixes.bases.map((b) => basisLabel(dataset, b, basisNotStated.en)) }));
  if (mixes.partialYears && !declared.includes('partial-years')) out.push(report('chart/mixed-periods', at, { series: seriesId }));
  for (const d of declared) if (!(mixKinds as readonly string[]).includes(d)) out.push(report('chart/bad-mixes', at, { found: d, known: [...mixKinds] }));
  return out;
}

const sentences = {
  en: { bases: (b: string[]) => `Mixes statistical bases (${b.join('; ')}).`, partial: 'Mixes full-year and part-year figures.' },
  vi: { bases: (b: string[]) => `Kết hợp số liệu theo nhiều cơ sở (${b.join('; ')}).`, partial: 'Kết hợp số liệu cả năm và một phần năm.' },
};

/** The words the note line adds for what a chart mixes (only what was declared: undeclared mixes are errors). */
export function mixSentence(dataset: Dataset, mixes: Mixes, declared: readonly string[], locale: Locale): string | undefined {
  const s = sentences[locale];
  const parts: string[] = [];
  if (mixes.bases && declared.includes('bases')) parts.push(s.bases(mixes.bases.map((b) => basisLabel(dataset, b, basisNotStated[locale]))));
  if (mixes.partialYears && declared.includes('partial-years')) parts.push(s.partial);
  return parts.length ? parts.join(' ') : undefined;
}
