// The charts a document may name, loaded on first use and resolved against
// the dataset: what the document stage asks for `::chart{spec=…}` and
// `::chart{series=…}` (a spec file named like the series if there is one,
// else a default chart made from the series itself).
import { existsSync } from 'node:fs';
import { hasErrors, type Position, type Result } from '../diagnostics/diagnostic.js';
import { report } from '../diagnostics/messages.js';
import type { Dataset } from '../facts/dataset.js';
import type { Locale } from '../format/locale.js';
import { parsePeriod } from '../facts/period.js';
import { defaultChartSpec, planDefaultChart } from './default-spec.js';
import { chartSpecPath, listChartSpecs, loadChartSpec, specOrigins } from './load-specs.js';
import { resolveChart, type ResolvedChart } from './resolve-chart.js';
import { chartDataLimitDiagnostics, specLimitDiagnostics } from './spec-limits.js';
import { defaultLimits, type Limits } from '../limits.js';

export interface ChartCatalog {
  resolve(name: string, at: Position): Result<ResolvedChart | undefined>;
  resolveSeries(seriesId: string, at: Position): Result<ResolvedChart | undefined>;
}

const specName = /^[a-z0-9][a-z0-9.-]*$/;

/** Rows in time order when the chart runs along periods: a CSV may list them in any order. */
function sortByPeriod(rows: Record<string, unknown>[]): void {
  // Each row's start is worked out once, not at every comparison (a 2,000-row series made 44,000 period parses).
  const starts = new Map(rows.map((r) => [r, typeof r['period'] === 'string' ? (parsePeriod(r['period'])?.start ?? '') : '']));
  rows.sort((a, b) => {
    const x = starts.get(a)!;
    const y = starts.get(b)!;
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/**
 * The charts of spec folder `dir`. `root` is the project folder every spec
 * must lie inside (default: the spec folder's grandparent, `<project>/templates/charts`).
 */
export function chartCatalog(dir: string, dataset: Dataset, locale: Locale, root?: string, limits: Limits = defaultLimits): ChartCatalog {
  /** A chart over the limits (src/charts/spec-limits.ts) is refused before Vega sees it. */
  const withinLimits = (r: Result<ResolvedChart | undefined>, file: { name: string; file: string; text: string; spec: Record<string, unknown> }, at: Position): Result<ResolvedChart | undefined> => {
    if (!r.value) return r;
    const refused = chartDataLimitDiagnostics(file, r.value.spec['datasets'] as Record<string, Record<string, unknown>[]>, limits, at);
    return refused.length ? { value: undefined, diagnostics: [...r.diagnostics, ...refused] } : r;
  };
  const fromSpec = (name: string, at: Position): Result<ResolvedChart | undefined> => {
    const file = chartSpecPath(dir, name);
    if (!specName.test(name) || !existsSync(file)) {
      return { value: undefined, diagnostics: [report('chart/unknown-spec', at, { name, known: listChartSpecs(dir) })] };
    }
    const loaded = loadChartSpec(file, name, { ...(root !== undefined ? { root } : {}), at });
    if (!loaded.value) return { value: undefined, diagnostics: loaded.diagnostics };
    const refused = specLimitDiagnostics(loaded.value, limits);
    if (refused.length) return { value: undefined, diagnostics: [...loaded.diagnostics, ...refused] };
    const resolved = withinLimits(resolveChart(loaded.value, dataset, locale), loaded.value, at);
    // A spec that does not fit Vega-Lite's schema is checked against the data, but never rendered.
    if (hasErrors(loaded.diagnostics)) return { value: undefined, diagnostics: [...loaded.diagnostics, ...resolved.diagnostics] };
    if (resolved.value) specOrigins.set(resolved.value.spec, { file, text: loaded.value.text });
    return { value: resolved.value, diagnostics: [...loaded.diagnostics, ...resolved.diagnostics] };
  };
  return {
    resolve: fromSpec,
    resolveSeries(seriesId, at) {
      // A spec file named like the series overrides the default chart.
      if (specName.test(seriesId) && existsSync(chartSpecPath(dir, seriesId))) return fromSpec(seriesId, at);
      const series = Object.hasOwn(dataset.series, seriesId) ? dataset.series[seriesId] : undefined;
      if (!series) return { value: undefined, diagnostics: [report('chart/unknown-series', at, { id: seriesId, known: Object.keys(dataset.series) })] };
      const plan = planDefaultChart(series);
      if (!plan) return { value: undefined, diagnostics: [report('chart/no-category', series.position, { series: series.id, columns: series.columns })] };
      const spec = defaultChartSpec(series, plan, series.decimals);
      const text = JSON.stringify(spec);
      const file = { name: series.id, file: series.position.file, text, spec };
      const resolved = withinLimits(resolveChart(file, dataset, locale, series.position), file, at);
      if (resolved.value && plan.x === 'periodLabel') sortByPeriod((resolved.value.spec['datasets'] as Record<string, Record<string, unknown>[]>)[series.id]!);
      return resolved;
    },
  };
}
