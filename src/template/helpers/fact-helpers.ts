// Helpers that print facts: `fact`, `cite`, `change`, `keyFigure`,
// `eachFact`, `factTable`. Each value they print carries a citation marker.
import type Handlebars from 'handlebars';
import { report } from '../../diagnostics/messages.js';
import type { Fact } from '../../facts/dataset.js';
import { basisLabel, basisNotStated } from '../../facts/describe-fact.js';
import { columnHeadings, words } from '../../format/locale.js';
import { formatNumber, formatSignedPercent } from '../../format/number.js';
import { formatDate, formatPeriod } from '../../format/period.js';
import { formatBareNumber, formatValue } from '../../format/value.js';
import { factView } from '../context.js';
import { escapeAttribute, escapeMarkdown } from '../escape-markdown.js';
import { checkGrowthClaim, yearEarlier } from './claim-checks.js';
import { isQuery, oneFact, queryFacts } from './fact-query.js';
import { selectedFacts } from './measure-helpers.js';
import { citeMarker, missingBlock, lookupFact, recordUse, numberOption, positionOfCall, safe, splitArgs, suggest, unknownMarker, type HelperEnv, type HelperOptions } from './helper-env.js';

const factFields = ['value', 'number', 'label', 'period', 'basis', 'according', 'source', 'asOf', 'measure', 'note', 'unit'] as const;
type FactField = (typeof factFields)[number];

/** "according to China's customs": the basis's standard wording, else the publisher's name. */
export function according(env: HelperEnv, fact: Fact): string {
  const basis = fact.basis ? env.dataset.bases[fact.basis] : undefined;
  return basis ? basis.according : `${words[env.locale]['accordingTo']} ${env.dataset.sources[fact.source]?.publisher ?? fact.source}`;
}

function fieldText(env: HelperEnv, fact: Fact, field: FactField, options: HelperOptions): string {
  const { locale, dataset } = env;
  switch (field) {
    case 'value':
      return formatValue(fact, locale, dataset.units, { decimals: numberOption(env, options, 'decimals'), form: options.hash['form'] === 'short' ? 'short' : 'long' });
    case 'number':
      return typeof fact.value === 'number' ? formatBareNumber(fact.value, fact.unit, locale, dataset.units, numberOption(env, options, 'decimals') ?? fact.decimals) : fact.value;
    case 'label':
      return fact.label;
    case 'period':
      return formatPeriod(fact.period, locale);
    case 'basis':
      return basisLabel(dataset, fact.basis);
    case 'according':
      return according(env, fact);
    case 'source':
      return dataset.sources[fact.source]?.publisher ?? '';
    case 'asOf':
      return fact.asOf ? formatDate(fact.asOf, locale) : '';
    case 'measure':
      return fact.measure;
    case 'note':
      return fact.note ?? '';
    case 'unit':
      return fact.unit ? (dataset.units[fact.unit]?.axis[locale] ?? fact.unit) : '';
    default: {
      const never: never = field;
      return never;
    }
  }
}

/**
 * `{{fact "id"}}`, `{{fact "id" "period"}}`, `{{fact "id" decimals=1 cite=false form="short"}}`,
 * or by measure: `{{fact measure="trade.bilateral.total" period="2024" basis="cn-customs"}}`.
 * A query for several bases prints each value with its "according to …" wording.
 */
function fact(env: HelperEnv) {
  return (...args: unknown[]) => {
    const { params, options } = splitArgs(args);
    const query = isQuery(options);
    const fieldArg = query ? params[0] : params[1];
    const field = (fieldArg ?? 'value') as FactField;
    const isFigure = field === 'value' || field === 'number';
    const role = isFigure ? 'claim' : null;
    const facts = query ? queryFacts(env, options, role ?? 'listed') : [lookupFact(env, params[0], options, role)].filter((f): f is Fact => f !== undefined);
    if (!facts || facts.length === 0) return unknownMarker(query ? String(options.hash['measure']) : String(params[0]));
    if (!factFields.includes(field)) {
      env.diagnostics.push(report('template/unknown-fact-field', positionOfCall(env, options), { field: String(fieldArg), id: facts[0]!.id, known: [...factFields] }));
      return unknownMarker(String(fieldArg));
    }
    // Only the value itself is cited by default: a label or a period is not a claim.
    const cite = options.hash['cite'] ?? isFigure;
    const one = (f: Fact) => {
      const text = escapeMarkdown(fieldText(env, f, field, options));
      return cite ? text + citeMarker(f.source, f.id) : text;
    };
    if (facts.length === 1) return safe(env, one(facts[0]!));
    if (!isFigure) {
      env.diagnostics.push(report('template/bad-argument', positionOfCall(env, options), { helper: 'fact', detail: `field \`${field}\` shows one fact; name a single \`basis\` or \`source\`` }));
      return unknownMarker(field);
    }
    return safe(env, facts.map((f) => `${escapeMarkdown(fieldText(env, f, field, options))} ${escapeMarkdown(according(env, f))}${cite ? citeMarker(f.source, f.id) : ''}`).join('; '));
  };
}

/** `{{cite "fact-or-source-id"}}`: a citation marker on its own. */
function cite(env: HelperEnv) {
  return (...args: unknown[]) => {
    const { params, options } = splitArgs(args);
    const id = String(params[0]);
    const f = env.dataset.facts[id];
    if (f) {
      recordUse(env, f, options, 'claim');
      return safe(env, citeMarker(f.source, f.id));
    }
    if (env.dataset.sources[id]) return safe(env, citeMarker(id));
    env.diagnostics.push(report('template/unknown-source', positionOfCall(env, options), { id, suggestions: suggest(id, [...Object.keys(env.dataset.facts), ...Object.keys(env.dataset.sources)]) }));
    return unknownMarker(id);
  };
}

export interface Change {
  text: string;
  /** Signed amount: percent change, or points for rates. */
  amount: number;
}

/** Change from fact `a` to fact `b`: percent change, or points for rates. */
export function computeChange(env: HelperEnv, a: Fact, b: Fact, options: HelperOptions, decimals = 1): Change | undefined {
  const at = positionOfCall(env, options);
  if (typeof a.value !== 'number' || typeof b.value !== 'number') {
    env.diagnostics.push(report('template/not-a-number', at, { id: typeof a.value !== 'number' ? a.id : b.id }));
    return undefined;
  }
  if (a.unit !== b.unit) {
    env.diagnostics.push(report('template/unit-mismatch', at, { a: a.id, b: b.id, unitA: a.unit ?? '', unitB: b.unit ?? '' }));
    return undefined;
  }
  // A change between two statistical bases measures the difference in counting, not in trade.
  if (a.basis !== b.basis && options.hash['mixedBases'] !== true) {
    env.diagnostics.push(report('template/change-across-bases', at, { a: a.id, b: b.id, basisA: basisLabel(env.dataset, a.basis, basisNotStated.en), basisB: basisLabel(env.dataset, b.basis, basisNotStated.en) }));
    return undefined;
  }
  const w = words[env.locale];
  if (env.dataset.units[a.unit ?? '']?.isRate) {
    const diff = b.value - a.value;
    const body = `${formatNumber(Math.abs(diff), env.locale, decimals)} ${w['points']}`;
    return { amount: diff, text: diff === 0 ? w['unchanged']! : `${diff > 0 ? w['up'] : w['down']} ${body}` };
  }
  const pct = ((b.value - a.value) / a.value) * 100;
  const body = `${formatNumber(Math.abs(pct), env.locale, decimals)}%`;
  return { amount: pct, text: pct === 0 ? w['unchanged']! : `${pct > 0 ? w['up'] : w['down']} ${body}` };
}

/** `{{change "from-id" "to-id"}}` → `up 13.5%` with both citations. */
function change(env: HelperEnv) {
  return (...args: unknown[]) => {
    const { params, options } = splitArgs(args);
    const a = lookupFact(env, params[0], options, 'baseline');
    const b = lookupFact(env, params[1], options);
    if (!a || !b) return unknownMarker('change');
    const c = computeChange(env, a, b, options, numberOption(env, options, 'decimals'));
    if (!c) return unknownMarker('change');
    const cites = a.source === b.source ? citeMarker(b.source, b.id) : citeMarker(a.source, a.id) + citeMarker(b.source, b.id);
    return safe(env, escapeMarkdown(c.text) + cites);
  };
}

/**
 * Where a key figure's change comes from: `growth=` (a growth fact), `from=`
 * (an earlier fact to compute it from), or `change="auto"`: the growth fact a
 * relation declares for this figure, else the same measure and basis a year
 * earlier, else none. The standard templates use `auto`.
 */
function changeSource(env: HelperEnv, f: Fact, options: HelperOptions): { growthId?: unknown; fromId?: unknown; changeLabel: string } {
  const label = typeof options.hash['changeLabel'] === 'string' ? options.hash['changeLabel'] : '';
  const change = options.hash['change'];
  if (change === undefined || options.hash['growth'] !== undefined || options.hash['from'] !== undefined) return { growthId: options.hash['growth'], fromId: options.hash['from'], changeLabel: label };
  if (change !== 'auto') {
    env.diagnostics.push(report('template/bad-argument', positionOfCall(env, options), { helper: 'keyFigure', detail: `\`change\` takes "auto", found \`${String(change)}\`` }));
    return { changeLabel: label };
  }
  const relation = env.dataset.relations.find((r) => r.kind === 'growth' && r.to === f.id && env.dataset.facts[r.growth] && env.dataset.facts[r.from]);
  if (relation?.kind === 'growth') return { growthId: relation.growth, changeLabel: label || `${words[env.locale]['on']} ${formatPeriod(env.dataset.facts[relation.from]!.period, env.locale)}` };
  const earlier = yearEarlier(env.dataset, f);
  return earlier ? { fromId: earlier.id, changeLabel: label } : { changeLabel: label };
}

/**
 * `{{keyFigure "id" growth="growth-fact" label="…"}}`, `from="earlier-fact"` or `change="auto"`:
 * one `::figure` directive for a `:::key-figures` strip.
 */
function keyFigure(env: HelperEnv) {
  return (...args: unknown[]) => {
    const { params, options } = splitArgs(args);
    const f = isQuery(options) ? oneFact(env, options, queryFacts(env, options), 'keyFigure') : lookupFact(env, params[0], options);
    if (!f) return unknownMarker(String(params[0] ?? options.hash['measure']));
    const attrs: Record<string, string> = {
      value: formatValue(f, env.locale, env.dataset.units, { form: 'short', decimals: numberOption(env, options, 'decimals') }),
      label: typeof options.hash['label'] === 'string' ? options.hash['label'] : f.label,
      period: formatPeriod(f.period, env.locale),
      source: f.source,
      fact: f.id,
    };
    const { growthId, fromId, changeLabel } = changeSource(env, f, options);
    if (growthId !== undefined) {
      const g = lookupFact(env, growthId, options);
      if (g && typeof g.value === 'number') {
        checkGrowthClaim(env, f, g, options);
        attrs['change'] = `${formatSignedPercent(g.value, env.locale, numberOption(env, options, 'changeDecimals') ?? g.decimals)} ${changeLabel}`.trim();
        attrs['changeSource'] = g.source;
        attrs['changeFact'] = g.id;
      } else if (g) env.diagnostics.push(report('template/not-a-number', positionOfCall(env, options), { id: g.id }));
    } else if (fromId !== undefined) {
      const a = lookupFact(env, fromId, options, 'baseline');
      const c = a ? computeChange(env, a, f, options) : undefined;
      if (a && c) {
        attrs['change'] = `${c.text} ${words[env.locale]['on']} ${formatPeriod(a.period, env.locale)}`;
        attrs['changeSource'] = a.source;
        attrs['changeFact'] = a.id;
      }
    }
    const body = Object.entries(attrs)
      .map(([k, v]) => `${k}="${escapeAttribute(v)}"`)
      .join(' ');
    return safe(env, `::figure{${body}}`);
  };
}

/** Facts a table or loop lists: by `ids=` in their order, else by `measure=` prefixes (and `ids=`) in dataset order, else all. */
function selectFacts(env: HelperEnv, options: HelperOptions): Fact[] {
  const { measure, ids } = options.hash;
  if (typeof ids === 'string' && typeof measure !== 'string') {
    return ids
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((id) => lookupFact(env, id, options, 'listed'))
      .filter((f): f is Fact => f !== undefined);
  }
  const chosen = typeof measure === 'string' ? selectedFacts(env, options) : Object.values(env.dataset.facts);
  for (const f of chosen) recordUse(env, f, options, 'listed');
  return chosen;
}

/**
 * `{{#eachFact measure="trade.,fdi."}}…{{/eachFact}}`: the block once per fact, in dataset order.
 * `{{value}}` carries the citation, as `fact` does; `{{valueText}}` is the bare text, and
 * `cite=false` on the block leaves `{{value}}` bare too.
 */
function eachFact(env: HelperEnv) {
  return (...args: unknown[]) => {
    const { options } = splitArgs(args);
    if (missingBlock(env, options, 'eachFact')) return '';
    const cite = options.hash['cite'] !== false;
    return selectFacts(env, options)
      .map((f) => {
        const view = factView(env.dataset, f, env.locale);
        return options.fn!(cite ? view : { ...view, value: view.valueText });
      })
      .join('');
  };
}

type TableColumn = keyof (typeof columnHeadings)['en'];

/** `{{factTable measure="fdi." columns="label,value,period,basis,source"}}` → a GFM table. */
function factTable(env: HelperEnv) {
  return (...args: unknown[]) => {
    const { options } = splitArgs(args);
    const columnsArg = typeof options.hash['columns'] === 'string' ? options.hash['columns'] : 'label,value,period,basis,source';
    const columns = columnsArg.split(/[\s,]+/).filter(Boolean) as TableColumn[];
    const headings = columnHeadings[env.locale];
    const bad = columns.filter((c) => !(c in headings));
    if (bad.length) {
      env.diagnostics.push(report('template/bad-argument', positionOfCall(env, options), { helper: 'factTable', detail: `unknown column \`${bad[0]}\`; columns are ${Object.keys(headings).join(', ')}` }));
      return unknownMarker('factTable');
    }
    const cell = (f: Fact, c: TableColumn): string => {
      const field: FactField = c;
      // Tables use the short value form (US$260.65bn) so that values stay on one line.
      const text = escapeMarkdown(fieldText(env, f, field, { hash: c === 'value' ? { form: 'short' } : {} })).replace(/\|/g, '\\|');
      return c === 'value' ? text + citeMarker(f.source, f.id) : text;
    };
    const rows = selectFacts(env, options).map((f) => `| ${columns.map((c) => cell(f, c)).join(' | ')} |`);
    // Nothing selected (a section with charts only): no table rather than a header alone.
    if (rows.length === 0) return '';
    const head = `| ${columns.map((c) => headings[c]).join(' | ')} |`;
    const align = `| ${columns.map((c) => (c === 'value' ? '---:' : '---')).join(' | ')} |`;
    return safe(env, [head, align, ...rows].join('\n'));
  };
}

export function factHelpers(env: HelperEnv): Record<string, Handlebars.HelperDelegate> {
  return { fact: fact(env), cite: cite(env), change: change(env), keyFigure: keyFigure(env), eachFact: eachFact(env), factTable: factTable(env) };
}
