// The dataset's outline (dataset.yaml `highlights:` and `sections:`) as the
// template context shows it: highlight queries answered to fact ids, and one
// section of everything when the dataset declares none. What the standard
// templates iterate over; any template may use it.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { words, type Locale } from '../format/locale.js';
import type { Dataset, Highlight } from '../facts/dataset.js';
import { escapeMarkdown } from './escape-markdown.js';
import { queryFacts } from './helpers/fact-query.js';

/** Every key is always present: Handlebars runs in strict mode, where a missing field is an error. */
export interface HighlightView {
  /** The fact's id. (Not `fact`: that is a helper, and `{{fact}}` would call it.) */
  id: string;
  label: string | null;
}

export interface SectionView {
  title: string;
  lead: string;
  /** Measure prefixes, comma-separated, as the `measure=` of `factTable` and `eachMeasure` takes them. */
  measures: string;
  /** Fact ids, space-separated, as `ids=` takes them. */
  facts: string;
  series: string[];
  /** The section names facts (by measure or id): it gets bullets and a table. */
  hasFacts: boolean;
  /** It has a lead text or facts: something to say besides its charts. */
  hasText: boolean;
}

function highlightFact(dataset: Dataset, h: Highlight, diagnostics: Diagnostic[]): string | undefined {
  if (h.fact !== undefined) return dataset.facts[h.fact] ? h.fact : undefined;
  const hash: Record<string, unknown> = { measure: h.measure };
  for (const key of ['period', 'basis', 'source'] as const) if (h[key] !== undefined) hash[key] = h[key];
  const loc = { source: h.position.file, start: { line: h.position.line, column: h.position.column - 1 } };
  const found = queryFacts({ dataset, diagnostics, uses: [], defaultFile: h.position.file }, { hash, loc }, 'listed');
  return found?.[0]?.id;
}

export function outlineView(dataset: Dataset, locale: Locale): { highlights: HighlightView[]; sections: SectionView[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const highlights: HighlightView[] = [];
  for (const h of dataset.highlights) {
    const fact = highlightFact(dataset, h, diagnostics);
    if (fact) highlights.push({ id: fact, label: h.label !== undefined ? h.label : null });
  }
  const sections: SectionView[] = dataset.sections
    ? dataset.sections.map((s) => {
        const hasFacts = s.measures.length + s.facts.length > 0;
        return { title: escapeMarkdown(s.title), lead: s.lead ? escapeMarkdown(s.lead) : '', measures: s.measures.join(','), facts: s.facts.join(' '), series: s.series, hasFacts, hasText: hasFacts || s.lead !== undefined };
      })
    : [
        {
          title: words[locale]['keyFacts']!,
          lead: '',
          measures: [...new Set(Object.values(dataset.facts).map((f) => f.measure))].join(','),
          facts: '',
          series: Object.keys(dataset.series),
          hasFacts: Object.keys(dataset.facts).length > 0,
          hasText: Object.keys(dataset.facts).length > 0,
        },
      ];
  return { highlights, sections, diagnostics };
}
