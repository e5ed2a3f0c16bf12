// `::fact-annex`: a table of every fact the document uses (cited in text,
// key figures and tables, or drawn as a chart row), in order of first use,
// with value, period, basis and as-of date; the citation after each value
// is its source in the sources list (a publisher column would double the
// table's length). The reader can check each number without the dataset.
import type { Position } from '../diagnostics/diagnostic.js';
import type { Dataset, Fact } from '../facts/dataset.js';
import { basisLabel } from '../facts/describe-fact.js';
import { columnHeadings, type Locale } from '../format/locale.js';
import { formatDate, formatPeriod } from '../format/period.js';
import { formatValue } from '../format/value.js';
import type { Citation, Table, TableCell } from './nodes.js';

export const annexColumns = ['label', 'value', 'period', 'basis', 'asOf'] as const;

/** As of: the fact's own date if it has one, else the date of the source that published it. */
function asOfText(f: Fact, dataset: Dataset, locale: Locale): string {
  const date = f.asOf ?? dataset.sources[f.source]?.date;
  return date ? formatDate(date, locale) : '';
}

export function factAnnexTable(factIds: readonly string[], dataset: Dataset, locale: Locale, cite: (sourceId: string, factId: string) => Citation, position: Position): Table {
  const text = (value: string): TableCell => ({ type: 'table-cell', children: value ? [{ type: 'text', value: value.normalize('NFC'), position }] : [], position });
  const headings = columnHeadings[locale];
  const rows = factIds
    .map((id) => dataset.facts[id])
    .filter((f): f is Fact => f !== undefined)
    .map((f): TableCell[] => [
      text(f.label),
      { type: 'table-cell', children: [{ type: 'text', value: formatValue(f, locale, dataset.units, { form: 'short' }).normalize('NFC'), position }, cite(f.source, f.id)], position },
      text(formatPeriod(f.period, locale)),
      text(basisLabel(dataset, f.basis)),
      text(asOfText(f, dataset, locale)),
    ]);
  return { type: 'table', align: annexColumns.map((c) => (c === 'value' ? 'right' : 'left')), header: annexColumns.map((c) => text(headings[c])), rows, position };
}
