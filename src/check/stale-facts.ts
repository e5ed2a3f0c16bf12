// Old figures quoted as current. Two rules, over the facts a document
// states as claims (not change baselines, table rows or uses marked
// `historical=true`):
//   - a fact older than the document's `staleAfter` (default 24 months),
//     counted from its as-of date, else the end of its period;
//   - a fact for which the dataset holds a newer value of the same measure,
//     over a comparable period, that the document does not show anywhere.
// Both apply to quantities, and to text facts only where the dataset marks
// them `current: true`: "the agreement entered into force in 2015" records an
// event and stays true; "the ambassador is X" states how things are now.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { report } from '../diagnostics/messages.js';
import type { DocumentMeta } from '../document/nodes.js';
import type { Dataset, Fact } from '../facts/dataset.js';
import { monthsBetween, parseDate, type Period } from '../facts/period.js';
import { formatValue } from '../format/value.js';
import type { FactUse } from '../template/helpers/helper-env.js';

/** The date a fact speaks for: its as-of date if it has one, else the last day of its period. */
export function factDate(f: Fact): string {
  return (f.asOf && parseDate(f.asOf)) || f.period.end;
}

/** Months a period spans: a year and Jan–Dec are both 12. */
function spanMonths(p: Period): number {
  return monthsBetween(p.start, p.end) + 1;
}

/** Values that can replace each other: the same kind of period and the same length (a year for a year, Jan–Aug for Jan–Aug). */
function comparable(a: Period, b: Period): boolean {
  if (a.kind === 'day' || b.kind === 'day') return a.kind === b.kind;
  return spanMonths(a) === spanMonths(b) && (a.kind === b.kind || a.kind === 'range' || b.kind === 'range');
}

function describe(dataset: Dataset, f: Fact): string {
  return `\`${f.id}\` (${f.period.text}: ${formatValue(f, 'en', dataset.units)})`;
}

/** Quantities, and text facts that state the current state of things. */
export function canGoStale(f: Fact): boolean {
  return typeof f.value === 'number' || f.current === true;
}

export function staleFactDiagnostics(dataset: Dataset, uses: readonly FactUse[], shown: ReadonlySet<string>, meta: Pick<DocumentMeta, 'date' | 'staleAfterMonths'>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const docDate = parseDate(meta.date) ?? meta.date;
  const seen = new Set<string>();
  const all = Object.values(dataset.facts);
  for (const use of uses) {
    if (use.role !== 'claim') continue;
    const f = dataset.facts[use.factId];
    // Once per fact and line: `{{fact …}}{{cite …}}` is one quotation.
    const key = `${use.factId}|${use.position.file}|${use.position.line}`;
    if (!f || seen.has(key) || !canGoStale(f)) continue;
    seen.add(key);
    const age = monthsBetween(factDate(f), docDate);
    if (age > meta.staleAfterMonths) out.push(report('check/stale-fact', use.position, { fact: describe(dataset, f), age, limit: meta.staleAfterMonths }));
    const newer = all
      .filter((g) => g.measure === f.measure && g.id !== f.id && g.period.end > f.period.end && comparable(f.period, g.period) && !shown.has(g.id))
      .sort((a, b) => (a.period.end < b.period.end ? 1 : -1))[0];
    if (newer) out.push(report('check/newer-value', use.position, { fact: describe(dataset, f), newer: describe(dataset, newer), measure: f.measure }));
  }
  return out;
}
