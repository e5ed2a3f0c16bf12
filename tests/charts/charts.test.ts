import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartCatalog } from '../../src/charts/chart-catalog.js';
import { renderChart } from '../../src/charts/render-chart.js';
import { messages } from '../../src/diagnostics/messages.js';
import { loadDataset } from '../../src/facts/load-dataset.js';
import { defaultTheme } from '../../src/theme/theme.js';

const measure = defaultTheme.fonts.measure.bind(defaultTheme.fonts);
import { expectGolden } from '../golden.js';
import { fixtures } from '../helpers.js';

const dataset = loadDataset(path.join(fixtures, 'mini', 'data')).value!;
const at = { file: 'template.md.hbs', line: 7, column: 1 };

function catalogWith(spec: unknown) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-charts-'));
  writeFileSync(path.join(dir, 'c.vl.json'), JSON.stringify(spec, null, 2));
  return { dir, catalog: chartCatalog(dir, dataset, 'en') };
}

describe('chart specs', () => {
  it('inlines the named series and builds title, unit and source lines', () => {
    const r = chartCatalog(path.join(fixtures, 'mini', 'templates', 'charts'), dataset, 'en').resolve('trade', at);
    expect(r.diagnostics).toEqual([]);
    expect(r.value!.title).toBe('Bilateral trade, Lạng Sơn check');
    expect(r.value!.unitLine).toBe('Unit: US$ billion');
    expect(r.value!.sourceIds).toEqual(['vns', 'gacc']);
    expect((r.value!.spec['datasets'] as Record<string, unknown[]>)['trade']).toHaveLength(2);
    expect(r.value!.spec['title']).toBeUndefined();
  });

  it('refuses a url anywhere in a spec, naming the spec file and line', () => {
    const { dir, catalog } = catalogWith({ data: { name: 'trade' }, layer: [{ data: { url: 'https://example.org/x.csv' }, mark: 'bar' }] });
    const r = catalog.resolve('c', at);
    expect(r.value).toBeUndefined();
    const d = r.diagnostics[0]!;
    expect(d.rule).toBe('chart/url-forbidden');
    expect(d.position.file).toBe(path.join(dir, 'c.vl.json'));
    expect(d.position.line).toBe(8);
    expect(d.message).toBe(messages['chart/url-forbidden'].text({ path: '$.layer[0].data.url' }));
  });

  it('reports a spec that is not JSON, or names no series, at its file and line', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-charts-'));
    writeFileSync(path.join(dir, 'bad.vl.json'), '{\n  "mark": "bar",\n  oops\n}');
    writeFileSync(path.join(dir, 'nodata.vl.json'), '{ "mark": "bar" }');
    const catalog = chartCatalog(dir, dataset, 'en');
    expect(catalog.resolve('bad', at).diagnostics.map((d) => `${d.rule} ${d.position.line}`)).toEqual(['chart/bad-json 3']);
    expect(catalog.resolve('nodata', at).diagnostics.map((d) => d.rule)).toEqual(['chart/no-series']);
  });

  it('reports an unknown spec, an unknown series and an unknown field', () => {
    const { catalog } = catalogWith({ data: { name: 'trad' }, mark: 'bar', encoding: { x: { field: 'period' } } });
    expect(catalog.resolve('nope', at).diagnostics[0]).toMatchObject({ rule: 'chart/unknown-spec', position: at });
    expect(catalog.resolve('c', at).diagnostics[0]!.rule).toBe('chart/unknown-series');
    const bad = catalogWith({ data: { name: 'trade' }, mark: 'bar', encoding: { x: { field: 'year' } } });
    expect(bad.catalog.resolve('c', at).diagnostics[0]!.rule).toBe('chart/unknown-field');
  });
});

describe('renderChart', () => {
  const spec = chartCatalog(path.join(fixtures, 'mini', 'templates', 'charts'), dataset, 'en').resolve('trade', at).value!.spec;

  it('renders SVG with the document font and matches its golden', async () => {
    const r = await renderChart(spec, 'en', at);
    expect(r.diagnostics).toEqual([]);
    expect(r.value!.svg).toContain('font-family="Be Vietnam Pro"');
    expect(r.value!.labels).toEqual(expect.arrayContaining(['2023', '2024', '250']));
    expectGolden(path.join(fixtures, 'mini', 'expected', 'trade-chart.svg'), r.value!.svg);
  });

  it('measures text with the real font, not the 0.8 × length guess', async () => {
    await renderChart(spec, 'en', at);
    const vega = await import('vega');
    const width = (vega as unknown as { textMetrics: { width: (item: object, text: string) => number } }).textMetrics.width;
    const w = width({ fontSize: 10 }, 'Lạng Sơn – Hải Phòng');
    expect(w).toBeCloseTo(measure('Lạng Sơn – Hải Phòng', 'regular', 10), 5);
    expect(w).not.toBe(Math.floor(0.8 * 'Lạng Sơn – Hải Phòng'.length * 10));
  });

  it('formats axis numbers with the Vietnamese decimal mark', async () => {
    const r = await renderChart({ ...spec, encoding: { ...(spec['encoding'] as object), y: { field: 'value', type: 'quantitative', axis: { format: ',.1f' } } } }, 'vi', at);
    expect(r.value!.labels).toContain('250,0');
  });

  it('never loads data from outside: a spec that asks is refused at render time too', async () => {
    const r = await renderChart({ data: { url: 'file:///etc/passwd' }, mark: 'point' }, 'en', at);
    expect(r.value?.labels ?? []).not.toContain('root');
    expect(r.diagnostics.some((d) => d.rule === 'chart/render-failed' || d.rule === 'chart/vega-warning' || d.rule === 'chart/compile-failed')).toBe(true);
  });
});
