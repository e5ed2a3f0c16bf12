// `{{#eachMeasure measure="trade.,fdi." ids="a b" limit=4}}…{{/eachMeasure}}`:
// the block once per measure, with its latest figure as cited text. Where the
// latest figures disagree (other bases or sources), all are shown side by
// side with their "according to …" wording: a conflict is never settled by
// picking one. Where the dataset has the same measure and basis a year
// earlier, `changeText` says by how much it moved ("up 13.5% on 2023").
import type Handlebars from 'handlebars';
import { report } from '../../diagnostics/messages.js';
import type { Fact } from '../../facts/dataset.js';
import { measureMatches } from '../../facts/load-outline.js';
import { words } from '../../format/locale.js';
import { formatPeriod } from '../../format/period.js';
import { formatValue } from '../../format/value.js';
import { escapeMarkdown } from '../escape-markdown.js';
import { yearEarlier } from './claim-checks.js';
import { according, computeChange } from './fact-helpers.js';
import { citeMarker, missingBlock, lookupFact, numberOption, positionOfCall, recordUse, splitArgs, suggest, type HelperEnv, type HelperOptions } from './helper-env.js';

export interface MeasureView {
  measure: string;
  label: string;
  /** The latest figure(s), formatted and cited. */
  value: string;
  period: string;
  /** "up 13.5% on 2023", cited; empty when there is no comparable earlier figure. (Not `change`: that is a helper, and `{{change}}` would call it.) */
  changeText: string;
  /** The latest figures disagree: `value` lists each with its basis or source. */
  conflict: boolean;
  note: string;
}

/** Facts a call selects: by measure prefixes and by ids, each once, in dataset order. */
export function selectedFacts(env: HelperEnv, options: HelperOptions): Fact[] {
  const list = (key: string) => (typeof options.hash[key] === 'string' ? (options.hash[key] as string).split(/[\s,]+/).filter(Boolean) : []);
  const prefixes = list('measure');
  const ids = new Set(list('ids').filter((id) => lookupFact(env, id, options, null)));
  const all = Object.values(env.dataset.facts);
  // A prefix that selects nothing is a typo or a string prefix (`s` for `s01`): say so rather than print nothing.
  for (const p of prefixes) if (!all.some((f) => measureMatches(f.measure, p))) warnEmptyQuery(env, options, p);
  return all.filter((f) => ids.has(f.id) || prefixes.some((p) => measureMatches(f.measure, p)));
}

/** Measures a prefix that selects nothing may have meant: those it starts as a string, else the closest names. */
export function measureSuggestions(measures: readonly string[], prefix: string): string[] {
  const p = prefix.replace(/\.$/, '');
  const groups = new Set<string>();
  for (const m of measures) {
    const parts = m.split('.');
    for (let i = 1; i <= parts.length; i++) groups.add(parts.slice(0, i).join('.'));
  }
  const startsWith = [...groups].filter((g) => g.startsWith(p) && !g.slice(p.length).includes('.'));
  return startsWith.length ? startsWith.sort() : suggest(p, [...groups]);
}

function warnEmptyQuery(env: HelperEnv, options: HelperOptions, prefix: string): void {
  const query = ['measure', 'ids']
    .filter((k) => typeof options.hash[k] === 'string' && options.hash[k] !== '')
    .map((k) => `${k}="${String(options.hash[k])}"`)
    .join(' ');
  const measures = [...new Set(Object.values(env.dataset.facts).map((f) => f.measure))];
  env.diagnostics.push(report('template/empty-query', positionOfCall(env, options), { helper: options.name ?? 'factTable', query, prefix, suggestions: measureSuggestions(measures, prefix) }));
}

function measureView(env: HelperEnv, facts: Fact[], options: HelperOptions): MeasureView {
  const latestEnd = facts.reduce((m, f) => (f.period.end > m ? f.period.end : m), '');
  const latest = facts.filter((f) => f.period.end === latestEnd);
  const distinct = new Map<string, Fact>();
  for (const f of latest) {
    const key = `${f.value}|${f.qualifier ?? ''}|${f.unit ?? ''}`;
    if (!distinct.has(key)) distinct.set(key, f);
  }
  const shown = [...distinct.values()];
  for (const f of shown) recordUse(env, f, options, 'claim');
  const conflict = shown.length > 1;
  const cited = (f: Fact) => escapeMarkdown(formatValue(f, env.locale, env.dataset.units)) + (conflict ? ` ${escapeMarkdown(according(env, f))}` : '') + citeMarker(f.source, f.id);
  const first = shown[0]!;
  let changeText = '';
  const earlier = conflict ? undefined : yearEarlier(env.dataset, first);
  if (earlier) {
    recordUse(env, earlier, options, 'baseline');
    const c = computeChange(env, earlier, first, options, numberOption(env, options, 'changeDecimals'));
    if (c) changeText = `${escapeMarkdown(c.text)} ${words[env.locale]['on']} ${escapeMarkdown(formatPeriod(earlier.period, env.locale))}${citeMarker(earlier.source, earlier.id)}`;
  }
  return {
    measure: first.measure,
    label: escapeMarkdown(first.label),
    value: shown.map(cited).join('; '),
    period: escapeMarkdown(formatPeriod(first.period, env.locale)),
    changeText,
    conflict,
    note: first.note ? escapeMarkdown(first.note) : '',
  };
}

function eachMeasure(env: HelperEnv) {
  return (...args: unknown[]) => {
    const { options } = splitArgs(args);
    if (missingBlock(env, options, 'eachMeasure')) return '';
    const byMeasure = new Map<string, Fact[]>();
    for (const f of selectedFacts(env, options)) byMeasure.set(f.measure, [...(byMeasure.get(f.measure) ?? []), f]);
    const limit = numberOption(env, options, 'limit');
    const groups = [...byMeasure.values()].slice(0, limit ?? undefined);
    const views = groups.map((facts) => measureView(env, facts, options));
    const fn = options.fn as (context: unknown, o: { data: unknown }) => string;
    return views
      .map((v, index) => {
        const data = Object.assign(env.hb.createFrame(options.data ?? {}), { index, first: index === 0, last: index === views.length - 1 });
        return fn(v, { data });
      })
      .join('');
  };
}

export function measureHelpers(env: HelperEnv): Record<string, Handlebars.HelperDelegate> {
  return { eachMeasure: eachMeasure(env) };
}
