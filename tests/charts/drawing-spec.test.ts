// Long lines are drawn thinned (largest-triangle-three-buckets) with a few
// axis labels; the chart node keeps every row, and says what was drawn.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawingSpec, maxDrawnPoints } from '../../src/charts/drawing-spec.js';
import { buildPdf, buildPptx } from '../../src/build.js';
import { documentCharts } from '../../src/charts/render-charts.js';
import { fixtures } from '../helpers.js';
import { readPdf } from '../render/read-pdf.js';

const line = (n: number, extra: Record<string, unknown> = {}) => ({
  mark: { type: 'line', point: true },
  data: { name: 's' },
  encoding: { x: { field: 'periodLabel', type: 'ordinal', sort: null }, y: { field: 'value', type: 'quantitative' } },
  datasets: { s: Array.from({ length: n }, (_, i) => ({ periodLabel: `d${i}`, value: i === 777 ? 1000 : Math.sin(i / 40) * 10 }), ) },
  ...extra,
});

describe('drawingSpec', () => {
  it('thins a 2,000-point line to the limit, keeping the ends and the peak, without markers', () => {
    const d = drawingSpec(line(2000), 's')!;
    expect(d.total).toBe(2000);
    expect(d.drawn).toBe(maxDrawnPoints);
    const rows = (d.spec['datasets'] as Record<string, { periodLabel: string; value: number }[]>)['s']!;
    expect(rows[0]!.periodLabel).toBe('d0');
    expect(rows.at(-1)!.periodLabel).toBe('d1999');
    expect(rows.some((r) => r.value === 1000)).toBe(true);
    expect((d.spec['mark'] as { point: boolean }).point).toBe(false);
    const axis = ((d.spec['encoding'] as Record<string, Record<string, unknown>>)['x']!['axis'] as { values: string[] });
    expect(axis.values.length).toBeLessThanOrEqual(8);
    expect(axis.values[0]).toBe('d0');
  });

  it('keeps every point of a line of a few dozen, but spreads its labels', () => {
    const d = drawingSpec(line(100), 's')!;
    expect(d.drawn).toBe(100);
    expect((d.spec['mark'] as { point: boolean }).point).toBe(true);
    expect(drawingSpec(line(20), 's')).toBeUndefined();
  });

  it('leaves alone what it cannot thin safely: transforms, layers, colour groups, bars', () => {
    expect(drawingSpec(line(2000, { transform: [{ filter: 'datum.value > 0' }] }), 's')).toBeUndefined();
    const colored = line(2000);
    (colored.encoding as Record<string, unknown>)['color'] = { field: 'kind' };
    expect(drawingSpec(colored, 's')).toBeUndefined();
    expect(drawingSpec({ ...line(2000), mark: 'bar' }, 's')).toBeUndefined();
  });
});

describe('a 2,000-point series in the fidelity fixture', () => {
  const req = { templatesDir: path.join(fixtures, 'fidelity', 'templates'), template: 'brief', dataDir: path.join(fixtures, 'fidelity', 'data'), outDir: '/nonexistent' };

  it('is drawn thinned in the brief, which says so, and complete in the deck’s native chart', async () => {
    const pdf = await buildPdf(req, { write: false });
    const long = documentCharts(pdf.prepared!.document).find((c) => c.drawing && c.drawing.drawn < c.drawing.total);
    expect(long, 'a thinned chart').toBeDefined();
    const total = long!.drawing!.total;
    expect(((long!.spec['datasets'] as Record<string, unknown[]>)[long!.seriesId])!.length).toBe(total);
    const { text } = await readPdf(pdf.pdf!);
    expect(text.replace(/\s+/g, ' ')).toContain(`Line drawn through 600 of ${total.toLocaleString('en')} points`);
    const deck = await buildPptx({ ...req, template: 'deck' }, { write: false });
    const item = deck.slideModel!.slides.flatMap((s) => s.items).find((i) => i.type === 'chart' && i.title === long!.title);
    expect(item && item.type === 'chart' && item.native?.series.reduce((n, s) => n + s.values.length, 0)).toBe(total);
  });
});
