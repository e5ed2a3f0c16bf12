// Dataset → the plain-object context templates see. Strings are already
// Markdown-escaped, so `{{label}}` prints a value literally; helpers that
// need raw data read the Dataset itself, not this view.
import type { Dataset, Fact, Source } from '../facts/dataset.js';
import { basisLabel } from '../facts/describe-fact.js';
import type { Locale } from '../format/locale.js';
import { formatDate, formatPeriod } from '../format/period.js';
import { formatValue } from '../format/value.js';
import { words } from '../format/locale.js';
import { escapeMarkdown } from './escape-markdown.js';
import { citeMarker } from './helpers/helper-env.js';
import { outlineView } from './outline.js';

export interface FactView {
  id: string;
  label: string;
  measure: string;
  /** The formatted value with its citation marker, as `{{fact}}` prints it: every number printed from data is cited. */
  value: string;
  /** The formatted value alone, for the rare place a citation follows elsewhere. */
  valueText: string;
  raw: number | string;
  unit: string;
  period: string;
  partialYear: boolean;
  basis: string;
  source: string;
  asOf: string;
  note: string;
}

export function factView(dataset: Dataset, fact: Fact, locale: Locale): FactView {
  const source = dataset.sources[fact.source];
  return {
    id: fact.id,
    label: escapeMarkdown(fact.label),
    measure: fact.measure,
    value: escapeMarkdown(formatValue(fact, locale, dataset.units)) + citeMarker(fact.source, fact.id),
    valueText: escapeMarkdown(formatValue(fact, locale, dataset.units)),
    raw: fact.value,
    unit: fact.unit ?? '',
    period: escapeMarkdown(formatPeriod(fact.period, locale)),
    partialYear: fact.period.partialYear,
    basis: escapeMarkdown(basisLabel(dataset, fact.basis)),
    source: source ? escapeMarkdown(source.publisher) : '',
    asOf: fact.asOf ? formatDate(fact.asOf, locale) : '',
    note: fact.note ? escapeMarkdown(fact.note) : '',
  };
}

function sourceView(s: Source, locale: Locale) {
  return { id: s.id, publisher: escapeMarkdown(s.publisher), title: escapeMarkdown(s.title), date: formatDate(s.date, locale), url: s.url ?? '' };
}

export function templateContext(dataset: Dataset, locale: Locale) {
  const facts: Record<string, FactView> = Object.create(null) as Record<string, FactView>;
  for (const f of Object.values(dataset.facts)) facts[f.id] = factView(dataset, f, locale);
  const sources: Record<string, ReturnType<typeof sourceView>> = Object.create(null) as Record<string, ReturnType<typeof sourceView>>;
  for (const s of Object.values(dataset.sources)) sources[s.id] = sourceView(s, locale);
  const outline = outlineView(dataset, locale);
  return {
    locale,
    /** The locale's words for headings and labels (`{{words.sources}}`), so a template reads right in every locale. */
    words: { ...words[locale] },
    dataset: {
      id: dataset.id,
      title: escapeMarkdown(dataset.title),
      subtitle: dataset.subtitle ? escapeMarkdown(dataset.subtitle) : '',
      description: dataset.description ? escapeMarkdown(dataset.description) : '',
      asOf: formatDate(dataset.asOf, locale),
      date: formatDate(dataset.date ?? dataset.asOf, locale),
      highlights: outline.highlights,
      sections: outline.sections,
      /** Fact-table columns that say something for this dataset: no basis column when no fact has one. */
      tableColumns: Object.values(dataset.facts).some((f) => f.basis) ? 'label,value,period,basis' : 'label,value,period,source',
    },
    facts,
    sources,
  };
}
