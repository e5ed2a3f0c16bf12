// A chart's alternative text from its spec and the data Vega drew, on
// invented figures (Kenya–EU cut flowers, not the example's topic): bars,
// a calculated label, a time axis, a pie, qualifiers, Vietnamese, and a
// spec's own description.
import { describe, expect, it } from 'vitest';
import { chartAltText } from '../../src/charts/chart-alt-text.js';
import { renderChart } from '../../src/charts/render-chart.js';
import type { Chart } from '../../src/document/nodes.js';
import type { Locale } from '../../src/format/locale.js';

const at = { file: 'charts/x.vl.json', line: 1, column: 1 };

// Invented figures, for tests only.
const flowers = [
  { period: '2022', periodLabel: '2022', value: 610.5, basis: 'eu', coverage: 'Full year', fact: 'f-2022' },
  { period: '2023', periodLabel: '2023', value: 702.25, basis: 'kenya', coverage: 'Full year', fact: 'f-2023' },
  { period: '2024-01..2024-06', periodLabel: 'Jan–Jun 2024', value: 380, basis: 'kenya', coverage: 'Part of the year', fact: 'f-2024-h1' },
];

async function chart(spec: Record<string, unknown>, locale: Locale = 'en', extra: Partial<Chart> = {}): Promise<string> {
  const full = { data: { name: 'flowers' }, datasets: { flowers }, ...spec };
  const rendered = await renderChart(full, locale, at);
  expect(rendered.diagnostics).toEqual([]);
  const node: Chart = {
    type: 'chart',
    name: 'x',
    title: 'Cut-flower exports to the EU',
    unitLine: locale === 'vi' ? 'Đơn vị: triệu euro' : 'Unit: € million',
    sourceLine: [],
    spec: full,
    seriesId: 'flowers',
    position: at,
    rendered: rendered.value!,
    ...extra,
  };
  return chartAltText(node, locale);
}

const bars = {
  encoding: { x: { field: 'periodLabel', type: 'nominal', sort: null }, y: { field: 'value', type: 'quantitative' } },
  layer: [{ mark: 'bar', encoding: { color: { field: 'coverage', type: 'nominal' } } }, { mark: { type: 'text', dy: -5 }, encoding: { text: { field: 'value', type: 'quantitative' } } }],
};

describe('chart alternative text', () => {
  it('says kind, title, unit, highest and lowest with their labels, and how many bars', async () => {
    expect(await chart(bars)).toBe('Bar chart, Cut-flower exports to the EU, € million: highest 702.25 (2023, Full year), lowest 380 (Jan–Jun 2024, Part of the year); 3 bars.');
  });

  it('uses labels a transform calculated (what Vega drew, not the raw rows)', async () => {
    const spec = {
      transform: [{ calculate: "datum.periodLabel + ' (' + datum.basis + ')'", as: 'row' }],
      mark: 'bar',
      encoding: { y: { field: 'row', type: 'nominal', sort: null }, x: { field: 'value', type: 'quantitative' } },
    };
    expect(await chart(spec)).toContain('highest 702.25 (2023 (kenya)), lowest 380 (Jan–Jun 2024 (kenya)); 3 bars.');
  });

  it('gives the span of a time axis, with the series’ period labels', async () => {
    const spec = { mark: { type: 'line', point: true }, encoding: { x: { field: 'period', type: 'temporal' }, y: { field: 'value', type: 'quantitative' } } };
    const rows = flowers.slice(0, 2);
    const full = { datasets: { flowers: rows } };
    const text = await chart({ ...spec, ...full });
    expect(text).toBe('Line chart, Cut-flower exports to the EU, € million, 2022 to 2023: highest 702.25 (2023), lowest 610.5 (2022); 2 points.');
  });

  it('counts slices of a pie and keeps a qualifier word with its value', async () => {
    const spec = { mark: 'arc', encoding: { theta: { field: 'value', type: 'quantitative' }, color: { field: 'periodLabel', type: 'nominal', sort: null } } };
    expect(await chart(spec, 'en', { qualifiers: { 'f-2023': 'over' } })).toBe('Pie chart, Cut-flower exports to the EU, € million: highest over 702.25 (2023), lowest 380 (Jan–Jun 2024); 3 slices.');
  });

  it('is written in the document language, numbers too', async () => {
    expect(await chart(bars, 'vi')).toBe('Biểu đồ cột, Cut-flower exports to the EU, triệu euro: cao nhất 702,25 (2023, Full year), thấp nhất 380 (Jan–Jun 2024, Part of the year); 3 cột.');
  });

  it('adds the spec’s own description, and says a single value as such', async () => {
    const one = { datasets: { flowers: flowers.slice(1, 2) }, mark: 'bar', encoding: { x: { field: 'periodLabel', type: 'nominal' }, y: { field: 'value', type: 'quantitative' } }, description: 'Kenya’s count.' };
    expect(await chart(one)).toBe('Bar chart, Cut-flower exports to the EU, € million: value 702.25 (2023); 1 bar. Kenya’s count.');
  });
});
