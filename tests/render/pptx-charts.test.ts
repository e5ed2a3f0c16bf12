// Issue 9: the deck's native charts say what the PDF chart says. Read back
// the chart XML of the fidelity deck (pies, a red single-series bar chart, a
// zero:false line with `.3~s`) and of decks built for one defect each.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPptx } from '../../src/build.js';
import type { NativeChart } from '../../src/charts/native-chart.js';
import { slidesToPptx } from '../../src/render/pptx/slides-to-pptx.js';
import { defaultTheme } from '../../src/theme/theme.js';
import { chartToPng } from '../../src/charts/chart-png.js';
import type { SlideModel } from '../../src/render/pptx/slide-model.js';
import { copyFixture, edit, fixtures } from '../helpers.js';
import { readPptx } from './read-pptx.js';

const req = (d: string) => ({ templatesDir: path.join(d, 'templates'), template: 'deck', dataDir: path.join(d, 'data'), outDir: '/nonexistent' });
const chartOn = (deck: Awaited<ReturnType<typeof readPptx>>, title: string) => {
  const s = deck.slides.find((x) => x.texts.includes(title));
  expect(s, title).toBeDefined();
  return s!.charts[0]!;
};
const ser = (xml: string) => [...xml.matchAll(/<c:ser>[\s\S]*?<\/c:ser>/g)].map((m) => m[0]);
const names = (xml: string) => ser(xml).map((s) => /<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/.exec(s)![1]);
const colorsOf = (xml: string) => [...xml.matchAll(/<c:dPt>[\s\S]*?<a:srgbClr val="([0-9A-F]{6})"/g)].map((m) => m[1]);

describe('fidelity deck: native charts', async () => {
  const outcome = await buildPptx(req(path.join(fixtures, 'fidelity')), { write: false });
  const deck = await readPptx(outcome.pptx!);

  it('builds a valid package', () => {
    expect(outcome.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(deck.malformed).toEqual([]);
    expect(deck.dangling).toEqual([]);
  });

  it('gives pies and doughnuts a legend, slices in the spec order, coloured by the palette in that order', () => {
    for (const title of ['Exports to Japan by product, 2024', 'Exports to Japan by product, 2024 (doughnut)']) {
      const xml = chartOn(deck, title).xml;
      expect(xml).toMatch(/<c:legend>[\s\S]*<c:legendPos val="b"\/>/);
      const cats = [...(/<c:cat>[\s\S]*?<\/c:cat>/.exec(xml)![0].matchAll(/<c:v>([^<]*)<\/c:v>/g))].map((m) => m[1]);
      expect(cats.slice(0, 4)).toEqual(['Gỗ và sản phẩm gỗ', 'Copper concentrate', 'Zinc and lead ores', 'Fishmeal and fish oil']);
      expect(colorsOf(xml).slice(0, 3)).toEqual(['0B4F8A', 'E07A10', '2A8C82']);
    }
  });

  it('draws a single-series bar chart in the mark colour, one colour for every bar', () => {
    const xml = chartOn(deck, 'Throughput by port').xml;
    const s = ser(xml)[0]!;
    expect(/<c:spPr>\s*<a:solidFill>\s*<a:srgbClr val="([0-9A-F]{6})"/.exec(s)![1]).toBe('C0392B');
    expect(s).not.toContain('<c:dPt>');
    expect(xml).not.toContain('<c:legend>');
  });

  it('labels each bar as the PDF does: the series format, and a value with fewer decimals in its own', () => {
    const c = chartOn(deck, 'Throughput by port');
    expect(c.formatCodes).toContain('#,##0.00;-#,##0.00;;');
    // Callao 2873.1, Paita 412 (not 2,873.10 and 412.00).
    expect(c.xml).toMatch(/<c:dLbl><c:idx val="0"\/><c:numFmt formatCode="#,##0\.0"/);
    expect(c.xml).toMatch(/<c:dLbl><c:idx val="1"\/><c:numFmt formatCode="#,##0"/);
    expect(c.xml).not.toMatch(/<c:dLbl><c:idx val="2"\/>/);
  });

  it('starts the zero:false axis at a nice minimum and writes `.3~s` as an Excel format', () => {
    const xml = chartOn(deck, 'Export price index').xml;
    const valAx = /<c:valAx>[\s\S]*?<\/c:valAx>/.exec(xml)![0];
    expect(valAx).toContain('<c:min val="101"/>');
    expect(valAx).toMatch(/<c:numFmt formatCode="0" sourceLinked="0"\/>/);
    // Five points, asked for with `point: true`: markers stay.
    expect(xml).toMatch(/<c:marker>\s*<c:symbol val="circle"\/>/);
  });

  it('draws the 2,000-point daily line natively, without a marker on every point', () => {
    const s = deck.slides.find((x) => x.texts.includes('Daily landings'))!;
    expect(s.pictures).toEqual([]);
    expect(s.charts).toHaveLength(1);
    expect(s.charts[0]!.values).toHaveLength(2000);
    expect(s.charts[0]!.xml).toMatch(/<c:marker>\s*<c:symbol val="none"\/>/);
    expect(s.charts[0]!.xml).not.toMatch(/<c:symbol val="circle"\/>/);
  });

  it('draws a line whose axis relabels its values with a labelExpr as a picture', async () => {
    const d = copyFixture('fidelity');
    edit(d, 'templates/charts/daily-line.vl.json', '"labelOverlap": "greedy"', '"labelExpr": "slice(datum.value, 0, 4)"');
    const o = await buildPptx(req(d), { write: false });
    const s = (await readPptx(o.pptx!)).slides.find((x) => x.texts.includes('Daily landings'))!;
    expect(s.charts).toEqual([]);
    expect(s.pictures).toHaveLength(1);
  });
});

describe('qualified values and series order in the deck', () => {
  it('keeps "over" in the label of a value from a qualified fact', async () => {
    const d = copyFixture('mini');
    edit(d, 'data/series/trade.csv', 'period,value,source,basis\n2023,171.9,vns,\n2024,260.65,gacc,cn-customs', 'period,value,source,basis,fact\n2023,171.9,vns,,\n2024,200,vns,vn-stats,vn-2024');
    edit(d, 'templates/charts/trade.vl.json', '"mark": "bar",', '"layer": [{ "mark": "bar" }, { "mark": "text", "encoding": { "text": { "field": "value", "type": "quantitative", "format": ",.2~f" } } }],');
    const o = await buildPptx(req(d), { write: false });
    expect(o.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
    const deck = await readPptx(o.pptx!);
    expect(deck.malformed).toEqual([]);
    const c = deck.slides.flatMap((s) => s.charts)[0]!;
    expect(c.values).toEqual([171.9, 200]);
    expect(c.formatCodes).toContain('#,##0.0;-#,##0.0;;');
    expect(c.xml).toContain('<c:dLbl><c:idx val="1"/><c:numFmt formatCode="&quot;over &quot;#,##0" sourceLinked="0"/>');
    expect(c.xml).not.toContain('200.0');
  });

  it('writes series in the colour domain order, each with its colour, and no markers on a long line', async () => {
    const long: NativeChart = {
      kind: 'line',
      direction: 'col',
      grouping: 'standard',
      series: ['exports', 'imports'].map((name) => ({ name, labels: Array.from({ length: 2000 }, (_, i) => `d${i}`), values: Array.from({ length: 2000 }, (_, i) => i % 97), numberFormat: '#,##0' })),
      showValues: false,
      numberFormat: '#,##0',
      colors: ['#0b4f8a', '#e07a10'],
      legend: 'b',
      markers: false,
    };
    const model: SlideModel = {
      widthIn: 13.33,
      heightIn: 7.5,
      pictures: [],
      info: { title: 't', lang: 'en-GB', date: '2025-01-01' },
      slides: [{ number: 1, kind: 'content', title: 'Long', notes: [], items: [{ type: 'chart', x: 0.6, y: 1.5, w: 12, h: 5, title: 'Long', altText: 'Long', native: long }] }],
    };
    const deck = await readPptx(await slidesToPptx(model, new Date('2025-01-01T00:00:00Z'), defaultTheme, (svg) => chartToPng(svg)));
    const xml = deck.slides[0]!.charts[0]!.xml;
    expect(names(xml)).toEqual(['exports', 'imports']);
    expect(ser(xml).map((s) => /<c:spPr>[\s\S]*?<a:srgbClr val="([0-9A-F]{6})"/.exec(s)![1])).toEqual(['0B4F8A', 'E07A10']);
    expect(ser(xml).every((s) => /<c:marker>\s*<c:symbol val="none"\/>/.test(s))).toBe(true);
    const scatter: NativeChart = { kind: 'scatter', direction: 'col', grouping: 'standard', series: [{ name: 'x', labels: [], values: [1, 2, 3], numberFormat: '#,##0' }, { name: 'y', labels: [], values: [3, 1, 2], numberFormat: '#,##0' }], showValues: false, numberFormat: '#,##0', colors: ['#0b4f8a'], markers: true };
    const points = await readPptx(await slidesToPptx({ ...model, slides: [{ ...model.slides[0]!, items: [{ type: 'chart', x: 0.6, y: 1.5, w: 12, h: 5, title: 'Points', altText: 'Points', native: scatter }] }] }, new Date('2025-01-01T00:00:00Z'), defaultTheme, (svg) => chartToPng(svg)));
    // A Vega point chart does not join its points.
    expect(ser(points.slides[0]!.charts[0]!.xml)[0]).toMatch(/<a:ln><a:noFill\/><\/a:ln>/);
    // The slide model is not mutated by pptxgenjs.
    expect(long.series[0]!.labels[0]).toBe('d0');
    expect(Object.keys(long.series[0]!)).not.toContain('_dataIndex');
  });
});
