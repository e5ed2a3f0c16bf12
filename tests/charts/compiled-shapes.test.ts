// Charts of one shape compile once and are parsed by Vega once
// (src/charts/render-chart.ts): each still draws its own rows, and each
// reports its own Vega-Lite warnings.
import { describe, expect, it } from 'vitest';
import { renderChart, vegaParses } from '../../src/charts/render-chart.js';

const at = { file: 'templates/charts/shape.vl.json', line: 1, column: 1 };
const bars = (rows: { product: string; value: number }[], extra: Record<string, unknown> = {}) => ({
  datasets: { exports: rows },
  data: { name: 'exports' },
  mark: 'bar',
  encoding: { x: { field: 'product', type: 'nominal' }, y: { field: 'value', type: 'quantitative' } },
  ...extra,
});

describe('charts of one shape', () => {
  it('draw their own rows: the same SVG as when each is compiled alone', async () => {
    const a = await renderChart(bars([{ product: 'Copper (invented)', value: 10 }, { product: 'Fruit (invented)', value: 4 }]), 'en', at);
    const b = await renderChart(bars([{ product: 'Lithium (invented)', value: 2 }, { product: 'Wine (invented)', value: 7 }, { product: 'Salmon (invented)', value: 5 }]), 'en', at);
    expect(a.value?.labels).toEqual(expect.arrayContaining(['Copper (invented)', 'Fruit (invented)']));
    expect(b.value?.labels).toEqual(expect.arrayContaining(['Lithium (invented)', 'Wine (invented)', 'Salmon (invented)']));
    expect(b.value?.labels).not.toContain('Copper (invented)');
    expect(b.value?.drawn?.data.map((d) => d['value'])).toEqual([2, 7, 5]);
    // Compiled again, from scratch, with a spec of another shape (a key that changes nothing): the same picture.
    const alone = await renderChart(bars([{ product: 'Lithium (invented)', value: 2 }, { product: 'Wine (invented)', value: 7 }, { product: 'Salmon (invented)', value: 5 }], { description: 'alone' }), 'en', at);
    expect(alone.value?.svg.replace(/<desc>.*?<\/desc>|aria-label="[^"]*"/g, '')).toBe(b.value?.svg.replace(/<desc>.*?<\/desc>|aria-label="[^"]*"/g, ''));
  });

  it('are parsed by Vega once, and each draws as if parsed alone (its dates parsed too)', async () => {
    const line = (rows: { day: string; value: number }[], extra: Record<string, unknown> = {}) => ({
      datasets: { daily: rows },
      data: { name: 'daily' },
      mark: 'line',
      encoding: { x: { field: 'day', type: 'temporal' }, y: { field: 'value', type: 'quantitative' } },
      description: 'parsed once',
      ...extra,
    });
    const days = (start: number, values: number[]) => values.map((value, i) => ({ day: `2024-03-${String(start + i).padStart(2, '0')}`, value }));
    const before = vegaParses.count;
    const first = await renderChart(line(days(1, [3, 5, 4])), 'en', at);
    const second = await renderChart(line(days(10, [9, 1, 7, 2])), 'en', at);
    const third = await renderChart(line(days(20, [1, 2])), 'en', at);
    expect(vegaParses.count - before).toBe(1);
    expect([first, second, third].every((r) => r.value && r.diagnostics.length === 0)).toBe(true);
    // The second again, in a shape of its own (parsed afresh): the same picture.
    const alone = await renderChart(line(days(10, [9, 1, 7, 2]), { description: 'alone' }), 'en', at);
    expect(vegaParses.count - before).toBe(2);
    const plain = (svg = '') => svg.replace(/<desc>.*?<\/desc>|aria-label="[^"]*"/g, '');
    expect(plain(alone.value?.svg)).toBe(plain(second.value?.svg));
    expect(plain(second.value?.svg)).not.toBe(plain(first.value?.svg));
    expect(second.value?.drawn?.data.length).toBe(4);
  });

  it('each report their own Vega-Lite warnings, at their own position', async () => {
    const warned = (rows: { product: string; value: number }[], file: string) =>
      renderChart({ ...bars(rows), encoding: { x: { field: 'product', type: 'nominal' }, y: { field: 'value', type: 'quantitative' }, shape: { field: 'product', type: 'nominal' } } }, 'en', { ...at, file });
    const first = await warned([{ product: 'A', value: 1 }], 'one.vl.json');
    const second = await warned([{ product: 'B', value: 2 }], 'two.vl.json');
    expect(first.diagnostics.map((d) => d.rule)).toContain('chart/vega-warning');
    expect(second.diagnostics.map((d) => d.message)).toEqual(first.diagnostics.map((d) => d.message));
    expect(second.diagnostics.every((d) => d.position.file === 'two.vl.json')).toBe(true);
  });
});
