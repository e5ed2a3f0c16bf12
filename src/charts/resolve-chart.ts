// A chart spec + the dataset → everything a chart node needs: the spec with
// its series rows inlined (as Vega-Lite `datasets`), and the title, unit,
// source and note lines drawn around it.
import type { Diagnostic, Position, Result } from '../diagnostics/diagnostic.js';
import { report } from '../diagnostics/messages.js';
import type { Cell, Dataset, Series } from '../facts/dataset.js';
import { parsePeriod } from '../facts/period.js';
import { words, type Locale } from '../format/locale.js';
import { formatPeriod } from '../format/period.js';
import { declaredMixes, findMixes, mixDiagnostics, mixSentence } from './mixed-series.js';
import { positionOfText, type ChartSpecFile } from './load-specs.js';

export interface ResolvedChart {
  title: string;
  unitLine: string;
  noteLine?: string;
  /** Every source the chart's rows cite, in first-use order. */
  sourceIds: string[];
  seriesId: string;
  spec: Record<string, unknown>;
  /**
   * Decimals of the main series as written in its CSV (or its `decimals:`):
   * what value labels and number formats built for this chart should show.
   */
  decimals: number;
  /** Qualifier words ("over") by fact id, for rows whose `fact` column names a fact with a `qualifier`. */
  qualifiers?: Record<string, string>;
}

/** Series named by `data: {name}` anywhere in the spec (top level, layers, concat). */
function namedData(value: unknown, out: Set<string>): void {
  if (Array.isArray(value)) value.forEach((v) => namedData(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'data' && v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string') out.add((v as { name: string }).name);
      else namedData(v, out);
    }
  }
}

/** Field names used in `encoding` blocks, and names created by transforms. */
function fieldsUsed(value: unknown, used: Set<string>, created: Set<string>, inEncoding = false): void {
  if (Array.isArray(value)) value.forEach((v) => fieldsUsed(v, used, created, inEncoding));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (inEncoding && k === 'field' && typeof v === 'string') used.add(v.split('.')[0]!);
      else if (k === 'as') (Array.isArray(v) ? v : [v]).forEach((a) => typeof a === 'string' && created.add(a));
      else fieldsUsed(v, used, created, inEncoding || k === 'encoding');
    }
  }
}

/** `theta` fields of every arc (pie) view, with the data each view names (or the one it inherits). */
function arcThetaFields(value: unknown, data: string | undefined, out: { field: string; data: string | undefined }[]): void {
  if (Array.isArray(value)) return value.forEach((v) => arcThetaFields(v, data, out));
  if (!value || typeof value !== 'object') return;
  const v = value as Record<string, unknown>;
  const named = (v['data'] as { name?: unknown } | undefined)?.name;
  const here = typeof named === 'string' ? named : data;
  const mark = v['mark'];
  const isArc = mark === 'arc' || (typeof mark === 'object' && mark !== null && (mark as { type?: unknown }).type === 'arc');
  const theta = (v['encoding'] as { theta?: { field?: unknown } } | undefined)?.theta;
  if (isArc && typeof theta?.field === 'string') out.push({ field: theta.field, data: here });
  for (const k of ['layer', 'hconcat', 'vconcat', 'concat'] as const) if (Array.isArray(v[k])) arcThetaFields(v[k], here, out);
  if (v['spec']) arcThetaFields(v['spec'], here, out);
}

/** Rows as plain records, plus `periodLabel` (locale text) when the series has a `period` column. */
export function seriesValues(series: Series, locale: Locale): Record<string, Cell>[] {
  return series.rows.map((r) => {
    const row: Record<string, Cell> = { ...r.values };
    const p = typeof r.values['period'] === 'string' ? parsePeriod(r.values['period']) : undefined;
    if (p) row['periodLabel'] = formatPeriod(p, locale);
    return row;
  });
}

/** `dataAt`: where a problem with the chart's data is reported (default: the spec's `"data"`). */
export function resolveChart(file: ChartSpecFile, dataset: Dataset, locale: Locale, dataAt?: Position): Result<ResolvedChart | undefined> {
  const diagnostics: Diagnostic[] = [];
  const names = new Set<string>();
  namedData(file.spec, names);
  if (names.size === 0) {
    diagnostics.push(report('chart/no-series', { file: file.file, line: 1, column: 1 }, { path: '$.data' }));
    return { value: undefined, diagnostics };
  }
  const known = Object.keys(dataset.series);
  const series: Series[] = [];
  for (const id of names) {
    const s = dataset.series[id];
    if (s) series.push(s);
    else diagnostics.push(report('chart/unknown-series', positionOfText(file.file, file.text, `"${id}"`), { id, known }));
  }
  if (series.length === 0) return { value: undefined, diagnostics };

  const used = new Set<string>();
  const created = new Set<string>();
  fieldsUsed(file.spec, used, created);
  const columns = new Set(series.flatMap((s) => [...s.columns, 'periodLabel']));
  for (const f of used) {
    if (!columns.has(f) && !created.has(f)) diagnostics.push(report('chart/unknown-field', positionOfText(file.file, file.text, `"${f}"`), { field: f, series: series[0]!.id, columns: [...columns] }));
  }

  // A slice is a share: Vega draws a negative one as nothing, and the total the others share is wrong.
  const arcs: { field: string; data: string | undefined }[] = [];
  arcThetaFields(file.spec, undefined, arcs);
  for (const arc of arcs) {
    const s = series.find((x) => x.id === arc.data) ?? series[0]!;
    const negative = s.rows.map((r) => r.values[arc.field]).find((x): x is number => typeof x === 'number' && x < 0);
    if (negative !== undefined) diagnostics.push(report('chart/negative-slice', positionOfText(file.file, file.text, '"theta"'), { series: s.id, field: arc.field, value: negative }));
  }

  const mixes = findMixes(dataset, series);
  const declared = declaredMixes(file.spec);
  diagnostics.push(...mixDiagnostics(dataset, mixes, declared, series[0]!.id, dataAt ?? positionOfText(file.file, file.text, '"data"')));

  const { title: specTitle, description, ...rest } = file.spec as { title?: unknown; description?: unknown } & Record<string, unknown>;
  const main = series[0]!;
  const datasets: Record<string, Record<string, Cell>[]> = {};
  for (const s of series) datasets[s.id] = seriesValues(s, locale);
  const spec = { ...rest, datasets: { ...(rest['datasets'] as object | undefined), ...datasets } };

  // Sources in the order the rows cite them, then any others the series lists.
  const sourceIds: string[] = [];
  for (const s of series) {
    for (const r of s.rows) {
      const src = r.values['source'];
      if (typeof src === 'string' && !sourceIds.includes(src)) sourceIds.push(src);
    }
    for (const src of s.sources) if (!sourceIds.includes(src)) sourceIds.push(src);
  }
  const unit = dataset.units[main.unit];
  const title = typeof specTitle === 'string' ? specTitle : typeof (specTitle as { text?: unknown })?.text === 'string' ? (specTitle as { text: string }).text : main.title;
  const resolved: ResolvedChart = {
    title: title.normalize('NFC'),
    unitLine: `${words[locale]['unit']}: ${unit ? unit.axis[locale] : main.unit}`,
    sourceIds,
    seriesId: main.id,
    spec,
    decimals: main.decimals,
  };
  const qualifiers: Record<string, string> = {};
  for (const s of series) {
    for (const r of s.rows) {
      const id = r.values['fact'];
      const q = typeof id === 'string' ? dataset.facts[id]?.qualifier : undefined;
      if (typeof id === 'string' && q) qualifiers[id] = words[locale][q];
    }
  }
  if (Object.keys(qualifiers).length > 0) resolved.qualifiers = qualifiers;
  const note = [typeof description === 'string' ? description : main.note, mixSentence(dataset, mixes, declared, locale)].filter(Boolean).join(' ');
  if (note) resolved.noteLine = note.normalize('NFC');
  return { value: diagnostics.some((d) => d.severity === 'error') ? undefined : resolved, diagnostics };
}
