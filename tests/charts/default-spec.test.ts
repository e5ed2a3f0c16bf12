// Charts drawn from a series alone (`::chart{series=…}`): a line over
// periods, bars for categories, colour by a declared column, a spec file
// named like the series overriding it, and clear errors otherwise.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartCatalog } from '../../src/charts/chart-catalog.js';
import { planDefaultChart } from '../../src/charts/default-spec.js';
import { toNativeChart } from '../../src/charts/native-chart.js';
import { renderChart } from '../../src/charts/render-chart.js';
import { loadDataset } from '../../src/facts/load-dataset.js';
import type { Series } from '../../src/facts/dataset.js';
import { copyFixture, edit, fixtures } from '../helpers.js';

const dataset = loadDataset(path.join(fixtures, 'standard', 'data')).value!;
const at = { file: 'template.md.hbs', line: 3, column: 1 };
const noSpecs = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-nospecs-'));
const catalog = chartCatalog(noSpecs, dataset, 'en');

const series = (columns: string[], rows: Record<string, string | number>[], extra: Partial<Series> = {}): Series => ({
  id: 's',
  title: 'S',
  unit: 'count',
  file: 'x.csv',
  sources: ['x'],
  columns,
  rows: rows.map((values) => ({ values, position: at })),
  position: at,
  decimals: 0,
  ...extra,
});

describe('default charts', () => {
  it('draws a line over three or more periods, bars for fewer, bars for categories', () => {
    const years = (n: number) => Array.from({ length: n }, (_, i) => ({ period: String(2020 + i), value: i }));
    expect(planDefaultChart(series(['period', 'value'], years(3)))).toMatchObject({ mark: 'line', x: 'periodLabel' });
    expect(planDefaultChart(series(['period', 'value'], years(2)))).toMatchObject({ mark: 'bar', x: 'periodLabel', horizontal: false });
    expect(planDefaultChart(series(['country', 'value', 'source'], [{ country: 'Peru', value: 1 }]))).toMatchObject({ mark: 'bar', x: 'country', labels: true });
    // Many categories, or long names, lie down.
    expect(planDefaultChart(series(['country', 'value'], [{ country: 'Bosnia and Herzegovina', value: 1 }]))!.horizontal).toBe(true);
    expect(planDefaultChart(series(['value', 'source'], [{ value: 1 }]))).toBeUndefined();
  });

  it('follows the series’ chart hints', () => {
    const s = series(['period', 'kind', 'value'], [{ period: '2024', kind: 'a', value: 1 }], { chart: { mark: 'line', color: 'kind' } });
    expect(planDefaultChart(s)).toMatchObject({ mark: 'line', x: 'periodLabel', color: 'kind', labels: false });
  });

  it('resolves to a spec with the series title, unit, sources and data in period order', () => {
    const r = catalog.resolveSeries('trade-by-year', at);
    expect(r.diagnostics).toEqual([]);
    expect(r.value!.title).toBe('Chile–Korea trade by year, Korea’s count'.replace('’', "'"));
    expect(r.value!.unitLine).toBe('Unit: US$ billion');
    expect(r.value!.sourceIds).toEqual(['kr-trade-review']);
    const rows = (r.value!.spec['datasets'] as Record<string, { period: string }[]>)['trade-by-year']!;
    expect(rows.map((x) => x.period)).toEqual(['2020', '2021', '2022', '2023', '2024']);
  });

  it('becomes a native chart: a line, labelled bars, grouped bars by colour', () => {
    const line = toNativeChart(catalog.resolveSeries('trade-by-year', at).value!.spec)!;
    expect(line).toMatchObject({ kind: 'line', series: [{ labels: ['2020', '2021', '2022', '2023', '2024'], values: [6.9, 7.42, 8.91, 9.85, 11.2] }] });
    const bars = toNativeChart(catalog.resolveSeries('exports-by-product', at).value!.spec)!;
    expect(bars).toMatchObject({ kind: 'bar', showValues: true, numberFormat: '#,##0.0' });
    const grouped = toNativeChart(catalog.resolveSeries('fdi-by-year', at).value!.spec)!;
    expect(grouped).toMatchObject({ kind: 'bar', grouping: 'clustered', series: [{ name: 'registered' }, { name: 'disbursed' }] });
  });

  it('renders with Vega, labels in the data’s precision', async () => {
    const r = catalog.resolveSeries('exports-by-product', at).value!;
    const rendered = await renderChart(r.spec, 'en', at);
    expect(rendered.diagnostics).toEqual([]);
    expect(rendered.value!.labels).toContain('812.4');
    expect(rendered.value!.labels).toContain('Copper cathodes');
  });

  it('gives way to a spec file named like the series', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-specs-'));
    writeFileSync(path.join(dir, 'trade-by-year.vl.json'), JSON.stringify({ title: 'My own', data: { name: 'trade-by-year' }, mark: 'bar', encoding: { x: { field: 'periodLabel', type: 'nominal' }, y: { field: 'value', type: 'quantitative' } } }));
    expect(chartCatalog(dir, dataset, 'en').resolveSeries('trade-by-year', at).value!.title).toBe('My own');
  });

  it('names an unknown series at the directive', () => {
    const r = catalog.resolveSeries('trade-by-yr', at);
    expect(r.diagnostics.map((d) => [d.rule, d.position])).toEqual([['chart/unknown-series', at]]);
  });

  it('refuses a series that mixes bases unless the series declares it', () => {
    const dir = copyFixture('standard');
    edit(dir, 'data/series/trade-by-year.csv', '2021,7.42,kr-trade-review,kr-customs,', '2021,7.42,kr-trade-review,cl-bank,');
    edit(dir, 'data/series.yaml', 'sources: [kr-trade-review]\n  - id: exports', 'sources: [kr-trade-review]\n  - id: exports');
    const mixed = loadDataset(path.join(dir, 'data')).value!;
    const r = chartCatalog(noSpecs, mixed, 'en').resolveSeries('trade-by-year', at);
    expect(r.diagnostics.map((d) => d.rule)).toEqual(['chart/mixed-bases']);
    expect(r.diagnostics[0]!.position).toEqual(mixed.series['trade-by-year']!.position);
    edit(dir, 'data/series.yaml', 'file: series/trade-by-year.csv', 'file: series/trade-by-year.csv\n    mixes: [bases]');
    const declared = chartCatalog(noSpecs, loadDataset(path.join(dir, 'data')).value!, 'en').resolveSeries('trade-by-year', at);
    expect(declared.diagnostics).toEqual([]);
    expect(declared.value!.noteLine).toContain('Mixes statistical bases');
  });
});
