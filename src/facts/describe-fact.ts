// How a fact's basis and the fact itself are named to readers and in
// messages: one wording everywhere (tables, annex, chart notes, reports).
import { formatValue } from '../format/value.js';
import type { Locale } from '../format/locale.js';
import type { Dataset, Fact } from './dataset.js';

export const basisNotStated: Record<Locale, string> = { en: 'basis not stated', vi: 'không nêu cơ sở' };

/** A basis as readers see it: its label, or `unstated` for a fact or row without one. */
export function basisLabel(dataset: Pick<Dataset, 'bases'>, id: string | undefined, unstated = ''): string {
  return id ? (dataset.bases[id]?.label ?? id) : unstated;
}

/** A fact among candidates in a message: "US$260.65 billion (`id`, China customs (GACC), publisher)". */
export function describeFact(dataset: Pick<Dataset, 'bases' | 'sources' | 'units'>, f: Fact): string {
  return `${formatValue(f, 'en', dataset.units)} (\`${f.id}\`, ${basisLabel(dataset, f.basis, basisNotStated.en)}, ${dataset.sources[f.source]?.publisher ?? f.source})`;
}
