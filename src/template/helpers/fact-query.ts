// Asking for a figure by what it measures instead of by fact id:
//
//   {{fact measure="trade.bilateral.total" period="2024" basis="cn-customs"}}
//
// The dataset may hold several values for one measure and period (other
// sources, other statistical bases). A query that leaves more than one
// differing value is an error naming every candidate: the template must pick
// one (`basis=`, `source=`) or ask for several on purpose (a list of bases or
// sources, or `all=true`), which prints them side by side with the standard
// "according to …" wording.
import { report } from '../../diagnostics/messages.js';
import type { Fact } from '../../facts/dataset.js';
import { describeFact } from '../../facts/describe-fact.js';
import { formatPeriod } from '../../format/period.js';
import { positionOfCall, recordUse, suggest, type FactRole, type HelperEnv, type HelperOptions } from './helper-env.js';

/** Hash keys a query reads; a helper given `measure=` takes no fact id. */
export const queryKeys = ['measure', 'period', 'basis', 'source', 'all'] as const;

/** What a query reads and writes: no Handlebars needed, so the static checks can run one too. */
export type QueryEnv = Pick<HelperEnv, 'dataset' | 'diagnostics' | 'uses' | 'defaultFile'>;

export function isQuery(options: HelperOptions): boolean {
  return typeof options.hash['measure'] === 'string';
}

function listOption(options: HelperOptions, key: string): string[] {
  const v = options.hash[key];
  return typeof v === 'string' ? v.split(/[\s,]+/).filter(Boolean) : [];
}

/**
 * The facts a query selects, or undefined after reporting why it cannot
 * answer. More than one fact comes back only when the call asked for several.
 */
export function queryFacts(env: QueryEnv, options: HelperOptions, role: FactRole = 'claim'): Fact[] | undefined {
  const at = positionOfCall(env, options);
  const measure = String(options.hash['measure']);
  const all = Object.values(env.dataset.facts);
  let found = all.filter((f) => f.measure === measure);
  if (found.length === 0) {
    env.diagnostics.push(report('template/unknown-measure', at, { measure, suggestions: suggest(measure, [...new Set(all.map((f) => f.measure))]) }));
    return undefined;
  }
  const period = options.hash['period'];
  if (period !== undefined) {
    const wanted = String(period);
    const inPeriod = found.filter((f) => f.period.text === wanted);
    if (inPeriod.length === 0) {
      env.diagnostics.push(report('template/no-fact-for-period', at, { measure, period: wanted, periods: [...new Set(found.map((f) => f.period.text))] }));
      return undefined;
    }
    found = inPeriod;
  } else {
    // No period named: the latest one the dataset holds.
    const latest = found.reduce((m, f) => (f.period.end > m ? f.period.end : m), '');
    found = found.filter((f) => f.period.end === latest);
  }
  const bases = listOption(options, 'basis');
  const sources = listOption(options, 'source');
  for (const [key, wanted, have] of [
    ['basis', bases, (f: Fact) => f.basis ?? ''],
    ['source', sources, (f: Fact) => f.source],
  ] as const) {
    if (wanted.length === 0) continue;
    const missing = wanted.filter((w) => !found.some((f) => have(f) === w));
    if (missing.length) {
      env.diagnostics.push(report('template/no-fact-for-choice', at, { measure, period: found[0]!.period.text, key, value: missing[0]!, available: [...new Set(found.map(have).filter(Boolean))] }));
      return undefined;
    }
    found = found.filter((f) => wanted.includes(have(f)));
  }
  const askedForSeveral = bases.length > 1 || sources.length > 1 || options.hash['all'] === true;
  const distinct = new Set(found.map((f) => `${f.value}|${f.qualifier ?? ''}|${f.unit ?? ''}`));
  if (distinct.size > 1 && !askedForSeveral) {
    env.diagnostics.push(
      report('template/conflicting-figures', at, {
        measure,
        period: formatPeriod(found[0]!.period, 'en'),
        candidates: found.map((f) => describeFact(env.dataset, f)),
        bases: [...new Set(found.map((f) => f.basis).filter((b): b is string => !!b))],
      }),
    );
    return undefined;
  }
  // Values that agree are one figure: cite the first source that gives it.
  const chosen = distinct.size > 1 ? found : found.slice(0, 1);
  for (const f of chosen) recordUse(env, f, options, role);
  return chosen;
}

/** One fact for helpers that show a single figure: an id, or a query that must come down to one value. */
export function oneFact(env: HelperEnv, options: HelperOptions, facts: Fact[] | undefined, helper: string): Fact | undefined {
  if (!facts) return undefined;
  if (facts.length > 1) {
    env.diagnostics.push(report('template/bad-argument', positionOfCall(env, options), { helper, detail: 'shows one figure; name a single `basis` or `source`' }));
    return undefined;
  }
  return facts[0];
}
